/// CSV as Charrette reads and writes it everywhere (imports, Pol.is folders, exports): RFC 4180,
/// with one set of rules.
///
/// - Cells are separated by a comma, or by the `;` or tab a file uses (``delimiters``).
/// - A row ends at CR LF, LF or a lone CR (an old Mac file); a byte-order mark is skipped.
/// - A cell in double quotes may hold separators, doubled quotes (`""` for `"`) and line breaks,
///   each of which (CR LF, LF, lone CR) reads as one LF and moves the line count on.
/// - A quote inside a cell that did not start with one is an ordinary character, as spreadsheets
///   read it. Text after a closing quote, or a quoted cell never closed, is an error located by line
///   and column (``CSV/Error``): such a file is malformed, and guessing would change the data.
/// - Written cells are quoted when they hold a separator, a quote or a line break; cells that a
///   spreadsheet would run as a formula are neutralised when asked (``SpreadsheetFormula``).
///
/// ``forEachRecord(in:delimiter:stoppingAfter:syntaxError:_:)`` reads bytes in place, one record
/// at a time, for files of millions of rows; ``rows(_:delimiter:)`` gives every row as text.
public enum CSV {
    /// The separators a file may use, by the name `--delimiter` takes.
    public static let delimiters: [(name: String, byte: UInt8)] = [(",", comma), (";", 0x3B), ("tab", 0x09)]

    /// The comma, the separator by default.
    public static let comma: UInt8 = 0x2C

    /// A file that is not well-formed CSV, located by line and column (both from 1; the column
    /// counts characters from the start of the line).
    public struct Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String

        public init(line: Int, column: Int, message: String) {
            (self.line, self.column, self.message) = (line, column, message)
        }

        /// `line:column: message`, to follow a file's name.
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The separator of the first row (the header) of `bytes`: whichever of ``delimiters`` it
    /// holds most of outside quotes; a comma when it holds none.
    public static func detectedDelimiter<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if delimiters.contains(where: { $0.byte == byte }) { counts[byte, default: 0] += 1 }
        }
        let most = delimiters.map(\.byte).max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        return most.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? comma
    }
}
