import CharretteNumerics

/// The opinion map's axes and everyone's place on them, as Pol.is computes them.
///
/// Missing reactions are filled with the statement's mean reaction, the matrix is centred on
/// those means, and its principal components are the top eigenvectors of the covariance (exact,
/// by Jacobi rotations up to ``exactLimit`` statements and Lanczos iteration above, rather than
/// Pol.is's power iteration, which converges to the same vectors). A participant's position is
/// their centred reactions projected on the components, scaled by
/// `sqrt(statements / max(reactions, 1))` so that people who reacted to few statements are not
/// bunched in the middle. A statement's position is that of a participant who agreed with
/// it alone. Each component's sign is chosen so that its largest entry is positive.
public struct OpinionPCA: Sendable {
    /// Each statement's mean reaction (over those who reacted).
    public let means: [Double]
    /// The principal components, one array of statement weights each, unit length.
    public let components: [[Double]]
    /// The variance each component explains (eigenvalue of the covariance, divided by n − 1).
    public let explainedVariance: [Double]
    /// Each participant's position, one coordinate per component, in row order.
    public let positions: [[Double]]
    /// Each statement's position, one coordinate per component, in column order.
    public let statementPositions: [[Double]]

    /// Up to this many statements the eigenvectors are exact (Jacobi rotations); above it,
    /// Lanczos iteration finds the top ones to rounding accuracy without a full decomposition.
    public static let exactLimit = 64

    /// The centred reactions that are not 0, by row: a zeroed (moderated-out) statement's cells
    /// and reactions equal to their statement's mean add nothing to any product, and in a
    /// conversation with many statements moderated out they are most of the matrix.
    struct CentredRows {
        var rowStart = [0]
        var columns: [Int32] = []
        var values: [Double] = []

        init(_ matrix: VoteMatrix, centred: [Double]) {
            for r in matrix.participants.indices {
                for i in matrix.rowStart[r]..<matrix.rowStart[r + 1] where centred[i] != 0 {
                    columns.append(matrix.columns[i])
                    values.append(centred[i])
                }
                rowStart.append(columns.count)
            }
        }
    }

    /// The covariance (times n − 1) of the centred reactions, dense, row-major.
    static func covariance(_ rows: CentredRows, size m: Int) -> [Double] {
        var covariance = [Double](repeating: 0, count: m * m)
        rows.values.withUnsafeBufferPointer { x in
            rows.columns.withUnsafeBufferPointer { column in
                covariance.withUnsafeMutableBufferPointer { cov in
                    for r in 0..<(rows.rowStart.count - 1) {
                        let start = rows.rowStart[r], end = rows.rowStart[r + 1]
                        for i in start..<end {
                            let target = cov.baseAddress! + Int(column[i]) * m
                            for j in i..<end { target[Int(column[j])] += x[i] * x[j] }
                        }
                    }
                }
            }
        }
        for a in 0..<m { for b in 0..<a { covariance[a * m + b] = covariance[b * m + a] } }
        return covariance
    }

    public init(_ matrix: VoteMatrix, components count: Int = 2) {
        let n = matrix.participants.count, m = matrix.statements.count
        var sums = [Double](repeating: 0, count: m), seen = [Int](repeating: 0, count: m)
        for e in matrix.values.indices { sums[Int(matrix.columns[e])] += matrix.values[e]; seen[Int(matrix.columns[e])] += 1 }
        let means = (0..<m).map { seen[$0] > 0 ? sums[$0] / Double(seen[$0]) : 0 }
        // Centred, with missing cells at the mean: 0 after centring, so only reactions count.
        let centred = matrix.values.indices.map { matrix.values[$0] - means[Int(matrix.columns[$0])] }
        let rows = CentredRows(matrix, centred: centred)
        let kept = min(count, m)
        var eigen: (values: [Double], vectors: [[Double]])
        if m <= Self.exactLimit {
            let covariance = Self.covariance(rows, size: m)
            let (values, vectors) = SymmetricEigen.decompose(covariance)
            let order = values.indices.sorted { values[$0] > values[$1] }.prefix(kept)
            eigen = (order.map { values[$0] }, order.map { k in (0..<m).map { vectors[$0 * m + k] } })
        } else {
            // The covariance times v is Xᵀ(X v) over the centred reactions: two passes over what
            // people said, never an m × m matrix.
            // It runs once per Lanczos step, so it works on the buffers directly.
            eigen = Lanczos.largest(count: kept, size: m, steps: 300) { v in
                var out = [Double](repeating: 0, count: m)
                rows.values.withUnsafeBufferPointer { x in
                    rows.columns.withUnsafeBufferPointer { column in
                        rows.rowStart.withUnsafeBufferPointer { rowStart in
                            v.withUnsafeBufferPointer { v in
                                out.withUnsafeMutableBufferPointer { out in
                                    for r in 0..<n {
                                        let start = rowStart[r], end = rowStart[r + 1]
                                        var dot = 0.0
                                        for i in start..<end { dot += x[i] * v[Int(column[i])] }
                                        if dot != 0 { for i in start..<end { out[Int(column[i])] += dot * x[i] } }
                                    }
                                }
                            }
                        }
                    }
                }
                return out
            }
        }
        let components: [[Double]] = eigen.vectors.map { vector in
            guard let largest = vector.indices.max(by: { abs(vector[$0]) < abs(vector[$1]) }), vector[largest] < 0 else { return vector }
            return vector.map { -$0 }
        }
        self.means = means
        self.components = components
        explainedVariance = eigen.values.map { $0 / Double(max(n - 1, 1)) }
        positions = (0..<n).map { r in
            let scale = (Double(m) / Double(max(matrix.reactionCount(row: r), 1))).squareRoot()
            return components.map { pc in
                (rows.rowStart[r]..<rows.rowStart[r + 1]).reduce(0.0) { $0 + rows.values[$1] * pc[Int(rows.columns[$1])] } * scale
            }
        }
        // A virtual participant agreeing with statement c alone: one reaction, scale sqrt(m).
        statementPositions = (0..<m).map { c in components.map { (1 - means[c]) * $0[c] * Double(m).squareRoot() } }
    }
}
