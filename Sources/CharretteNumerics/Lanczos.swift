/// The largest eigenvalues of a large symmetric matrix, given only as a product with a vector:
/// Lanczos iteration with full reorthogonalisation, then the exact eigen decomposition of the
/// small tridiagonal matrix it builds (Golub and Van Loan, §10.1). Deterministic: the start vector
/// is fixed.
public enum Lanczos {
    /// The `count` largest eigenvalues, largest first, and their unit eigenvectors, of the
    /// symmetric `size`×`size` matrix M with `multiply(v) = M·v`, after `steps` iterations (more
    /// steps, more accuracy; the eigenvectors of well-separated eigenvalues converge first).
    public static func largest(
        count: Int, size: Int, steps: Int, tolerance: Double = 1e-11,
        multiply: ([Double]) -> [Double]
    ) -> (values: [Double], vectors: [[Double]]) {
        let steps = max(count, min(steps, size))
        var basis: [[Double]] = []
        var alpha: [Double] = [], beta: [Double] = []
        // A fixed start with every coordinate different, so it is not orthogonal to what we seek.
        var q = (0..<size).map { 1 + Double(($0 * 7_919) % 1_009) / 1_009 }
        normalize(&q)
        for step in 0..<steps {
            basis.append(q)
            var w = multiply(q)
            let a = dot(w, q)
            alpha.append(a)
            // Full reorthogonalisation, twice, keeps the basis orthogonal in floating point.
            for _ in 0..<2 { for b in basis { let h = dot(w, b); for i in w.indices { w[i] -= h * b[i] } } }
            let norm = dot(w, w).squareRoot()
            if step == steps - 1 || norm < 1e-12 { break }
            // Converged when every wanted Ritz pair's residual, β·|last entry of its vector in
            // the small problem|, is below `tolerance` of the largest eigenvalue.
            if step + 1 >= count && (step + 1) % 5 == 0 && converged(alpha, beta, next: norm, count: count, tolerance: tolerance) { break }
            beta.append(norm)
            q = w.map { $0 / norm }
        }
        let k = alpha.count
        let (values, vectors) = SymmetricEigen.decompose(tridiagonal(alpha, beta))
        let order = values.indices.sorted { values[$0] > values[$1] }.prefix(count)
        return (
            order.map { values[$0] },
            order.map { e in
                var v = [Double](repeating: 0, count: size)
                for j in 0..<k { let weight = vectors[j * k + e]; for i in 0..<size { v[i] += weight * basis[j][i] } }
                normalize(&v)
                return v
            }
        )
    }

    static func tridiagonal(_ alpha: [Double], _ beta: [Double]) -> [Double] {
        let k = alpha.count
        var t = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            t[i * k + i] = alpha[i]
            if i + 1 < k { t[i * k + i + 1] = beta[i]; t[(i + 1) * k + i] = beta[i] }
        }
        return t
    }

    static func converged(_ alpha: [Double], _ beta: [Double], next: Double, count: Int, tolerance: Double) -> Bool {
        let k = alpha.count
        let (values, vectors) = SymmetricEigen.decompose(tridiagonal(alpha, beta))
        let order = values.indices.sorted { values[$0] > values[$1] }
        guard let top = order.first else { return false }
        let scale = max(abs(values[top]), 1e-300)
        return order.prefix(count).allSatisfy { abs(next * vectors[(k - 1) * k + $0]) <= tolerance * scale }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var total = 0.0
        for i in a.indices { total += a[i] * b[i] }
        return total
    }

    static func normalize(_ v: inout [Double]) {
        let n = dot(v, v).squareRoot()
        if n > 0 { for i in v.indices { v[i] /= n } }
    }
}
