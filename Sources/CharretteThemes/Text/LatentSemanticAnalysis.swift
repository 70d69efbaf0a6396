import CharretteNumerics
import CharretteSupport
import Foundation

/// Latent semantic analysis: the texts' TF-IDF vectors projected on the few directions that carry
/// most of their variation (a truncated singular value decomposition), so that texts sharing no
/// word but many neighbours' words still come out close.
///
/// The decomposition is the randomized one of Halko, Martinsson and Tropp (2011), as in
/// scikit-learn's `TruncatedSVD`: a seeded Gaussian sketch with 10 extra columns, power iterations
/// re-orthonormalised each time, then the exact decomposition of the small projected matrix. The
/// coordinates are the left singular vectors times the singular values, scaled to length 1.
public struct LatentSemanticAnalysis: Sendable {
    /// Each text's coordinates on the kept components, unit length, in input order; zero for a
    /// text the components do not reach.
    public let vectors: [SparseVector]
    /// The singular values of the kept components, largest first.
    public let singularValues: [Double]

    /// Projects `rows` (vectors over `dimensions` terms) onto `components` directions.
    public init(_ rows: [SparseVector], dimensions: Int, components: Int, powerIterations: Int = 5, seed: UInt64 = 2026) {
        let n = rows.count
        let kept = max(1, min(components, n, dimensions))
        let width = min(kept + 10, max(1, min(n, dimensions)))
        var random = SplitMix64(seed: seed)
        var sketch = Matrix(rows: dimensions, columns: width)
        for i in sketch.values.indices { sketch.values[i] = random.gaussian() }

        // Inside the power iterations one Cholesky QR pass is enough (the next pass repairs what
        // it loses); the basis kept at the end gets two.
        var range = Self.multiply(rows, sketch, rows: n).orthonormalized(passes: 1)
        for iteration in 0..<powerIterations {
            let back = Self.multiplyTransposed(rows, range, dimensions: dimensions).orthonormalized(passes: 1)
            range = Self.multiply(rows, back, rows: n).orthonormalized(passes: iteration == powerIterations - 1 ? 2 : 1)
        }
        if powerIterations == 0 { range = range.orthonormalized(passes: 1) }
        // B = Qᵀ X; its singular vectors come from the eigenvectors of B Bᵀ = Zᵀ Z with Z = Xᵀ Q.
        let projected = Self.multiplyTransposed(rows, range, dimensions: dimensions)
        let (eigenvalues, eigenvectors) = SymmetricEigen.decompose(projected.gram())
        let order = eigenvalues.indices.sorted { eigenvalues[$0] > eigenvalues[$1] }.prefix(kept)
        singularValues = order.map { max(0, eigenvalues[$0]).squareRoot() }

        // Coordinates = Q · W[:, kept] · diag(s): one small matrix, then one product per text.
        var toCoordinates = Matrix(rows: width, columns: order.count)
        for j in 0..<width {
            for (c, component) in order.enumerated() {
                toCoordinates.values[j * order.count + c] = eigenvectors[j * width + component] * singularValues[c]
            }
        }
        let coordinates = range.multiplied(by: toCoordinates)
        // A text the kept components do not reach has coordinates that are only rounding noise:
        // it stays zero rather than being blown up to length 1.
        let floor = 1e-6 * (singularValues.first ?? 0)
        vectors = (0..<n).map { i in
            let point = (0..<order.count).map { coordinates[i, $0] }
            guard point.reduce(0, { $0 + $1 * $1 }).squareRoot() > floor else { return SparseVector(dense: []) }
            return SparseVector(dense: point.map(Float.init)).normalized()
        }
    }

    /// X · M, for X given by its sparse rows.
    static func multiply(_ rows: [SparseVector], _ m: Matrix, rows n: Int) -> Matrix {
        var out = Matrix(rows: n, columns: m.columns)
        let width = m.columns
        out.values.withUnsafeMutableBufferPointer { result in
            m.values.withUnsafeBufferPointer { right in
                for (i, row) in rows.enumerated() {
                    for (j, x) in zip(row.indices, row.values) {
                        let from = Int(j) * width, to = i * width
                        let weight = Double(x)
                        for c in 0..<width { result[to + c] += weight * right[from + c] }
                    }
                }
            }
        }
        return out
    }

