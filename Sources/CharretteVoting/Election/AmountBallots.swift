/// Ballots that put an amount on candidates: dots (cumulative voting) or quadratic votes.
public struct AmountBallots: Sendable, Hashable {
    public let candidateCount: Int
    /// `amounts[b * candidateCount + c]`; 0 where the ballot puts nothing.
    public private(set) var amounts: [Int]
    public private(set) var counts: [Int]

    public init(candidateCount: Int) {
        self.candidateCount = candidateCount
        amounts = []
        counts = []
    }

    public var ballotCount: Int { counts.count }
    public var voterCount: Int { counts.reduce(0, +) }

    public mutating func append(_ amounts: [Int: Int], count: Int = 1) {
        let start = self.amounts.count
        self.amounts.append(contentsOf: repeatElement(0, count: candidateCount))
        for (c, amount) in amounts { self.amounts[start + c] = amount }
        counts.append(count)
    }

    public func amount(_ b: Int, _ c: Int) -> Int { amounts[b * candidateCount + c] }
    public func amounts(of b: Int) -> ArraySlice<Int> { amounts[b * candidateCount ..< (b + 1) * candidateCount] }
}

/// Ballots that take a position on each candidate: consent or reactions.
public struct PositionBallots: Sendable, Hashable {
    /// The positions a ballot can take, in the order results list them.
    public let positions: [String]
    public let candidateCount: Int
    /// `codes[b * candidateCount + c]` is an index into ``positions``, or -1 for none.
    public private(set) var codes: [Int8]
    public private(set) var counts: [Int]

    public init(candidateCount: Int, positions: [String]) {
        self.candidateCount = candidateCount
        self.positions = positions
        codes = []
        counts = []
    }

    public var ballotCount: Int { counts.count }
    public var voterCount: Int { counts.reduce(0, +) }

    /// Adds a ballot; `positions` maps candidates to indices into ``positions``.
    public mutating func append(_ positions: [Int: Int], count: Int = 1) {
        let start = codes.count
        codes.append(contentsOf: repeatElement(-1, count: candidateCount))
        for (c, p) in positions { codes[start + c] = Int8(p) }
        counts.append(count)
    }

    /// How many voters took each position on each candidate: `[candidate][position]`.
    public func tallies() -> [[Int]] {
        var totals = Array(repeating: Array(repeating: 0, count: positions.count), count: candidateCount)
        for b in 0..<ballotCount {
            for c in 0..<candidateCount {
                let p = codes[b * candidateCount + c]
                if p >= 0 { totals[c][Int(p)] += counts[b] }
            }
        }
        return totals
    }

    /// The positions of consent decision making.
    public static let consent = ["agree", "abstain", "disagree", "block"]
    /// The reactions to single ideas, as in Pol.is.
    public static let reactions = ["agree", "disagree", "pass"]
}
