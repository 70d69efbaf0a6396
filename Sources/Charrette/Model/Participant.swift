/// What a participant does in a workspace.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Runs sessions: opens consultations and votes, moderates ideas, shapes themes.
    case facilitator
    /// Takes part: submits ideas and votes where eligible.
    case participant
    /// Watches: may be counted, never votes or submits.
    case observer
}

/// What a participant agreed to, recorded when they join and updated when they change their mind.
public struct Consent: OptionSet, Codable, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Their ideas, votes and attributes may be processed for this consultation.
    public static let participation = Consent(rawValue: 1 << 0)
    /// Their display name may appear in reports next to what they wrote.
    public static let namedInReports = Consent(rawValue: 1 << 1)
    /// Their attributes (age band, district, ...) may be counted in inclusion analytics.
    public static let analytics = Consent(rawValue: 1 << 2)
    /// They may be contacted afterwards about the outcome.
    public static let followUp = Consent(rawValue: 1 << 3)

    /// The consent every workspace needs before someone takes part.
    public static let standard: Consent = [.participation, .analytics]
}

/// A person (or an account) taking part in the workspace, as the journal records them.
///
/// Only pseudonymous facts live here: the handle, role, boards and consent. The display name and
/// the attributes used for inclusion analytics are personal data and live in a ``PersonalRecord``
/// outside the hashed journal, so they can be erased without breaking the chain.
public struct Participant: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Participant>

    public let id: ID
    /// The short name used in commands and reports, such as `amira` in `@amira`.
    public var handle: String
    public var role: Role
    /// The boards this participant sits on.
    public var boards: [Board.ID]
    public var consent: Consent

    public init(id: ID, handle: String, role: Role = .participant, boards: [Board.ID] = [], consent: Consent = .standard) {
        self.id = id
        self.handle = handle
        self.role = role
        self.boards = boards
        self.consent = consent
    }
}

/// A participant's personal data: held beside the journal, never inside a hashed entry.
public struct PersonalRecord: Codable, Sendable, Hashable {
    /// The name shown in reports when the participant consents to it.
    public var displayName: String?
    /// Free attributes for inclusion analytics, such as `age: 16-17` or `district: north`.
    public var attributes: [String: String]

    public init(displayName: String? = nil, attributes: [String: String] = [:]) {
        self.displayName = displayName
        self.attributes = attributes
    }
}
