/// Every method, by the name the shell and files use.
public enum TallyMethods {
    /// The methods, in the order `docs/voting.md` presents them.
    public static let all: [any TallyMethod] = [
        Plurality(), InstantRunoff(), BordaCount(), CondorcetWinner(), Copeland(), Schulze(), RankedPairs(), Minimax(),
        SingleTransferableVote(),
        ApprovalVoting(), ScoreVoting(), STARVoting(), MajorityJudgment(),
        DotVoting(), QuadraticVoting(),
        ProportionalApproval(), SequentialPhragmen(), EqualShares(),
        BudgetGreedy(byCost: false), BudgetGreedy(byCost: true), BudgetEqualShares(),
        ConsentDecision(), ReactionTally(),
    ]

    private static let byName: [String: any TallyMethod] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The method called `name`, if any.
    public static func named(_ name: String) -> (any TallyMethod)? { byName[name] }

    /// Every method name, in presentation order.
    public static var names: [String] { all.map(\.name) }
}
