import CharretteNumerics

/// The opinion map's axes and everyone's place on them, as Pol.is computes them.
///
/// Missing reactions are filled with the statement's mean reaction, the matrix is centred on
/// those means, and its principal components are the top eigenvectors of the covariance (exact,
/// by Jacobi rotations, rather than Pol.is's power iteration, which converges to the same
/// vectors). A participant's position is their centred reactions projected on the components,
/// scaled by `sqrt(statements / max(reactions, 1))` so that people who reacted to few statements
/// are not bunched in the middle. A statement's position is that of a participant who agreed with
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

    public init(_ matrix: VoteMatrix, components count: Int = 2) {
        let n = matrix.participants.count, m = matrix.statements.count
        var means = [Double](repeating: 0, count: m)
        for c in 0..<m {
            var total = 0.0, seen = 0
            for r in 0..<n { if let v = matrix[r, c] { total += v; seen += 1 } }
            means[c] = seen > 0 ? total / Double(seen) : 0
        }
        // Centred, with missing cells at the mean: 0 after centring.
        var centred = [Double](repeating: 0, count: n * m)
        for r in 0..<n { for c in 0..<m { if let v = matrix[r, c] { centred[r * m + c] = v - means[c] } } }
        var covariance = [Double](repeating: 0, count: m * m)
        centred.withUnsafeBufferPointer { x in
            covariance.withUnsafeMutableBufferPointer { cov in
                for r in 0..<n {
                    let row = x.baseAddress! + r * m
                    for a in 0..<m where row[a] != 0 {
                        let target = cov.baseAddress! + a * m
                        for b in a..<m { target[b] += row[a] * row[b] }
                    }
                }
            }
        }
        for a in 0..<m { for b in 0..<a { covariance[a * m + b] = covariance[b * m + a] } }
        let (eigenvalues, eigenvectors) = SymmetricEigen.decompose(covariance)
        let kept = eigenvalues.indices.sorted { eigenvalues[$0] > eigenvalues[$1] }.prefix(min(count, m))
        let components: [[Double]] = kept.map { k in
            var vector = (0..<m).map { eigenvectors[$0 * m + k] }
            if let largest = vector.indices.max(by: { abs(vector[$0]) < abs(vector[$1]) }), vector[largest] < 0 {
                vector = vector.map { -$0 }
            }
            return vector
        }
        self.means = means
        self.components = components
        explainedVariance = kept.map { eigenvalues[$0] / Double(max(n - 1, 1)) }
        positions = (0..<n).map { r in
            let scale = (Double(m) / Double(max(matrix.reactionCount(row: r), 1))).squareRoot()
            return components.map { pc in (0..<m).reduce(0.0) { $0 + centred[r * m + $1] * pc[$1] } * scale }
        }
        // A virtual participant agreeing with statement c alone: one reaction, scale sqrt(m).
        statementPositions = (0..<m).map { c in components.map { (1 - means[c]) * $0[c] * Double(m).squareRoot() } }
    }
}
