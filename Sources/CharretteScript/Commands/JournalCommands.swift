import Charrette
import Foundation

enum JournalCommands {
    static let all: [CommandSpec] = [
        CommandSpec("journal log", summary: "the latest journal entries",
                    signature: Signature(flags: [.init("last", "N", "how many (default 20)")]), example: "journal log --last 5") { call in
            let count = try call.flagInt("last") ?? 20
            try call.interpreter.flush()
            let workspace = call.interpreter.workspace
            let state = workspace.state
            var rows: [Record] = []
            try workspace.storage.readEntries(after: max(0, state.headSequence - Int64(count))) { encoded in
                rows.append(Record([
                    ("entry", .integer(Int(encoded.sequence))),
                    ("time", .string(Self.time(EntryCoding.date(millis: encoded.timeMillis)))),
                    ("by", encoded.actor.flatMap { state.participants[Participant.ID($0)] }.map { .participant($0.handle) } ?? .null),
                    ("event", .string(encoded.kind)),
                ]))
            }
            return Rows.table(rows)
        },
        CommandSpec("journal verify", summary: "check the whole journal's hash chain", example: "journal verify") { call in
            let result = try call.interpreter.workspace.verify()
            return .record(Record([
                ("entries", .integer(Int(result.entryCount))), ("intact", .bool(result.isIntact)),
                ("head", .string(result.headHash.hex)), ("problem", result.problem.map { .string($0.description) } ?? .null),
            ]))
        },
        CommandSpec("journal undo", summary: "revert the latest change (appends its compensation; nothing is erased)",
                    example: "journal undo") { call in
            let undone = try call.perform { try $0.undo() }
            let entries = undone.map { "entry \($0.sequence) (\($0.event.kind))" }.joined(separator: ", ")
            return .string("undone: \(entries)")
        },
    ]

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
