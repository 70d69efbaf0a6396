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
