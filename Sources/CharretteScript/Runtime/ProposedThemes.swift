import Charrette

/// Themes proposed to the room (by `themes suggest` or `themes consensus`) and not yet accepted.
/// They live in the session, not the journal: only what the room accepts becomes an attributed,
/// undoable change.
public struct ProposedThemes: Sendable {
    public struct Theme: Sendable {
        public let label: String
        public let ideas: [Idea.ID]
        /// The idea that shows best what the theme is about, if the proposal picked one.
        public let example: Idea.ID?
    }

    public let consultation: Consultation.ID
    /// Where the proposal came from, for the accepted themes' descriptions: "k-means (seed 2026)".
    public let source: String
    public let themes: [Theme]
}
