/// Proportional approval voting (Thiele's method with harmonic weights): the committee that
/// maximises, over voters, 1 + 1/2 + … + 1/k for the k members each voter approves.
///
/// Computed exactly, by trying every committee; the scores are integers (scaled by the least
/// common multiple of 1…seats), so ties are exact. Instances too large to try are refused.
public struct ProportionalApproval: TallyMethod {
    public init() {}
    public var name: String { "pav" }
    public var shape: BallotShape { .approval }
    public var isMultiWinner: Bool { true }
    public var summary: String { "Chooses the committee that gives the most voters a say, with each further seat a voter approves counting a little less: proportional." }

    /// The most committees × distinct ballots to evaluate.
    static let workLimit = 400_000_000

    public func tally(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try approvals(election)
        let seats = try committeeSize(election)
        let m = ballots.candidateCount
        guard m <= 64 else { throw .tooLarge("pav is computed exactly and takes at most 64 candidates; this vote has \(m)") }
        // Voters with the same approvals count together.
        var weights: [UInt64: Int] = [:]
        for b in 0..<ballots.ballotCount {
            let mask = ballots.approved(by: b).reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            if mask != 0 { weights[mask, default: 0] += ballots.counts[b] }
        }
        let groups = Array(weights)
        let committees = binomial(m, seats)
        guard committees.multipliedReportingOverflow(by: max(1, groups.count)).partialValue <= Self.workLimit, committees < Int.max / 2 else {
            throw .tooLarge("pav would try \(committees) committees against \(groups.count) kinds of ballot; use phragmen or equal-shares for a vote this large")
        }
        let scale = (1...seats).reduce(1) { lcm($0, $1) }
        var marginal = [0] + (1...seats).map { scale / $0 }  // a voter's k-th approved member adds scale/k
        for k in 1..<marginal.count { marginal[k] += marginal[k - 1] }

        var best = -1, bestCommittees: [UInt64] = []
        forEachCommittee(m, seats) { committee in
            var score = 0
            for (mask, weight) in groups { score += weight * marginal[(mask & committee).nonzeroBitCount] }
            if score > best { best = score; bestCommittees = [committee] } else if score == best { bestCommittees.append(committee) }
        }
        let tied = bestCommittees.map { mask in (0..<m).filter { mask & (1 << UInt64($0)) != 0 } }.sorted { $0.lexicographicallyPrecedes($1) }
        var result = TallyResult(method: name, candidates: election.candidates, seats: seats, voters: ballots.voterCount,
                                 winners: Array(Set(tied.joined())).sorted(), seed: election.rules.seed)
        result.scores = Scores("approvals", ballots.approvalCounts().map(Double.init))
        result.notes.append("the best committee scores \(formatScore(Double(best) / Double(scale))) (each voter: 1 + 1/2 + … for the members they approve)")
        if tied.count > 1 {
            result.committees = tied
            var lot = Lot(seed: result.seed)
            let pick = lot.pickOption(tied.count, reason: "\(tied.count) committees tie for the best score")
            result.lot = LotOutcome(seed: result.seed, draws: lot.draws, winners: tied[pick])
            result.ties.append("\(tied.count) committees tie for the best score; the lot (seed \(result.seed)) picks \(TallyResult.list(tied[pick].map(result.id)))")
        }
        return result
    }

    func forEachCommittee(_ m: Int, _ k: Int, _ body: (UInt64) -> Void) {
        var chosen = Array(0..<k)
        while true {
            body(chosen.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) })
            var i = k - 1
            while i >= 0 && chosen[i] == m - k + i { i -= 1 }
            if i < 0 { return }
            chosen[i] += 1
            for j in (i + 1)..<k { chosen[j] = chosen[j - 1] + 1 }
        }
    }
}

func binomial(_ n: Int, _ k: Int) -> Int {
    var result = 1
    for i in 0..<min(k, n - k) {
        let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
        if overflow { return Int.max }
        result = product / (i + 1)
    }
    return result
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }

/// A score for sentences: whole numbers without decimals, others to three places.
func formatScore(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format3(x))
}

func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    var text = "\(scaled)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}
