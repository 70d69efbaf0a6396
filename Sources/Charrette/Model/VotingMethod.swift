/// The shape of a ballot: what a voter hands in.
public enum BallotKind: String, Codable, Sendable, CaseIterable {
    /// A set of approved ideas.
    case approval
    /// A score (or grade) per idea within the vote's range.
    case scores
    /// An order of preference; ideas in one tier are tied, ideas left out rank below all others.
    case ranking
    /// Dots spread over ideas within a budget, with an optional cap per idea.
    case dots
    /// Votes per idea paid for with voice credits: n votes cost n².
    case quadratic
    /// Agree, disagree or pass on single ideas.
    case reactions
    /// Projects chosen within a budget, each with its cost.
    case budget
    /// Agree, abstain, disagree or block on each proposal.
    case consent
}

/// How a vote turns ballots into an outcome, named as in the shell (`--method schulze`).
///
/// The method fixes the ballot kind and the settings a vote needs. Tallying is the voting
/// module's work; the domain only needs to know which ballots a vote accepts.
public struct VotingMethod: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// What a ballot for this method looks like.
    public let ballotKind: BallotKind

    public init?(rawValue: String) {
        guard let kind = Self.known[rawValue] else { return nil }
        self.rawValue = rawValue
        self.ballotKind = kind
    }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let method = Self(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown voting method '\(name)'"))
        }
        self = method
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Every method name with the ballot it takes.
    public static let known: [String: BallotKind] = [
        "plurality": .ranking, "irv": .ranking, "borda": .ranking, "condorcet": .ranking,
        "copeland": .ranking, "schulze": .ranking, "ranked-pairs": .ranking, "minimax": .ranking,
        "stv": .ranking,
        "approval": .approval, "pav": .approval, "phragmen": .approval, "equal-shares": .approval,
        "score": .scores, "star": .scores, "majority-judgment": .scores,
        "dots": .dots, "quadratic": .quadratic,
        "pb-greedy": .budget, "pb-greedy-cost": .budget, "pb-equal-shares": .budget,
        "consent": .consent, "reactions": .reactions,
    ]

    /// Every known method name, sorted.
    public static var allNames: [String] { known.keys.sorted() }

    /// Methods that fill several seats.
    public var isMultiWinner: Bool { ["stv", "pav", "phragmen", "equal-shares"].contains(rawValue) }
}
