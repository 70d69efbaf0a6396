import CharretteVoting

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

    /// Every method name with the ballot it takes: read from the voting module's declarations
    /// (`TallyMethods.all`), never listed twice.
    public static let known: [String: BallotKind] = Dictionary(uniqueKeysWithValues: TallyMethods.all.map { ($0.name, $0.ballotKind) })

    /// Every known method name, sorted.
    public static var allNames: [String] { known.keys.sorted() }

    /// How the voting module counts this method.
    public var tally: any TallyMethod { TallyMethods.named(rawValue)! }

    /// Whether the method fills several seats (or, for budgets, funds several projects).
    public var isMultiWinner: Bool { tally.isMultiWinner }

    /// Whether a vote must say how many to elect (`--seats`).
    public var takesSeats: Bool { tally.takesSeats }

    /// The settings a vote with this method takes and needs, as the voting module declares them.
    public var settings: TallySettings { tally.settings }
}
