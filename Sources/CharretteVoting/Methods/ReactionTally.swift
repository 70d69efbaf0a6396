/// Reactions to single ideas: agree, disagree or pass. Ideas are ordered by agreement less
/// disagreement; the share who agree is shown beside it.
public struct ReactionTally: TallyMethod {
    public init() {}
    public var name: String { "reactions" }
    public var ballotKind: BallotKind { .reactions }
    public var summary: String { "Each person agrees, disagrees or passes on single ideas; ideas are ordered by agreement less disagreement." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try positions(election)
        let t = try ballots.tallies(in: PositionBallots.reactions, method: name)  // agree, disagree, pass
        var result = scored(election, t.map { Double($0[0] - $0[1]) }, label: "agree less disagree")
        result.working = [
            TallyTable(
                "Reactions", columns: ["idea", "agree", "disagree", "pass", "agree share"],
                rows: t.indices.map { c in
                    let seen = t[c].reduce(0, +)
                    return [.candidate(c)] + t[c].map { .integer($0) } + [seen == 0 ? .empty : .number(Double(t[c][0]) / Double(seen))]
                })
        ]
        return result
    }
}
