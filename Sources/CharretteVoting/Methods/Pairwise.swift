/// How many voters prefer each candidate to each other one.
///
/// A ballot prefers a to b when it ranks a in a higher tier; candidates in one tier, or both
/// unranked, are tied and count for neither. An unranked candidate is below every ranked one.
public struct PairwiseMatrix: Sendable, Equatable {
    /// The number of candidates.
    public let size: Int
    /// `support[a * size + b]`: voters preferring a to b.
    public private(set) var support: [Int]

    /// Counts every pair on every ballot (strict orders without comparing, the rest pair by pair).
    public init(_ ballots: RankedBallots) {
        let n = ballots.candidateCount
        size = n
        var support = Array(repeating: 0, count: n * n)
        let strict = StrictOrders(ballots)
        var isRanked = [Bool](repeating: false, count: n)
        ballots.ranks.withUnsafeBufferPointer { ranks in
            strict.orders.withUnsafeBufferPointer { order in
                support.withUnsafeMutableBufferPointer { s in
                    for b in 0..<ballots.ballotCount {
                        let w = ballots.counts[b]
                        let base = b * n
                        let ranked = Int(strict.lengths[b])
                        if ranked >= 0 {
                            // A strict order: each ranked candidate beats those after it and every unranked one.
                            for p in 0..<ranked {
                                let row = Int(order[base + p]) * n
                                for q in (p + 1)..<max(p + 1, ranked) { s[row + Int(order[base + q])] &+= w }
                            }
                            if ranked < n {
                                for p in 0..<ranked { isRanked[Int(order[base + p])] = true }
                                for u in 0..<n where !isRanked[u] {
                                    for p in 0..<ranked { s[Int(order[base + p]) * n + u] &+= w }
                                }
                                for p in 0..<ranked { isRanked[Int(order[base + p])] = false }
                            }
                            continue
                        }
                        // Ties: compare every pair, branch-free.
                        for i in 0..<n {
                            let ri = ranks[base + i]
                            for j in (i + 1)..<max(i + 1, n) {
                                let rj = ranks[base + j]
                                s[i * n + j] &+= ri < rj ? w : 0
                                s[j * n + i] &+= rj < ri ? w : 0
                            }
                        }
                    }
                }
            }
        }
        self.support = support
    }

    /// Voters preferring a to b.
    @inlinable public func support(_ a: Int, over b: Int) -> Int { support[a * size + b] }
    /// Voters preferring a to b less those preferring b to a.
    @inlinable public func margin(_ a: Int, over b: Int) -> Int { support[a * size + b] - support[b * size + a] }

    /// The candidate who beats every other one head to head, if any.
    public var condorcetWinner: Int? {
        (0..<size).first { a in (0..<size).allSatisfy { $0 == a || margin(a, over: $0) > 0 } }
    }

    /// The candidate every other one beats head to head, if any.
    public var condorcetLoser: Int? {
        (0..<size).first { a in (0..<size).allSatisfy { $0 == a || margin(a, over: $0) < 0 } }
    }

    /// The matrix as working: row a, column b holds the voters preferring a to b.
    func table(_ ids: [String], _ title: String = "Head to head") -> TallyTable {
        TallyTable(
            title, columns: ["prefer"] + ids.map { "over \($0)" },
            rows: (0..<size).map { a in [.candidate(a)] + (0..<size).map { b in a == b ? .empty : .integer(support(a, over: b)) } },
            note: "Each cell counts the voters who rank the row's candidate above the column's.")
    }
}

extension TallyResult {
    /// Says whether a candidate beats every other one head to head, which Condorcet methods always elect.
    mutating func noteCondorcet(_ pairwise: PairwiseMatrix) {
        if let winner = pairwise.condorcetWinner {
            notes.append("\(id(winner)) beats every other candidate head to head (the Condorcet winner)")
        } else {
            notes.append("no candidate beats every other one head to head: the majority preferences form a cycle or a tie")
        }
    }
}
