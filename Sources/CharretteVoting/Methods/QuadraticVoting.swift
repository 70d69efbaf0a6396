/// Quadratic voting: each voter has voice credits; n votes for (or against) a candidate cost n²
/// credits, so strong preferences cost more. The highest net votes wins.
public struct QuadraticVoting: TallyMethod {
    public init() {}
    public var name: String { "quadratic" }
    public var ballotKind: BallotKind { .quadratic }
    public var summary: String {
        "Each voter buys votes with credits, n votes on one idea costing n²; the most net votes wins. Shows how strongly people care."
    }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try amounts(election)
        guard let credits = election.rules.credits else { throw .setting("quadratic voting needs the voice credits per voter (--credits N)") }
        var totals = Array(repeating: 0, count: ballots.candidateCount)
        var spentInAll = 0
        for b in 0..<ballots.ballotCount {
            let votes = ballots.amounts(of: b)
            // Costs are summed with overflow checks: a ballot too costly to compute is over any budget.
            var cost = 0, overflow = false
            for v in votes {
                let (square, o1) = v.multipliedReportingOverflow(by: v)
                let (sum, o2) = cost.addingReportingOverflow(square)
                overflow = overflow || o1 || o2
                cost = sum
            }
            if overflow || cost > credits {
                throw .invalidBallot(index: b, reason: "costs \(overflow ? "more" : String(cost)) credits, over the \(credits) each voter has")
            }
            spentInAll += cost * ballots.counts[b]
            for (c, v) in votes.enumerated() { totals[c] += v * ballots.counts[b] }
        }
        var result = scored(election, totals.map(Double.init), label: "net votes")
        result.notes.append("voters spent \(spentInAll) of \(credits * ballots.voterCount) voice credits")
        return result
    }
}
