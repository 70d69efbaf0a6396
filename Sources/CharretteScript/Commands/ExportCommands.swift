import Charrette
import CharretteSession
import CharretteVoting
import Foundation

/// Writing outcomes to files. Personal data stays out unless asked for: people appear by handle.
enum ExportCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "export",
            summary:
                "write the current consultation to a file: .json (everything, to import elsewhere), .csv or .md (the ideas); a vote's ballots to .soc .soi .toc .toi .cat .pb or .jsonl",
            signature: Signature(
                [.init("file", "where to write; the extension chooses the format")],
                flags: [
                    .init("vote", "TITLE", "the vote whose ballots a ballot file holds; the newest by default"),
                    .init("personal", "", "include display names and attributes in .json (personal data; left out by default)"),
                    .init("hidden", "", "include the texts of hidden ideas (left out by default: they may hold abuse or personal details)"),
                ]),
            example: "export outcome.json", showsResult: false
        ) { call in
            let path = try call.string(0, "a file name")
            // The file holds the journal's head: everything in it must be written first.
            try call.interpreter.flush()
            let state = call.interpreter.workspace.state
            let consultation = try call.consultation()
            // A hidden idea's text stays out unless asked for (moderators hide abuse and personal details).
            let ideas = Rows.table(state.ideas(of: consultation).map { Rows.idea($0, state, hidden: call.has("hidden")) })
            let text: String
            let ext = (path as NSString).pathExtension.lowercased()
            switch ext {
            case "json":
                let dump = ConsultationDump(
                    state, consultation: consultation,
                    options: .init(includePersonalData: call.has("personal"), includeHiddenTexts: call.has("hidden")))
                text = String(decoding: try dump.json(), as: UTF8.self) + "\n"
            case "csv": text = Rendering.csv(ideas)
            case "md": text = Rendering.markdown(ideas) + "\n"
            case _ where BallotFileFormat(fileExtension: ext) != nil:
                text = try ballotFile(
                    call, ext: ext, name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
                    vote: try VoteCommands.vote(call, title: try call.flagString("vote")), state)
            case let other:
                throw call.error(
                    "cannot export to '.\(other)': use .json, .csv or .md, or a ballot file (.soc, .soi, .toc, .toi, .cat, .pb, .jsonl); export report FILE.html writes the report",
                    at: 0)
            }
            return try write(text, to: path, call)
        }
    ]

    /// A vote's ballots in the format the extension names. Alternatives are named "#12 text" so
    /// the file says which idea each number stands for.
    static func ballotFile(_ call: Invocation, ext: String, name: String, vote: Vote, _ state: WorkspaceState) throws -> String {
        var election: Election
        do {
            election = try state.election(for: vote)
        } catch {
            throw call.error("cannot export the ballots of '\(vote.title)': \(error)", at: 0)
        }
        election.names = zip(election.candidates, election.names).map { id, text in text.map { "\(id) \($0)" } ?? id }
        switch BallotFileFormat(fileExtension: ext)! {
        case .jsonLines:
            return JSONLines.write(election)
        case .pabulib:
            guard vote.method.ballotKind != .reactions, vote.method.ballotKind != .consent else {
                throw call.error(
                    "pabulib files hold approvals, rankings, points or scores; '\(vote.title)' takes \(vote.method.ballotKind.rawValue) ballots: use .jsonl",
                    at: 0)
            }
            if case .ranked(let ranked) = election.ballots, ranked.hasTies {
                throw call.error("pabulib orders cannot hold ties, and some ballots in '\(vote.title)' rank ideas equal: use .toi or .jsonl", at: 0)
            }
            return Pabulib.write(election, description: vote.title)
        case .preflib:
            let kind = vote.method.ballotKind
            guard kind != .budget else {
                throw call.error("PrefLib files have no costs or budget; '\(vote.title)' is a participatory budget: use .pb or .jsonl", at: 0)
            }
            guard kind == .ranking || (kind == .approval && ext == "cat") else {
                throw call.error(
                    "PrefLib .\(ext) files hold \(ext == "cat" ? "approvals" : "rankings"); '\(vote.title)' takes \(kind.rawValue) ballots: use \(kind == .approval ? ".cat, .pb or .jsonl" : ".pb or .jsonl")",
                    at: 0)
            }
            let (type, text) = PrefLib.write(election, title: vote.title, fileName: name, as: PrefLib.DataType(rawValue: ext))
            guard type.rawValue == ext else {
                throw call.error(
                    "these ballots make a .\(type.rawValue) file (\(type == .soi || type == .toi ? "some leave ideas unranked" : "complete orders")\(type == .toc || type == .toi ? " with ties" : "")): export to .\(type.rawValue)",
                    at: 0)
            }
            return text
        }
    }

    static func describe(_ ballot: Ballot) -> String {
        func pairs<V>(_ map: [Idea.ID: V], _ text: (V) -> String) -> String {
            map.sorted { $0.key < $1.key }.map { "#\($0.key.rawValue):\(text($0.value))" }.joined(separator: " ")
        }
        switch ballot {
        case .approval(let set), .budget(let set): return set.sorted().map { "#\($0.rawValue)" }.joined(separator: " ")
        case .scores(let map), .dots(let map), .quadratic(let map): return pairs(map) { String($0) }
        case .reactions(let map): return pairs(map) { $0.rawValue }
        case .consent(let map): return pairs(map) { $0.rawValue }
        case .ranking(let tiers):
            return tiers.map { $0.count == 1 ? "#\($0[0].rawValue)" : "[" + $0.map { "#\($0.rawValue)" }.joined(separator: ", ") + "]" }
                .joined(separator: " > ")
        }
    }

    /// Writes `text` to `path`, relative to the working directory as in any shell, making the
    /// folders it needs; says so, and returns the full path.
    static func write(_ text: String, to path: String, _ call: Invocation, argument: Int = 0) throws -> Value {
        let full = call.outputPath(path)
        do {
            let folder = (full as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        } catch {
            throw call.error("cannot write '\(path)': \(error.localizedDescription)", at: argument)
        }
        try call.interpreter.show("wrote \(path)")
        return .string(full)
    }
}
