import Foundation

/// Which statement to show a participant next, so a live session gathers useful reactions
/// quickly: the Pol.is priority, which favours statements few have seen, that people take a side
/// on, and that sit far out on the map.
public enum Routing {
    /// Each statement's priority: with P passes, A agrees and S reactions over everyone and E the
    /// length of its position on the map, `p = (P + 1)/(S + 2)`, `a = (A + 1)/(S + 2)`,
    /// importance `(1 − p)·(E + 1)·a`, priority `(importance · (1 + 8·2^(−S/5)))²`.
    public static func priorities(_ matrix: VoteMatrix, statementPositions: [[Double]]) -> [Double] {
        var passes = [Int](repeating: 0, count: matrix.statements.count), agrees = passes, seenBy = passes
        for r in matrix.participants.indices {
            for (c, v) in matrix.reactions(row: r) {
                seenBy[c] += 1
                if v == 0 { passes[c] += 1 } else if v > 0 { agrees[c] += 1 }
            }
        }
        return (0..<matrix.statements.count).map { c in
            let (passes, agrees, seen) = (passes[c], agrees[c], seenBy[c])
            let p = Double(passes + 1) / Double(seen + 2), a = Double(agrees + 1) / Double(seen + 2)
            let extremity = statementPositions[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
            let importance = (1 - p) * (extremity + 1) * a
            let boost = 1 + 8 * exp2(-Double(seen) / 5)
            return (importance * boost) * (importance * boost)
        }
    }

    /// The column to show the participant in `row` next: drawn in proportion to priority among
    /// the statements they have not reacted to and that are not `excluded`, with `draw` a number
    /// in [0, 1); `nil` when nothing is left.
    /// `row` is `nil` for someone who has not reacted yet.
    public static func next(for row: Int?, in matrix: VoteMatrix, priorities: [Double], excluded: Set<Int> = [], draw: Double) -> Int? {
        let open = matrix.statements.indices.filter { c in (row.map { matrix[$0, c] == nil } ?? true) && !excluded.contains(c) }
        let total = open.reduce(0) { $0 + priorities[$1] }
        guard total > 0 else { return open.first }
        var target = draw * total
        for c in open {
            target -= priorities[c]
            if target < 0 { return c }
        }
        return open.last
    }

}
