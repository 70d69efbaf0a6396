/// Copeland: one point for each head-to-head win, none for a tie, minus one for a loss.
public struct Copeland: TallyMethod {
    public init() {}
    public var name: String { "copeland" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String { "Counts head-to-head wins minus losses; the most wins. Picks the Condorcet winner when there is one." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let pairwise = PairwiseMatrix(try ranked(election))
        let n = pairwise.size
        let scores = (0..<n).map { a in
            Double((0..<n).reduce(0) { total, b in total + (a == b ? 0 : pairwise.margin(a, over: b).signum()) })
        }
        var result = scored(election, scores, label: "wins minus losses")
        result.noteCondorcet(pairwise)
        result.working = [pairwise.table(election.candidates)]
        return result
    }
}
