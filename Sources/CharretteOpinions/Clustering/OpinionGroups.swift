/// Who is clustered, their base clusters, and the opinion groups, as Pol.is forms them (see
/// `docs/opinions.md`): from scratch and deterministic, without the smoothing over successive runs
/// that the live Pol.is service adds.
public struct OpinionGroups: Sendable {
    /// The rows clustered ("in the conversation"): those with at least
    /// `min(minimumReactions, statements)` reactions (passes count), topped up with the most active
    /// to at least 15 when fewer qualify.
    public let clustered: [Int]
    /// Each matrix row's group from 0, or -1 for a row not clustered.
    public let labels: [Int]
    /// The number of groups.
    public let count: Int
    /// The silhouette of each group count tried.
    public let silhouettes: [(k: Int, score: Double)]

    public static let minimumReactions = 7
    public static let baseClusterCount = 100
    /// The fewest groups whose silhouette is within this of the best one win: a from-scratch
    /// stand-in for Pol.is's reluctance to change k (its smoother and its small k early on).
    public static let silhouetteMargin = 0.05

    /// Groups `matrix`'s participants at `positions` (from ``OpinionPCA`` of the moderated
    /// matrix); `count` forces the number of groups instead of choosing it by silhouette. Pass
    /// the reactions as people gave them, not zeroed for moderation: who is clustered depends on
    /// how many statements they actually reacted to, as in Pol.is.
    public init(_ matrix: VoteMatrix, positions: [[Double]], count forced: Int? = nil) {
        let n = matrix.participants.count
        let reactions = (0..<n).map { matrix.reactionCount(row: $0) }
        let needed = min(Self.minimumReactions, matrix.statements.count)
        var clustered = (0..<n).filter { reactions[$0] >= needed }
        if clustered.count < 15 {
            let extra = (0..<n).filter { reactions[$0] < needed && reactions[$0] > 0 }
                .sorted { reactions[$0] != reactions[$1] ? reactions[$0] > reactions[$1] : $0 < $1 }
            clustered = (clustered + extra.prefix(15 - clustered.count)).sorted()
        }
        self.clustered = clustered
        var labels = Array(repeating: -1, count: n)
        guard clustered.count >= 2 else {
            for r in clustered { labels[r] = 0 }
            self.labels = labels
            count = clustered.isEmpty ? 0 : 1
            silhouettes = []
            return
        }
        // Base clusters: up to 100 small clusters of the clustered participants' positions.
        let points = clustered.map { positions[$0] }
        let base = PolisKMeans(points: points, k: Self.baseClusterCount)
        var weights = [Double](repeating: 0, count: base.centres.count)
        for label in base.labels { weights[label] += 1 }
        // Groups: weighted k-means over the base centres (the lowest-inertia of one run per
        // starting base centre), k by silhouette over the base centres.
        let most = min(5, 2 + base.centres.count / 12, base.centres.count)
        let range = forced.map { min($0, base.centres.count)...min($0, base.centres.count) } ?? 2...max(2, most)
        var tried: [(k: Int, score: Double, run: PolisKMeans)] = []
        if most >= 2 || forced != nil {
            for k in range where k >= 1 {
                guard let groups = PolisKMeans.best(points: base.centres, weights: weights, k: k) else { continue }
                tried.append(
                    (k, PolisKMeans.silhouette(points: base.centres, weights: Array(repeating: 1, count: weights.count), labels: groups.labels), groups))
            }
        }
        // The fewest groups within `silhouetteMargin` of the best silhouette.
        let top = tried.map(\.score).max() ?? 0
        let chosen = tried.filter { $0.score >= top - Self.silhouetteMargin }.min { $0.k < $1.k }
        // Each participant joins the nearest group centre (not their base cluster's group: a base
        // cluster straddling two groups would otherwise carry its members across).
        for (i, r) in clustered.enumerated() { labels[r] = chosen.map { PolisKMeans.nearest(points[i], $0.run.centres) } ?? 0 }
        self.labels = labels
        count = chosen?.k ?? 1
        silhouettes = tried.map { ($0.k, $0.score) }
    }
}
