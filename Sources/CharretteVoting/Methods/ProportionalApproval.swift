/// Proportional approval voting (Thiele's method with harmonic weights): the committee that
/// maximises, over voters, 1 + 1/2 + … + 1/k for the k members each voter approves.
///
/// Computed exactly, by trying every committee; the scores are integers (scaled by the least
/// common multiple of 1…k, k the most members one voter can approve), so ties are exact, unless
/// that could overflow, when real numbers with a tolerance of 1e-9 are compared. Instances too
/// large to try are refused.
public struct ProportionalApproval: TallyMethod {
    public init() {}
    public var name: String { "pav" }
    public var ballotKind: BallotKind { .approval }
    public var isMultiWinner: Bool { true }
    public var summary: String {
        "Chooses the committee that gives the most voters a say, with each further seat a voter approves counting a little less: proportional."
    }

    /// The most committees × distinct ballots to evaluate.
    static let workLimit = 400_000_000

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
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
            throw .tooLarge(
                "pav would try \(committees) committees against \(groups.count) kinds of ballot; use phragmen or equal-shares for a vote this large")
        }
        // Scores are whole numbers, scaled by lcm(1…k) for the most members one voter can approve,
        // so ties are exact; when that could overflow, real numbers with a tolerance are used.
        let most = min(seats, groups.map { $0.key.nonzeroBitCount }.max() ?? 0)
        let totalWeight = groups.reduce(0) { $0 + $1.value }
        var scale = 1, exact = true
        for k in stride(from: 1, through: max(most, 1), by: 1) {
            let (next, overflow) = (scale / gcd(scale, k)).multipliedReportingOverflow(by: k)
            if overflow || next > 1 << 40 { exact = false; break }
            scale = next
        }
        if exact, Double(scale) * Double(most + 1) * Double(totalWeight) >= 0x1p62 { exact = false }
        let harmonic = [0.0] + (1...seats).map { 1.0 / Double($0) }.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        var marginal = exact ? [0] + stride(from: 1, through: most, by: 1).map { scale / $0 } : []  // a voter's k-th approved member adds scale/k
        for k in stride(from: 1, to: marginal.count, by: 1) { marginal[k] += marginal[k - 1] }

        var best = -1.0, bestCommittees: [UInt64] = []
        forEachCommittee(m, seats) { committee in
            let score: Double
            if exact {
                var total = 0
                for (mask, weight) in groups { total += weight * marginal[(mask & committee).nonzeroBitCount] }
                score = Double(total)
            } else {
                var total = 0.0
                for (mask, weight) in groups { total += Double(weight) * harmonic[(mask & committee).nonzeroBitCount] }
                score = total
            }
            let tolerance = exact ? 0.5 : tieTolerance * max(1, abs(best))
            if score > best + tolerance {
                best = score; bestCommittees = [committee]
            } else if abs(score - best) <= tolerance {
                bestCommittees.append(committee)
            }
        }
        let tied = bestCommittees.map { mask in (0..<m).filter { mask & (1 << UInt64($0)) != 0 } }.sorted { $0.lexicographicallyPrecedes($1) }
        var result = TallyResult(
            method: name, candidates: election.candidates, seats: seats, voters: ballots.voterCount,
            winners: Array(Set(tied.joined())).sorted(), seed: election.rules.seed)
        result.scores = Scores("approvals", ballots.approvalCounts().map(Double.init))
        result.notes.append(
            "the best committee scores \(formatScore(exact ? best / Double(scale) : best)) (each voter: 1 + 1/2 + … for the members they approve)")
        if tied.count > 1 {
            result.committees = tied
            var lot = Lot(seed: result.seed)
            let pick = lot.pickOption(tied.count, reason: "\(tied.count) committees tie for the best score")
            result.lot = LotOutcome(seed: result.seed, draws: lot.draws, winners: tied[pick])
            result.ties.append(
                "\(tied.count) committees tie for the best score; the lot (seed \(result.seed)) picks \(TallyResult.list(tied[pick].map(result.id)))")
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
