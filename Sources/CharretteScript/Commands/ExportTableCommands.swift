import Charrette
import CharretteSupport
import Foundation

/// The consultation's tables as CSV files (RFC 4180, CRLF, formula-like cells neutralised), and
/// its reactions as a Pol.is export. People appear by handle; `--personal` adds what is
/// personal data.
enum ExportTableCommands {
    static let all: [CommandSpec] = [
        table(
            "participants", "everyone registered, with what they did in the consultation; --personal adds names and attributes",
            columns: ["handle", "role", "boards", "consent", "ideas", "ballots", "card_sort"],
            flags: [.init("personal", "", "add display names and attributes (personal data; left out by default)")]
        ) { call, state, consultation in
            participants(state, consultation, personal: call.has("personal"))
        },
        table(
            "ideas", "the consultation's ideas: text, author, status, theme, when submitted; a hidden idea's text only with --hidden",
            columns: ["id", "text", "author", "status", "merged_into", "hidden_reason", "theme", "submitted_at"],
            flags: [.init("hidden", "", "include the text of hidden ideas (moderators hide abuse and personal details)")]
        ) { call, state, consultation in
            state.ideas(of: consultation).map { idea in
                var merged: Value = .null, reason: Value = .null, status = "open"
                switch idea.status {
                case .open: break
                case .merged(let target): status = "merged"; merged = .integer(target.rawValue)
                case .withdrawn: status = "withdrawn"
                case .hidden(let why): status = "hidden"; reason = .string(why)
                case .held: status = "held"
                }
                let hiddenText = status == "hidden" && !call.has("hidden")
                return Record([
                    ("id", .integer(idea.id.rawValue)), ("text", hiddenText ? .null : .string(idea.text)),
                    ("author", idea.author.map { handle($0, state) } ?? .null),
                    ("status", .string(status)), ("merged_into", merged), ("hidden_reason", reason),
                    ("theme", idea.theme.flatMap { state.themes[$0] }.map { .string($0.label) } ?? .null),
                    ("submitted_at", .string(Timestamp.text(idea.submittedAt))),
                ])
            }
        },
        table("themes", "the consultation's themes with their open ideas", columns: ["id", "label", "description", "ideas", "members"]) {
            _, state, consultation in
            state.themes(of: consultation).map { theme in
                let ideas = state.ideas(in: theme.id).filter(\.status.isOpen)
                return Record([
                    ("id", .integer(theme.id.rawValue)), ("label", .string(theme.label)), ("description", .string(theme.description)),
                    ("ideas", .integer(ideas.count)), ("members", .string(ideas.map { "#\($0.id.rawValue)" }.joined(separator: " "))),
                ])
            }
        },
        table(
            "ballots", "every ballot in force, one row per voter and idea (value: rank, score, dots, votes, 1 for approved, or the position taken)",
            columns: ["vote", "method", "voter", "idea", "value", "cast_at"],
            flags: [.init("vote", "TITLE", "only this vote (default: every vote of the consultation)")]
        ) { call, state, consultation in
            try votes(call, state, consultation).flatMap { ballotRows($0, state) }
        },
        table(
            "reactions", "every agree, disagree and pass, one row per voter and idea",
            columns: ["vote", "voter", "idea", "reaction", "cast_at"],
            flags: [.init("vote", "TITLE", "only this reactions vote (default: every reactions vote)")]
        ) { call, state, consultation in
            try votes(call, state, consultation).filter { $0.method.ballotKind == .reactions }.flatMap { ballotRows($0, state) }.map { row in
                Record(row.fields.filter { $0.name != "method" }.map { $0.name == "value" ? ("reaction", $0.value) : ($0.name, $0.value) })
            }
        },
        CommandSpec(
            "export polis", summary: "write a reactions vote as a Pol.is export folder (as opinions export): participants by number only",
            signature: OpinionCommands.polisFolderSignature,
            example: "export polis outcome/polis"
        ) { call in
            try OpinionCommands.writePolis(call)
        },
    ]

