import Charrette
import CharretteOpinions
import CharretteSession
import Foundation

/// Opinion maps: reactions in a session, the Pol.is groups, consensus and divides, and Pol.is
/// export folders.
enum OpinionCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "opinions", summary: "the opinion map of a reactions vote, or of a Pol.is export folder: groups, what each stands for, consensus, divides",
            signature: Signature(
                [.init("folder", "a Pol.is export folder (comments.csv, votes.csv) instead of the consultation's reactions", optional: true)],
                flags: [
                    .init("vote", "TITLE", "the reactions vote (default: the newest)"),
                    .init("groups", "K", "make K groups instead of choosing by silhouette"),
                    .init("positions", "", "list every participant's place and group too"),
                ]),
            example: "opinions"
        ) { call in
            let groups = try groupCount(call)
            if let folder = try call.optionalString(0, "a Pol.is export folder") {
                let export: PolisExport
                do {
                    export = try PolisExport(folder: URL(fileURLWithPath: call.scriptRelativePath(folder)))
                } catch {
                    throw call.error("\(folder)/\(error)", at: 0)
                }
                let map = OpinionMap(reactions: VoteMatrix(votes: export.votes), moderatedOut: export.moderatedOut, groupCount: groups)
                let texts = Dictionary(export.statements.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
                var value = describe(map, statement: { .integer($0) }, text: { texts[$0] ?? "" }, participant: { .integer($0) }, positions: true)
                if !export.publishedGroups.isEmpty, case .record(var record) = value {
                    let published = map.matrix.participants.map { export.publishedGroups[$0] ?? -1 }
                    record.fields.append(("published_agreement", .decimal((adjustedRandIndex(map.groups.labels, published) * 1000).rounded() / 1000)))
                    value = .record(record)
                }
                return value
            }
            let (map, state, _) = try consultationMap(call, groups: groups)
            return describe(
                map, statement: { .idea(Idea.ID($0)) }, text: { state.ideas[Idea.ID($0)]?.shownText ?? "" },
                participant: { state.participants[Participant.ID($0)].map { .participant($0.handle) } ?? .integer($0) },
                positions: call.has("positions"))
        },
        CommandSpec(
            "opinions map", summary: "the participants on the opinion map, drawn in the terminal by group",
            signature: Signature(flags: [
                .init("vote", "TITLE", "the reactions vote (default: the newest)"),
                .init("groups", "K", "make K groups instead of choosing by silhouette"),
            ]),
            example: "opinions map"
        ) { call in
            let (map, _, _) = try consultationMap(call, groups: try groupCount(call))
            return .string(OpinionPlot.draw(map.pca.positions, groups: map.groups.labels, width: min(72, max(30, call.interpreter.width - 8)), height: 20))
        },
        CommandSpec(
            "opinions export", summary: "write the reactions vote as a Pol.is export folder (comments, votes, participants-votes with groups, summary)",
            signature: polisFolderSignature,
            example: "opinions export polis/buses"
        ) { call in
            try writePolis(call)
        },
        CommandSpec(
            "opinions next", summary: "the idea to show a participant next: the Pol.is priority, drawn by lot among ideas they have not reacted to",
            signature: Signature(
                [.init("participant", "who is reacting, such as @amira", completes: .participant)],
                flags: [
                    .init("vote", "TITLE", "the reactions vote (default: the newest)"),
                    .init("seed", "N", "the seed of the draw (default 2026)"),
                ]),
            example: "opinions next @amira"
        ) { call in
            let handle = try call.handle(0)
            let vote = try reactionsVote(call, open: true)
            guard let person = call.interpreter.workspace.state.participant(handle: handle) else {
                throw call.error("participant @\(handle) does not exist", at: 0)
            }
            let seed = try call.flagInt("seed") ?? 2026
            return call.interpreter.workspace.state.nextStatement(for: person.id, in: vote, seed: UInt64(truncatingIfNeeded: seed)).map { .idea($0) } ?? .null
        },
    ]

    /// What `opinions export` and `export polis` take: one command under two names.
    static let polisFolderSignature = Signature(
        [.init("folder", "the folder to write (created if needed)")],
        flags: [
            .init("vote", "TITLE", "the reactions vote (default: the newest)"),
            .init("groups", "K", "make K groups instead of choosing by silhouette"),
            .init("hidden", "", "include the texts of hidden ideas (left out by default)"),
        ])

    /// Writes the reactions vote as a Pol.is export folder (`opinions export`, `export polis`).
    static func writePolis(_ call: Invocation) throws -> Value {
        let folder = try call.string(0, "a folder")
        let (map, state, vote) = try consultationMap(call, groups: try groupCount(call))
        let statements = map.matrix.statements.compactMap { id -> PolisWriter.Statement? in
            guard let idea = state.ideas[Idea.ID(id)] else { return nil }
            // Pol.is numbers every author; an anonymous idea's is -1, which import polis reads back as anonymous.
            return .init(
                id: id, author: idea.author?.rawValue ?? -1, text: call.has("hidden") ? idea.text : idea.shownText,
                moderation: idea.status.isOpen ? 1 : -1, time: idea.submittedAt)
        }
        let votes = state.reactionVotes(in: vote, timed: true)
        let groups = Dictionary(
            uniqueKeysWithValues: map.matrix.participants.indices.filter { map.groups.labels[$0] >= 0 }
                .map { (map.matrix.participants[$0], map.groups.labels[$0]) })
        let consultation = try call.consultation()
        let writer = PolisWriter(
            statements: statements, votes: votes, groups: groups,
            topic: state.consultations[consultation]?.title ?? vote.title,
            description: state.consultations[consultation]?.question ?? "")
        let url = URL(fileURLWithPath: call.outputPath(folder))
        do { try writer.write(to: url) } catch { throw call.error("cannot write \(folder): \((error as NSError).localizedDescription)", at: 0) }
        try call.interpreter.show("wrote \(folder)")
        return .string(url.path)
    }

    static func groupCount(_ call: Invocation) throws -> Int? {
        guard let k = try call.flagInt("groups") else { return nil }
        guard (1...10).contains(k) else { throw call.flagError("groups", "--groups must be from 1 to 10") }
        return k
    }

    /// The reactions vote named with --vote, or else the newest open one (the one `react` fills),
    /// or else, unless `open`, the newest closed one.
    static func reactionsVote(_ call: Invocation, open: Bool) throws -> Vote {
        let consultation = try call.consultation(), title = try call.flagString("vote")
        return try call.ask(flag: title == nil ? nil : "vote") { state throws(SessionError) in
            try state.reactionsVote(named: title, in: consultation, open: open)
        }
    }

    /// The opinion map of the consultation's reactions vote, refused while nobody has reacted.
    static func consultationMap(_ call: Invocation, groups: Int?) throws -> (OpinionMap, WorkspaceState, Vote) {
        let vote = try reactionsVote(call, open: false)
        let state = call.interpreter.workspace.state
        guard !(state.ballots[vote.id] ?? [:]).isEmpty else {
            throw call.error(SessionError.noReactions(vote).description, underlying: SessionError.noReactions(vote))
        }
        return (state.opinionMap(of: vote, groupCount: groups), state, vote)
    }

    static func percent(_ x: Double) -> Value { .string("\(Int((x * 100).rounded()))%") }

    /// The map as a record: groups with what they stand for, consensus, divides, and positions.
    static func describe(_ map: OpinionMap, statement: (Int) -> Value, text: (Int) -> String, participant: (Int) -> Value, positions: Bool) -> Value {
        let ids = map.matrix.statements
        var groupRows: [Record] = []
        for (g, picks) in map.representative.enumerated() {
            let size = map.groups.labels.filter { $0 == g }.count
            for pick in picks {
                let s = map.statistics.groups[g][pick.column]
                let share = pick.direction == .agree ? Double(s.agrees) / Double(max(s.seen, 1)) : Double(s.disagrees) / Double(max(s.seen, 1))
                groupRows.append(
                    Record([
                        ("group", .integer(g + 1)), ("size", .integer(size)), ("statement", statement(ids[pick.column])),
                        ("stance", .string(pick.direction.rawValue)), ("in_group", percent(share)), ("text", .string(text(ids[pick.column]))),
                    ]))
            }
        }
        let everyone = map.consensus.statistics
        let consensus = map.consensus.agreed.map { ($0, "agree") } + map.consensus.disagreed.map { ($0, "disagree") }
        var fields: [(String, Value)] = [
            ("participants", .integer(map.matrix.participants.count)), ("clustered", .integer(map.groups.clustered.count)),
            ("k", .integer(map.groups.count)),
            ("groups", Rows.table(groupRows)),
            (
                "consensus",
                Rows.table(
                    consensus.map { column, stance in
                        let s = everyone[column]
                        return Record([
                            ("statement", statement(ids[column])), ("stance", .string(stance)),
                            ("share", percent(Double(stance == "agree" ? s.agrees : s.disagrees) / Double(max(s.seen, 1)))),
                            ("text", .string(text(ids[column]))),
                        ])
                    })
            ),
            (
                "divisive",
                Rows.table(
                    map.divisive.map { d in
                        Record(
                            [("statement", statement(ids[d.column])), ("spread", percent(d.spread)), ("text", .string(text(ids[d.column])))]
                                + map.statistics.groups.indices.map { ("group_\($0 + 1)_agree", percent(map.statistics.groups[$0][d.column].agreeProbability)) }
                        )
                    })
            ),
        ]
        if positions {
            fields.append(
                (
                    "positions",
                    Rows.table(
                        map.matrix.participants.indices.map { r in
                            let p = map.pca.positions[r]
                            return Record([
                                ("participant", participant(map.matrix.participants[r])),
                                ("x", .decimal(p.first ?? 0)), ("y", .decimal(p.count > 1 ? p[1] : 0)),
                                ("group", map.groups.labels[r] >= 0 ? .integer(map.groups.labels[r] + 1) : .null),
                            ])
                        })
                ))
        }
        return .record(Record(fields))
    }
}

