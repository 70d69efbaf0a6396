import Foundation

/// One contribution to a consultation: a sticky note on the wall.
public struct Idea: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Idea>

    /// Whether an idea is still in play.
    public enum Status: Codable, Sendable, Hashable {
        case open
        /// Marked as a near duplicate of another idea, which stays open for both.
        case merged(into: Idea.ID)
        /// Taken back by its author.
        case withdrawn
        /// Hidden by a moderator, who must say why.
        case hidden(reason: String)
        /// Waiting for a facilitator to approve it: the consultation moderates ideas
        /// (``Consultation/moderatesIdeas``) and a participant sent it. Only its author and the
        /// facilitators see it until it is approved or hidden.
        case held

        /// Whether the idea can still be moved, voted on or merged into.
        public var isOpen: Bool { self == .open }
    }

    public let id: ID
    public let consultation: Consultation.ID
    public var text: String
    /// Who put it forward; `nil` for an anonymous idea (a suggestion box, a form without names).
    public let author: Participant.ID?
    public let submittedAt: Date
    public var status: Status
    /// The theme the idea sits in, if it has been sorted.
    public var theme: Theme.ID?

    /// What shows in place of a hidden idea's text: a moderator hid it (abuse, someone's
    /// personal details), so it appears nowhere unless asked for.
    public static let hiddenText = "(hidden by a moderator)"

    /// The text to show people: ``text``, or ``hiddenText`` for an idea a moderator hid.
    public var shownText: String {
        if case .hidden = status { return Self.hiddenText }
        return text
    }

    /// Whether a moderator hid the idea.
    public var isHidden: Bool {
        if case .hidden = status { return true }
        return false
    }

    public init(
        id: ID, consultation: Consultation.ID, text: String, author: Participant.ID?,
        submittedAt: Date, status: Status = .open, theme: Theme.ID? = nil
    ) {
        self.id = id
        self.consultation = consultation
        self.text = text
        self.author = author
        self.submittedAt = submittedAt
        self.status = status
        self.theme = theme
    }
}
