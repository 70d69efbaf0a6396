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
        self.init(FlatPoints(points), weights: weights ?? Array(repeating: 1, count: points.count), k: k, seeding: seeding)
    }

    private init(_ points: FlatPoints, weights: [Double], k: Int, seeding: Seeding) {
        let n = points.count, d = points.dimension
        var centres = FlatPoints(dimension: d)
        switch seeding {
        case .firstDistinct:
            for i in 0..<n where !(0..<centres.count).contains(where: { points.same(i, as: $0, in: centres) }) {
                centres.append(i, of: points)
                if centres.count == k { break }
            }
        case .farthest, .farthestFrom:
            let start: Int?
            if case .farthestFrom(let index) = seeding {
                start = index
            } else {
                start = weights.indices.max(by: { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 > $1) })
            }
            if let first = start {
                centres.append(first, of: points)
                var nearest = (0..<n).map { points.squaredDistance($0, first, in: points) }
                while centres.count < k, let far = nearest.indices.max(by: { nearest[$0] < nearest[$1] || (nearest[$0] == nearest[$1] && $0 > $1) }),
                    nearest[far] > 0
                {
                    centres.append(far, of: points)
                    for i in 0..<n { nearest[i] = min(nearest[i], points.squaredDistance(i, far, in: points)) }
                }
            }
        }
        var nearest = NearestCentres(points, centres)
        for _ in 0..<100 {
            let labels = nearest.labels
            var sums = [Double](repeating: 0, count: centres.count * d), mass = [Double](repeating: 0, count: centres.count)
            for i in 0..<n {
                mass[labels[i]] += weights[i]
                for c in 0..<d { sums[labels[i] * d + c] += weights[i] * points.values[i * d + c] }
            }
            var moved = FlatPoints(dimension: d), moves: [Double] = []
            for centre in 0..<centres.count where mass[centre] > 0 {
                moved.values += (0..<d).map { sums[centre * d + $0] / mass[centre] }
                moved.count += 1
                moves.append(centres.squaredDistance(centre, moved.count - 1, in: moved).squareRoot())
            }
            let dropped = moved.count < centres.count
            centres = moved
            // A dropped centre renumbers the others: every point is compared again.
            if dropped { nearest = NearestCentres(points, centres) } else { nearest.update(points, centres, moves: moves) }
            if (moves.max() ?? 0) < 0.01 && !dropped { break }
        }
        let final = nearest.labels
        self.labels = final
        self.centres = (0..<centres.count).map { Array(centres.values[$0 * d..<($0 + 1) * d]) }
        inertia = (0..<n).reduce(0.0) { $0 + weights[$1] * points.squaredDistance($1, final[$1], in: centres) }
    }

    /// k-means restarted from every distinct point (farthest-point seeding from each, in point
    /// order), keeping the run with the lowest weighted inertia; the first such run on a tie (within
    /// 1e-9). `nil` when no run keeps k centres. Deterministic, and independent of which point is
    /// heaviest: a single farthest-point start can settle in a worse local optimum (one camp split,
    /// an outlier alone), which is where Charrette's groups disagreed with Pol.is's.
    static func best(points: [[Double]], weights: [Double], k: Int) -> PolisKMeans? {
        var best: PolisKMeans?
        var started = Set<[Double]>()
        let flat = FlatPoints(points)
        for start in points.indices where started.insert(points[start]).inserted {
            let run = PolisKMeans(flat, weights: weights, k: k, seeding: .farthestFrom(start))
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

    /// The weighted mean silhouette (Euclidean) of `labels` over `points`: each point's
    /// (b − a) / max(a, b) with a its weighted mean distance to its own cluster and b the smallest
    /// to another, averaged with the points' weights; 0 for a point alone in its cluster.
    static func silhouette(points: [[Double]], weights: [Double], labels: [Int]) -> Double {
        let clusters = (labels.max() ?? -1) + 1
        guard clusters > 1 else { return 0 }
        var total = 0.0, mass = 0.0
        let flat = FlatPoints(points)
        for i in points.indices {
            var sums = [Double](repeating: 0, count: clusters), counts = [Double](repeating: 0, count: clusters)
            for j in points.indices where j != i {
                sums[labels[j]] += weights[j] * flat.squaredDistance(i, j, in: flat).squareRoot()
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
