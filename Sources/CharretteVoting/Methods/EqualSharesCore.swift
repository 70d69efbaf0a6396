/// The method of equal shares (Peters and Skowron): every voter gets an equal share of the
/// budget; a candidate is bought by its approvers, each paying at most the same amount, and the
/// candidate whose approvers pay least per unit of satisfaction goes next. Ties branch (see
/// ``SequentialCount``).
struct EqualSharesCore: SequentialCount {
    let ballots: ApprovalBallots
    let approvers: [[Int]]
    /// What each candidate costs (1 for committees).
    let costs: [Double]
    /// Each voter's satisfaction from a candidate it approves: 1, or the candidate's cost.
    let utility: [Double]
    /// Each voter's starting money.
    let share: Double
    /// Stops after this many candidates (committees), or never.
    let limit: Int

    struct State {
        var elected: [Int] = []
        var budgets: [Double]
    }

    func start() -> State { State(budgets: Array(repeating: share, count: ballots.ballotCount)) }

    /// The least ρ, payment per unit of satisfaction, at which `c`'s approvers can pay for it.
    func price(_ c: Int, _ state: State) -> Double? {
        let payers = approvers[c]
        let available = payers.reduce(0.0) { $0 + state.budgets[$1] * Double(ballots.counts[$1]) }
        guard !payers.isEmpty, available >= costs[c] - tieTolerance * max(1, costs[c]) else { return nil }
        // Voters with little money pay all they have; the rest pay the same amount q.
        let sorted = payers.sorted { state.budgets[$0] < state.budgets[$1] }
        var paid = 0.0, remainingVoters = Double(payers.reduce(0) { $0 + ballots.counts[$1] })
        for b in sorted {
            let q = (costs[c] - paid) / remainingVoters
            if state.budgets[b] >= q - 1e-12 { return q / utility[c] }
            paid += state.budgets[b] * Double(ballots.counts[b])
            remainingVoters -= Double(ballots.counts[b])
        }
        return state.budgets[sorted.last!] / utility[c]
    }

    func next(_ state: State) -> [Int] {
        guard state.elected.count < limit else { return [] }
        let prices = (0..<ballots.candidateCount).filter { !state.elected.contains($0) }.compactMap { c in price(c, state).map { (c, $0) } }
        return tiedBest(prices, lowest: true)
    }

    func elect(_ c: Int, in state: State) -> State {
        var s = state
        let q = price(c, state)! * utility[c]
        for b in approvers[c] { s.budgets[b] = max(0, s.budgets[b] - min(s.budgets[b], q)) }
        s.elected.append(c)
        return s
    }

    func finish(_ state: State) -> [Int] { state.elected }
    func key(_ state: State) -> CountKey { CountKey(state.elected, state.budgets) }
}
