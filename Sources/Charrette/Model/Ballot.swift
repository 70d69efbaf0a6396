import CharretteVoting
import Foundation

/// A reaction to a single idea, as in Pol.is.
public enum Reaction: String, Codable, Sendable, CaseIterable {
    case agree, disagree, pass
}

/// A position on a proposal in consent decision making. A block is a principled objection.
public enum ConsentPosition: String, Codable, Sendable, CaseIterable {
    case agree, abstain, disagree, block
}

/// A ballot with the time it was cast, as the journal remembers a ballot that another replaced.
public struct CastBallot: Codable, Sendable, Hashable {
    public let ballot: Ballot
    public let at: Date

    public init(_ ballot: Ballot, at: Date) {
        self.ballot = ballot
        self.at = at
    }
}

/// What one voter hands in for one vote. The case must match the vote's ``VotingMethod/ballotKind``.
public enum Ballot: Sendable, Hashable {
    /// The approved ideas.
    case approval(Set<Idea.ID>)
    /// A score per idea; ideas left out are unscored.
    case scores([Idea.ID: Int])
    /// Tiers of preference, best first; the ideas in one tier are tied.
    case ranking([[Idea.ID]])
    /// Dots per idea.
    case dots([Idea.ID: Int])
    /// Votes per idea (negative against); n votes cost n² credits.
    case quadratic([Idea.ID: Int])
    /// Reactions to single ideas. A later reaction to the same idea replaces the earlier one.
    case reactions([Idea.ID: Reaction])
    /// The projects chosen.
    case budget(Set<Idea.ID>)
    /// A position on each proposal.
    case consent([Idea.ID: ConsentPosition])

    public var kind: BallotKind {
        switch self {
        case .approval: .approval
        case .scores: .scores
        case .ranking: .ranking
        case .dots: .dots
        case .quadratic: .quadratic
        case .reactions: .reactions
        case .budget: .budget
        case .consent: .consent
        }
    }

    /// Every idea the ballot mentions, in ascending order.
    public var ideas: [Idea.ID] {
        switch self {
        case .approval(let set), .budget(let set): set.sorted()
        case .scores(let map), .dots(let map), .quadratic(let map): map.keys.sorted()
        case .ranking(let tiers): tiers.flatMap { $0 }.sorted()
        case .reactions(let map): map.keys.sorted()
        case .consent(let map): map.keys.sorted()
        }
    }
}

// Encoded with sorted entries so that the same ballot always gives the same bytes and JSON.
extension Ballot: Codable {
    private enum CodingKeys: String, CodingKey { case kind, ideas, values, tiers }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .approval(let set), .budget(let set):
            try container.encode(set.sorted(), forKey: .ideas)
        case .ranking(let tiers):
            try container.encode(tiers, forKey: .tiers)
        case .scores(let map), .dots(let map), .quadratic(let map):
            try Self.encode(map, into: &container)
        case .reactions(let map):
            try Self.encode(map, into: &container)
        case .consent(let map):
            try Self.encode(map, into: &container)
        }
    }

    private static func encode<V: Encodable>(_ map: [Idea.ID: V], into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        let keys = map.keys.sorted()
        try container.encode(keys, forKey: .ideas)
        try container.encode(keys.map { map[$0]! }, forKey: .values)
    }

    private static func decodeMap<V: Decodable>(_ container: KeyedDecodingContainer<CodingKeys>) throws -> [Idea.ID: V] {
        let keys = try container.decode([Idea.ID].self, forKey: .ideas)
        let values = try container.decode([V].self, forKey: .values)
        guard keys.count == values.count, Set(keys).count == keys.count else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: container, debugDescription: "ideas and values do not pair up")
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, values))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(BallotKind.self, forKey: .kind) {
        case .approval: self = .approval(Set(try container.decode([Idea.ID].self, forKey: .ideas)))
        case .budget: self = .budget(Set(try container.decode([Idea.ID].self, forKey: .ideas)))
        case .ranking: self = .ranking(try container.decode([[Idea.ID]].self, forKey: .tiers))
        case .scores: self = .scores(try Self.decodeMap(container))
        case .dots: self = .dots(try Self.decodeMap(container))
        case .quadratic: self = .quadratic(try Self.decodeMap(container))
        case .reactions: self = .reactions(try Self.decodeMap(container))
        case .consent: self = .consent(try Self.decodeMap(container))
        }
    }
}
