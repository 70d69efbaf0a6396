/// A named body of participants, such as a youth shadow board or the executive board it shadows.
public struct Board: Identifiable, Codable, Sendable, Hashable {
    public typealias ID = Identifier<Board>

    public let id: ID
    /// The short name used in commands, such as `youth`.
    public var name: String
    /// The full name shown in reports, such as "Youth Transport Shadow Board".
    public var title: String
    /// The board this one shadows, for a shadow board.
    public var shadows: ID?

    public init(id: ID, name: String, title: String? = nil, shadows: ID? = nil) {
        self.id = id
        self.name = name
        self.title = title ?? name
        self.shadows = shadows
    }
}
