/// The Condorcet criterion alone: the candidate who beats every other head to head, if any,
/// and the candidate every other one beats.
public struct CondorcetWinner: TallyMethod {
    public init() {}
    public var name: String { "condorcet" }
    public var ballotKind: BallotKind { .ranking }
    public var summary: String { "Elects the candidate a majority prefers to each other candidate, when one exists; otherwise no one." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let pairwise = PairwiseMatrix(try ranked(election))
        let winner = pairwise.condorcetWinner
        var result = TallyResult(
            method: name, candidates: election.candidates, voters: election.ballots.voterCount,
            winners: winner.map { [$0] } ?? [], seed: election.rules.seed)
        let wins = (0..<pairwise.size).map { a in Double((0..<pairwise.size).filter { $0 != a && pairwise.margin(a, over: $0) > 0 }.count) }
        result.scores = Scores("head-to-head wins", wins.map { $0 })
        if let winner {
            result.notes.append("\(election.candidates[winner]) beats every other candidate head to head: the Condorcet winner")
        } else {
            result.notes.append("no candidate beats every other one head to head: there is no Condorcet winner")
        }
        if let loser = pairwise.condorcetLoser {
            result.notes.append("\(election.candidates[loser]) loses to every other candidate head to head: the Condorcet loser")
        } else {
            result.notes.append("no candidate loses to every other one: there is no Condorcet loser")
        }
        result.working = [pairwise.table(election.candidates)]
        return result
    }
}
