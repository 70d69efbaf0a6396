import Charrette
import CharretteThemes

/// The group's card sorts combined: the themes they agree on, with their labels, as a proposal
/// the room can accept.
public struct CardSortThemes: Sendable {
    /// How many people handed in a sort.
    public let sorters: Int
    /// The ideas combined (still open, sorted by someone), in submission order: item `i` of
    /// ``consensus`` is `ideas[i]`.
    public let ideas: [Idea]
    /// The consensus over the sorts, by item.
    public let consensus: CardSortConsensus
    /// Each theme's label: the group name most sorters gave it (repeats numbered, so each can be
    /// accepted), or "Theme N".
    public let labels: [String]
    /// The themes as a proposal to accept.
    public let proposal: ThemeProposal
}

extension WorkspaceState {
    /// Combines the card sorts handed in for `consultation`: two ideas share a proposed theme when
    /// at least `threshold` of the sorters put them together.
    public func cardSortThemes(in consultation: Consultation.ID, threshold: Double = 0.5) throws(SessionError) -> CardSortThemes {
        let sorts = (cardSorts[consultation] ?? [:]).values.sorted { $0.sorter < $1.sorter }
        guard !sorts.isEmpty else { throw .noCardSorts }
        let sortedIdeas = Set(sorts.flatMap { $0.groups.flatMap(\.ideas) })
        let ideas = self.ideas(of: consultation).filter { $0.status.isOpen && sortedIdeas.contains($0.id) }
        guard !ideas.isEmpty else { throw .noOpenSortedIdeas }
        let index = Dictionary(uniqueKeysWithValues: ideas.enumerated().map { ($1.id, $0) })
        let converted = sorts.map { sort in
            let groups = sort.groups.map { $0.ideas.compactMap { index[$0] } }
            return CharretteThemes.CardSort(
                sorter: participants[sort.sorter].map { "@\($0.handle)" } ?? "a sorter",
                groups: groups.filter { !$0.isEmpty },
                labels: zip(sort.groups, groups).filter { !$1.isEmpty }.map { $0.0.label })
        }
        let consensus: CardSortConsensus
        do {
            consensus = try CardSortConsensus(itemCount: ideas.count, sorts: converted, threshold: threshold)
        } catch {
            throw .cannotCombineCardSorts(reason: "\(error)")
        }
        // Two themes can take their name from the same group: the repeats are numbered.
        var seen: [String: Int] = [:]
        let labels = consensus.themes.enumerated().map { n, theme in
            let label = theme.label ?? "Theme \(n + 1)"
            seen[label.lowercased(), default: 0] += 1
            let repeats = seen[label.lowercased()]!
            return repeats > 1 ? "\(label) (\(repeats))" : label
        }
        let proposal = ThemeProposal(
            consultation: consultation, source: "from the card sorts of \(sorts.count) sorter\(sorts.count == 1 ? "" : "s")",
            themes: consensus.themes.enumerated().map { n, theme in .init(label: labels[n], ideas: theme.items.map { ideas[$0].id }, example: nil) })
        return CardSortThemes(sorters: sorts.count, ideas: ideas, consensus: consensus, labels: labels, proposal: proposal)
    }
}
