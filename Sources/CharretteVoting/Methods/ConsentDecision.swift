/// Consent decision making: each proposal passes when nobody blocks it and more agree than
/// disagree. A block is a principled objection; blocked proposals are shown, never hidden.
public struct ConsentDecision: TallyMethod {
    public init() {}
    public var name: String { "consent" }
    public var ballotKind: BallotKind { .consent }
    public var summary: String { "Each person agrees, abstains, disagrees or blocks; a proposal passes when no one blocks and more agree than disagree." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try positions(election)
        let t = try ballots.tallies(in: PositionBallots.consent, method: name)  // agree, abstain, disagree, block
        let passes = t.indices.filter { t[$0][3] == 0 && t[$0][0] > t[$0][2] }
        var result = TallyResult(
            method: name, candidates: election.candidates, seats: max(1, passes.count),
            voters: ballots.voterCount, winners: passes, seed: election.rules.seed)
        // Passing proposals first, by agree less disagree; then the rest the same way.
        let support = t.indices.map { Double(t[$0][0] - t[$0][2]) + (passes.contains($0) ? 1e9 : 0) }
        result.ranking = Ranking.tiers(support)
        result.scores = Scores("agree less disagree", t.map { Double($0[0] - $0[2]) })
        for c in t.indices where t[c][3] > 0 {
            result.notes.append(
                "\(election.candidates[c]) is blocked by \(t[c][3]) \(t[c][3] == 1 ? "person" : "people"): it does not pass until the objection is resolved")
        }
        result.working = [
            TallyTable(
                "Positions", columns: ["proposal", "agree", "abstain", "disagree", "block", "outcome"],
                rows: t.indices.map { c in
                    [.candidate(c)] + t[c].map { .integer($0) } + [.text(passes.contains(c) ? "passes" : t[c][3] > 0 ? "blocked" : "does not pass")]
                })
        ]
        return result
    }
}
