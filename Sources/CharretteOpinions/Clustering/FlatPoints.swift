/// Points stored one after another, `dimension` coordinates each: distances computed without an
/// array per point (k-means runs hundreds of times per map).
struct FlatPoints {
    let dimension: Int
    var values: [Double] = []
    var count = 0

    init(dimension: Int) { self.dimension = dimension }

    init(_ points: [[Double]]) {
        dimension = points.first?.count ?? 0
        values = points.flatMap { $0 }
        count = points.count
    }

    mutating func append(_ i: Int, of other: FlatPoints) {
        values += other.values[i * dimension..<(i + 1) * dimension]
        count += 1
    }

    /// The squared distance from point `i` to point `j` of `other` (the same dimension), summed
    /// coordinate by coordinate in order.
    func squaredDistance(_ i: Int, _ j: Int, in other: FlatPoints) -> Double {
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                var total = 0.0
                for c in 0..<dimension {
                    let difference = a[i * dimension + c] - b[j * dimension + c]
                    total += difference * difference
                }
                return total
            }
        }
    }

    /// Whether point `i` equals point `j` of `other`.
    func same(_ i: Int, as j: Int, in other: FlatPoints) -> Bool {
        (0..<dimension).allSatisfy { values[i * dimension + $0] == other.values[j * dimension + $0] }
    }
}
