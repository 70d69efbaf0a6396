/// Ranked Pairs (Tideman): head-to-head wins are locked in from the largest margin down, skipping
/// any that would make a cycle; the candidate nothing is locked over wins.
///
/// Pairs with equal margins can be taken in any order. Like the reference implementation, the
/// winners are every candidate that wins under some order of the tied pairs; when there are
/// several, a random ranking of the candidates (by lot) orders tied pairs as Tideman proposed:
/// the pair whose winner ranks higher first, then the pair whose loser ranks lower.
public struct RankedPairs: TallyMethod {
    public init() {}
    public var name: String { "ranked-pairs" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String {
        "Locks in head-to-head wins from the largest margin down, skipping any that would contradict stronger ones. Picks the Condorcet winner when there is one."
    }

    /// The most orders of tied pairs explored when looking for every possible winner.
    static let explorationLimit = 200_000

    struct Pair: Hashable { let winner: Int, loser: Int, margin: Int }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let pairwise = PairwiseMatrix(try ranked(election))
        let n = pairwise.size
        var pairs: [Pair] = []
        for a in 0..<n { for b in 0..<n where pairwise.margin(a, over: b) > 0 { pairs.append(Pair(winner: a, loser: b, margin: pairwise.margin(a, over: b))) } }
        pairs.sort { $0.margin != $1.margin ? $0.margin > $1.margin : ($0.winner, $0.loser) < ($1.winner, $1.loser) }
        let groups = Dictionary(grouping: pairs, by: \.margin).sorted { $0.key > $1.key }.map(\.value)

        var possible = Set<Int>()
        let complete = Self.explore(groups, n: n) { possible.formUnion(Self.sources(of: $0, n: n)) }
        var result = TallyResult(
            method: name, candidates: election.candidates, voters: election.ballots.voterCount,
            winners: possible.sorted(), seed: election.rules.seed)
        if !complete {
            result.notes.append("too many pairs share a margin to try every order; the winners are those of the first \(Self.explorationLimit) orders tried")
        }
        // One run, for the ranking and the working: tied pairs in index order, or by a lot when the winner depends on it.
        var tieBreak = Array(0..<n)
        if result.winners.count > 1 {
            var lot = Lot(seed: election.rules.seed)
            tieBreak = lot.pick(n, from: Array(0..<n), reason: "a random ranking of the candidates orders pairs with equal margins")
            result.lot = LotOutcome(seed: election.rules.seed, draws: lot.draws, winners: [])
        }
        let position = Dictionary(uniqueKeysWithValues: tieBreak.enumerated().map { ($1, $0) })
        let ordered = pairs.sorted {
            if $0.margin != $1.margin { return $0.margin > $1.margin }
            if $0.winner != $1.winner { return position[$0.winner]! < position[$1.winner]! }
            return position[$0.loser]! > position[$1.loser]!
        }
        var locked = Array(repeating: false, count: n * n)
        var rows: [[TallyTable.Cell]] = []
        for pair in ordered {
            let lockedIt = Self.lock(pair, into: &locked, n: n)
            rows.append([.candidate(pair.winner), .candidate(pair.loser), .integer(pair.margin), .text(lockedIt ? "locked" : "skipped: would make a cycle")])
        }
        result.ranking = Self.layers(locked, n: n)
        if result.winners.count > 1 {
            // The lot's ranking settles the order of tied pairs; candidates it still leaves
            // unbeaten (tied at a margin of 0) are settled by the same ranking.
            let unbeaten = Self.sources(of: locked, n: n)
            let winner = unbeaten.min { position[$0]! < position[$1]! }!
            result.lot?.winners = [winner]
            // The lot's order is one of the orders, so its winner is a possible winner even when
            // the search stopped before finding it.
            if !result.winners.contains(winner) { result.winners = (result.winners + [winner]).sorted() }
            result.ties.append(
                "\(TallyResult.list(result.winners.map(result.id))) can each win depending on the order of pairs with equal margins or on ties at a margin of 0; the lot (seed \(result.seed)) draws a ranking of the candidates and \(result.id(winner)) wins"
            )
        }
        result.noteCondorcet(pairwise)
        result.working = [
            pairwise.table(election.candidates),
            TallyTable(
                "Pairs, largest margin first", columns: ["winner", "loser", "margin", "outcome"], rows: rows,
                note: "A pair is locked unless an already locked chain of wins leads from its loser back to its winner."),
        ]
        return result
    }

    /// Locks `pair` unless its loser already reaches its winner.
    static func lock(_ pair: Pair, into locked: inout [Bool], n: Int) -> Bool {
        var stack = [pair.loser], seen = Array(repeating: false, count: n)
        while let c = stack.popLast() {
            if c == pair.winner { return false }
            for d in 0..<n where locked[c * n + d] && !seen[d] { seen[d] = true; stack.append(d) }
        }
        locked[pair.winner * n + pair.loser] = true
        return true
    }

    /// Candidates with nothing locked over them.
    static func sources(of locked: [Bool], n: Int) -> [Int] {
        (0..<n).filter { c in !(0..<n).contains { locked[$0 * n + c] } }
    }

    /// The locked graph as tiers: those with nothing over them, then those with only them over them, and so on.
    static func layers(_ locked: [Bool], n: Int) -> [[Int]] {
        var remaining = Set(0..<n), tiers: [[Int]] = []
        while !remaining.isEmpty {
            let top = remaining.filter { c in !remaining.contains { locked[$0 * n + c] } }.sorted()
            tiers.append(top)
            remaining.subtract(top)
        }
        return tiers
    }

    /// Visits the locked graph of every order of the tied pairs (each distinct graph once per
    /// group, in a fixed order); returns false when it stopped trying new orders at the limit, in
    /// which case the graphs found so far are still completed with every remaining pair.
    static func explore(_ groups: [[Pair]], n: Int, visit: ([Bool]) -> Void) -> Bool {
        var states: [[Bool]] = [Array(repeating: false, count: n * n)]
        var budget = explorationLimit
        var complete = true
        for group in groups {
            var next: [[Bool]] = [], seen = Set<[Bool]>()
            func keep(_ state: [Bool]) { if seen.insert(state).inserted { next.append(state) } }
            for state in states {
                // Past the limit, or for a single pair, one order (margin, then index) is taken.
                if group.count == 1 || budget <= 0 {
                    var s = state
                    for pair in group { _ = lock(pair, into: &s, n: n) }
                    keep(s)
                    continue
                }
                var order = group
                permutations(&order, 0) { perm in
                    budget -= 1
                    var s = state
                    for pair in perm { _ = lock(pair, into: &s, n: n) }
                    keep(s)
                    if budget <= 0 { complete = false; return false }
                    return true
                }
            }
            states = next
        }
        states.forEach(visit)
        return complete
    }

    /// Heap-free recursive permutation; `body` returns false to stop.
    @discardableResult
    static func permutations(_ items: inout [Pair], _ k: Int, _ body: ([Pair]) -> Bool) -> Bool {
        if k == items.count { return body(items) }
        for i in k..<items.count {
            items.swapAt(k, i)
            if !permutations(&items, k + 1, body) { items.swapAt(k, i); return false }
            items.swapAt(k, i)
        }
        return true
    }
}
