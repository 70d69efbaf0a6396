import Charrette

/// Boards: the youth shadow board, the executive it shadows, a citizens' panel.
enum BoardCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "board add", summary: "create a board, such as a youth shadow board",
            signature: Signature(
                [.init("name", "the short name used in commands")],
                flags: [
                    .init("title", "TEXT", "the full name shown in reports"),
                    .init("shadows", "BOARD", "the board this one shadows", completes: .board),
                ]),
            example: #"board add youth --title "Youth Shadow Board" --shadows exec"#, showsResult: false, changes: true
        ) { call in
            let name = try call.string(0, "a board name")
            let title = try call.flagString("title"), shadows = try call.flagString("shadows")
            let board = try call.perform { try $0.createBoard(name: name, title: title, shadows: shadows) }
            return .record(Record([("name", .string(board.name)), ("title", .string(board.title))]))
        },
        CommandSpec("boards", summary: "the boards and their members", example: "boards") { call in
            let state = call.interpreter.workspace.state
            return Rows.table(
                state.boards.values.sorted { $0.id < $1.id }.map { board in
                    Record([
                        ("name", .string(board.name)), ("title", .string(board.title)),
                        ("shadows", board.shadows.flatMap { state.boards[$0] }.map { .string($0.name) } ?? .null),
                        ("members", .integer(state.participants.values.filter { $0.boards.contains(board.id) }.count)),
                    ])
                })
        },
    ]
}