    /// `export NAME FILE.csv`: the table `rows` gives, written as CSV.
    static func table(
        _ name: String, _ summary: String, columns: [String], flags: [Signature.Flag] = [],
        _ rows: @escaping @Sendable (Invocation, WorkspaceState, Consultation.ID) throws -> [Record]
    ) -> CommandSpec {
        CommandSpec(
            "export \(name)", summary: "write a CSV of \(summary)",
            signature: Signature([.init("file", "the .csv file to write")], flags: flags),
            example: "export \(name) outcome/\(name).csv", showsResult: false
        ) { call in
            let path = try call.string(0, "a .csv file name")
            guard (path as NSString).pathExtension.lowercased() == "csv" else {
                throw call.error("export \(name) writes CSV: name a .csv file", at: 0)
            }
            try call.interpreter.flush()
            let state = call.interpreter.workspace.state
            let records = try rows(call, state, try call.consultation())
            // An empty table still has its header, so the file says what it would hold.
            let table = records.isEmpty ? Table(columns: columns, rows: []) : Table(records: records)
            return try ExportCommands.write(Rendering.csv(.table(table)), to: path, call)
        }
    }

    static func participants(_ state: WorkspaceState, _ consultation: Consultation.ID, personal: Bool) -> [Record] {
        let people = state.participants.values.sorted { $0.id < $1.id }
        let attributes = personal ? Set(people.flatMap { state.personalRecords[$0.id]?.attributes.keys.map { $0 } ?? [] }).sorted() : []
        let votes = state.votes.values.filter { $0.consultation == consultation }
        return people.map { p in
            var fields: [(String, Value)] = [("handle", .string(p.handle))]
            if personal { fields.append(("name", state.personalRecords[p.id]?.displayName.map(Value.string) ?? .null)) }
            fields += [
                ("role", .string(p.role.rawValue)),
                ("boards", .string(p.boards.compactMap { state.boards[$0]?.name }.joined(separator: ";"))),
                ("consent", .string(ConsentNames.names(p.consent).joined(separator: ";"))),
                ("ideas", .integer(state.ideas.values.filter { $0.consultation == consultation && $0.author == p.id }.count)),
                ("ballots", .integer(votes.filter { state.ballots[$0.id]?[p.id] != nil }.count)),
                ("card_sort", .bool(state.cardSorts[consultation]?[p.id] != nil)),
            ]
            for attribute in attributes {
                // An attribute named like a column of its own (role, ideas, ...) is told apart.
                let column = fields.contains { $0.0 == attribute } || attribute == "name" ? "attribute_\(attribute)" : attribute
                fields.append((column, state.personalRecords[p.id]?.attributes[attribute].map(Value.string) ?? .null))
            }
            return Record(fields)
        }
    }

    /// The vote `--vote` names, or every vote of the consultation.
    static func votes(_ call: Invocation, _ state: WorkspaceState, _ consultation: Consultation.ID) throws -> [Vote] {
        if let title = try call.flagString("vote") { return [try VoteCommands.vote(call, title: title)] }
        return state.votes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }
    }

    /// A vote's ballots in long form: one row per voter and idea.
    static func ballotRows(_ vote: Vote, _ state: WorkspaceState) -> [Record] {
        (state.ballots[vote.id] ?? [:]).sorted { $0.key < $1.key }.flatMap { voter, ballot -> [Record] in
            let cast = Value.string(Timestamp.text(state.ballotTimes[vote.id]?[voter] ?? vote.openedAt))
            func row(_ idea: Idea.ID, _ value: Value) -> Record {
                Record([
                    ("vote", .string(vote.title)), ("method", .string(vote.method.rawValue)), ("voter", handle(voter, state)),
                    ("idea", .integer(idea.rawValue)), ("value", value), ("cast_at", cast),
                ])
            }
            switch ballot {
            case .approval(let set), .budget(let set): return set.sorted().map { row($0, .integer(1)) }
            case .ranking(let tiers):
                return tiers.enumerated().flatMap { rank, tier in tier.sorted().map { row($0, .integer(rank + 1)) } }
            case .scores(let map), .dots(let map), .quadratic(let map):
                return map.sorted { $0.key < $1.key }.map { row($0.key, .integer($0.value)) }
            case .reactions(let map): return map.sorted { $0.key < $1.key }.map { row($0.key, .string($0.value.rawValue)) }
            case .consent(let map): return map.sorted { $0.key < $1.key }.map { row($0.key, .string($0.value.rawValue)) }
            }
        }
    }

    static func handle(_ id: Participant.ID, _ state: WorkspaceState) -> Value {
        state.participants[id].map { .string($0.handle) } ?? .null
    }
}
