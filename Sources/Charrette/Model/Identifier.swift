/// A stable number that names one entity of a workspace, such as idea `#12`.
///
/// Numbers are handed out in order by the workspace and never reused, so a reference in a report
/// or a script keeps pointing at the same thing. `Entity` only keeps identifiers of different kinds
/// apart: an idea's number cannot be passed where a theme's is expected.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Codable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The identifier that follows this one.
    public var next: Self { Self(rawValue + 1) }
}

extension Identifier: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
