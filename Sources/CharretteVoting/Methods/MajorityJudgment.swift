/// Majority judgment (Balinski and Laraki): each voter grades every candidate; the highest (lower)
/// median grade wins. Candidates with the same median are ordered by the majority gauge: the share
/// of voters grading above the median if it exceeds the share grading below, else minus the share
/// below. Equal gauges stay tied, as in the reference implementation (pref_voting). A blank counts
/// as the lowest grade.
public struct MajorityJudgment: TallyMethod {
    public init() {}
    public var name: String { "majority-judgment" }
    public var ballotKind: BallotKind { .scores }
    public var summary: String { "Each voter grades every idea; the idea with the best median grade wins. Hard to sway by exaggerating." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try grades(election)
        try checkRange(ballots, election)
        let n = ballots.candidateCount
        // A blank is the lowest grade, as Balinski and Laraki prescribe ("to reject").
        let lowest = election.rules.gradeRange?.lowerBound ?? 0
        // Each candidate's grades as counts per grade (weighted ballots stay compact).
        var histograms = Array(repeating: [Int: Int](), count: n)
        for b in 0..<ballots.ballotCount {
            for c in 0..<n { histograms[c][ballots.grade(b, c) ?? lowest, default: 0] += ballots.counts[b] }
        }
        let medians = histograms.map(Self.lowerMedian)
        let gauges = (0..<n).map { c in Self.gauge(histograms[c], median: medians[c]) }
        // The order: median first, then the majority gauge.
        let keys = (0..<n).map { c in [Double(medians[c] ?? Int.min), gauges[c]] }
        let order = (0..<n).sorted { a, b in keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b], by: >) : a < b }
        var ranking: [[Int]] = []
        for c in order {
            if let last = ranking.last?.last, keys[last] == keys[c] { ranking[ranking.count - 1].append(c) } else { ranking.append([c]) }
        }
        var result = TallyResult(
            method: name, candidates: election.candidates, voters: ballots.voterCount,
            winners: ranking.first ?? [], seed: election.rules.seed)
        result.ranking = ranking
        result.scores = Scores("median grade", medians.map { $0.map(Double.init) })
        let bestMedian = medians.compactMap { $0 }.max()
        let tiedOnMedian = (0..<n).filter { medians[$0] == bestMedian }
        if tiedOnMedian.count > 1 {
            result.ties.append(
                "\(TallyResult.list(tiedOnMedian.map(result.id))) share the best median grade; the majority gauge "
                    + (result.winners.count > 1
                        ? "leaves \(TallyResult.list(result.winners.map(result.id))) tied" : "puts \(result.id(result.winners[0])) first"))
        }
        result.working = [
            TallyTable(
                "Grades", columns: ["candidate", "median", "majority gauge", "grades, lowest first"],
                rows: (0..<n).map { c in [.candidate(c), medians[c].map { .integer($0) } ?? .empty, .number(gauges[c]), .text(Self.summarise(histograms[c]))] },
                note:
                    "A blank counts as the lowest grade. The gauge is the share grading above the median when it is larger than the share grading below; otherwise minus the share below."
            )
        ]
        result.settleByLot(election)
        return result
    }

    /// The lower median: for an even count, the lower of the two middle grades.
    static func lowerMedian(_ histogram: [Int: Int]) -> Int? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        var seen = 0
        for grade in histogram.keys.sorted() {
            seen += histogram[grade]!
            if seen > (total - 1) / 2 { return grade }
        }
        return nil
    }

    /// Above the median outweighing below gives +share above; otherwise −share below.
    static func gauge(_ histogram: [Int: Int], median: Int?) -> Double {
        let total = histogram.values.reduce(0, +)
        guard let median, total > 0 else { return -.infinity }
        let above = Double(histogram.filter { $0.key > median }.values.reduce(0, +)) / Double(total)
        let below = Double(histogram.filter { $0.key < median }.values.reduce(0, +)) / Double(total)
        return above > below ? above : -below
    }

    static func summarise(_ histogram: [Int: Int]) -> String {
        histogram.keys.sorted().map { "\($0)×\(histogram[$0]!)" }.joined(separator: " ")
    }
}
