import CharretteSupport

/// A Pol.is export file that cannot be read, located by file, line and column.
public struct PolisFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// The line (from 1), or 0 when the problem is the file as a whole.
    public let line: Int
    /// The column (from 1), or 0 when the problem is the line or the file as a whole.
    public let column: Int
    public let message: String

    public var description: String {
        line == 0 ? "\(file): \(message)" : column == 0 ? "\(file):\(line): \(message)" : "\(file):\(line):\(column): \(message)"
    }

    public init(file: String, line: Int, column: Int = 0, message: String) {
        (self.file, self.line, self.column, self.message) = (file, line, column, message)
    }

    /// A CSV syntax error met in `file`.
    public init(file: String, _ error: CSV.Error) {
        self.init(file: file, line: error.line, column: error.column, message: error.message)
    }
}
