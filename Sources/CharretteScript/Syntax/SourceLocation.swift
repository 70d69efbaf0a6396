/// A place in a script: 1-based line and column, counted in characters.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    public var description: String { "\(line):\(column)" }
}

/// A stretch of a script, for carets under the place an error points at.
public struct SourceRange: Hashable, Sendable {
    public let start: SourceLocation
    /// Characters covered on the start line (at least 1).
    public let length: Int

    public init(_ start: SourceLocation, length: Int = 1) {
        self.start = start
        self.length = max(1, length)
    }
}

/// A script's text with its name, as errors quote it.
public struct Source: Sendable {
    /// The file name, or a stand-in such as `<stdin>` or `<command line>`.
    public let name: String
    public let text: String
    public let lines: [Substring]

    /// Line breaks are normalised to `\n`: a script saved with Windows line endings reads the same.
    public init(name: String, text: String) {
        self.name = name
        let normalized = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        self.text = normalized
        self.lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of line `number` (1-based), without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1 && number <= lines.count else { return "" }
        return String(lines[number - 1])
    }
}
