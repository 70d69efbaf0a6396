/// A ballot file that cannot be read, with the place it went wrong.
public struct BallotFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line, or 0 when the problem is the file as a whole.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// What is wrong, in words.
    public var message: String

    /// An error at `line` and `column` (0 when unknown).
    public init(line: Int, column: Int = 0, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "12:5: message", or the message alone for the whole file.
    public var description: String {
        line == 0 ? message : column == 0 ? "\(line): \(message)" : "\(line):\(column): \(message)"
    }
}

/// The ballot file formats the voting module reads and writes.
public enum BallotFileFormat: String, Sendable, CaseIterable {
    /// PrefLib: `.soc`, `.soi`, `.toc`, `.toi` (orders) and `.cat` (categories).
    case preflib
    /// pabulib participatory budgeting files: `.pb`.
    case pabulib
    /// One JSON object per line: `.jsonl`.
    case jsonLines = "jsonl"

    /// The format a file name's extension names.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "soc", "soi", "toc", "toi", "cat": self = .preflib
        case "pb": self = .pabulib
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}
