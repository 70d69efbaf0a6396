/// Dot voting (cumulative voting): each voter spreads a budget of dots, with an optional cap per
/// candidate; the most dots wins.
public struct DotVoting: TallyMethod {
    public init() {}
    public var name: String { "dots" }
    public var ballotKind: BallotKind { .dots }
    public var summary: String { "Each voter spreads a number of dots, several on one idea if they feel strongly; the most dots wins." }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try amounts(election)
        let budget = election.rules.budget, cap = election.rules.capPerCandidate
        var totals = Array(repeating: 0, count: ballots.candidateCount)
        for b in 0..<ballots.ballotCount {
            let dots = ballots.amounts(of: b)
            if let c = dots.firstIndex(where: { $0 < 0 }) {
                throw .invalidBallot(index: b, reason: "\(election.candidates[c - dots.startIndex]) gets \(dots[c]) dots; dots cannot be negative")
            }
            if let cap, let c = dots.firstIndex(where: { $0 > cap }) {
                throw .invalidBallot(index: b, reason: "\(election.candidates[c - dots.startIndex]) gets \(dots[c]) dots, over the cap of \(cap)")
            }
            let (spent, overflow) = dots.reduce((0, false)) { acc, d in
                let r = acc.0.addingReportingOverflow(d); return (r.partialValue, acc.1 || r.overflow)
            }
            if let budget, overflow || spent > budget {
                throw .invalidBallot(index: b, reason: "spends \(overflow ? "too many" : String(spent)) dots, over the budget of \(budget)")
            }
            for (c, d) in dots.enumerated() {
                let (product, o1) = d.multipliedReportingOverflow(by: ballots.counts[b])
                let (sum, o2) = totals[c].addingReportingOverflow(product)
                guard !o1, !o2 else { throw .tooLarge("the dots add up to more than can be counted") }
                totals[c] = sum
            }
        }
        return scored(election, totals.map(Double.init), label: "dots")
    }
}
