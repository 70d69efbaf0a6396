/// First preferences among the continuing candidates: a ballot's vote goes to its highest-ranked
/// continuing candidate, split equally when it ties several; a ballot that ranks none of them is
/// exhausted.
struct FirstPreferences {
    var votes: [Double]
    var exhausted: Double

    init(votes: [Double], exhausted: Double) {
        self.votes = votes
        self.exhausted = exhausted
    }

    init(_ ballots: RankedBallots, continuing: [Bool]) {
        let n = ballots.candidateCount
        var votes = Array(repeating: 0.0, count: n), exhausted = 0.0
        var top: [Int] = []
        top.reserveCapacity(n)
        ballots.ranks.withUnsafeBufferPointer { ranks in
            for b in 0..<ballots.ballotCount {
                let base = b * n
                var best = RankedBallots.unranked
                top.removeAll(keepingCapacity: true)
                for c in 0..<n where continuing[c] {
                    let r = ranks[base + c]
                    if r < best {
                        best = r; top.removeAll(keepingCapacity: true); top.append(c)
                    } else if r == best && r != RankedBallots.unranked {
                        top.append(c)
                    }
                }
                let w = Double(ballots.counts[b])
                if top.isEmpty { exhausted += w; continue }
                let share = w / Double(top.count)
                for c in top { votes[c] += share }
            }
        }
        self.votes = votes
        self.exhausted = exhausted
    }
}

/// Plurality: each ballot counts for its first choice (split equally among candidates tied first).
public struct Plurality: TallyMethod {
    public init() {}
    public var name: String { "plurality" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String { "Each voter's first choice counts; the most first choices wins, even without a majority." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try ranked(election)
        let first = FirstPreferences(ballots, continuing: Array(repeating: true, count: ballots.candidateCount))
        return scored(election, first.votes, label: "first choices")
    }
}
