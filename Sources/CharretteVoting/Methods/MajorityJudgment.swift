/// Majority judgment (Balinski and Laraki): each voter grades every candidate; the highest median
/// grade wins. Ties are broken by removing one median grade at a time from the tied candidates
/// until their medians differ.
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
        // The order: compare the sequences of successive medians.
        let keys = gradeLists.map(Self.medianSequence)
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
            result.ties.append("\(TallyResult.list(tiedOnMedian.map(result.id))) share the best median grade; removing median grades one at a time settles it" +
                               (result.winners.count > 1 ? " only partly" : " for \(result.id(result.winners[0]))"))
        }
        result.working = [TallyTable("Grades", columns: ["candidate", "median", "grades, lowest first"],
                                     rows: (0..<n).map { c in [.candidate(c), medians[c].map { .integer($0) } ?? .empty, .text(Self.summarise(gradeLists[c]))] })]
        result.settleByLot(election)
        return result
    }

    /// The lower median: for an even count, the lower of the two middle grades.
    static func lowerMedian(_ sorted: [Int]) -> Int? { sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2] }

    /// The medians met when removing the median grade again and again.
    static func medianSequence(_ sorted: [Int]) -> [Int] {
        var grades = sorted, sequence: [Int] = []
        sequence.reserveCapacity(grades.count)
        while !grades.isEmpty {
            let i = (grades.count - 1) / 2
            sequence.append(grades[i])
            grades.remove(at: i)
        }
        return sequence
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