/// A text scatter of the map: each participant drawn as their group's number (· when not
/// clustered), a cell holding several showing the most common group.
enum OpinionPlot {
    static func draw(_ positions: [[Double]], groups: [Int], width: Int, height: Int) -> String {
        let points = positions.map { ($0.first ?? 0, $0.count > 1 ? $0[1] : 0) }
        guard !points.isEmpty else { return "nobody on the map yet" }
        let xs = points.map(\.0), ys = points.map(\.1)
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        var cells = Array(repeating: Array(repeating: [Int: Int](), count: width), count: height)
        for (i, p) in points.enumerated() {
            let cx = x1 > x0 ? Int(((p.0 - x0) / (x1 - x0) * Double(width - 1)).rounded()) : width / 2
            let cy = y1 > y0 ? Int(((y1 - p.1) / (y1 - y0) * Double(height - 1)).rounded()) : height / 2
            cells[cy][cx][groups[i], default: 0] += 1
        }
        var lines = ["┌" + String(repeating: "─", count: width) + "┐"]
        for row in cells {
            lines.append(
                "│"
                    + row.map { cell in
                        guard let top = cell.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { return " " }
                        return top >= 0 ? String(top + 1) : "·"
                    }.joined() + "│")
        }
        lines.append("└" + String(repeating: "─", count: width) + "┘")
        let counts = Dictionary(grouping: groups.filter { $0 >= 0 }, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }
        lines.append(counts.map { "group \($0.key + 1): \($0.value)" }.joined(separator: "   ") + (groups.contains(-1) ? "   ·: not clustered" : ""))
        return lines.joined(separator: "\n")
    }
}
