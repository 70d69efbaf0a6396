/// Majority judgment (Balinski and Laraki): each voter grades every candidate; the highest (lower)
/// median grade wins. Candidates with the same median are ordered by the majority gauge: the share
/// of voters grading above the median if it exceeds the share grading below, else minus the share
/// below. Equal gauges stay tied, as in the reference implementation (pref_voting).
public struct MajorityJudgment: TallyMethod {
    public init() {}
    public var name: String { "majority-judgment" }
    public var shape: BallotShape { .grades }
    public var summary: String { "Each voter grades every idea; the idea with the best median grade wins. Hard to sway by exaggerating." }

    public func tally(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try grades(election)
        try checkRange(ballots, election)
        let n = ballots.candidateCount
        // Each candidate's grades, sorted (a voter's missing grade is left out).
        var gradeLists = Array(repeating: [Int](), count: n)
        for b in 0..<ballots.ballotCount {
            for c in 0..<n { if let g = ballots.grade(b, c) { gradeLists[c] += repeatElement(g, count: ballots.counts[b]) } }
        }
        for c in 0..<n { gradeLists[c].sort() }
        let medians = gradeLists.map { Self.lowerMedian($0) }
        // The order: median first, then the majority gauge.
        let gauges = (0..<n).map { c in Self.gauge(gradeLists[c], median: medians[c]) }
        let keys = (0..<n).map { c in [Double(medians[c] ?? Int.min), gauges[c]] }
        let order = (0..<n).sorted { a, b in keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b], by: >) : a < b }
        var ranking: [[Int]] = []
        for c in order {
            if let last = ranking.last?.last, keys[last] == keys[c] { ranking[ranking.count - 1].append(c) } else { ranking.append([c]) }
        }
        var result = TallyResult(method: name, candidates: election.candidates, voters: ballots.voterCount,
                                 winners: ranking.first ?? [], seed: election.rules.seed)
        result.ranking = ranking
        result.scores = Scores("median grade", medians.map { $0.map(Double.init) })
        let bestMedian = medians.compactMap { $0 }.max()
        let tiedOnMedian = (0..<n).filter { medians[$0] == bestMedian }
        if tiedOnMedian.count > 1 {
            result.ties.append("\(TallyResult.list(tiedOnMedian.map(result.id))) share the best median grade; the majority gauge " +
                               (result.winners.count > 1 ? "leaves \(TallyResult.list(result.winners.map(result.id))) tied" : "puts \(result.id(result.winners[0])) first"))
        }
        result.working = [TallyTable("Grades", columns: ["candidate", "median", "majority gauge", "grades, lowest first"],
                                     rows: (0..<n).map { c in [.candidate(c), medians[c].map { .integer($0) } ?? .empty, .number(gauges[c]), .text(Self.summarise(gradeLists[c]))] },
                                     note: "The gauge is the share grading above the median when it is larger than the share grading below; otherwise minus the share below.")]
        result.settleByLot(election)
        return result
    }

    /// The lower median: for an even count, the lower of the two middle grades.
    static func lowerMedian(_ sorted: [Int]) -> Int? { sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2] }

    /// Above the median outweighing below gives +share above; otherwise −share below.
    static func gauge(_ sorted: [Int], median: Int?) -> Double {
        guard let median, !sorted.isEmpty else { return -.infinity }
        let above = Double(sorted.filter { $0 > median }.count) / Double(sorted.count)
        let below = Double(sorted.filter { $0 < median }.count) / Double(sorted.count)
        return above > below ? above : -below
    }

    static func summarise(_ sorted: [Int]) -> String {
        var parts: [String] = [], i = 0
        while i < sorted.count {
            var j = i
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            parts.append("\(sorted[i])×\(j - i)")
            i = j
        }
        return parts.joined(separator: " ")
    }
}
