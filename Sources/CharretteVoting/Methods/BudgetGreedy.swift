/// Greedy participatory budgeting: projects are funded in order of approvals (or approvals per
/// unit of cost), skipping any that no longer fit the budget. Ties branch (see `SequentialCount`).
public struct BudgetGreedy: TallyMethod {
    /// Order by approvals per unit of cost instead of approvals.
    public let byCost: Bool
    /// `pb-greedy`, or `pb-greedy-cost` when `byCost`.
    public init(byCost: Bool) { self.byCost = byCost }
    public var name: String { byCost ? "pb-greedy-cost" : "pb-greedy" }
    public var ballotKind: BallotKind { .budget }
    public var isMultiWinner: Bool { true }
    public var summary: String {
        byCost
            ? "Funds projects by approvals per unit of cost, skipping those that no longer fit: cheap popular projects first."
            : "Funds the most approved projects first, skipping those that no longer fit the budget."
    }

    struct Count: SequentialCount {
        let score: [Double]
        let costs: [Int]
        let budget: Int
        struct State { var funded: [Int] = []; var left: Int }
        func start() -> State { State(left: budget) }
        func next(_ state: State) -> [Int] {
            let open = score.indices.filter { !state.funded.contains($0) && costs[$0] <= state.left }
            return tiedBest(open.map { ($0, score[$0]) }, lowest: false)
        }
        func elect(_ c: Int, in state: State) -> State { State(funded: state.funded + [c], left: state.left - costs[c]) }
        func finish(_ state: State) -> [Int] { state.funded }
        func key(_ state: State) -> CountKey { CountKey(state.funded, [Double(state.left)]) }
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try approvals(election)
        let (costs, budget) = try budgetRules(election)
        let approvals = ballots.approvalCounts()
        // A free project someone approves comes first; a free project nobody approves gains nothing.
        let score = approvals.indices.map { c -> Double in
            guard byCost else { return Double(approvals[c]) }
            if costs[c] == 0 { return approvals[c] > 0 ? .infinity : 0 }
            return Double(approvals[c]) / Double(costs[c])
        }
        let count = Count(score: score, costs: costs, budget: budget)
        var result = count.settle(name, election, seats: 0)
        result.seats = result.elected.count
        result.scores = Scores(byCost ? "approvals per unit of cost" : "approvals", score.map { $0 })
        result.working = [budgetTable(election, approvals: approvals, funded: result.elected)]
        return result
    }
}

extension TallyMethod {
    /// The costs and budget of a participatory budget, refusing missing or negative ones.
    func budgetRules(_ election: Election) throws(TallyError) -> (costs: [Int], budget: Int) {
        guard let budget = election.rules.budget, budget >= 0 else { throw .setting("\(name) needs the money to spend (--budget N)") }
        guard let costs = election.rules.costs, costs.count == election.candidates.count else {
            throw .setting("\(name) needs a cost for every project")
        }
        if let c = costs.firstIndex(where: { $0 < 0 }) { throw .setting("project \(election.candidates[c]) has a negative cost") }
        return (costs, budget)
    }

    /// Projects with cost, approvals and whether they are funded.
    func budgetTable(_ election: Election, approvals: [Int], funded: [Int]) -> TallyTable {
        let costs = election.rules.costs ?? []
        var spent = 0
        return TallyTable(
            "Projects", columns: ["project", "cost", "approvals", "funded", "spent so far"],
            rows: funded.map { c in
                spent += costs[c]
                return [.candidate(c), .integer(costs[c]), .integer(approvals[c]), .text("yes"), .integer(spent)]
            }
                + approvals.indices.filter { !funded.contains($0) }.map { c in
                    [.candidate(c), .integer(costs[c]), .integer(approvals[c]), .text("no"), .empty]
                },
            note: "Funded projects in the order they were chosen, then the rest; budget \(election.rules.budget ?? 0).")
    }
}
