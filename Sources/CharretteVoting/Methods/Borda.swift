/// Borda count: a candidate earns a point for every candidate a ballot ranks below it, and half
/// a point for every candidate tied with it; unranked candidates tie at the bottom.
///
/// With ties this is the averaged Borda count, which orders candidates exactly as the symmetric
/// score (candidates below less candidates above) and the sum of head-to-head margins do.
public struct BordaCount: TallyMethod {
    public init() {}
    public var name: String { "borda" }
    public var shape: BallotShape { .ranking }
    public var summary: String { "Ranks give points (one per candidate ranked lower); the most points wins. Rewards broad support." }

    public func tally(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try ranked(election)
        let n = ballots.candidateCount
        let strict = StrictOrders(ballots)
        // Points are counted doubled, so halves stay whole numbers.
        var doubled = [Int](repeating: 0, count: n)
        ballots.ranks.withUnsafeBufferPointer { ranks in
            for b in 0..<ballots.ballotCount {
                let w = ballots.counts[b]
                let ranked = Int(strict.lengths[b])
                if ranked >= 0 {
                    // A strict order: position p beats n − 1 − p candidates; the unranked tie with each other.
                    var isRanked = 0 as UInt64
                    for p in 0..<ranked {
                        let c = Int(strict.orders[b * n + p])
                        doubled[c] += 2 * w * (n - 1 - p)
                        isRanked |= 1 << UInt64(c)
                    }
                    if ranked < n {
                        for c in 0..<n where isRanked & (1 << UInt64(c)) == 0 { doubled[c] += w * (n - ranked - 1) }
                    }
                    continue
                }
                for c in 0..<n {
                    let r = ranks[b * n + c]
                    var below = 0, tied = 0
                    for d in 0..<n where d != c {
                        let rd = ranks[b * n + d]
                        if rd > r { below += 1 } else if rd == r { tied += 1 }
                    }
                    doubled[c] += w * (2 * below + tied)
                }
            }
        }
        return scored(election, doubled.map { Double($0) / 2 }, label: "Borda points")
    }
}
