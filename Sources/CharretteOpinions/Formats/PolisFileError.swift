/// A Pol.is export file that cannot be read, located by file and line.
public struct PolisFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// The line (from 1), or 0 when the problem is the file as a whole.
    public let line: Int
    public let message: String

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}
