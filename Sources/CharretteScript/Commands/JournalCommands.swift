import Charrette
import Foundation

enum JournalCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "journal log", summary: "the latest journal entries",
            signature: Signature(flags: [.init("last", "N", "how many (default 20)")]), example: "journal log --last 5"
        ) { call in
            let count = try call.flagInt("last") ?? 20
            try call.interpreter.flush()
            let workspace = call.interpreter.workspace
            let state = workspace.state
            var rows: [Record] = []
            try workspace.storage.readEntries(after: max(0, state.headSequence - Int64(count))) { encoded in
                guard encoded.sequence <= state.headSequence else { return }
                rows.append(
                    Record([
                        ("entry", .integer(Int(encoded.sequence))),
                        ("change", .integer(Int(encoded.change))),
                        ("time", .string(Self.time(EntryCoding.date(millis: encoded.timeMillis)))),
                        ("by", encoded.actor.flatMap { state.participants[Participant.ID($0)] }.map { .participant($0.handle) } ?? .null),
                        ("event", .string(encoded.kind)),
                    ]))
            }
            return Rows.table(rows)
        },
        CommandSpec(
            "journal verify", summary: "check the whole journal's hash chain, the personal records and the query tables; fails when anything does not hold",
            signature: Signature(flags: [
                .init("receipt", "HASH", "also say whether the ballot with this receipt (its entry's hash, from the room) is counted")
            ]),
            example: "journal verify"
        ) { call in
            let receipt = try call.flagString("receipt").map { text in
                guard let hash = JournalHash(hex: text.lowercased()) else {
                    throw call.flagError("receipt", "--receipt takes the 64 hexadecimal digits of a receipt")
                }
                return hash
            }
            let workspace = call.interpreter.workspace
            let result = try workspace.verify()
            var fields: [(String, Value)] = [
                ("entries", .integer(Int(result.entryCount))), ("intact", .bool(result.isIntact)),
                ("head", .string(result.headHash.hex)), ("problem", result.problem.map { .string($0.description) } ?? .null),
            ]
            if let receipt, result.isIntact {
                fields.append(("receipt", .string(receiptSentence(try workspace.checkReceipt(receipt), workspace.state))))
            }
            let record = Record(fields)
            guard let problem = result.problem else { return .record(record) }
            // A broken journal fails the script, so that a script or CI job can tell.
            try call.interpreter.show(Rendering.text(.record(record), width: call.interpreter.width))
            throw call.error("the journal does not verify: \(problem.description)")
        },
        CommandSpec(
            "journal undo", summary: "revert the latest change (appends its compensation; nothing is erased)",
            signature: Signature(flags: [
                .init("change", "N", "the change to revert, as journal log numbers it: needed when another session made the latest change")
            ]),
            example: "journal undo", changes: true
        ) { call in
            let workspace = call.interpreter.workspace
            try call.interpreter.flush()
            try workspace.refresh()
            guard let latest = workspace.state.nextUndoableChange else { throw call.error(CharretteError.nothingToUndo.description) }
            let named = try call.flagInt("change").map(Int64.init)
            if named == nil, workspace.isFromAnotherSession(change: latest) {
                throw call.error(
                    "the latest change, \(try describe(change: latest, workspace)), was made in another session "
                        + "while this one was open: to undo it, say journal undo --change \(latest)")
            }
            let undone = try call.perform { try $0.undo(change: named ?? latest) }
            guard let first = undone.first else { return .null }
            return .string("undone: " + summary(of: undone, elsewhere: workspace.isFromAnotherSession(change: first.change), workspace.state))
        },
    ]

    /// What a receipt check found, in a sentence.
    static func receiptSentence(_ check: ReceiptCheck, _ state: WorkspaceState) -> String {
        func title(_ vote: Vote.ID) -> String { state.votes[vote].map { "'\($0.title)'" } ?? "vote \(vote.rawValue)" }
        return switch check {
        case .counted(let sequence, let vote, _): "counted: the ballot of entry \(sequence) is its voter's ballot in force in \(title(vote))"
        case .superseded(let sequence, let vote, _):
            "not counted: the ballot of entry \(sequence) is no longer its voter's ballot in force in \(title(vote)) (a later ballot replaced it, or it was taken back)"
        case .notABallot(let sequence, let kind): "entry \(sequence) is a \(kind), not a ballot"
        case .unknown: "no entry of this journal has that hash"
        }
    }

    /// "change 11 (voteClosed), made 2026-12-02 11:09:12 by @sam", from the store.
    static func describe(change: Int64, _ workspace: Workspace) throws -> String {
        var entries: [JournalEntry] = []
        try workspace.storage.readEntries(after: change - 1) { encoded in
            if encoded.change == change { entries.append(try EntryCoding.decode(encoded)) }
        }
        return summary(of: entries, elsewhere: false, workspace.state)
    }

    /// One line for the entries of one change, however many: their kinds counted, when and by whom.
    static func summary(of entries: [JournalEntry], elsewhere: Bool, _ state: WorkspaceState) -> String {
        guard let first = entries.first else { return "no change" }
        var counts: [(kind: String, count: Int)] = []
        for entry in entries {
            if let index = counts.firstIndex(where: { $0.kind == entry.event.kind }) { counts[index].count += 1 } else { counts.append((entry.event.kind, 1)) }
        }
        let kinds =
            entries.count == 1
            ? first.event.kind
            : "\(entries.count) entries: " + counts.map { "\($0.kind) × \($0.count)" }.joined(separator: ", ")
        let author = first.actor.flatMap { state.participants[$0] }.map { " by @\($0.handle)" } ?? ""
        let when = Calendar.current.isDateInToday(first.time) ? "at " + time(first.time, format: "HH:mm:ss") : "on " + time(first.time)
        return "change \(first.change) (\(kinds)), made \(when)\(author)\(elsewhere ? " in another session" : "")"
    }

    static func time(_ date: Date, format: String = "yyyy-MM-dd HH:mm:ss") -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
