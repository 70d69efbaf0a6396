/// Ballots that put an amount on candidates: dots (cumulative voting) or quadratic votes.
public struct AmountBallots: Sendable, Hashable {
    /// The number of candidates each ballot covers.
    public let candidateCount: Int
    /// `amounts[b * candidateCount + c]`; 0 where the ballot puts nothing.
    public private(set) var amounts: [Int]
    /// How many voters cast each stored ballot.
    public private(set) var counts: [Int]

    /// No ballots yet, over `candidateCount` candidates.
    public init(candidateCount: Int) {
        self.candidateCount = candidateCount
        amounts = []
        counts = []
    }

    /// Adds a ballot: an amount per candidate index (0 where missing), cast by `count` voters.
    public mutating func append(_ amounts: [Int: Int], count: Int = 1) {
        let start = self.amounts.count
        self.amounts.append(contentsOf: repeatElement(0, count: candidateCount))
        for (c, amount) in amounts { self.amounts[start + c] = amount }
        counts.append(count)
    }

    /// Ballot b's amount on candidate c.
    public func amount(_ b: Int, _ c: Int) -> Int { amounts[b * candidateCount + c] }
    /// Ballot b's amounts, one per candidate.
    public func amounts(of b: Int) -> ArraySlice<Int> { amounts[b * candidateCount..<(b + 1) * candidateCount] }
}
