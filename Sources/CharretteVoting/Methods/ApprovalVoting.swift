/// Approval voting: each voter approves any number of candidates; the most approvals wins.
public struct ApprovalVoting: TallyMethod {
    public init() {}
    public var name: String { "approval" }
    public var ballotKind: BallotKind { .approval }
    public var summary: String { "Voters tick every candidate they accept; the most ticks wins." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let counts = try approvals(election).approvalCounts()
        return scored(election, counts.map(Double.init), label: "approvals")
    }
}
