import Foundation

/// How one group reacted to one statement, with the Pol.is smoothing and tests.
public struct StatementStatistics: Sendable, Equatable {
    /// Agrees, disagrees, and reactions of any kind (passes included) in the group.
    public let agrees: Int, disagrees: Int, seen: Int
    /// Smoothed probabilities of agreeing and disagreeing: (n + 1) / (seen + 2).
    public let agreeProbability: Double, disagreeProbability: Double
    /// One-proportion z-scores of those probabilities against one half.
    public let agreeTest: Double, disagreeTest: Double
    /// Representativeness: the group's smoothed probability over everyone else's.
    public let agreeRepresentativeness: Double, disagreeRepresentativeness: Double
    /// Two-proportion z-scores of the group against everyone else.
    public let agreeRepresentativenessTest: Double, disagreeRepresentativenessTest: Double
}

/// Every statement's statistics in every group, and group-informed consensus: the Pol.is formulas
/// (see `docs/opinions.md`), over the participants that have a group.
public struct GroupStatistics: Sendable {
    /// `groups[g][s]`: group g's reactions to statement s (matrix column order).
    public let groups: [[StatementStatistics]]
    /// Group-informed consensus for agreeing with each statement: the product over groups of
    /// their smoothed agree probabilities; likewise for disagreeing.
    public let agreeConsensus: [Double], disagreeConsensus: [Double]

    /// The one-sided 90% critical value of the standard normal distribution, which every Pol.is
    /// significance test uses.
    public static let criticalValue = 1.2815515655446004

    /// - Parameters:
    ///   - matrix: the reactions (not zeroed for moderation: statistics count what people said).
    ///   - labels: each matrix row's group, from 0, or -1 for a row in no group.
    public init(_ matrix: VoteMatrix, labels: [Int]) {
        precondition(labels.count == matrix.participants.count, "one label per participant")
        let groupCount = (labels.max() ?? -1) + 1, m = matrix.statements.count
        var agree = Array(repeating: [Int](repeating: 0, count: m), count: groupCount)
        var disagree = agree, seen = agree
        for (r, g) in labels.enumerated() where g >= 0 {
            for (c, v) in matrix.reactions(row: r) {
                seen[g][c] += 1
                if v > 0 { agree[g][c] += 1 } else if v < 0 { disagree[g][c] += 1 }
            }
        }
        let total = { (counts: [[Int]], c: Int) in counts.reduce(0) { $0 + $1[c] } }
        let groups = (0..<groupCount).map { g in
            (0..<m).map { c in
                let na = agree[g][c], nd = disagree[g][c], ns = seen[g][c]
                let restAgree = total(agree, c) - na, restDisagree = total(disagree, c) - nd, restSeen = total(seen, c) - ns
                return StatementStatistics(
                    agrees: na, disagrees: nd, seen: ns,
                    agreeProbability: Self.probability(na, ns), disagreeProbability: Self.probability(nd, ns),
                    agreeTest: Self.oneProportionTest(na, ns), disagreeTest: Self.oneProportionTest(nd, ns),
                    agreeRepresentativeness: Self.probability(na, ns) / Self.probability(restAgree, restSeen),
                    disagreeRepresentativeness: Self.probability(nd, ns) / Self.probability(restDisagree, restSeen),
                    agreeRepresentativenessTest: Self.twoProportionTest(na, restAgree, ns, restSeen),
                    disagreeRepresentativenessTest: Self.twoProportionTest(nd, restDisagree, ns, restSeen))
            }
        }
        self.groups = groups
        agreeConsensus = (0..<m).map { c in groups.reduce(1.0) { $0 * $1[c].agreeProbability } }
        disagreeConsensus = (0..<m).map { c in groups.reduce(1.0) { $0 * $1[c].disagreeProbability } }
    }

    /// (count + 1) / (total + 2): Laplace smoothing.
    static func probability(_ count: Int, _ total: Int) -> Double { Double(count + 1) / Double(total + 2) }

    /// 2·sqrt(n + 1)·((successes + 1)/(n + 1) − 1/2).
    static func oneProportionTest(_ successes: Int, _ n: Int) -> Double {
        let trials = Double(n + 1)
        return 2 * trials.squareRoot() * (Double(successes + 1) / trials - 0.5)
    }

    /// The two-proportion z-test with one added to every count; 0 when the pooled proportion is 1.
    static func twoProportionTest(_ successesIn: Int, _ successesOut: Int, _ nIn: Int, _ nOut: Int) -> Double {
        let s1 = Double(successesIn + 1), s2 = Double(successesOut + 1), n1 = Double(nIn + 1), n2 = Double(nOut + 1)
        let pooled = (s1 + s2) / (n1 + n2)
        guard pooled != 1 else { return 0 }
        return (s1 / n1 - s2 / n2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
    }
}
