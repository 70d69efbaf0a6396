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
            try SettingFlags.refuseUntaken(call, by: method.tally)
            var settings = VoteSettings(
                budget: try call.flagInt("budget"), capPerIdea: try call.flagInt("cap"), credits: try call.flagInt("credits"),
                seats: try call.flagInt("seats"), maxCost: try call.flagInt("max-cost"))
            (settings.completion, settings.addOneStop) = try CompletionFlags.read(call)
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

}
