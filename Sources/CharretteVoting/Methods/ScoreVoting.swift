/// Score (range) voting: each voter scores candidates; the highest total wins. The mean over
/// the voters who scored a candidate is shown beside the total.
public struct ScoreVoting: TallyMethod {
    public init() {}
    public var name: String { "score" }
    public var ballotKind: BallotKind { .scores }
    public var summary: String { "Each voter scores every idea; the highest total score wins. Rewards ideas many people rate well." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try grades(election)
        try checkRange(ballots, election)
        let totals = GradeTotals(ballots)
        // A candidate nobody scored has no score and cannot win.
        guard totals.graders.contains(where: { $0 > 0 }) else {
            var result = TallyResult(method: name, candidates: election.candidates, voters: ballots.voterCount, winners: [], seed: election.rules.seed)
            result.notes.append("nobody scored any candidate: there is no winner")
            return result
        }
        let scores = totals.sums.indices.map { totals.graders[$0] == 0 ? -Double.infinity : totals.sums[$0] }
        var result = scored(election, scores, label: "total score")
        result.scores = Scores("total score", totals.sums.indices.map { totals.graders[$0] == 0 ? nil : totals.sums[$0] })
        result.working = [totals.table(election.candidates)]
        return result
    }
}

/// Sums and means of grades per candidate.
struct GradeTotals {
    var sums: [Double]
    var graders: [Int]

    /// `blank`, when given, is the score a missing one counts as; otherwise it is left out.
    init(_ ballots: GradeBallots, blank: Int? = nil) {
        sums = Array(repeating: 0, count: ballots.candidateCount)
        graders = Array(repeating: 0, count: ballots.candidateCount)
        for b in 0..<ballots.ballotCount {
            for c in 0..<ballots.candidateCount {
                if let g = ballots.grade(b, c) ?? blank {
                    sums[c] += Double(g) * Double(ballots.counts[b])
                    graders[c] += ballots.counts[b]
                }
            }
        }
    }

    var means: [Double?] { sums.indices.map { graders[$0] == 0 ? nil : sums[$0] / Double(graders[$0]) } }

    func table(_ ids: [String]) -> TallyTable {
        TallyTable(
            "Scores", columns: ["candidate", "total", "voters who scored", "mean"],
            rows: sums.indices.map { c in [.candidate(c), .number(sums[c]), .integer(graders[c]), means[c].map { .number($0) } ?? .empty] })
    }
}

extension TallyMethod {
    /// Refuses grades outside the vote's range.
    func checkRange(_ ballots: GradeBallots, _ election: Election) throws(TallyError) {
        guard let range = election.rules.gradeRange else { return }
        for b in 0..<ballots.ballotCount {
            for c in 0..<ballots.candidateCount {
                if let g = ballots.grade(b, c), !range.contains(g) {
                    throw .invalidBallot(index: b, reason: "\(election.candidates[c]) gets \(g), outside \(range.lowerBound) to \(range.upperBound)")
                }
            }
        }
    }
}
