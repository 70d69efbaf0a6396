import Foundation

/// The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, and line
/// breaks), each with the line it starts on, for located errors.
struct CSVRows {
    struct Row {
        let line: Int
        let fields: [String]
    }

    let rows: [Row]

    /// Parses UTF-8 text (a byte-order mark is skipped); `name` is used in errors.
    init(_ data: Data, name: String) throws(PolisFileError) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PolisFileError(file: name, line: 0, message: "is not UTF-8 text")
        }
        var rows: [Row] = [], fields: [String] = [], field = String.UnicodeScalarView()
        var line = 1, rowLine = 1, quoted = false, afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() { fields.append(String(field)); field = String.UnicodeScalarView(); afterQuote = false }
        while let c = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else { quoted = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",": endField()
            case "\r": break
            case "\n":
                endField()
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                line += 1
                rowLine = line
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            default:
                guard !afterQuote else {
                    throw PolisFileError(file: name, line: line, message: "text after a closing quote; double a quote inside a quoted field")
                }
                field.append(c)
            }
        }
        if quoted { throw PolisFileError(file: name, line: rowLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || afterQuote {
            endField()
            rows.append(Row(line: rowLine, fields: fields))
        }
        self.rows = rows
    }
}
