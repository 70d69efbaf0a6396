import Charrette
import CharretteSession
import CharretteVoting

/// Ballots: casting one in the open vote, whatever its method, and the ballots in force.
enum BallotCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "ballot", summary: "cast a participant's ballot in the open vote (a later one replaces it)",
            signature: Signature(
                [
                    .init("voter", "the participant, such as @amira", completes: .participant),
                    .init(
                        "choices", "#4:3 #9:2 for dots and scores, #4 #9 for approval, #4 [#9, #2] for a ranking with a tie, #4:agree for reactions",
                        variadic: true),
                ], flags: [.init("vote", "TITLE", "the vote, when more than one is open")]),
            example: "ballot @amira #4:3 #9:2", showsResult: false, changes: true
        ) { call in
            let handle = try call.handle(0)
            let vote = try VoteCommands.openVote(call, title: try call.flagString("vote"), naming: "--vote TITLE")
            let ballot = try makeBallot(call, kind: vote.method.ballotKind)
            try call.perform { tx in try tx.castBallot(ballot, by: try tx.participant(handle: handle).id, in: vote.id) }
            return .null
        },
        CommandSpec(
            "ballots", summary: "the ballots in force in a vote (the open one, or the one named)",
            signature: Signature([.init("title", "the vote's title", optional: true)]), example: "ballots Priorities"
        ) { call in
            let vote = try VoteCommands.vote(call, title: try call.optionalString(0, "the vote's title"))
            let state = call.interpreter.workspace.state
            return Rows.table(ballotRecords(vote, state))
        },
    ]

    /// The ballots in force in `vote`, one row per voter, each ballot as `ballot` takes it.
    static func ballotRecords(_ vote: Vote, _ state: WorkspaceState) -> [Record] {
        (state.ballots[vote.id] ?? [:]).sorted { $0.key < $1.key }.map { voter, ballot in
            Record([("voter", state.participants[voter].map { .participant($0.handle) } ?? .null), ("ballot", .string(ExportCommands.describe(ballot)))])
        }
    }

    /// The ballot the command's choices give (after the voter), read as a vote of `kind` takes it.
    static func makeBallot(_ call: Invocation, kind: BallotKind) throws -> Ballot {
        let choices = Array(call.positional.dropFirst())
        func idea(_ value: Value, _ index: Int) throws -> Idea.ID {
            guard case .idea(let id) = value else { throw call.error("expected an idea such as #4, found \(value.withArticle)", at: index) }
            return id
        }
        func pairs<T>(_ what: String, _ convert: (Value) -> T?) throws -> [Idea.ID: T] {
            var map: [Idea.ID: T] = [:]
            for (offset, choice) in choices.enumerated() {
                guard case .record(let pair) = choice, case .idea(let id)? = pair["idea"], let raw = pair["value"], let value = convert(raw) else {
                    throw call.error("expected #idea:\(what), such as #4:\(what == "amount" ? "3" : "agree")", at: offset + 1)
                }
                guard map.updateValue(value, forKey: id) == nil else { throw call.error("#\(id.rawValue) appears twice", at: offset + 1) }
            }
            return map
        }
        let amount: (Value) -> Int? = { if case .integer(let i) = $0 { i } else { nil } }
        switch kind {
        case .dots: return .dots(try pairs("amount", amount))
        case .scores: return .scores(try pairs("amount", amount))
        case .quadratic: return .quadratic(try pairs("amount", amount))
        case .reactions: return .reactions(try pairs("position") { Reaction(rawValue: $0.text) })
        case .consent: return .consent(try pairs("position") { ConsentPosition(rawValue: $0.text) })
        case .approval: return .approval(Set(try choices.enumerated().map { try idea($1, $0 + 1) }))
        case .budget: return .budget(Set(try choices.enumerated().map { try idea($1, $0 + 1) }))
        case .ranking:
            return .ranking(
                try choices.enumerated().map { offset, choice in
                    if case .list(let tier) = choice { return try tier.map { try idea($0, offset + 1) } }
                    return [try idea(choice, offset + 1)]
                })
        }
    }
}
