import CharretteSupport
import Foundation

/// A CSV file from a form tool, read for an import: decoded (a BOM or `--encoding` says how;
/// UTF-8 otherwise), split into RFC 4180 rows that remember their line, and columns found by
/// header name.
struct CSVImportFile {
    /// How `--encoding` names the encodings form tools export in.
    static let encodings: [(names: [String], encoding: String.Encoding)] = [
        (["utf-8", "utf8"], .utf8), (["utf-16", "utf16"], .utf16), (["utf-16le"], .utf16LittleEndian),
        (["utf-16be"], .utf16BigEndian), (["windows-1252", "cp1252"], .windowsCP1252), (["latin1", "iso-8859-1"], .isoLatin1),
        (["mac-roman", "macintosh"], .macOSRoman),
    ]

    let path: String
    /// What separates the cells: `--delimiter`, or else what the header shows.
    let delimiter: UInt8
    let header: [String]
    /// The data rows with the line each starts on; blank rows left out.
    let rows: [(line: Int, cells: [String])]

    /// The flags that say how to read a CSV file: `--encoding` and `--delimiter`, described for
    /// `file` ("the file", "the population file"), which every command reading one declares.
    static func readingFlags(of file: String) -> [Signature.Flag] {
        [
            .init("encoding", "NAME", "\(file)'s encoding when it has no byte-order mark: utf-8 (default), utf-16, windows-1252, latin1, mac-roman"),
            .init("delimiter", "SEP", "what separates \(file)'s cells: \",\", \";\" or tab (default: what its header shows)"),
        ]
    }

    /// Reads the file named by positional `argument`, in the encoding of `--encoding` if given.
    init(_ call: Invocation, argument: Int = 0) throws {
        try self.init(call, path: try call.string(argument, "a CSV file")) { call.error($0, at: argument) }
    }

    /// Reads the file at `path`; `fail` makes an error pointing at where the path was given.
    init(_ call: Invocation, path: String, fail: (String) -> ScriptError) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: call.scriptRelativePath(path)) else { throw fail("cannot read '\(path)'") }
        let bytes = Array(try Self.decode(data, named: try call.flagString("encoding"), path: path, call, fail).utf8)
        let separator: UInt8
        if let name = try call.flagString("delimiter") {
            guard let given = CSV.delimiters.first(where: { $0.name == name.lowercased() || [$0.byte] == Array(name.utf8) }) else {
                throw call.flagError("delimiter", "--delimiter takes \",\", \";\" or tab, not '\(name)'")
            }
            separator = given.byte
        } else {
            separator = CSV.detectedDelimiter(bytes)
        }
        delimiter = separator
        let parsed: [CSV.Row]
        do { parsed = try CSV.rows(bytes, delimiter: separator) } catch {
            throw fail("\(path):\(error.line):\(error.column): \(error.message); nothing was imported")
        }
        guard let header = parsed.first?.cells else { throw fail("'\(path)' is empty") }
        // One column whose name holds another separator: the file is separated by that one.
        if header.count == 1, let other = CSV.delimiters.first(where: { $0.byte != separator && header[0].utf8.contains($0.byte) }) {
            let named = other.name == "tab" ? "tab" : "\"\(other.name)\""
            throw fail("'\(path)' reads as one column, '\(header[0])', which holds \(named) separators: say --delimiter \(named)")
        }
        self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = parsed.dropFirst().filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
            .map { ($0.line, $0.cells.map(Self.unneutralised)) }
    }

    /// The text of `data`: a byte-order mark decides, then the encoding named, then UTF-8 (an
    /// error names the line of the first byte that is not UTF-8 and how to say the encoding).
    static func decode(_ data: Data, named name: String?, path: String, _ call: Invocation, _ fail: (String) -> ScriptError) throws -> String {
        let bytes = [UInt8](data)
        let named = try name.flatMap { name -> String.Encoding? in
            guard name.lowercased() != "auto" else { return nil }
            guard let encoding = encodings.first(where: { $0.names.contains(name.lowercased()) })?.encoding else {
                throw call.flagError("encoding", "unknown encoding '\(name)': use \(encodings.map { $0.names[0] }.joined(separator: ", "))")
            }
            return encoding
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let text = String(bytes: body, encoding: .utf8) else { throw notUTF8(body, path, fail) }
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw fail("'\(path)' starts as UTF-16 but is not") }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if let named, let name {
            guard let text = String(data: data, encoding: named) else { throw call.flagError("encoding", "'\(path)' is not \(name) text") }
            return text
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw notUTF8(bytes, path, fail) }
        return text
    }

    /// The error for bytes that are not UTF-8: the line and column of the first odd byte, and
    /// what to do.
    static func notUTF8(_ bytes: [UInt8], _ path: String, _ fail: (String) -> ScriptError) -> ScriptError {
        let bad = CSV.firstInvalidUTF8(bytes) ?? bytes.count
        let (line, start) = CSV.line(of: bad, in: bytes)
        return fail(
            "\(path):\(line):\(CSV.column(in: bytes, from: start, to: bad)): not UTF-8 text; say its encoding, such as --encoding windows-1252 (Excel on Windows) or --encoding latin1; nothing was imported"
        )
    }

    /// A cell as written before a CSV export put `'` in front of it (see ``SpreadsheetFormula``).
    static func unneutralised(_ cell: String) -> String { SpreadsheetFormula.restored(cell) }

    /// The index of the column headed `name` (case and surrounding spaces ignored), or an error
    /// on `--flag` suggesting the closest header.
    func column(_ name: String, flag: String, _ call: Invocation) throws -> Int {
        if let index = optionalColumn(name) { return index }
        let hint = NearMiss.closest(to: name, among: header).map { "; did you mean '\($0)'?" } ?? "; the columns are \(header.joined(separator: ", "))"
        throw call.flagError(flag, "'\(path)' has no column '\(name)'\(hint)")
    }

    func optionalColumn(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name.trimmingCharacters(in: .whitespaces)) == .orderedSame }
    }
}
