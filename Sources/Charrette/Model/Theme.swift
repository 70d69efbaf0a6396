import Foundation

/// A group of ideas the room recognises as one concern, such as "Safety at night".
///
/// A theme does not list its ideas: each ``Idea`` names its theme, so an idea is always in at most
/// one theme. ``WorkspaceState/ideas(in:)`` gives the members.
public struct Theme: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Theme>

    public let id: ID
    public let consultation: Consultation.ID
    public var label: String
    public var description: String
    public let createdBy: Participant.ID?
    public let createdAt: Date
    /// Who changed the label or description last, and when.
    public var changedBy: Participant.ID?
    public var changedAt: Date

    public init(
        id: ID, consultation: Consultation.ID, label: String, description: String = "",
        createdBy: Participant.ID?, createdAt: Date
    ) {
        self.id = id
        self.consultation = consultation
        self.label = label
        self.description = description
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.changedBy = createdBy
        self.changedAt = createdAt
    }
}
