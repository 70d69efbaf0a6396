/// A statement picked to show: representative of a group, or agreed across the room.
public struct PickedStatement: Sendable, Equatable {
    public enum Direction: String, Sendable { case agree, disagree }
    /// The statement, by its column in the matrix.
    public let column: Int
    public let direction: Direction
    /// For a group's pick: whether it is the group's best-agreed statement, shown first.
    public let bestAgree: Bool
}

extension GroupStatistics {
    /// Each group's representative statements, as Pol.is picks them: the statement the group
    /// agrees on best first, then the statements whose agreement or disagreement is significant
    /// (p-test and representativeness test both above the critical value), by representativeness
    /// × its test × probability × its test, at most `most`, agrees before disagrees. When none is
    /// significant, the one with the highest representativeness test stands in. Columns in
    /// `excluded` (moderated out) are never picked.
    public func representative(most: Int = 5, excluded: Set<Int> = []) -> [[PickedStatement]] {
        let z = Self.criticalValue
        return groups.map { stats in
            let columns = stats.indices.filter { !excluded.contains($0) }
            func direction(_ s: StatementStatistics) -> PickedStatement.Direction {
                s.agreeRepresentativenessTest > s.disagreeRepresentativenessTest ? .agree : .disagree
            }
            func metric(_ s: StatementStatistics) -> Double {
                direction(s) == .agree
                    ? s.agreeRepresentativeness * s.agreeRepresentativenessTest * s.agreeProbability * s.agreeTest
                    : s.disagreeRepresentativeness * s.disagreeRepresentativenessTest * s.disagreeProbability * s.disagreeTest
            }
            // The best-agreed statement: the first that is agreed significantly, or more often
            // than not by a group that agrees more than the rest; then whatever beats it, by the
            // full agree metric once the best is representative (ra > 1), by probability of
            // agreeing until then.
            var bestAgree: Int?
            for c in columns {
                let s = stats[c]
                guard s.agrees > 0 || s.disagrees > 0 else { continue }
                guard let best = bestAgree.map({ stats[$0] }) else {
                    if s.agreeTest > z || (s.agreeRepresentativeness > 1 && s.agreeProbability > 0.5) { bestAgree = c }
                    continue
                }
                let beats =
                    best.agreeRepresentativeness > 1
                    ? s.agreeRepresentativeness * s.agreeRepresentativenessTest * s.agreeProbability * s.agreeTest
                        > best.agreeRepresentativeness * best.agreeRepresentativenessTest * best.agreeProbability * best.agreeTest
                    : s.agreeProbability * s.agreeTest > best.agreeProbability * best.agreeTest
                if beats { bestAgree = c }
            }
            let significant = columns.filter { c in
                let s = stats[c]
                return (s.agreeTest > z && s.agreeRepresentativenessTest > z) || (s.disagreeTest > z && s.disagreeRepresentativenessTest > z)
            }
            var head: Int? = bestAgree
            if head == nil && significant.isEmpty {
                var best: Int?
                for c in columns {
                    let s = stats[c]
                    if best == nil
                        || max(s.agreeRepresentativenessTest, s.disagreeRepresentativenessTest)
                            > max(stats[best!].agreeRepresentativenessTest, stats[best!].disagreeRepresentativenessTest)
                    {
                        best = c
                    }
                }
                head = best
            }
            let ranked = significant.enumerated().sorted { a, b in
                let (ma, mb) = (metric(stats[a.element]), metric(stats[b.element]))
                return ma != mb ? ma > mb : a.offset < b.offset
            }.map(\.element)
            // Pol.is shows the significant statements even when none is best-agreed (red-dwarf
            // shows nothing then; Charrette follows Pol.is).
            let ordered = head.map { first in [first] + ranked.filter { $0 != first } } ?? ranked
            let picked = ordered.prefix(most).map { c in
                PickedStatement(column: c, direction: direction(stats[c]), bestAgree: c == bestAgree)
            }
            // Agrees before disagrees, keeping the order within each.
            return picked.filter { $0.direction == .agree } + picked.filter { $0.direction == .disagree }
        }
    }
}

/// What the whole room agrees or disagrees on, as Pol.is picks it.
public struct RoomConsensus: Sendable {
    /// Columns agreed on, most first: smoothed probability above one half and significant,
    /// ranked by probability × its test; at most `most`.
    public let agreed: [Int]
    /// Likewise for disagreeing.
    public let disagreed: [Int]
    /// Every statement's statistics over everyone, by column.
    public let statistics: [StatementStatistics]

    /// Over every participant's reactions; `excluded` columns (moderated out) are left out.
    public init(_ matrix: VoteMatrix, most: Int = 5, excluded: Set<Int> = []) {
        let everyone = GroupStatistics(matrix, labels: Array(repeating: 0, count: matrix.participants.count))
        let stats = everyone.groups.first ?? []
        statistics = stats
        let columns = stats.indices.filter { !excluded.contains($0) }
        func pick(_ p: (StatementStatistics) -> Double, _ test: (StatementStatistics) -> Double) -> [Int] {
            columns.filter { p(stats[$0]) > 0.5 && test(stats[$0]) > GroupStatistics.criticalValue }
                .enumerated().sorted { a, b in
                    let (ma, mb) = (p(stats[a.element]) * test(stats[a.element]), p(stats[b.element]) * test(stats[b.element]))
                    return ma != mb ? ma > mb : a.offset < b.offset
                }.prefix(most).map(\.element)
        }
        agreed = pick(\.agreeProbability, \.agreeTest)
        disagreed = pick(\.disagreeProbability, \.disagreeTest)
    }
}
