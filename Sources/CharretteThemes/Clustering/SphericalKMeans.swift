/// Spherical k-means: clusters unit-length vectors by cosine similarity. Centroids are the
/// normalised means of their members; seeding is k-means++ (each next seed drawn with probability
/// proportional to its cosine distance from the nearest seed so far), and the best of several
/// restarts (highest total similarity to the centroids) is kept. Seeded: the same vectors and seed
/// always give the same clusters.
public struct SphericalKMeans: Sendable {
    /// Each vector's cluster, in input order.
    public let labels: [Int]
    /// The centroids, unit length (zero for a cluster that ended empty).
    public let centroids: [[Float]]
    /// The sum over vectors of their cosine similarity to their centroid: higher is tighter.
    public let cohesion: Double
    /// The restart whose result this is.
    public let restart: Int

    /// Clusters `vectors` (normalised here) over `dimensions` into `k` clusters.
    public init(_ vectors: [SparseVector], dimensions: Int, k: Int, seed: UInt64 = 2026, restarts: Int = 5, iterations: Int = 100) {
        precondition(k >= 1, "k must be at least 1")
        let unit = vectors.map { $0.normalized() }
        var best: (labels: [Int], centroids: [[Float]], cohesion: Double, restart: Int)?
        var random = SplitMix64(seed: seed)
        for restart in 0..<max(1, restarts) {
            let seeds = Self.seed(unit, dimensions: dimensions, k: min(k, max(1, unit.count)), random: &random)
            let run = Self.run(unit, dimensions: dimensions, centroids: seeds, iterations: iterations)
            if best == nil || run.cohesion > best!.cohesion + 1e-9 { best = (run.labels, run.centroids, run.cohesion, restart) }
        }
        labels = best!.labels
        centroids = best!.centroids
        cohesion = best!.cohesion
        restart = best!.restart
    }

    static func dense(_ v: SparseVector, _ dimensions: Int) -> [Float] {
        var d = [Float](repeating: 0, count: dimensions)
        for (i, x) in zip(v.indices, v.values) { d[Int(i)] = x }
        return d
    }

    /// k-means++ on cosine distance.
    static func seed(_ unit: [SparseVector], dimensions: Int, k: Int, random: inout SplitMix64) -> [[Float]] {
        guard !unit.isEmpty else { return [] }
        var centroids = [dense(unit[random.below(unit.count)], dimensions)]
        var nearest = unit.map { 1 - Double($0.dot(centroids[0])) }
        while centroids.count < k {
            let total = nearest.reduce(0) { $0 + max(0, $1) }
            var pick = 0
            if total > 0 {
                var target = random.unit() * total
                for (i, d) in nearest.enumerated() {
                    target -= max(0, d)
                    if target <= 0 { pick = i; break }
                    pick = i
                }
            } else {
                pick = random.below(unit.count)
            }
            let centroid = dense(unit[pick], dimensions)
            centroids.append(centroid)
            for i in unit.indices { nearest[i] = min(nearest[i], 1 - Double(unit[i].dot(centroid))) }
        }
        return centroids
    }

    static func run(_ unit: [SparseVector], dimensions: Int, centroids start: [[Float]], iterations: Int)
        -> (labels: [Int], centroids: [[Float]], cohesion: Double) {
        var centroids = start
        var labels = Array(repeating: -1, count: unit.count)
        var cohesion = 0.0
        for _ in 0..<max(1, iterations) {
            var changed = false
            cohesion = 0
            for (i, v) in unit.enumerated() {
                var bestCluster = 0, bestSimilarity = -Float.infinity
                for (c, centroid) in centroids.enumerated() {
                    let s = v.dot(centroid)
                    if s > bestSimilarity { bestSimilarity = s; bestCluster = c }
                }
                cohesion += Double(bestSimilarity)
                if labels[i] != bestCluster { labels[i] = bestCluster; changed = true }
            }
            // New centroids: the normalised sums of their members.
            var sums = Array(repeating: [Float](repeating: 0, count: dimensions), count: centroids.count)
            for (i, v) in unit.enumerated() {
                for (d, x) in zip(v.indices, v.values) { sums[labels[i]][Int(d)] += x }
            }
            for c in sums.indices {
                let norm = sums[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
                centroids[c] = norm > 0 ? sums[c].map { $0 / norm } : sums[c]
            }
            if !changed { break }
        }
        return (labels, centroids, cohesion)
    }
}

/// SplitMix64, for seeding and restarts.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
