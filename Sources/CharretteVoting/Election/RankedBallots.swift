/// Ranked ballots, stored as one rank per candidate per distinct ballot.
///
/// A ballot's rank of a candidate is its tier (0 is the top); candidates in one tier are tied.
/// An unranked candidate has ``unranked``, which sorts below every tier, so pairwise methods
/// treat unranked candidates as tied below all ranked ones, while elimination methods let a
/// ballot run out once its ranked candidates are gone.
public struct RankedBallots: Sendable, Hashable {
    /// The rank given to candidates a ballot leaves out.
    public static let unranked = UInt16.max

    /// The number of candidates each ballot covers.
    public let candidateCount: Int
    /// `ranks[b * candidateCount + c]` is ballot b's tier for candidate c.
    public private(set) var ranks: [UInt16]
    /// How many voters cast each distinct ballot.
    public private(set) var counts: [Int]

    /// No ballots yet, over `candidateCount` candidates.
    public init(candidateCount: Int) {
        self.candidateCount = candidateCount
        ranks = []
        counts = []
    }

    /// Ballots already laid out: `ranks` holds `candidateCount` ranks per ballot.
    init(candidateCount: Int, ranks: [UInt16], counts: [Int]) {
        precondition(ranks.count == counts.count * candidateCount)
        self.candidateCount = candidateCount
        self.ranks = ranks
        self.counts = counts
    }

    /// Adds a ballot given as tiers of candidate indices, best first.
    /// - Precondition: indices are in range and appear at most once.
    public mutating func append(tiers: [[Int]], count: Int = 1) {
        let start = ranks.count
        ranks.append(contentsOf: repeatElement(Self.unranked, count: candidateCount))
        var tier: UInt16 = 0
        for members in tiers where !members.isEmpty {
            for c in members { ranks[start + c] = tier }
            tier += 1
        }
        counts.append(count)
    }

    /// Adds a ballot given as ranks (one per candidate, ``unranked`` for none), as file readers build it.
    public mutating func append<C: Collection>(ranks ballot: C, count: Int = 1) where C.Element == UInt16 {
        precondition(ballot.count == candidateCount)
        ranks.append(contentsOf: ballot)
        counts.append(count)
    }

    /// Ballot b's ranks.
    @inlinable public func ranks(of b: Int) -> ArraySlice<UInt16> {
        ranks[b * candidateCount..<(b + 1) * candidateCount]
    }

    /// Ballot b as tiers of candidate indices, best first; unranked candidates left out.
    public func tiers(of b: Int) -> [[Int]] {
        let slice = ranks(of: b)
        var byTier: [UInt16: [Int]] = [:]
        for (offset, rank) in slice.enumerated() where rank != Self.unranked {
            byTier[rank, default: []].append(offset)
        }
        return byTier.keys.sorted().map { byTier[$0]! }
    }

    /// True when some ballot ties two ranked candidates.
    public var hasTies: Bool {
        (0..<ballotCount).contains { b in
            var seen = Set<UInt16>()
            return ranks(of: b).contains { $0 != Self.unranked && !seen.insert($0).inserted }
        }
    }

    /// True when some ballot leaves a candidate unranked.
    public var isTruncated: Bool { ranks.contains(Self.unranked) }
}

/// The ballots that rank without ties, as orders: the fast paths of the counts read these.
///
/// `orders[b * n + p]` is the candidate ballot b ranks at position p, for p below `lengths[b]`;
/// a ballot with ties has length -1 and is counted from its ranks instead.
struct StrictOrders {
    private(set) var orders: [UInt16]
    private(set) var lengths: [Int32]

    init(_ ballots: RankedBallots) {
        let n = ballots.candidateCount
        var orders = [UInt16](repeating: 0, count: ballots.ranks.count)
        var lengths = [Int32](repeating: -1, count: ballots.ballotCount)
        if n <= 64 {
            ballots.ranks.withUnsafeBufferPointer { ranks in
                orders.withUnsafeMutableBufferPointer { orders in
                    lengths.withUnsafeMutableBufferPointer { lengths in
                        for b in 0..<ballots.ballotCount {
                            let base = b * n
                            var mask: UInt64 = 0, ranked = 0, repeated = false
                            for c in 0..<n {
                                let r = Int(ranks[base + c])
                                guard r != Int(RankedBallots.unranked) else { continue }
                                ranked += 1
                                guard r < n else { repeated = true; continue }
                                let bit: UInt64 = 1 << UInt64(r)
                                repeated = repeated || mask & bit != 0
                                mask |= bit
                                orders[base + r] = UInt16(c)
                            }
                            // Strict: tiers 0..<ranked each hold exactly one candidate.
                            let full: UInt64 = ranked == 64 ? .max : (1 << UInt64(ranked)) - 1
                            if !repeated && mask == full { lengths[b] = Int32(ranked) }
                        }
                    }
                }
            }
        }
        self.orders = orders
        self.lengths = lengths
    }
}
