/// The method of equal shares for committees (Peters and Skowron), as abcvoting computes it:
/// each voter starts with seats ÷ voters of money, a seat costs 1, and when no candidate can be
/// bought the remaining seats are filled by sequential Phragmén starting from what each voter
/// has left (a voter's load starts at minus its leftover money).
public struct EqualShares: TallyMethod {
    public init() {}
    public var name: String { "equal-shares" }
    public var ballotKind: BallotKind { .approval }
    public var isMultiWinner: Bool { true }
    public var summary: String {
        "Gives every voter an equal share of the seats to spend; groups buy the candidates they agree on. Proportional, and fair to small groups."
    }

    struct Count: SequentialCount {
        let shares: EqualSharesCore
        let phragmen: SequentialPhragmen.Count

        struct State { var shares: EqualSharesCore.State; var loads: [Double]? }

        func start() -> State { State(shares: shares.start(), loads: nil) }

        func next(_ state: State) -> [Int] {
            guard state.shares.elected.count < phragmen.seats else { return [] }
            let bought = shares.next(state.shares)
            if !bought.isEmpty { return bought }
            return phragmen.next(phragmenState(state))
        }

        func phragmenState(_ state: State) -> SequentialPhragmen.Count.State {
            .init(elected: state.shares.elected, loads: state.loads ?? state.shares.budgets.map { -$0 })
        }

        func elect(_ c: Int, in state: State) -> State {
            var s = state
            if state.loads == nil && shares.price(c, state.shares) != nil {
                s.shares = shares.elect(c, in: state.shares)
            } else {
                let p = phragmen.elect(c, in: phragmenState(state))
                s.loads = p.loads
                s.shares.elected = p.elected
            }
            return s
        }

        func finish(_ state: State) -> [Int] { state.shares.elected }
        func key(_ state: State) -> CountKey { CountKey(state.shares.elected, state.shares.budgets + (state.loads ?? [])) }
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try approvals(election)
        let seats = try committeeSize(election)
        let approvers = approversByCandidate(ballots)
        let voters = Double(ballots.voterCount)
        let shares = EqualSharesCore(
            ballots: ballots, approvers: approvers, costs: Array(repeating: 1, count: ballots.candidateCount),
            utility: Array(repeating: 1, count: ballots.candidateCount),
            share: voters > 0 ? Double(seats) / voters : 0, limit: seats)
        let count = Count(shares: shares, phragmen: .init(ballots: ballots, approvers: approvers, seats: seats))
        var result = count.settle(name, election, seats: seats)
        result.scores = Scores("approvals", ballots.approvalCounts().map(Double.init))
        // The rounds of the lot's run: who was bought, at what price, and where completion began.
        var state = count.start(), rows: [[TallyTable.Cell]] = []
        for c in result.elected {
            if let price = shares.price(c, state.shares), state.loads == nil {
                rows.append([.integer(rows.count + 1), .candidate(c), .text("bought by its approvers"), .number(price)])
            } else {
                rows.append([.integer(rows.count + 1), .candidate(c), .text("completion: sequential Phragmén"), .empty])
            }
            state = count.elect(c, in: state)
        }
        result.working = [
            TallyTable(
                "Rounds", columns: ["round", "elected", "how", "most any voter paid"], rows: rows,
                note: "Each voter starts with \(seats) ÷ \(ballots.voterCount) of the money; a seat costs 1.")
        ]
        return result
    }
}

/// The method of equal shares for participatory budgeting, with cost satisfaction (a voter's
/// satisfaction from a project is its cost), completed as the rules' ``EqualSharesCompletion``
/// says. The standard completion (pabutools' `completion_by_rule_combination` with
/// `exhaustion_by_budget_increase`, then `greedy_utilitarian_welfare`) raises each voter's share by
/// 1 at a time ("add one") and counts again, as long as every outcome stays within the real
/// budget, stopping once one is exhaustive; money still left then goes greedily to the most
/// approved projects that fit.
public struct BudgetEqualShares: TallyMethod {
    public init() {}
    public var name: String { "pb-equal-shares" }
    public var ballotKind: BallotKind { .budget }
    public var isMultiWinner: Bool { true }
    public var settings: TallySettings {
        var settings = TallySettings.standard(for: ballotKind, seats: false)
        settings.add(optional: .completion)
        settings.add(optional: .addOneStop)
        return settings
    }
    public var summary: String {
        "Splits the budget equally among voters; groups pool their shares to fund the projects they agree on. Proportional; small groups get their fair share."
    }

    /// Equal shares at one virtual budget, then (when the completion fills greedily) greedy by
    /// approvals within the real budget.
    struct Count: SequentialCount {
        let shares: EqualSharesCore
        let greedy: BudgetGreedy.Count
        let fillsGreedily: Bool

        struct State { var shares: EqualSharesCore.State; var left: Int }

        func start() -> State { State(shares: shares.start(), left: greedy.budget) }

        func next(_ state: State) -> [Int] {
            let bought = shares.next(state.shares)
            if !bought.isEmpty || !fillsGreedily { return bought }
            return greedy.next(.init(funded: state.shares.elected, left: state.left))
        }

