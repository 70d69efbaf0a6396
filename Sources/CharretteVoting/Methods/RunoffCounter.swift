/// First preferences round after round, for instant runoff: each ballot keeps a pointer to its
/// current choice and moves it only when that candidate is eliminated, so a whole count reads
/// each ballot's order once instead of once a round. Ballots with ties take the general path
/// (``FirstPreferences``) round by round.
struct RunoffCounter {
    let ballots: RankedBallots
    /// Each untied ballot's ranked candidates, best first; `order[b]` is empty for tied ballots.
    private var orders: [UInt16] = []
    private var starts: [Int] = []
    private var position: [Int] = []
    private var tied: [Int] = []
    /// Votes per candidate from untied ballots, kept up to date.
    private var votes: [Double]
    private var exhausted = 0.0

    init(_ ballots: RankedBallots) {
        self.ballots = ballots
        let n = ballots.candidateCount
        votes = Array(repeating: 0, count: n)
        orders.reserveCapacity(ballots.ranks.count)
        starts.reserveCapacity(ballots.ballotCount + 1)
        var slot = [Int](repeating: -1, count: n)  // the candidate at each tier of the ballot at hand
        var isTiedBallot = [Bool](repeating: false, count: ballots.ballotCount)
        ballots.ranks.withUnsafeBufferPointer { ranks in
            for b in 0..<ballots.ballotCount {
                starts.append(orders.count)
                let base = b * n
                var ranked = 0, isTied = false
                for c in 0..<n {
                    let r = Int(ranks[base + c])
                    guard r != Int(RankedBallots.unranked) else { continue }
                    ranked += 1
                    if r >= n || slot[r] != -1 { isTied = true } else { slot[r] = c }
                }
                // Untied means tiers 0..<ranked hold one candidate each.
                if !isTied { isTied = (0..<ranked).contains { slot[$0] == -1 } }
                if isTied {
                    tied.append(b)
                    isTiedBallot[b] = true
                } else {
                    for r in 0..<ranked { orders.append(UInt16(slot[r])) }
                }
                for c in 0..<n { let r = Int(ranks[base + c]); if r < n { slot[r] = -1 } }
            }
        }
        starts.append(orders.count)
        position = Array(starts.dropLast())
        for b in 0..<ballots.ballotCount where !isTiedBallot[b] {
            if starts[b] < starts[b + 1] { votes[Int(orders[starts[b]])] += Double(ballots.counts[b]) } else { exhausted += Double(ballots.counts[b]) }
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
        let gone = Set(out)
        orders.withUnsafeBufferPointer { orders in
            for b in 0..<ballots.ballotCount {
                var p = position[b]
                let end = starts[b + 1]
                guard p < end, gone.contains(Int(orders[p])) else { continue }
                let w = Double(ballots.counts[b])
                votes[Int(orders[p])] -= w
                p += 1
                while p < end && !continuing[Int(orders[p])] { p += 1 }
                position[b] = p
                if p < end { votes[Int(orders[p])] += w } else { exhausted += w }
            }
        }
    }
}
