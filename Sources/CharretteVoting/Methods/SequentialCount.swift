/// A count that fills seats one at a time and may meet ties on the way (sequential Phragmén,
/// equal shares, greedy budgeting).
///
/// ``settle(_:_:)`` runs it twice over: once down every branch of every tie, to find each
/// outcome the method allows, and once with ties drawn by lot, to give the outcome the room
/// acts on.
protocol SequentialCount {
    associatedtype State
    associatedtype Key: Hashable
    /// What makes two states the same for the rest of the count (the seats filled, as a set, and
    /// what voters have left), so orders of electing that lead to the same state are followed once.
    func key(_ state: State) -> Key
    func start() -> State
    /// The candidates tied for the next seat, or none when the count is over.
    func next(_ state: State) -> [Int]
    /// The state once `candidate` takes the next seat.
    func elect(_ candidate: Int, in state: State) -> State
    /// The outcome: the candidates elected, in order (a completion step may add more).
    func finish(_ state: State) -> [Int]
}

extension SequentialCount {
    /// The most states followed down the branches of ties.
    static var branchLimit: Int { 20_000 }

    /// Every outcome the method allows (each sorted), and whether all were explored: states met
    /// before are not followed again, and at most ``branchLimit`` states are followed.
    func allOutcomes() -> (outcomes: Set<[Int]>, complete: Bool) {
        var outcomes = Set<[Int]>(), seen = Set<Key>()
        func walk(_ state: State) -> Bool {
            guard seen.insert(key(state)).inserted else { return true }
            guard seen.count <= Self.branchLimit else { return false }
            let tied = next(state)
            if tied.isEmpty {
                outcomes.insert(finish(state).sorted())
                return true
            }
            for c in tied where !walk(elect(c, in: state)) { return false }
            return true
        }
        let complete = walk(start())
        return (outcomes, complete)
    }

    /// The outcome with every tie drawn by lot, and the lot's draws.
    func drawn(seed: UInt64, name: (Int) -> String) -> (elected: [Int], lot: Lot) {
        var lot = Lot(seed: seed)
        var state = start()
        while true {
            let tied = next(state)
            if tied.isEmpty { break }
            let c = tied.count == 1 ? tied[0] : lot.pickOne(from: tied, reason: "\(TallyResult.list(tied.sorted().map(name))) tie for the next seat")
            state = elect(c, in: state)
        }
        return (finish(state), lot)
    }

    /// A result for `method`: the winners are every candidate some outcome elects (the lone
    /// outcome in election order when there is only one), and a lot picks among tied outcomes.
    func settle(_ method: String, _ election: Election, seats: Int) -> TallyResult {
        var (outcomes, complete) = allOutcomes()
        let (elected, lot) = drawn(seed: election.rules.seed, name: { election.candidates[$0] })
        // When the search stopped early, the lot's own outcome is still one the method allows.
        outcomes.insert(elected.sorted())
        let winners = outcomes.count == 1 ? elected : Array(Set(outcomes.joined())).sorted()
        var result = TallyResult(
            method: method, candidates: election.candidates, seats: seats,
            voters: election.ballots.voterCount, winners: winners, seed: election.rules.seed)
        if outcomes.count > 1 {
            result.committees = outcomes.sorted { $0.lexicographicallyPrecedes($1) }
            result.ties.append(
                "ties during the count allow \(outcomes.count) outcomes; the lot (seed \(result.seed)) settles each tie as it comes and elects \(TallyResult.list(elected.map(result.id)))"
            )
            result.lot = LotOutcome(seed: result.seed, draws: lot.draws, winners: elected)
        }
        if !complete {
            result.notes.append(
                "the ties allow too many orders of election to follow them all (more than \(Self.branchLimit) states); the committees listed are those found")
        }
        return result
    }
}

/// Tolerance for comparing the real numbers of loads and prices.
let tieTolerance = 1e-9

/// The candidates whose value is within tolerance of the best (lowest when `lowest`); an
/// infinite best ties only with itself.
func tiedBest(_ values: [(Int, Double)], lowest: Bool) -> [Int] {
    guard let best = (lowest ? values.map(\.1).min() : values.map(\.1).max()) else { return [] }
    if best.isInfinite { return values.filter { $0.1 == best }.map(\.0).sorted() }
    return values.filter { abs($0.1 - best) <= tieTolerance * max(1, abs(best)) }.map(\.0).sorted()
}

/// A state of a sequential count as a key: the seats filled, as a set, and what voters have left
/// (loads or money), rounded to a millionth so that equal states from different orders match.
struct CountKey: Hashable {
    let elected: [Int]
    let values: [Double]

    init(_ elected: [Int], _ values: [Double] = []) {
        self.elected = elected.sorted()
        self.values = values.map { ($0 * 1_000_000).rounded() / 1_000_000 }
    }
}