        func elect(_ c: Int, in state: State) -> State {
            var s = state
            if shares.price(c, state.shares) != nil && !shares.next(state.shares).isEmpty {
                s.shares = shares.elect(c, in: state.shares)
            } else {
                s.shares.elected.append(c)
            }
            s.left -= greedy.costs[c]
            return s
        }

        func finish(_ state: State) -> [Int] { state.shares.elected }
        func key(_ state: State) -> CountKey { CountKey(state.shares.elected, state.shares.budgets + [Double(state.left)]) }
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try approvals(election)
        let (costs, budget) = try budgetRules(election)
        let approvers = approversByCandidate(ballots)
        let voters = ballots.voterCount
        let approvals = ballots.approvalCounts()
        func shares(_ virtualBudget: Double) -> EqualSharesCore {
            EqualSharesCore(
                ballots: ballots, approvers: approvers, costs: costs.map(Double.init), utility: costs.map { Double(max($0, 1)) },
                share: voters > 0 ? virtualBudget / Double(voters) : 0, limit: Int.max)
        }
        func spent(_ outcome: [Int]) -> Int { outcome.reduce(0) { $0 + costs[$1] } }
        func exhaustive(_ outcome: [Int]) -> Bool {
            costs.indices.allSatisfy { outcome.contains($0) || spent(outcome) + costs[$0] > budget }
        }
        let completion = election.rules.completion
        // Add one to every voter's share while every outcome stays within the budget, and (as the
        // stopping rule says) stop at an exhaustive one. Step k gives each voter k more. The first
        // 1,000 steps are taken one by one, as pabutools does; past that, the stopping step is
        // found by bisection.
        let step = Double(voters)
        let steps = step > 0 && completion.raisesShares ? Int(((Double(budget) * Double(voters + 1) - Double(budget)) / step).rounded(.down)) : 0
        var memo: [Int: Set<[Int]>] = [:]
        func outcomes(_ k: Int) -> Set<[Int]> {
            if let known = memo[k] { return known }
            let found = shares(Double(budget) + Double(k) * step).allOutcomes().outcomes
            memo[k] = found
            return found
        }
        /// Whether the raising stops at step k: the next outcome overspends, or (stopping at
        /// exhaustive outcomes) one is exhaustive.
        func stops(_ k: Int) -> Bool {
            k >= steps || (completion.stop == .exhaustive && outcomes(k).contains(where: exhaustive))
                || outcomes(k + 1).contains { spent($0) > budget }
        }
        var raises = 0, bisected = false
        while raises < min(steps, 1_000), !stops(raises) { raises += 1 }
        if raises == 1_000, steps > 1_000, !stops(raises) {
            var low = raises, high = steps
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if stops(middle) { high = middle } else { low = middle }
            }
            raises = high
            bisected = true
        }
        let virtualBudget = Double(budget) + Double(raises) * step
        let greedy = BudgetGreedy.Count(score: approvals.map(Double.init), costs: costs, budget: budget)
        let count = Count(shares: shares(virtualBudget), greedy: greedy, fillsGreedily: completion.fillsGreedily)
        var result = count.settle(name, election, seats: 0)
        result.seats = result.elected.count
        result.scores = Scores("approvals", approvals.map(Double.init))
        result.notes.append("completion: \(completion.description)")
        result.notes.append(
            raises == 0
                ? "each voter's equal share is \(format3(Double(budget) / Double(max(voters, 1))))"
                : "each voter's share was raised \(raises) times by 1, to \(format3(virtualBudget / Double(max(voters, 1)))), while the outcome still fit the budget of \(budget)"
                    + (bisected ? " (past 1,000 raises, the last one was found by bisection)" : ""))
        // The rounds of the lot's run: who bought each project and the most any voter paid, then
        // what completion added.
        var state = count.start(), rows: [[TallyTable.Cell]] = [], added: [Int] = []
        for c in result.elected {
            let buying = !count.shares.next(state.shares).isEmpty
            if buying, let price = count.shares.price(c, state.shares) {
                rows.append([
                    .integer(rows.count + 1), .candidate(c), .integer(costs[c]), .text("bought by its approvers"), .number(price * count.shares.utility[c]),
                ])
            } else {
                rows.append([.integer(rows.count + 1), .candidate(c), .integer(costs[c]), .text("completion: the most approved project that fits"), .empty])
                added.append(c)
            }
            state = count.elect(c, in: state)
        }
        if !added.isEmpty { result.notes.append("money left after equal shares funds \(TallyResult.list(added.map(result.id))), by approvals") }
        let left = budget - result.elected.reduce(0) { $0 + costs[$1] }
        if !completion.fillsGreedily, let fits = costs.indices.first(where: { !result.elected.contains($0) && costs[$0] <= left }) {
            result.notes.append("\(left) of the budget is left unspent, though \(result.id(fits)) would fit: the completion does not fill the budget greedily")
        }
        result.working = [
            TallyTable(
                "Rounds", columns: ["round", "funded", "cost", "how", "most any voter paid"], rows: rows,
                note: "Each voter's share of the money is \(format3(virtualBudget / Double(max(voters, 1)))); approvers pay equally, or all they have left."),
            budgetTable(election, approvals: approvals, funded: result.elected),
        ]
        return result
    }
}
