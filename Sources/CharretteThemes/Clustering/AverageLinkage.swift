/// Average-linkage agglomerative clustering (UPGMA): start with every item alone and repeatedly
/// merge the two clusters whose items are closest on average.
///
/// Deterministic: among equally close pairs, the pair with the smallest cluster numbers merges
/// first. O(n²) memory and O(n³) time in the worst case, for the few hundred ideas of a session.
public struct AverageLinkage: Sendable {
    /// One merge: the two clusters joined (by number: items are 0..<n, the i-th merge makes n + i),
    /// their average distance, and the size of the result.
    public struct Merge: Sendable, Equatable {
        public let left: Int
        public let right: Int
        public let distance: Double
        public let size: Int

        public init(left: Int, right: Int, distance: Double, size: Int) {
            self.left = left
            self.right = right
            self.distance = distance
            self.size = size
        }
    }

    public let itemCount: Int
    /// The merges, closest first: n − 1 of them for n items.
    public let merges: [Merge]

    public init(_ distances: DistanceMatrix) {
        let n = distances.count
        itemCount = n
        // Working distances between live clusters, by slot; a slot holds one cluster at a time.
        var d = (0..<n).map { i in (0..<n).map { j in distances[i, j] } }
        var alive = Array(repeating: true, count: n)
        var sizes = Array(repeating: 1, count: n)
        var names = Array(0..<n)  // the cluster number each slot holds
        var merges: [Merge] = []
        for step in 0..<max(0, n - 1) {
            var best = (i: -1, j: -1, distance: Double.infinity)
            for i in 0..<n where alive[i] {
                for j in (i + 1)..<n where alive[j] {
                    let dij = d[i][j]
                    if dij < best.distance - 1e-12
                        || (abs(dij - best.distance) <= 1e-12
                            && (min(names[i], names[j]), max(names[i], names[j])) < (min(names[best.i], names[best.j]), max(names[best.i], names[best.j])))
                    {
                        best = (i, j, dij)
                    }
                }
            }
            let (i, j) = (best.i, best.j)
            merges.append(Merge(left: min(names[i], names[j]), right: max(names[i], names[j]), distance: best.distance, size: sizes[i] + sizes[j]))
            // Slot i holds the merged cluster; its distance to k is the size-weighted average.
            for k in 0..<n where alive[k] && k != i && k != j {
                let merged = (d[i][k] * Double(sizes[i]) + d[j][k] * Double(sizes[j])) / Double(sizes[i] + sizes[j])
                d[i][k] = merged
                d[k][i] = merged
            }
            sizes[i] += sizes[j]
            alive[j] = false
            names[i] = n + step
        }
        self.merges = merges
    }

    /// The clusters left once every merge closer than `threshold` is made, each sorted, in order
    /// of their smallest item.
    public func clusters(below threshold: Double) -> [[Int]] {
        clusters(mergingFirst: merges.prefix { $0.distance < threshold }.count)
    }

    /// Exactly `k` clusters (1 ≤ k ≤ n), each sorted, in order of their smallest item.
    public func clusters(count k: Int) -> [[Int]] {
        precondition(k >= 1 && k <= max(itemCount, 1))
        return clusters(mergingFirst: itemCount - k)
    }

    private func clusters(mergingFirst m: Int) -> [[Int]] {
        var members: [Int: [Int]] = Dictionary(uniqueKeysWithValues: (0..<itemCount).map { ($0, [$0]) })
        for (step, merge) in merges.prefix(m).enumerated() {
            members[itemCount + step] = members.removeValue(forKey: merge.left)! + members.removeValue(forKey: merge.right)!
        }
        return members.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
