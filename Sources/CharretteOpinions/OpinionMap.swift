/// The whole opinion map of a conversation: positions, groups, what each group stands for, what
/// nearly everyone agrees on, and what divides the groups. The steps are the Pol.is pipeline
/// (``OpinionPCA``, ``OpinionGroups``, ``GroupStatistics``, ``RoomConsensus``); see
/// `docs/opinions.md`.
public struct OpinionMap: Sendable {
    public let matrix: VoteMatrix
    public let pca: OpinionPCA
    public let groups: OpinionGroups
    public let statistics: GroupStatistics
    /// Each group's representative statements.
    public let representative: [[PickedStatement]]
    public let consensus: RoomConsensus
    /// Statements the groups split on, most divisive first (see `divisive(_:excluded:)`).
    public let divisive: [(column: Int, spread: Double)]

    /// Maps `reactions` (not yet zeroed): statements in `moderatedOut` are zeroed for the map and
    /// never picked; `groupCount` forces the number of groups.
    public init(reactions: VoteMatrix, moderatedOut: Set<Int> = [], groupCount: Int? = nil) {
        matrix = reactions
        let zeroed = reactions.zeroing(moderatedOut)
        pca = OpinionPCA(zeroed)
        groups = OpinionGroups(reactions, positions: pca.positions, count: groupCount)
        statistics = GroupStatistics(reactions, labels: groups.labels)
        let excluded = Set(reactions.statements.indices.filter { moderatedOut.contains(reactions.statements[$0]) })
        representative = statistics.representative(excluded: excluded)
        consensus = RoomConsensus(reactions, excluded: excluded)
        divisive = Self.divisive(statistics, excluded: excluded)
    }

    /// Statements whose smoothed agree probability differs most between two groups that have
    /// each seen it at least twice; those differing by 0.3 or more, at most five, largest first.
    public static func divisive(_ statistics: GroupStatistics, excluded: Set<Int> = [], most: Int = 5) -> [(column: Int, spread: Double)] {
        guard statistics.groups.count > 1, let columns = statistics.groups.first?.indices else { return [] }
        return columns.filter { !excluded.contains($0) }.compactMap { c -> (column: Int, spread: Double)? in
            let seen = statistics.groups.map { $0[c] }.filter { $0.seen >= 2 }.map(\.agreeProbability)
            guard let high = seen.max(), let low = seen.min(), high - low >= 0.3 else { return nil }
            return (c, high - low)
        }.sorted { $0.spread != $1.spread ? $0.spread > $1.spread : $0.column < $1.column }.prefix(most).map { $0 }
    }
}
