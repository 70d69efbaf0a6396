import CharretteVoting
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
    /// The most the projects one voter chooses may cost together (participatory budgeting); no
    /// limit if unset, as pabulib and most cities count: a voter may choose more than the budget.
    public var maxCost: Int?
    /// What `pb-equal-shares` does with the money its first count leaves; add-one, then greedy, if unset.
    public var completion: EqualSharesCompletion.Rule?
    /// When `pb-equal-shares`' add-one completion stops raising the shares; at the first exhaustive
    /// outcome if unset.
    public var addOneStop: EqualSharesCompletion.Stop?

    public init(
        budget: Int? = nil, capPerIdea: Int? = nil, credits: Int? = nil, scoreRange: ClosedRange<Int>? = nil,
        seats: Int? = nil, costs: [Idea.ID: Int] = [:], seed: UInt64? = nil, maxCost: Int? = nil,
        completion: EqualSharesCompletion.Rule? = nil, addOneStop: EqualSharesCompletion.Stop? = nil
    ) {
        self.budget = budget
        self.capPerIdea = capPerIdea
        self.credits = credits
        self.scoreRange = scoreRange
        self.seats = seats
        self.costs = costs
        self.seed = seed
        self.maxCost = maxCost
        self.completion = completion
        self.addOneStop = addOneStop
    }

    /// The completion of `pb-equal-shares` these settings ask for.
    public var equalSharesCompletion: EqualSharesCompletion {
        EqualSharesCompletion(completion ?? .addOneGreedy, stop: addOneStop ?? .exhaustive)
    }

    /// The score range in force.
    public var effectiveScoreRange: ClosedRange<Int> { scoreRange ?? 0...5 }
}

// Encoded as Swift would, but with the costs in the order of their ideas: a dictionary's order
// changes from one process to the next, and the query tables are compared as text.
extension VoteSettings {
    private enum CodingKeys: String, CodingKey { case budget, capPerIdea, credits, scoreRange, seats, costs, seed, maxCost, completion, addOneStop }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(budget, forKey: .budget)
        try container.encodeIfPresent(capPerIdea, forKey: .capPerIdea)
        try container.encodeIfPresent(credits, forKey: .credits)
        try container.encodeIfPresent(scoreRange, forKey: .scoreRange)
        try container.encodeIfPresent(seats, forKey: .seats)
        // A dictionary keyed by other than strings is an array of keys and values, one after the other.
        var pairs = container.nestedUnkeyedContainer(forKey: .costs)
        for (idea, cost) in costs.sorted(by: { $0.key < $1.key }) {
            try pairs.encode(idea)
            try pairs.encode(cost)
        }
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(maxCost, forKey: .maxCost)
        try container.encodeIfPresent(completion, forKey: .completion)
        try container.encodeIfPresent(addOneStop, forKey: .addOneStop)
    }
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
