/// Sparse vectors packed in three flat arrays (compressed sparse rows), with the inverted index
/// beside them: what k-means sweeps over thousands of times, without per-vector allocations.
struct SparseRows {
    let count: Int
    let dimensions: Int
    /// Row r's entries are at `start[r] ..< start[r + 1]`.
    let start: [Int]
    let columns: [Int32]
    let values: [Float]
    /// For each dimension, the rows that use it and their value there (built on first need).
    private(set) var postingStart: [Int] = []
    private(set) var postingRows: [Int32] = []
    private(set) var postingValues: [Float] = []

    init(_ vectors: [SparseVector], dimensions: Int) {
        count = vectors.count
        self.dimensions = dimensions
        var start = [0], columns: [Int32] = [], values: [Float] = []
        start.reserveCapacity(vectors.count + 1)
        for v in vectors {
            columns.append(contentsOf: v.indices)
            values.append(contentsOf: v.values)
            start.append(columns.count)
        }
        self.start = start
        self.columns = columns
        self.values = values
    }

    /// Builds the inverted index: for each dimension, its rows in ascending order.
    mutating func index() {
        guard postingStart.isEmpty else { return }
        var counts = [Int](repeating: 0, count: dimensions + 1)
        for c in columns { counts[Int(c) + 1] += 1 }
        for d in 0..<dimensions { counts[d + 1] += counts[d] }
        var next = counts
        var rows = [Int32](repeating: 0, count: columns.count), weights = [Float](repeating: 0, count: columns.count)
        for r in 0..<count {
            for e in start[r]..<start[r + 1] {
                let d = Int(columns[e])
                rows[next[d]] = Int32(r)
                weights[next[d]] = values[e]
                next[d] += 1
            }
        }
        postingStart = counts
        postingRows = rows
        postingValues = weights
    }

    /// The dot product of every row with row `r` (call ``index()`` first), into `out`.
    func similarities(to r: Int, into out: inout [Float]) {
        for i in out.indices { out[i] = 0 }
        out.withUnsafeMutableBufferPointer { out in
            for e in start[r]..<start[r + 1] {
                let d = Int(columns[e]), x = values[e]
                for p in postingStart[d]..<postingStart[d + 1] { out[Int(postingRows[p])] += x * postingValues[p] }
            }
        }
    }
}
