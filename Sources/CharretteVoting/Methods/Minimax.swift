/// Minimax (Simpson–Kramer): the winner's worst head-to-head defeat is the smallest, measured
/// by margin; a candidate who loses to no one scores 0.
public struct Minimax: TallyMethod {
    public init() {}
    public var name: String { "minimax" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String { "Elects the candidate whose worst head-to-head defeat is the smallest." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let pairwise = PairwiseMatrix(try ranked(election))
        let n = pairwise.size
        // The largest margin by which any opponent beats the candidate, 0 when none does.
        let worst = (0..<n).map { a in Double(max(0, (0..<n).filter { $0 != a }.map { pairwise.margin($0, over: a) }.max() ?? 0)) }
        var result = scored(election, worst, label: "largest defeat margin", higherWins: false)
        result.noteCondorcet(pairwise)
        result.working = [pairwise.table(election.candidates)]
        return result
    }
}
