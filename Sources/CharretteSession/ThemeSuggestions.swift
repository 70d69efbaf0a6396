import Charrette
import CharretteSupport
import CharretteThemes

/// The machine's first pass at themes for a consultation's unsorted ideas, as a proposal the room
/// can accept.
public struct SuggestedThemes: Sendable {
    /// The ideas clustered (open, in no theme): text `i` of ``suggestion`` is `ideas[i]`'s.
    public let ideas: [Idea]
    /// The clustering, by text.
    public let suggestion: ThemeSuggestion
    /// The themes as a proposal to accept.
    public let proposal: ThemeProposal
}

extension WorkspaceState {
    /// The language of `consultation`'s ideas, when it was set (`nil`: detect it from the texts).
    public func language(of consultation: Consultation.ID) -> Language? {
        consultations[consultation]?.language.flatMap(Language.init(rawValue:))
    }

    /// Suggests themes for the open ideas of `consultation` that are in no theme yet (themes people
    /// made stay as they are). Without a language in `settings`, the consultation's is used.
    public func suggestThemes(in consultation: Consultation.ID, settings: ThemeSuggestionSettings) throws(SessionError) -> SuggestedThemes {
        let open = ideas(of: consultation).filter { $0.status.isOpen }
        guard !open.isEmpty else { throw .noOpenIdeas }
        let ideas = open.filter { $0.theme == nil }
        guard !ideas.isEmpty else { throw .noUnsortedIdeas }
        var settings = settings
        if settings.language == nil { settings.language = language(of: consultation) }
        let suggestion: ThemeSuggestion
        do {
            suggestion = try ThemeSuggestion(texts: ideas.map(\.text), settings: settings)
        } catch {
            throw .cannotSuggestThemes(reason: "\(error)")
        }
        let source = "\(settings.method == .kmeans ? "k-means" : "average linkage"), seed \(settings.seed)"
        let proposal = ThemeProposal(
            consultation: consultation, source: "suggested by \(source)",
            themes: suggestion.themes.map { theme in
                .init(label: theme.label, ideas: theme.members.map { ideas[$0].id }, example: ideas[theme.example].id)
            })
        return SuggestedThemes(ideas: ideas, suggestion: suggestion, proposal: proposal)
    }
}
