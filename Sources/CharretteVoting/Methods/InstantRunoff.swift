/// Instant-runoff voting (alternative vote, Hare): count first choices among the continuing
/// candidates; a candidate with more than half of the ballots still counting wins; otherwise
/// every candidate with the fewest votes is eliminated together and their ballots move on.
public struct InstantRunoff: TallyMethod {
    public init() {}
    public var name: String { "irv" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String {
        "Counts first choices, then drops the last candidate and moves their ballots to the next choice, until someone has a majority."
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try ranked(election)
        let n = ballots.candidateCount
        let ids = election.candidates
        var continuing = Array(repeating: true, count: n)
        var eliminated: [[Int]] = []
        var rounds: [[TallyTable.Cell]] = []
        var winners: [Int] = []
        var notes: [String] = []
        var ties: [String] = []
        var round = 0
        var counter = RunoffCounter(ballots)
        while true {
            round += 1
            let first = counter.count(continuing: continuing)
            let alive = (0..<n).filter { continuing[$0] }
            let counting = first.votes.reduce(0, +)
            let row: [TallyTable.Cell] = [.integer(round)] + (0..<n).map { continuing[$0] ? .number(first.votes[$0]) : .empty } + [.number(first.exhausted)]
            if let leader = alive.first(where: { first.votes[$0] * 2 > counting }), winners.isEmpty {
                winners = [leader]
                notes.append("\(ids[leader]) has a majority in round \(round): \(format3(first.votes[leader])) of \(format3(counting)) ballots still counting")
                rounds.append(row + [.text("\(ids[leader]) wins")])
            }
            let fewest = alive.map { first.votes[$0] }.min() ?? 0
            let last = alive.filter { first.votes[$0] == fewest }
            if last.count == alive.count {
                // Everyone left is tied (or one is left): they finish together.
                if winners.isEmpty {
                    winners = alive
                    if alive.count > 1 {
                        ties.append(
                            "\(TallyResult.list(alive.map { ids[$0] })) tie with \(format3(fewest)) \(fewest == 1 ? "vote" : "votes") each when no one else is left"
                        )
                    }
                    rounds.append(row + [.text(alive.count == 1 ? "\(ids[alive[0]]) is the last one left" : "all tied")])
                } else if rounds.count < round {
                    rounds.append(row + [.text("")])
                }
                eliminated.append(alive)
                break
            }
            if rounds.count < round {
                rounds.append(row + [.text("eliminated: " + TallyResult.list(last.map { ids[$0] }))])
            } else if case .text(let text) = rounds[rounds.count - 1].last! {
                rounds[rounds.count - 1][rounds[rounds.count - 1].count - 1] = .text(text + "; eliminated: " + TallyResult.list(last.map { ids[$0] }))
            }
            if last.count > 1 { ties.append("round \(round): \(TallyResult.list(last.map { ids[$0] })) tie for fewest votes and are eliminated together") }
            for c in last { continuing[c] = false }
            counter.eliminate(last, continuing: continuing)
            eliminated.append(last)
        }
        var result = TallyResult(method: name, candidates: ids, voters: ballots.voterCount, winners: winners, seed: election.rules.seed)
        // The order: later eliminations rank higher; the winner first.
        var ranking: [[Int]] = [winners]
        for group in eliminated.reversed() {
            let rest = group.filter { !winners.contains($0) }
            if !rest.isEmpty { ranking.append(rest) }
        }
        result.ranking = ranking
        result.notes = notes
        result.ties = ties
        result.working = [
            TallyTable(
                "Rounds", columns: ["round"] + ids + ["exhausted", "outcome"], rows: rounds,
                note: "First choices among the candidates still in the count; a ballot whose ranked candidates are all out is exhausted.")
        ]
        result.settleByLot(election)
        return result
    }
}
