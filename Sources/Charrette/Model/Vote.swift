import Foundation

/// The rules a vote runs under, beyond its method.
public struct VoteSettings: Codable, Sendable, Hashable {
    /// Dots each voter may give (`dots`), or money to spend (participatory budgeting).
    public var budget: Int?
    /// The most dots one voter may put on one idea (`dots`).
    public var capPerIdea: Int?
    /// Voice credits per voter (`quadratic`).
    public var credits: Int?
    /// The lowest and highest score or grade (`score`, `star`, `majority-judgment`); 0...5 if unset.
    public var scoreRange: ClosedRange<Int>?
    /// Winners to elect (multi-winner methods).
    public var seats: Int?
    /// What each project costs (participatory budgeting).
    public var costs: [Idea.ID: Int]
    /// The seed for ties broken by lot; the tally's fixed default if unset.
    public var seed: UInt64?

    public init(
        budget: Int? = nil, capPerIdea: Int? = nil, credits: Int? = nil, scoreRange: ClosedRange<Int>? = nil,
        seats: Int? = nil, costs: [Idea.ID: Int] = [:], seed: UInt64? = nil
    ) {
        self.budget = budget
        self.capPerIdea = capPerIdea
        self.credits = credits
        self.scoreRange = scoreRange
        self.seats = seats
        self.costs = costs
        self.seed = seed
    }

    /// The score range in force.
    public var effectiveScoreRange: ClosedRange<Int> { scoreRange ?? 0...5 }
}

/// A decision put to the participants of a consultation.
public struct Vote: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Vote>

    public let id: ID
    public let consultation: Consultation.ID
    /// What is decided, such as "Bus fares"; shown in messages and reports.
    public var title: String
    public let method: VotingMethod
    public let settings: VoteSettings
    /// The ideas on the ballot, in the order they are shown.
    public let candidates: [Idea.ID]
    public let openedBy: Participant.ID?
    public let openedAt: Date
    /// When the vote closed, or `nil` while ballots are still taken.
    public var closedAt: Date?

    public init(
        id: ID, consultation: Consultation.ID, title: String, method: VotingMethod, settings: VoteSettings,
        candidates: [Idea.ID], openedBy: Participant.ID?, openedAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.consultation = consultation
        self.title = title
        self.method = method
        self.settings = settings
        self.candidates = candidates
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.closedAt = closedAt
    }

    public var isOpen: Bool { closedAt == nil }
}
