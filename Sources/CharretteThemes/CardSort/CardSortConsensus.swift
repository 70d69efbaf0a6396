/// What a group's card sorts agree on: how often each pair of ideas was put together, themes from
/// average-linkage clustering of that, how strongly the sorters agree with each theme, and the
/// ideas they disagree about.
///
/// Two ideas are *together* for a sorter who put them in the same group; their co-occurrence is
/// the share of the sorters who sorted both that put them together. Themes are the clusters of
/// average-linkage clustering on 1 − co-occurrence, merged while the average co-occurrence
/// between two clusters is above `threshold` (by default a majority: 0.5).
public struct CardSortConsensus: Sendable {
    public struct Theme: Sendable, Equatable {
        /// The ideas, by index, in order.
        public let items: [Int]
        /// The average co-occurrence of every pair in the theme; for a single idea, the share of
        /// its sorters who put it in a group of its own.
        public let agreement: Double
        /// The name sorters gave most often to a group matching this theme, and how many gave it.
        public let label: String?
        public let labelSupport: Int
    }

    /// An idea the sorters disagree about: its support in its own theme, and the other theme that
    /// comes closest with that theme's support.
    public struct Disputed: Sendable, Equatable {
        public let item: Int
        public let theme: Int
        public let support: Double
        public let alternative: Int?
        public let alternativeSupport: Double
    }

    public let itemCount: Int
    public let sorterCount: Int
    /// `together[i][j]`: the share of sorters who sorted both i and j that put them together, or
    /// nil when nobody sorted both.
    public let together: [[Double?]]
    public let themes: [Theme]
    /// Ideas with less than two thirds support in their theme, or (alone in a theme) with a third
    /// or more support in another; most disputed first.
    public let disputed: [Disputed]

    /// Combines `sorts` of `itemCount` ideas; refuses a sort that names an unknown idea or puts
    /// one idea in two groups.
    public init(itemCount n: Int, sorts: [CardSort], threshold: Double = 0.5) throws(CardSortError) {
        itemCount = n
        sorterCount = sorts.count
        var pairTogether = Array(repeating: Array(repeating: 0, count: n), count: n)
        var pairSorted = Array(repeating: Array(repeating: 0, count: n), count: n)
        var alone = Array(repeating: 0, count: n), sortedBy = Array(repeating: 0, count: n)
        for sort in sorts {
            var group = Array(repeating: -1, count: n)
            for (g, members) in sort.groups.enumerated() {
                for item in members {
                    guard item >= 0 && item < n else { throw CardSortError(sorter: sort.sorter, message: "idea \(item + 1) is not among the \(n) ideas") }
                    guard group[item] == -1 else { throw CardSortError(sorter: sort.sorter, message: "idea \(item + 1) is in two groups") }
                    group[item] = g
                }
                if members.count == 1 { alone[members[0]] += 1 }
            }
            let sorted = (0..<n).filter { group[$0] >= 0 }
            for i in sorted { sortedBy[i] += 1 }
            for (a, i) in sorted.enumerated() {
                for j in sorted[(a + 1)...] {
                    pairSorted[i][j] += 1
                    if group[i] == group[j] { pairTogether[i][j] += 1 }
                }
            }
        }
        let together: [[Double?]] = (0..<n).map { i in
            (0..<n).map { j in
                if i == j { return 1 }
                let (a, b) = (min(i, j), max(i, j))
                return pairSorted[a][b] == 0 ? nil : Double(pairTogether[a][b]) / Double(pairSorted[a][b])
            }
        }
        self.together = together
        let distances = DistanceMatrix(count: n) { 1 - (together[$0][$1] ?? 0) }
        let clusters = AverageLinkage(distances).clusters(below: 1 - threshold)

        func support(_ item: Int, _ members: [Int]) -> Double {
            let others = members.filter { $0 != item }
            guard !others.isEmpty else { return 0 }
            return others.reduce(0.0) { $0 + (together[item][$1] ?? 0) } / Double(others.count)
        }
        let themes: [Theme] = clusters.map { members in
            let agreement: Double
            if members.count == 1 {
                agreement = sortedBy[members[0]] == 0 ? 0 : Double(alone[members[0]]) / Double(sortedBy[members[0]])
            } else {
                var total = 0.0, pairs = 0
                for (a, i) in members.enumerated() { for j in members[(a + 1)...] { total += together[i][j] ?? 0; pairs += 1 } }
                agreement = total / Double(pairs)
            }
            let (label, count) = Self.label(for: members, sorts)
            return Theme(items: members, agreement: agreement, label: label, labelSupport: count)
        }
        self.themes = themes
        var disputed: [Disputed] = []
        for (t, theme) in themes.enumerated() {
            for item in theme.items {
                let own = theme.items.count == 1 ? theme.agreement : support(item, theme.items)
                let others = themes.indices.filter { $0 != t }.map { ($0, support(item, themes[$0].items + [item])) }
                let best = others.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }
                let isDisputed = theme.items.count == 1 ? (best?.1 ?? 0) >= 1.0 / 3 : own < 2.0 / 3
                if isDisputed {
                    disputed.append(Disputed(item: item, theme: t, support: own, alternative: best?.0, alternativeSupport: best?.1 ?? 0))
                }
            }
        }
        self.disputed = disputed.sorted { ($0.support - $0.alternativeSupport, $0.item) < ($1.support - $1.alternativeSupport, $1.item) }
    }

    /// The name sorters gave most often to a group that overlaps the theme at least by half
    /// (Jaccard), compared without case or surrounding spaces; ties go to the name first given.
    static func label(for members: [Int], _ sorts: [CardSort]) -> (String?, Int) {
        let theme = Set(members)
        var counts: [String: (shown: String, count: Int, first: Int)] = [:]
        var order = 0
        for sort in sorts {
            for (g, group) in sort.groups.enumerated() {
                guard g < sort.labels.count, let raw = sort.labels[g], case let name = raw.trimmingCharacters(), !name.isEmpty else { continue }
                let set = Set(group)
                let overlap = Double(set.intersection(theme).count) / Double(set.union(theme).count)
                guard overlap >= 0.5 else { continue }
                let key = name.lowercased()
                if let known = counts[key] { counts[key] = (known.shown, known.count + 1, known.first) } else { counts[key] = (name, 1, order) }
                order += 1
            }
        }
        guard let best = counts.values.max(by: { ($0.count, -$0.first) < ($1.count, -$1.first) }) else { return (nil, 0) }
        return (best.shown, best.count)
    }
}

extension String {
    /// Without spaces, tabs or newlines at either end.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
