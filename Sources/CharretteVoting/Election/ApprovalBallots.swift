/// Approval ballots: the set of candidates each voter approves (or the projects they choose).
public struct ApprovalBallots: Sendable, Hashable {
    /// The number of candidates.
    public let candidateCount: Int
    /// The approved candidates of every ballot, one after another; `starts` marks where each begins.
    public private(set) var approved: [Int32]
    /// Where each ballot's approvals begin in ``approved`` (one more entry than ballots).
    public private(set) var starts: [Int]
    /// How many voters cast each stored ballot.
    public private(set) var counts: [Int]

    /// No ballots yet, over `candidateCount` candidates.
    public init(candidateCount: Int) {
        self.candidateCount = candidateCount
        approved = []
        starts = [0]
        counts = []
    }

    /// Adds a ballot approving `candidates` (indices, without repeats).
    public mutating func append<S: Sequence>(_ candidates: S, count: Int = 1) where S.Element == Int {
        approved.append(contentsOf: candidates.map { Int32($0) })
        starts.append(approved.count)
        counts.append(count)
    }

    /// Ballot b's approved candidates.
    public func approved(by b: Int) -> ArraySlice<Int32> { approved[starts[b]..<starts[b + 1]] }

    /// The weighted number of approvals per candidate.
    public func approvalCounts() -> [Int] {
        var totals = Array(repeating: 0, count: candidateCount)
        for b in 0..<ballotCount {
            for c in approved(by: b) { totals[Int(c)] += counts[b] }
        }
        return totals
    }
}