    /// Xᵀ · M, for X given by its sparse rows.
    static func multiplyTransposed(_ rows: [SparseVector], _ m: Matrix, dimensions: Int) -> Matrix {
        var out = Matrix(rows: dimensions, columns: m.columns)
        let width = m.columns
        out.values.withUnsafeMutableBufferPointer { result in
            m.values.withUnsafeBufferPointer { left in
                for (i, row) in rows.enumerated() {
                    for (j, x) in zip(row.indices, row.values) {
                        let from = i * width, to = Int(j) * width
                        let weight = Double(x)
                        for c in 0..<width { result[to + c] += weight * left[from + c] }
                    }
                }
            }
        }
        return out
    }
}

/// A dense row-major matrix of doubles, just what the decomposition needs.
struct Matrix {
    let rows: Int
    let columns: Int
    var values: [Double]

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        values = [Double](repeating: 0, count: rows * columns)
    }

    subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// Mᵀ M.
    func gram() -> [Double] {
        let n = columns
        var g = [Double](repeating: 0, count: n * n)
        values.withUnsafeBufferPointer { v in
            g.withUnsafeMutableBufferPointer { g in
                for r in 0..<rows {
                    let row = v.baseAddress! + r * n
                    for a in 0..<n {
                        let x = row[a]
                        if x == 0 { continue }
                        let target = g.baseAddress! + a * n
                        for b in a..<n { target[b] += x * row[b] }
                    }
                }
            }
        }
        for a in 0..<n { for b in 0..<a { g[a * n + b] = g[b * n + a] } }
        return g
    }

    /// self · other.
    func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows)
        var out = Matrix(rows: rows, columns: other.columns)
        let width = other.columns
        values.withUnsafeBufferPointer { v in
            other.values.withUnsafeBufferPointer { m in
                out.values.withUnsafeMutableBufferPointer { o in
                    for r in 0..<rows {
                        let row = v.baseAddress! + r * columns, target = o.baseAddress! + r * width
                        for k in 0..<columns {
                            let x = row[k]
                            if x == 0 { continue }
                            let source = m.baseAddress! + k * width
                            for c in 0..<width { target[c] += x * source[c] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// A matrix with orthonormal columns spanning the same space, by Cholesky QR (Q = M R⁻¹ with
    /// Rᵀ R = Mᵀ M); a second pass (CholeskyQR2) restores the orthogonality the first loses on an
    /// ill-conditioned M. Columns that add nothing new are left at zero.
    func orthonormalized(passes: Int = 2) -> Matrix {
        var q = self
        for _ in 0..<passes {
            let factor = Cholesky.upper(q.gram(), size: columns)
            q = q.multiplied(by: Cholesky.inverseUpper(factor, size: columns))
        }
        return q
    }
}

enum Cholesky {
    /// The inverse of an upper-triangular matrix as a `Matrix`; a zero pivot gives a zero row and
    /// column (that direction is dropped).
    static func inverseUpper(_ r: [Double], size n: Int) -> Matrix {
        var inverse = Matrix(rows: n, columns: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let pivot = r[i * n + i]
            guard pivot > 0 else { continue }
            inverse.values[i * n + i] = 1 / pivot
            for j in (i + 1)..<max(i + 1, n) {
                var total = 0.0
                for k in (i + 1)...j { total += r[i * n + k] * inverse.values[k * n + j] }
                inverse.values[i * n + j] = -total / pivot
            }
        }
        return inverse
    }

    /// The upper factor R of a symmetric positive semi-definite matrix G = Rᵀ R; directions
    /// whose remaining weight is negligible get a zero row.
    static func upper(_ g: [Double], size n: Int) -> [Double] {
        var r = [Double](repeating: 0, count: n * n)
        let scale = (0..<n).map { g[$0 * n + $0] }.max() ?? 0
        for i in 0..<n {
            var d = g[i * n + i]
            for k in 0..<i { d -= r[k * n + i] * r[k * n + i] }
            guard d > 1e-12 * max(scale, 1e-300) else { continue }
            let pivot = d.squareRoot()
            r[i * n + i] = pivot
            for j in (i + 1)..<max(i + 1, n) {
                var x = g[i * n + j]
                for k in 0..<i { x -= r[k * n + i] * r[k * n + j] }
                r[i * n + j] = x / pivot
            }
        }
        return r
    }
}
