import Charrette

/// `react @amira #12 agree`: one reaction in the open reactions vote, as a participant gives it
/// a statement at a time.
enum ReactCommand {
    static let spec = CommandSpec(
        "react", summary: "record a participant's reaction to an idea in the open reactions vote (a later one replaces it)",
        signature: Signature(
            [
                .init("participant", "who reacts, such as @amira", completes: .participant),
                .init("idea", "the idea, such as #12", completes: .idea),
                .init("reaction", "agree, disagree or pass"),
            ],
            flags: [.init("vote", "TITLE", "the reactions vote, when more than one is open")]),
        example: "react @amira #12 agree", showsResult: false, changes: true
    ) { call in
        let handle = try call.handle(0), idea = try call.idea(1)
        let word = try call.string(2, "a reaction: agree, disagree or pass")
        guard let reaction = Reaction(rawValue: word.lowercased()) else {
            throw call.error("'\(word)' is not a reaction: use agree, disagree or pass", at: 2)
        }
        let vote = try OpinionCommands.reactionsVote(call, open: true)
        try call.perform { tx in try tx.castBallot(.reactions([idea: reaction]), by: try tx.participant(handle: handle).id, in: vote.id) }
        return .null
    }
}
