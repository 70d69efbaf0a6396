/// Schulze (beat path): a candidate wins when its strongest path to every other candidate is at
/// least as strong as the path back. A path's strength is its weakest link, measured by margin.
public struct Schulze: TallyMethod {
    public init() {}
    public var name: String { "schulze" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String {
        "Follows chains of head-to-head wins; the candidate with the strongest chains to all others wins. Picks the Condorcet winner when there is one."
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let pairwise = PairwiseMatrix(try ranked(election))
        let n = pairwise.size
        var paths = Array(repeating: 0, count: n * n)
        for a in 0..<n { for b in 0..<n where a != b { paths[a * n + b] = max(0, pairwise.margin(a, over: b)) } }
        // Floyd–Warshall for widest paths.
        for k in 0..<n {
            for a in 0..<n where a != k {
                let ak = paths[a * n + k]
                guard ak > 0 else { continue }
                for b in 0..<n where b != a && b != k {
                    let through = min(ak, paths[k * n + b])
                    if through > paths[a * n + b] { paths[a * n + b] = through }
                }
            }
        }
        let beats = { (a: Int, b: Int) in paths[a * n + b] > paths[b * n + a] }
        let beaten = (0..<n).map { a in Double((0..<n).filter { beats(a, $0) }.count) }
        let winners = (0..<n).filter { a in (0..<n).allSatisfy { !beats($0, a) } }
        // The order: the winners, then those no one left beats, and so on; candidates the
        // strongest paths cannot separate share a tier.
        var ranking: [[Int]] = [], remaining = Array(0..<n)
        while !remaining.isEmpty {
            let top = remaining.filter { a in remaining.allSatisfy { !beats($0, a) } }
            ranking.append(top)
            remaining.removeAll { top.contains($0) }
        }
        var result = TallyResult(
            method: name, candidates: election.candidates, voters: election.ballots.voterCount,
            winners: winners, seed: election.rules.seed)
        result.ranking = ranking
        result.scores = Scores("candidates beaten by strongest path", beaten.map { $0 })
        result.noteCondorcet(pairwise)
        result.working = [
            pairwise.table(election.candidates),
            TallyTable(
                "Strongest paths", columns: ["from"] + election.candidates.map { "to \($0)" },
                rows: (0..<n).map { a in [.candidate(a)] + (0..<n).map { b in a == b ? .empty : .integer(paths[a * n + b]) } },
                note: "Each cell is the strength of the strongest chain of wins from the row's candidate to the column's: the smallest margin along it."),
        ]
        result.settleByLot(election)
        return result
    }
}
