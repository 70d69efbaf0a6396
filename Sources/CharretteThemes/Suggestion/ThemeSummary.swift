/// What a clustering's themes look like to people: ordered largest first, labelled by their
/// distinctive terms, each with its most central member.
struct ThemeSummary {
    struct Theme {
        let label: String
        let terms: [String]
        let members: [Int]
        let example: Int
    }

    /// Each original cluster number's place in ``themes`` (-1 for a cluster left empty).
    let renumbered: [Int]
    let themes: [Theme]

    /// - Parameters:
    ///   - labels: each vector's cluster.
    ///   - space: the vectors that were clustered (centrality is measured there).
    ///   - dimensions: the dimensions of `space`.
    ///   - tfidf: the same texts' TF-IDF vectors (distinctive terms are read there).
    ///   - terms: each term's spelling, by term number.
    init(labels: [Int], space: [SparseVector], dimensions: Int, tfidf: [SparseVector], terms: [String], termsPerLabel: Int = 3) {
        let clusterCount = (labels.max() ?? -1) + 1
        var members = Array(repeating: [Int](), count: clusterCount)
        for (i, label) in labels.enumerated() { members[label].append(i) }
        let order = members.indices.filter { !members[$0].isEmpty }
            .sorted { members[$0].count != members[$1].count ? members[$0].count > members[$1].count : members[$0][0] < members[$1][0] }
        var renumbered = Array(repeating: -1, count: clusterCount)
        for (place, cluster) in order.enumerated() { renumbered[cluster] = place }
        self.renumbered = renumbered

        // Mean TF-IDF weight of each term inside each theme and over everything.
        var total = [Float](repeating: 0, count: terms.count)
        for v in tfidf { for (t, x) in zip(v.indices, v.values) { total[Int(t)] += x } }
        var used: [String: Int] = [:]
        themes = order.map { cluster in
            let inside = members[cluster]
            var sum = [Float](repeating: 0, count: terms.count)
            for i in inside { for (t, x) in zip(tfidf[i].indices, tfidf[i].values) { sum[Int(t)] += x } }
            let outsideCount = Float(max(1, tfidf.count - inside.count))
            var scored: [(term: Int, score: Float)] = []
            for t in sum.indices where sum[t] > 0 {
                let score = sum[t] / Float(inside.count) - (total[t] - sum[t]) / outsideCount
                if score > 0 { scored.append((t, score)) }
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : terms[$0.term] < terms[$1.term] }
            let chosen = scored.prefix(termsPerLabel).map { terms[$0.term] }
            var label = chosen.isEmpty ? "theme" : chosen.joined(separator: ", ")
            used[label, default: 0] += 1
            if used[label]! > 1 { label += " (\(used[label]!))" }

            var centre = [Float](repeating: 0, count: dimensions)
            for i in inside { for (d, x) in zip(space[i].indices, space[i].values) { centre[Int(d)] += x } }
            let example = inside.max { a, b in
                let sa = space[a].dot(centre), sb = space[b].dot(centre)
                return sa != sb ? sa < sb : a > b
            }!
            return Theme(label: label, terms: chosen, members: inside, example: example)
        }
    }
}
