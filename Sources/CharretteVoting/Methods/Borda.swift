/// Borda count: a candidate earns a point for every candidate a ballot ranks below it, and half
/// a point for every candidate tied with it; unranked candidates tie at the bottom.
///
/// With ties this is the averaged Borda count, which orders candidates exactly as the symmetric
/// score (candidates below less candidates above) and the sum of head-to-head margins do.
public struct BordaCount: TallyMethod {
    public init() {}
    public var name: String { "borda" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String { "Ranks give points (one per candidate ranked lower); the most points wins. Rewards broad support." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try ranked(election)
        let pairwise = PairwiseMatrix(ballots)
        let n = pairwise.size
        // Averaged points = (below − above + n − 1) / 2 per ballot, summed: exact in halves.
        let points = (0..<n).map { a in
            let net = (0..<n).reduce(0) { $0 + ($1 == a ? 0 : pairwise.margin(a, over: $1)) }
            return Double(net + ballots.voterCount * (n - 1)) / 2
        }
        return scored(election, points, label: "Borda points")
    }
}
