/// Each point's nearest centre, kept up to date as the centres move. The labels are exactly those
/// of comparing every point with every centre (the first centre on a tie), found with less work:
///
/// - Hamerly's bounds (2010): a point remembers an upper bound on the distance to its centre and
///   a lower bound on the distance to any other, both moved by how far the centres moved, and is
///   searched again only when they no longer prove its centre nearest (with a margin far above
///   rounding, so a near tie is always searched);
/// - a search from the point outwards along the centres sorted by their first coordinate, which
///   stops once that coordinate alone puts the rest farther than the two nearest found (the map
///   has two dimensions, so most of the hundred base centres are never measured).
struct NearestCentres {
    private(set) var labels: [Int]
    /// Upper bound on each point's distance to its centre.
    private var upper: [Double]
    /// Lower bound on each point's distance to any other centre.
    private var lower: [Double]
    /// The centres in order of their first coordinate (then of index), and those coordinates.
    private var order: [Int] = []
    private var firsts: [Double] = []
    /// Relative margin a bound must clear to skip a point: covers the rounding of the bounds.
    private static let margin = 1e-9
    /// Up to this many centres, every point is simply compared with each: the bounds and the
    /// sorting cost more than they save (the groups' k-means, run hundreds of times).
    private static let fewCentres = 8

    /// Every point searched.
    init(_ points: FlatPoints, _ centres: FlatPoints) {
        labels = [Int](repeating: 0, count: points.count)
        upper = [Double](repeating: 0, count: points.count)
        lower = [Double](repeating: 0, count: points.count)
        sort(centres)
        let all = 0..<points.count
        search(all, points, centres)
    }

    /// The labels after the centres moved, centre c by `moves[c]` (same centres, same order).
    mutating func update(_ points: FlatPoints, _ centres: FlatPoints, moves: [Double]) {
        let k = centres.count
        guard k > Self.fewCentres else {
            search(0..<points.count, points, centres)
            return
        }
        let largestMove = moves.max() ?? 0
        sort(centres)
        // Half the distance from each centre to the nearest other: a point nearer than that to
        // its centre cannot be nearer to another.
        var half = [Double](repeating: .infinity, count: k)
        for a in 0..<k {
            for b in (a + 1)..<k {
                let distance = centres.squaredDistance(a, b, in: centres).squareRoot() / 2
                half[a] = min(half[a], distance)
                half[b] = min(half[b], distance)
            }
        }
        var unproven: [Int] = []
        for i in 0..<points.count {
            let label = labels[i]
            upper[i] += moves[label]
            lower[i] -= largestMove
            let bound = max(half[label], lower[i])
            if upper[i] * (1 + Self.margin) < bound { continue }
            upper[i] = points.squaredDistance(i, label, in: centres).squareRoot()
            if upper[i] * (1 + Self.margin) < bound { continue }
            unproven.append(i)
        }
        search(unproven, points, centres)
    }

    private mutating func sort(_ centres: FlatPoints) {
        guard centres.dimension > 0, centres.count > Self.fewCentres else {
            order = Array(0..<centres.count)
            return
        }
        let d = centres.dimension
        order = (0..<centres.count).sorted { (centres.values[$0 * d], $0) < (centres.values[$1 * d], $1) }
        firsts = order.map { centres.values[$0 * d] }
    }

    /// Searches `indices`' nearest centres and their distances to the second nearest.
    private mutating func search(_ indices: some Sequence<Int>, _ points: FlatPoints, _ centres: FlatPoints) {
        let d = points.dimension
        points.values.withUnsafeBufferPointer { p in
            centres.values.withUnsafeBufferPointer { q in
                order.withUnsafeBufferPointer { order in
                    firsts.withUnsafeBufferPointer { firsts in
                        for i in indices {
                            let found = Self.search(
                                p.baseAddress! + i * d, dimension: d, centres: q.baseAddress!, count: centres.count,
                                order: order, firsts: firsts, sorted: centres.count > Self.fewCentres)
                            labels[i] = found.best
                            upper[i] = found.nearest.squareRoot()
                            lower[i] = found.second.squareRoot()
                        }
                    }
                }
            }
        }
    }

    /// The nearest of `count` centres to `point` (the first on a tie), with the squared distances
    /// to it and to the second nearest; outwards along `order` when `sorted`, else every centre.
    private static func search(
        _ point: UnsafePointer<Double>, dimension d: Int, centres: UnsafePointer<Double>, count: Int,
        order: UnsafeBufferPointer<Int>, firsts: UnsafeBufferPointer<Double>,
        sorted: Bool
    ) -> (best: Int, nearest: Double, second: Double) {
        var best = 0, nearest = Double.infinity, second = Double.infinity
        var down = -1, up = count
        let outwards = sorted && d > 0
        if outwards {
            // Outwards from where the point's first coordinate falls among the centres'.
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                if firsts[middle] >= point[0] { high = middle } else { low = middle + 1 }
            }
            up = low
            down = low - 1
        } else {
            up = 0
        }
        while true {
            // A centre's squared distance is at least its first coordinate's squared gap, and the
            // gap only grows further out: stop once both sides are past the second nearest.
            let c: Int
            if !outwards {
                guard up < count else { break }
                c = up
                up += 1
            } else {
                let gapDown = down >= 0 ? (point[0] - firsts[down]) * (point[0] - firsts[down]) : .infinity
                let gapUp = up < count ? (firsts[up] - point[0]) * (firsts[up] - point[0]) : .infinity
                if gapDown <= gapUp {
                    guard down >= 0, gapDown <= second else { break }
                    c = order[down]
                    down -= 1
                } else {
                    guard up < count, gapUp <= second else { break }
                    c = order[up]
                    up += 1
                }
            }
            let centre = centres + c * d
            var distance = 0.0
            for k in 0..<d {
                let difference = point[k] - centre[k]
                distance += difference * difference
            }
            if distance < nearest || (distance == nearest && c < best) {
                second = nearest
                nearest = distance
                best = c
            } else if distance < second {
                second = distance
            }
        }
        return (best, nearest, second)
    }
}
