import Charrette

/// Themes proposed to the room (by `WorkspaceState.suggestThemes(in:settings:)` or
/// `WorkspaceState.cardSortThemes(in:threshold:)`) and not yet accepted. A proposal lives in the
/// session, not the journal: only what the room accepts becomes an attributed, undoable change.
public struct ThemeProposal: Sendable {
    /// One proposed theme.
    public struct Theme: Sendable {
        public let label: String
        public let ideas: [Idea.ID]
        /// The idea that shows best what the theme is about, if the proposal picked one.
        public let example: Idea.ID?

        public init(label: String, ideas: [Idea.ID], example: Idea.ID?) {
            (self.label, self.ideas, self.example) = (label, ideas, example)
        }
    }

    public let consultation: Consultation.ID
    /// Where the proposal came from, for the accepted themes' descriptions: "suggested by k-means, seed 2026".
    public let source: String
    public let themes: [Theme]

    public init(consultation: Consultation.ID, source: String, themes: [Theme]) {
        (self.consultation, self.source, self.themes) = (consultation, source, themes)
    }

    /// For each proposed theme, its ideas that can still be accepted into it: open and in no
    /// theme. So an undone acceptance can be accepted again, and ideas people sorted since stay
    /// where they put them.
    public func acceptable(in state: WorkspaceState) -> [[Idea.ID]] {
        themes.map { $0.ideas.filter { state.ideas[$0]?.status.isOpen == true && state.ideas[$0]?.theme == nil } }
    }
}

extension Transaction {
    /// Makes the proposed themes numbered `chosen` (positions in `proposal.themes`) real: each
    /// becomes a theme, described by where it came from, holding its ideas that are still open and
    /// in no theme. `label` renames the one theme accepted. A proposed theme none of whose ideas
    /// can still be accepted (another session sorted them meanwhile) is not made.
    public mutating func accept(_ chosen: [Int], of proposal: ThemeProposal, label: String? = nil) throws -> [Charrette.Theme] {
        // Read in the change, under the store's write lock: what other writers did counts.
        let acceptable = proposal.acceptable(in: state)
        return try chosen.filter { !acceptable[$0].isEmpty }.map { index in
            let proposed = proposal.themes[index], ideas = acceptable[index]
            let example = proposed.example.flatMap { ideas.contains($0) ? " Most central idea: #\($0.rawValue)." : nil } ?? ""
            let theme = try createTheme(label ?? proposed.label, description: "\(proposal.source).\(example)", in: proposal.consultation)
            for idea in ideas { try moveIdea(idea, to: theme.id) }
            return theme
        }
    }
}
