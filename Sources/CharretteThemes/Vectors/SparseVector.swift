/// A vector with few non-zero entries, such as a short text's TF-IDF weights.
public struct SparseVector: Sendable, Hashable {
    /// The dimensions that are not zero, ascending.
    public private(set) var indices: [Int32]
    /// The values at those dimensions.
    public private(set) var values: [Float]

    /// A vector from dimension–value pairs; repeated dimensions add up and zeros are dropped.
    public init(_ entries: [(Int, Float)]) {
        var merged: [Int: Float] = [:]
        for (i, v) in entries { merged[i, default: 0] += v }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        indices = kept.map { Int32($0.key) }
        values = kept.map(\.value)
    }

    /// A vector from dimensions already ascending and without repeats, and their values.
    public init(ascending indices: [Int32], values: [Float]) {
        precondition(indices.count == values.count, "one value per dimension")
        self.indices = indices
        self.values = values
    }

    /// A dense vector's entries, zeros dropped.
    public init(dense: [Float]) {
        indices = []
        values = []
        for (i, x) in dense.enumerated() where x != 0 { indices.append(Int32(i)); values.append(x) }
    }

    /// The Euclidean length.
    public var norm: Float { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The vector scaled to length 1 (the zero vector stays zero).
    public func normalized() -> SparseVector {
        let n = norm
        guard n > 0 else { return self }
        var copy = self
        copy.values = values.map { $0 / n }
        return copy
    }

    /// The dot product with a dense vector.
    @inlinable public func dot(_ dense: [Float]) -> Float {
        var total: Float = 0
        for (i, v) in zip(indices, values) { total += v * dense[Int(i)] }
        return total
    }

    /// The dot product with another sparse vector.
    public func dot(_ other: SparseVector) -> Float {
        var a = 0, b = 0, total: Float = 0
        while a < indices.count && b < other.indices.count {
            if indices[a] == other.indices[b] {
                total += values[a] * other.values[b]; a += 1; b += 1
            } else if indices[a] < other.indices[b] {
                a += 1
            } else {
                b += 1
            }
        }
        return total
    }
}
