import Charrette
import CharretteSession
import CharretteSupport
import CharretteVoting

enum VoteCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "vote open", summary: "open a vote on the current consultation's open ideas",
            signature: Signature(
                [.init("title", "what is decided")],
                flags: [
                    .init("method", "METHOD", "how ballots are counted: " + VotingMethod.allNames.joined(separator: ", "), completes: .method, required: true),
                    .init("budget", "N", "dots per voter, or the money to spend"),
                    .init("cap", "N", "the most dots on one idea"),
                    .init("credits", "N", "voice credits per voter (quadratic)"),
                    .init("seats", "N", "winners to elect (multi-winner methods)"),
                    .init("min", "N", "the lowest score (default 0)"),
                    .init("max", "N", "the highest score (default 5)"),
                    .init("ideas", "LIST", "the ideas on the ballot, such as [#1, #4]; all open ideas by default"),
                    .init("costs", "LIST", "what each project costs (participatory budgeting), such as [#1:120, #4:80]"),
                    .init("max-cost", "N", "the most the projects one voter chooses may cost together (participatory budgeting; no limit by default)"),
                    .init("seed", "N", "the seed for ties broken by lot (default \(TallyRules.defaultSeed))"),
                ] + CompletionFlags.signature),
            example: #"vote open "Priorities" --method dots --budget 5"#, showsResult: false, changes: true
        ) { call in
            let title = try call.string(0, "a title")
            let name = try call.requiredString("method")
            guard let method = VotingMethod(rawValue: name) else {
                let hint = NearMiss.closest(to: name, among: VotingMethod.allNames).map { "; did you mean '\($0)'?" } ?? "; see 'help vote open'"
                throw call.flagError("method", "unknown voting method '\(name)'\(hint)")
            }
            var settings = VoteSettings(
                budget: try call.flagInt("budget"), capPerIdea: try call.flagInt("cap"), credits: try call.flagInt("credits"),
                seats: try call.flagInt("seats"), maxCost: try call.flagInt("max-cost"))
            (settings.completion, settings.addOneStop) = try CompletionFlags.read(call, method: method.rawValue)
            if let low = try call.flagInt("min") ?? (try call.flagInt("max")).map({ _ in 0 }) {
                let high = try call.flagInt("max") ?? 5
                guard low < high else { throw call.flagError("max", "--max must be above --min") }
                settings.scoreRange = low...high
            }
            if let seed = try call.flagInt("seed") {
                guard seed >= 0 else { throw call.flagError("seed", "--seed must not be negative") }
                settings.seed = UInt64(seed)
            }
            if let list = call.flag("costs") {
                for item in list.rows {
                    guard case .record(let pair) = item, case .idea(let id)? = pair["idea"], case .integer(let cost)? = pair["value"] else {
                        throw call.flagError("costs", "--costs takes projects with their costs, such as [#1:120, #4:80]")
                    }
                    guard settings.costs.updateValue(cost, forKey: id) == nil else { throw call.flagError("costs", "#\(id.rawValue) has two costs") }
                }
            }
            var candidates: [Idea.ID]?
            if let list = call.flag("ideas") {
                candidates = try list.rows.map { value in
                    guard case .idea(let id) = value else { throw call.flagError("ideas", "--ideas takes ideas such as [#1, #4]") }
                    return id
                }
            }
            let consultation = try call.consultation()
            let vote = try call.perform { try $0.openVote(title, on: consultation, method: method, settings: settings, candidates: candidates) }
            return .record(Rows.vote(vote, call.interpreter.workspace.state))
        },
        CommandSpec(
            "vote close", summary: "stop taking ballots (the open vote, or the one named)",
            signature: Signature([.init("title", "the vote's title", optional: true)]),
            example: "vote close", showsResult: false, changes: true
        ) { call in
            let vote = try openVote(call, title: try call.optionalString(0, "the vote's title"), naming: "vote close TITLE")
            try call.perform { try $0.closeVote(vote.id) }
            return .null
        },
        CommandSpec("votes", summary: "the votes of the current consultation", flags: [], example: "votes") { call in
            let state = call.interpreter.workspace.state
            let consultation = try call.consultation()
            return Rows.table(state.votes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }.map { Rows.vote($0, state) })
        },
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
            let vote = try openVote(call, title: try call.flagString("vote"), naming: "--vote TITLE")
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
        CommandSpec(
            "vote results", summary: "count a vote's ballots with its method: winners, order, working and ties",
            signature: Signature([.init("title", "the vote's title; the newest vote by default", optional: true)]),
            example: "vote results"
        ) { call in
            let vote = try VoteCommands.vote(call, title: try call.optionalString(0, "the vote's title"))
            let count = try call.ask { state throws(SessionError) in try state.count(vote) }
            var result = count.result
            result.notes = count.notes
            return TallyValues.value(result, names: count.election.names)
        },
    ]

    /// The ballots in force in `vote`, one row per voter, each ballot as `ballot` takes it.
    static func ballotRecords(_ vote: Vote, _ state: WorkspaceState) -> [Record] {
        (state.ballots[vote.id] ?? [:]).sorted { $0.key < $1.key }.map { voter, ballot in
            Record([("voter", state.participants[voter].map { .participant($0.handle) } ?? .null), ("ballot", .string(ExportCommands.describe(ballot)))])
        }
    }

    /// The vote named `title` (its title, in any case, or its number as `votes` lists it), or
    /// else the newest vote of the current consultation.
    static func vote(_ call: Invocation, title: String?) throws -> Vote {
        let consultation = try call.consultation()
        return try call.ask { state throws(SessionError) in try state.vote(named: title, in: consultation) }
    }

    /// The vote named `title`, or the only open vote of the current consultation; `naming` says
    /// how the command names a vote when several are open.
    static func openVote(_ call: Invocation, title: String?, naming: String) throws -> Vote {
        let consultation = try call.consultation()
        do {
            return try call.interpreter.workspace.state.openVote(named: title, in: consultation)
        } catch {
            let how = if case .severalOpenVotes = error { ", as in \(naming)" } else { "" }
            throw call.error(error.description + how, underlying: error)
        }
    }

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
