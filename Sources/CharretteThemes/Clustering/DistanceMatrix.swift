/// Distances between every pair of n items, stored once per pair.
public struct DistanceMatrix: Sendable, Equatable {
    public let count: Int
    private var values: [Double]

    /// All distances 0 over `count` items.
    public init(count: Int) {
        self.count = count
        values = Array(repeating: 0, count: count * (count - 1) / 2)
    }

    /// The distances `distance(i, j)` gives for every pair.
    public init(count: Int, _ distance: (Int, Int) -> Double) {
        self.init(count: count)
        for i in 0..<count { for j in (i + 1)..<max(i + 1, count) { self[i, j] = distance(i, j) } }
    }

    private func index(_ i: Int, _ j: Int) -> Int {
        let (a, b) = i < j ? (i, j) : (j, i)
        return a * count - a * (a + 1) / 2 + (b - a - 1)
    }

    /// The distance between items i and j (0 when i == j).
    public subscript(i: Int, j: Int) -> Double {
        get { i == j ? 0 : values[index(i, j)] }
        set { precondition(i != j, "an item's distance to itself is always 0"); values[index(i, j)] = newValue }
    }
}
