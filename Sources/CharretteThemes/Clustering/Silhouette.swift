import CharretteSupport

/// The silhouette of a clustering under cosine distance: for each vector, (b − a) / max(a, b),
/// where a is its mean distance to its own cluster and b the smallest mean distance to another
/// cluster; the score is the mean over vectors (a vector alone in its cluster scores 0). From −1
/// to 1: higher means tighter, better separated clusters.
public enum Silhouette {
    /// The mean silhouette of `labels` over unit-length `vectors`; on more than `sample` vectors,
    /// over a seeded sample of that many (the score costs the square of the count).
    public static func score(_ vectors: [SparseVector], labels: [Int], sample: Int = 2_000, seed: UInt64 = 2026) -> Double {
        precondition(vectors.count == labels.count)
        var chosen = Array(vectors.indices)
        if chosen.count > sample {
            var random = SplitMix64(seed: seed)
            for i in 0..<sample { chosen.swapAt(i, i + random.below(chosen.count - i)) }
            chosen = Array(chosen.prefix(sample)).sorted()
        }
        let unit = chosen.map { vectors[$0].normalized() }
        let clusters = Array(Set(chosen.map { labels[$0] })).sorted()
        guard clusters.count > 1 else { return 0 }
        let number = Dictionary(uniqueKeysWithValues: clusters.enumerated().map { ($1, $0) })
        let cluster = chosen.map { number[labels[$0]]! }
        var total = 0.0
        var sums = [Double](repeating: 0, count: clusters.count), counts = [Int](repeating: 0, count: clusters.count)
        for a in chosen.indices {
            for c in sums.indices { sums[c] = 0; counts[c] = 0 }
            for b in chosen.indices where b != a {
                sums[cluster[b]] += 1 - Double(unit[a].dot(unit[b]))
                counts[cluster[b]] += 1
            }
            let own = cluster[a]
            guard counts[own] > 0 else { continue }  // alone: scores 0
            let inside = sums[own] / Double(counts[own])
            var outside = Double.infinity
            for c in sums.indices where c != own && counts[c] > 0 { outside = min(outside, sums[c] / Double(counts[c])) }
            if outside == .infinity { outside = 0 }
            let denominator = max(inside, outside)
            total += denominator > 0 ? (outside - inside) / denominator : 0
        }
        return total / Double(chosen.count)
    }
}
