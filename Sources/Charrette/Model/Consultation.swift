import Foundation

/// One question put to the people it affects, from the first draft to the closed outcome.
public struct Consultation: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Consultation>

    /// Where a consultation stands. Phases may move back and forth until the consultation is closed.
    public enum Phase: String, Codable, Sendable, CaseIterable, Comparable {
        case draft, ideation, clustering, voting, closed

        public static func < (lhs: Phase, rhs: Phase) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Who may submit ideas and vote.
    public enum Eligibility: Codable, Sendable, Hashable {
        case everyone
        /// Only members of these boards.
        case boards([Board.ID])
    }

    public let id: ID
    public var title: String
    /// The question asked, such as "What would make buses work for you?".
    public var question: String
    public var phase: Phase
    public var eligibility: Eligibility
    public var createdAt: Date
    /// When the phase last changed.
    public var phaseChangedAt: Date
    /// The language of its ideas for themes and duplicates ("en", "es", "fr", "pt", "de"), or
    /// `nil` to detect it from the ideas. Set by ``Event/consultationLanguageChanged(_:from:to:)``.
    public var language: String?
    /// Whether every idea must name who put it forward; otherwise anonymous ideas are taken (a
    /// suggestion box, a form without a name field). Set by ``Event/authorsRequired(_:from:to:)``.
    public var requiresAuthors = false
    /// Whether participants' new ideas wait for a facilitator (``Idea/Status/held``) before the
    /// room sees them. Set by ``Event/ideaModerationChanged(_:from:to:)``.
    public var moderatesIdeas = false

    public init(
        id: ID, title: String, question: String, phase: Phase = .draft,
        eligibility: Eligibility = .everyone, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.question = question
        self.phase = phase
        self.eligibility = eligibility
        self.createdAt = createdAt
        self.phaseChangedAt = createdAt
    }
}
