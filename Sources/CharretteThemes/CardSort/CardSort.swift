/// One participant's open card sort: the groups they made of the ideas, each with the name they gave it.
public struct CardSort: Sendable, Hashable {
    /// Who sorted (a handle), for messages.
    public var sorter: String
    /// Groups of items, by index; an item left out of every group was not sorted by this person.
    public var groups: [[Int]]
    /// The name the sorter gave each group, if any.
    public var labels: [String?]

    public init(sorter: String, groups: [[Int]], labels: [String?]? = nil) {
        self.sorter = sorter
        self.groups = groups
        self.labels = labels ?? Array(repeating: nil, count: groups.count)
    }
}

/// A card sort that cannot be combined, naming the sorter.
public struct CardSortError: Error, Sendable, Equatable, CustomStringConvertible {
    public let sorter: String
    public let message: String
    public var description: String { "\(sorter)'s sort: \(message)" }

    public init(sorter: String, message: String) {
        self.sorter = sorter
        self.message = message
    }
}
