/// k-means on the opinion map as Pol.is runs it: seeded with the first k distinct points (so the
/// same data always gives the same groups), each point weighted, converged when no centre moves by
/// 0.01 or more (at most 100 passes). A centre left without points is dropped.
struct PolisKMeans {
    let centres: [[Double]]
    /// Each point's centre, an index into `centres`.
    let labels: [Int]
    /// The weighted sum of squared distances from each point to its centre (the k-means objective).
    let inertia: Double

    /// How the first centres are chosen.
    enum Seeding {
        /// The first k distinct points, in order (Pol.is's base clusters).
        case firstDistinct
        /// The heaviest point, then repeatedly the point farthest from the centres so far
        /// (deterministic; it keeps two seeds from starting inside one camp).
        case farthest
        /// The point at this index, then repeatedly the point farthest from the centres so far.
        case farthestFrom(Int)
    }

    init(points: [[Double]], weights: [Double]? = nil, k: Int, seeding: Seeding = .firstDistinct) {
        let weights = weights ?? Array(repeating: 1, count: points.count)
        var centres: [[Double]] = []
        switch seeding {
        case .firstDistinct:
            for p in points where !centres.contains(p) {
                centres.append(p)
                if centres.count == k { break }
            }
        case .farthest, .farthestFrom:
            let start: Int?
            if case .farthestFrom(let index) = seeding { start = index } else {
                start = points.indices.max(by: { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 > $1) })
            }
            if let first = start {
                centres.append(points[first])
                var nearest = points.map { Self.squaredDistance($0, points[first]) }
                while centres.count < k, let far = nearest.indices.max(by: { nearest[$0] < nearest[$1] || (nearest[$0] == nearest[$1] && $0 > $1) }), nearest[far] > 0 {
                    centres.append(points[far])
                    for i in points.indices { nearest[i] = min(nearest[i], Self.squaredDistance(points[i], points[far])) }
                }
            }
        }
        var labels = Array(repeating: 0, count: points.count)
        for _ in 0..<100 {
            labels = points.map { Self.nearest($0, centres) }
            var sums = Array(repeating: [Double](repeating: 0, count: points.first?.count ?? 0), count: centres.count)
            var mass = [Double](repeating: 0, count: centres.count)
            for (i, p) in points.enumerated() {
                mass[labels[i]] += weights[i]
                for d in p.indices { sums[labels[i]][d] += weights[i] * p[d] }
            }
            let moved = centres.indices.filter { mass[$0] > 0 }.map { c in sums[c].map { $0 / mass[c] } }
            let kept = centres.indices.filter { mass[$0] > 0 }
            let shift = zip(kept, moved).map { Self.distance(centres[$0], $1) }.max() ?? 0
            let dropped = kept.count < centres.count
            centres = moved
            if shift < 0.01 && !dropped { break }
        }
        let final = points.map { Self.nearest($0, centres) }
        self.labels = final
        self.centres = centres
        inertia = points.indices.reduce(0.0) { $0 + weights[$1] * Self.squaredDistance(points[$1], centres[final[$1]]) }
    }

    /// k-means restarted from every distinct point (farthest-point seeding from each, in point
    /// order), keeping the run with the lowest weighted inertia; the first such run on a tie (within
    /// 1e-9). `nil` when no run keeps k centres. Deterministic, and independent of which point is
    /// heaviest: a single farthest-point start can settle in a worse local optimum (one camp split,
    /// an outlier alone), which is where Charrette's groups disagreed with Pol.is's.
    static func best(points: [[Double]], weights: [Double], k: Int) -> PolisKMeans? {
        var best: PolisKMeans?
        var started = Set<[Double]>()
        for start in points.indices where started.insert(points[start]).inserted {
            let run = PolisKMeans(points: points, weights: weights, k: k, seeding: .farthestFrom(start))
            guard run.centres.count == k else { continue }
            if let current = best, run.inertia >= current.inertia - 1e-9 { continue }
            best = run
        }
        return best
    }

    static func nearest(_ p: [Double], _ centres: [[Double]]) -> Int {
        var best = 0, bestDistance = Double.infinity
        for (c, centre) in centres.enumerated() {
            let d = squaredDistance(p, centre)
            if d < bestDistance { bestDistance = d; best = c }
        }
        return best
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    static func distance(_ a: [Double], _ b: [Double]) -> Double { squaredDistance(a, b).squareRoot() }

    /// The weighted mean silhouette (Euclidean) of `labels` over `points`: each point's
    /// (b − a) / max(a, b) with a its weighted mean distance to its own cluster and b the smallest
    /// to another, averaged with the points' weights; 0 for a point alone in its cluster.
    static func silhouette(points: [[Double]], weights: [Double], labels: [Int]) -> Double {
        let clusters = (labels.max() ?? -1) + 1
        guard clusters > 1 else { return 0 }
        var total = 0.0, mass = 0.0
        for i in points.indices {
            var sums = [Double](repeating: 0, count: clusters), counts = [Double](repeating: 0, count: clusters)
            for j in points.indices where j != i {
                sums[labels[j]] += weights[j] * distance(points[i], points[j])
                counts[labels[j]] += weights[j]
            }
            // The point's own weight beyond one stands for members at distance 0 from it.
            counts[labels[i]] += weights[i] - 1
            mass += weights[i]
            guard counts[labels[i]] > 0 else { continue }
            let a = sums[labels[i]] / counts[labels[i]]
            let b = (0..<clusters).filter { $0 != labels[i] && counts[$0] > 0 }.map { sums[$0] / counts[$0] }.min() ?? 0
            let denominator = max(a, b)
            total += weights[i] * (denominator > 0 ? (b - a) / denominator : 0)
        }
        return mass > 0 ? total / mass : 0
    }
}
