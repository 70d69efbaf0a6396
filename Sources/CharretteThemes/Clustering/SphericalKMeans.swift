import CharretteSupport
import Foundation

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

    /// Clusters `vectors` (normalised here) over `dimensions` into `k` clusters, or fewer when
    /// there are fewer distinct vectors (or a cluster ends empty): `labels` uses only the clusters
    /// made.
    public init(_ vectors: [SparseVector], dimensions: Int, k: Int, seed: UInt64 = 2026, restarts: Int = 5, iterations: Int = 100) {
        precondition(k >= 1, "k must be at least 1")
        var rows = SparseRows(vectors.map { $0.normalized() }, dimensions: dimensions)
        rows.index()
        var best: (labels: [Int], centroids: [[Float]], cohesion: Double, restart: Int)?
        var random = SplitMix64(seed: seed)
        for restart in 0..<max(1, restarts) {
            let seeds = Self.seed(rows, k: min(k, max(1, rows.count)), random: &random)
            let run = Self.run(rows, seeds: seeds, iterations: iterations)
            if best == nil || run.cohesion > best!.cohesion + 1e-9 { best = (run.labels, run.centroids, run.cohesion, restart) }
        }
        labels = best!.labels
        centroids = best!.centroids
        cohesion = best!.cohesion
        restart = best!.restart
    }

    /// Greedy k-means++ on cosine distance (for unit vectors, half the squared Euclidean distance,
    /// so this is the D² sampling of Arthur and Vassilvitskii): each next seed is the best, by the
    /// total distance left, of `2 + ln k` candidates drawn with probability proportional to their
    /// distance from the nearest seed so far, as scikit-learn does. Returns the rows chosen.
    static func seed(_ rows: SparseRows, k: Int, random: inout SplitMix64) -> [Int] {
        guard rows.count > 0 else { return [] }
        var similarity = [Float](repeating: 0, count: rows.count)
        var seeds = [random.below(rows.count)]
        rows.similarities(to: seeds[0], into: &similarity)
        var nearest = similarity.map(distance)
        let trials = 2 + Int(log(Double(k)))
        while seeds.count < k {
            let total = nearest.reduce(0, +)
            // Every vector is on a seed already: fewer distinct vectors than k.
            guard total > 0 else { break }
            var best: (row: Int, distances: [Double], potential: Double)?
            for _ in 0..<trials {
                let pick = draw(nearest, total: total, random: &random)
                rows.similarities(to: pick, into: &similarity)
                var distances = nearest, potential = 0.0
                for i in distances.indices {
                    distances[i] = min(distances[i], distance(similarity[i]))
                    potential += distances[i]
                }
                if best == nil || potential < best!.potential { best = (pick, distances, potential) }
            }
            seeds.append(best!.row)
            nearest = best!.distances
        }
        return seeds
    }

    /// The cosine distance for a similarity, with rounding noise between equal vectors taken as 0.
    static func distance(_ similarity: Float) -> Double {
        let d = 1 - Double(similarity)
        return d < 1e-6 ? 0 : d
    }

    /// An index drawn with probability proportional to its weight.
    static func draw(_ weights: [Double], total: Double, random: inout SplitMix64) -> Int {
        var target = random.unit() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target <= 0 && w > 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// The relative gain in cohesion below which iterations stop.
    static let tolerance = 1e-5

    /// Lloyd's iterations from the given seed rows.
    static func run(_ rows: SparseRows, seeds: [Int], iterations: Int) -> (labels: [Int], centroids: [[Float]], cohesion: Double) {
        let k = seeds.count, dimensions = rows.dimensions
        // Centroids side by side in one buffer: dimension d of centroid c at d * k + c, so one
        // sparse entry meets all k centroids in adjacent memory.
        var centres = [Float](repeating: 0, count: dimensions * k)
        for (c, row) in seeds.enumerated() {
            for e in rows.start[row]..<rows.start[row + 1] { centres[Int(rows.columns[e]) * k + c] = rows.values[e] }
        }
        var labels = Array(repeating: -1, count: rows.count)
        var cohesion = 0.0, previous = -Double.infinity
        var score = [Float](repeating: 0, count: k)
        for _ in 0..<max(1, iterations) {
            var changed = false
            cohesion = 0
            rows.start.withUnsafeBufferPointer { start in
                rows.columns.withUnsafeBufferPointer { columns in
                    rows.values.withUnsafeBufferPointer { values in
                        centres.withUnsafeBufferPointer { centre in
                            score.withUnsafeMutableBufferPointer { score in
                                labels.withUnsafeMutableBufferPointer { labels in
                                    for i in 0..<rows.count {
                                        for c in 0..<k { score[c] = 0 }
                                        for e in start[i]..<start[i + 1] {
                                            let base = Int(columns[e]) * k, x = values[e]
                                            for c in 0..<k { score[c] += x * centre[base + c] }
                                        }
                                        var best = 0
                                        for c in 1..<max(1, k) where score[c] > score[best] { best = c }
                                        cohesion += Double(score[best])
                                        if labels[i] != best { labels[i] = best; changed = true }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // New centroids: the normalised sums of their members.
            centres.withUnsafeMutableBufferPointer { centre in
                for i in centre.indices { centre[i] = 0 }
                for i in 0..<rows.count {
                    let c = labels[i]
                    for e in rows.start[i]..<rows.start[i + 1] { centre[Int(rows.columns[e]) * k + c] += rows.values[e] }
                }
                var norms = [Float](repeating: 0, count: k)
                for d in 0..<dimensions { for c in 0..<k { norms[c] += centre[d * k + c] * centre[d * k + c] } }
                for c in 0..<k { norms[c] = norms[c] > 0 ? 1 / norms[c].squareRoot() : 0 }
                for d in 0..<dimensions { for c in 0..<k { centre[d * k + c] *= norms[c] } }
            }
            // Stop when no vector moves, or when a pass gains almost nothing (scikit-learn stops
            // on a small centre shift; this is the same idea on the objective itself).
            if !changed || cohesion - previous <= tolerance * abs(cohesion) { break }
            previous = cohesion
        }
        let centroids = (0..<k).map { c in (0..<dimensions).map { centres[$0 * k + c] } }
        return (labels, centroids, cohesion)
    }
}
