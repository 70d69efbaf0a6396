/// First preferences round after round, for instant runoff. Each ballot without ties keeps its
/// current choice and a pointer into its order; eliminating candidates scans the small array of
/// current choices in order (cache-friendly) and moves on only the ballots whose choice is out,
/// so a whole count reads each ballot's order about once. Ballots with ties take the general path
/// (``FirstPreferences``) round by round.
struct RunoffCounter {
    let ballots: RankedBallots
    private let strict: StrictOrders
    /// Each strict ballot's current choice, or `none` once exhausted (and for ballots with ties).
    private var current: [UInt16]
    /// Each strict ballot's position in its order.
    private var position: [Int32]
    private var tied: [Int] = []
    /// Votes per candidate from strict ballots, kept up to date.
    private var votes: [Double]
    private var exhausted = 0.0
    private static let none = UInt16.max

    init(_ ballots: RankedBallots) {
        self.ballots = ballots
        let n = ballots.candidateCount
        strict = StrictOrders(ballots)
        votes = Array(repeating: 0, count: n)
        current = Array(repeating: Self.none, count: ballots.ballotCount)
        position = Array(repeating: 0, count: ballots.ballotCount)
        for b in 0..<ballots.ballotCount {
            let length = strict.lengths[b]
            let w = Double(ballots.counts[b])
            if length < 0 {
                tied.append(b)
            } else if length == 0 {
                exhausted += w
            } else {
                let top = strict.orders[b * n]
                votes[Int(top)] += w
                current[b] = top
            }
        }
    }

    /// The counts among the continuing candidates.
    func count(continuing: [Bool]) -> FirstPreferences {
        var result = FirstPreferences(votes: votes.indices.map { continuing[$0] ? votes[$0] : 0 }, exhausted: exhausted)
        if !tied.isEmpty {
            var subset = RankedBallots(candidateCount: ballots.candidateCount)
            for b in tied { subset.append(ranks: ballots.ranks(of: b), count: ballots.counts[b]) }
            let extra = FirstPreferences(subset, continuing: continuing)
            for c in result.votes.indices { result.votes[c] += extra.votes[c] }
            result.exhausted += extra.exhausted
        }
        return result
    }

    /// Moves the ballots of the candidates just eliminated on to their next continuing choice.
    mutating func eliminate(_ out: [Int], continuing: [Bool]) {
        let n = ballots.candidateCount
        var isOut = [Bool](repeating: false, count: n + 1)
        for c in out { isOut[c] = true; votes[c] = 0 }
        let none = Int(Self.none)
        current.withUnsafeMutableBufferPointer { current in
            position.withUnsafeMutableBufferPointer { position in
                strict.orders.withUnsafeBufferPointer { orders in
                    for b in 0..<current.count {
                        let c = Int(current[b])
                        guard c != none, isOut[c] else { continue }
                        let end = Int(strict.lengths[b])
                        var p = Int(position[b]) + 1
                        while p < end && !continuing[Int(orders[b * n + p])] { p += 1 }
                        position[b] = Int32(p)
                        let w = Double(ballots.counts[b])
                        if p < end {
                            let next = orders[b * n + p]
                            votes[Int(next)] += w
                            current[b] = next
                        } else {
                            exhausted += w
                            current[b] = Self.none
                        }
                    }
                }
            }
        }
    }
}
