import Foundation

/// One participant's grouping of a consultation's ideas: an open card sort, where the sorter
/// names their own groups. ``WorkspaceState/cardSorts`` keeps each sorter's latest; `themes
/// consensus` combines them.
public struct CardSort: Codable, Sendable, Hashable {
    /// One pile of the sort: a name the sorter chose and the ideas they put in it.
    public struct Group: Codable, Sendable, Hashable {
        public let label: String
        public let ideas: [Idea.ID]

        public init(label: String, ideas: [Idea.ID]) {
            self.label = label
            self.ideas = ideas
        }
    }

    public let consultation: Consultation.ID
    public let sorter: Participant.ID
    public let groups: [Group]
    public let submittedAt: Date

    public init(consultation: Consultation.ID, sorter: Participant.ID, groups: [Group], submittedAt: Date) {
        self.consultation = consultation
        self.sorter = sorter
        self.groups = groups
        self.submittedAt = submittedAt
    }
}
