/// STAR voting (Score Then Automatic Runoff): the two highest totals go to a runoff, which the
/// one scored higher by more voters wins.
///
/// Ties follow the reference implementation (pref_voting): candidates tied for first or second
/// place each meet in a possible runoff, and a tied runoff makes both winners; the lot then picks.
/// (The STAR Voting organisation's own rules break a tied runoff by the higher total instead.)
/// A blank counts as the lowest score.
public struct STARVoting: TallyMethod {
    public init() {}
    public var name: String { "star" }
    public var ballotKind: BallotKind { .scores }
    public var summary: String { "Scores pick two finalists; the finalist more voters scored higher wins. Rewards broad support, then majority preference." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try grades(election)
        try checkRange(ballots, election)
        // A blank is the lowest score, as the STAR rules say.
        let lowest = election.rules.gradeRange?.lowerBound ?? 0
        let totals = GradeTotals(ballots, blank: lowest)
        let byScore = Ranking.tiers(totals.sums)
        var result = TallyResult(method: name, candidates: election.candidates, voters: ballots.voterCount, winners: [], seed: election.rules.seed)
        result.scores = Scores("total score", totals.sums.map { $0 })
        result.working = [totals.table(election.candidates)]
        guard election.candidates.count > 1 else {
            result.winners = Array(0..<election.candidates.count)
            return result
        }
        // Finalists: the top total and the second; when several tie, every pairing of them is a
        // possible runoff and each runoff's winner is a winner (as pref_voting's parallel universes).
        let first = byScore[0]
        let pairs: [(Int, Int)] =
            first.count > 1
            ? first.indices.flatMap { i in first[(i + 1)...].map { (first[i], $0) } }
            : byScore.count > 1 ? byScore[1].map { (first[0], $0) } : []
        if first.count > 1 {
            result.ties.append("\(TallyResult.list(first.map(result.id))) tie for the highest total; each pair of them is a possible runoff")
        } else if byScore.count > 1, byScore[1].count > 1 {
            result.ties.append("\(TallyResult.list(byScore[1].map(result.id))) tie for second place; each meets \(result.id(first[0])) in a possible runoff")
        }
        let prefer = { (a: Int, b: Int) -> Int in
            var count = 0
            for v in 0..<ballots.ballotCount {
                if (ballots.grade(v, a) ?? lowest) > (ballots.grade(v, b) ?? lowest) { count += ballots.counts[v] }
            }
            return count
        }
        var rows: [[TallyTable.Cell]] = []
        var winners = Set<Int>()
        for (a, b) in pairs {
            let ab = prefer(a, b), ba = prefer(b, a)
            rows.append([.candidate(a), .candidate(b), .integer(ab), .integer(ba)])
            if ab >= ba { winners.insert(a) }
            if ba >= ab { winners.insert(b) }
            if ab == ba { result.ties.append("the runoff between \(result.id(a)) and \(result.id(b)) is tied, \(ab) to \(ba): both are winners") }
        }
        let top = pairs.isEmpty ? first : winners.sorted()
        result.winners = top
        result.working.append(
            TallyTable("Runoff", columns: ["finalist", "against", "voters scoring the finalist higher", "voters scoring the other higher"], rows: rows))
        let others = byScore.map { $0.filter { !top.contains($0) } }.filter { !$0.isEmpty }
        result.ranking = [top] + others
        result.settleByLot(election)
        return result
    }
}
