/// STAR voting (Score Then Automatic Runoff): the two highest totals go to a runoff, which the
/// one scored higher by more voters wins.
public struct STARVoting: TallyMethod {
    public init() {}
    public var name: String { "star" }
    public var shape: BallotShape { .grades }
    public var summary: String { "Scores pick two finalists; the finalist more voters scored higher wins. Rewards broad support, then majority preference." }

    public func tally(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try grades(election)
        try checkRange(ballots, election)
        let totals = GradeTotals(ballots)
        let byScore = Ranking.tiers(totals.sums)
        var result = TallyResult(method: name, candidates: election.candidates, voters: ballots.voterCount, winners: [], seed: election.rules.seed)
        result.scores = Scores("total score", totals.sums.map { $0 })
        result.working = [totals.table(election.candidates)]
        guard election.candidates.count > 1 else {
            result.winners = Array(0..<election.candidates.count)
            return result
        }
        // Finalists: the top two totals; a tie that crosses second place sends every tied candidate on.
        var finalists: [Int] = []
        for tier in byScore where finalists.count < 2 { finalists += tier }
        if finalists.count > 2 {
            result.ties.append("\(TallyResult.list(finalists.map(result.id))) tie for the two places in the runoff; all of them go to it")
        }
        // Runoff among the finalists: head to head, counting voters who score one above the other.
        let prefer = { (a: Int, b: Int) -> Int in
            var count = 0
            for v in 0..<ballots.ballotCount {
                let ga = ballots.grade(v, a) ?? Int.min, gb = ballots.grade(v, b) ?? Int.min
                if ga > gb { count += ballots.counts[v] }
            }
            return count
        }
        var rows: [[TallyTable.Cell]] = []
        var wins = Array(repeating: 0.0, count: election.candidates.count)
        for (i, a) in finalists.enumerated() {
            for b in finalists[(i + 1)...] {
                let ab = prefer(a, b), ba = prefer(b, a)
                rows.append([.candidate(a), .candidate(b), .integer(ab), .integer(ba)])
                if ab > ba { wins[a] += 1 } else if ba > ab { wins[b] += 1 } else { wins[a] += 0.5; wins[b] += 0.5 }
            }
        }
        let best = finalists.map { wins[$0] }.max()!
        var top = finalists.filter { wins[$0] == best }
        if top.count > 1 {
            // A tied runoff goes to the higher total score.
            let bestScore = top.map { totals.sums[$0] }.max()!
            let byTotal = top.filter { totals.sums[$0] == bestScore }
            result.ties.append("the runoff between \(TallyResult.list(top.map(result.id))) is tied; " +
                               (byTotal.count == 1 ? "\(result.id(byTotal[0])) has the higher total score and wins" : "their totals are equal too"))
            top = byTotal
        }
        result.winners = top
        result.working.append(TallyTable("Runoff", columns: ["finalist", "against", "voters preferring the finalist", "voters preferring the other"], rows: rows))
        let others = Ranking.tiers(totals.sums).map { $0.filter { !top.contains($0) } }.filter { !$0.isEmpty }
        result.ranking = [top] + others
        result.settleByLot(election)
        return result
    }
}
