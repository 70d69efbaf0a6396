import Foundation

/// RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks; rows may end
/// in CRLF, LF or a lone CR. Cells are separated by commas, or by semicolons or tabs (Excel in
/// most of Europe writes `;`).
enum CSV {
    /// The separators a file may use, as `--delimiter` names them.
    static let delimiters: [(name: String, scalar: Unicode.Scalar)] = [(",", ","), (";", ";"), ("tab", "\t")]

    /// The separator of `text`'s first row (its header): whichever of `,` `;` and tab it holds
    /// most of outside quotes; `,` when it holds none.
    static func detectedDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if c == "\n" || c == "\r" { break }
            if delimiters.contains(where: { $0.scalar == c }) { counts[c, default: 0] += 1 }
        }
        return delimiters.map(\.scalar).max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? ","
    }

    struct Error: Swift.Error {
        let line: Int
        let message: String
    }

    /// The rows, each with the line it starts on (a quoted cell may span lines).
    static func parse(_ text: String, delimiter: Unicode.Scalar = ",") throws -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        var rowLine = 1
        var row: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var quoteStart = 0
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard cell.isEmpty else { throw Error(line: line, message: "a quote in the middle of an unquoted cell") }
                quoted = true
                quoteStart = line
            case delimiter: row.append(cell); cell = ""
            case "\r", "\n":
                // CRLF, LF, or a lone CR (old Mac files) each end a row.
                if c == "\r", let following = next(), following != "\n" { pending = following }
                row.append(cell); rows.append((rowLine, row)); row = []; cell = ""
                line += 1
                rowLine = line
            default: cell.unicodeScalars.append(c)
            }
        }
        if quoted { throw Error(line: quoteStart, message: "a quoted cell is never closed") }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append((rowLine, row)) }
        return rows
    }
}
