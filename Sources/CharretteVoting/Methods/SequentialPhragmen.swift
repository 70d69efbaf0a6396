/// Sequential Phragmén: each elected candidate is a load of 1 shared by its approvers; the next
/// seat goes to the candidate whose election leaves the largest load on any voter smallest.
public struct SequentialPhragmen: TallyMethod {
    public init() {}
    public var name: String { "phragmen" }
    public var ballotKind: BallotKind { .approval }
    public var isMultiWinner: Bool { true }
    public var summary: String {
        "Fills seats one by one, spreading the weight of each seat as evenly as possible over the voters who wanted it: proportional."
    }

    struct Count: SequentialCount {
        let ballots: ApprovalBallots
        let approvers: [[Int]]
        let seats: Int

        struct State { var elected: [Int] = []; var loads: [Double] }

        func start() -> State { State(loads: Array(repeating: 0, count: ballots.ballotCount)) }

        func newLoad(_ c: Int, _ state: State) -> Double? {
            var weight = 0.0, carried = 0.0
            for b in approvers[c] {
                weight += Double(ballots.counts[b])
                carried += Double(ballots.counts[b]) * state.loads[b]
            }
            return weight > 0 ? (1 + carried) / weight : nil
        }

        func next(_ state: State) -> [Int] {
            guard state.elected.count < seats else { return [] }
            let open = (0..<ballots.candidateCount).filter { !state.elected.contains($0) }
            let loads = open.compactMap { c in newLoad(c, state).map { (c, $0) } }
            // Candidates nobody approves fill the remaining seats only if nothing else is left.
            return loads.isEmpty ? open : tiedBest(loads, lowest: true)
        }

        func elect(_ c: Int, in state: State) -> State {
            var s = state
            if let load = newLoad(c, state) { for b in approvers[c] { s.loads[b] = load } }
            s.elected.append(c)
            return s
        }

        func finish(_ state: State) -> [Int] { state.elected }
        func key(_ state: State) -> CountKey { CountKey(state.elected, state.loads) }
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try approvals(election)
        let seats = try committeeSize(election)
        let count = Count(ballots: ballots, approvers: approversByCandidate(ballots), seats: seats)
        var result = count.settle(name, election, seats: seats)
        result.scores = Scores("approvals", ballots.approvalCounts().map(Double.init))
        return result
    }
}

extension TallyMethod {
    /// The seats to fill: `--seats`, at least 1 and at most the number of candidates.
    func committeeSize(_ election: Election) throws(TallyError) -> Int {
        guard let seats = election.rules.seats else { throw .setting("\(name) elects several winners: give the number of seats (--seats N)") }
        guard seats >= 1, seats <= election.candidates.count else {
            throw .setting("--seats must be between 1 and the number of candidates (\(election.candidates.count)), not \(seats)")
        }
        return seats
    }
}

/// For each candidate, the ballots approving it.
func approversByCandidate(_ ballots: ApprovalBallots) -> [[Int]] {
    var approvers = Array(repeating: [Int](), count: ballots.candidateCount)
    for b in 0..<ballots.ballotCount { for c in ballots.approved(by: b) { approvers[Int(c)].append(b) } }
    return approvers
}
