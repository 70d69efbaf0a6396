import Foundation

/// The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, and line
/// breaks), each with the line it starts on, for located errors. Fields stay byte ranges of the
/// file until asked for: whole numbers are read straight from the bytes, so a file of millions of
/// votes is read without making millions of strings.
struct CSVRows {
    struct Row {
        let line: Int
        /// Each field's bytes in ``CSVRows/bytes`` (quoted fields are unquoted into ``extra``).
        let fields: [Field]
    }

    enum Field {
        case range(Range<Int>)
        /// A quoted field with doubled quotes, unquoted: an index into ``CSVRows/extra``.
        case unquoted(Int)
    }

    let bytes: [UInt8]
    let extra: [[UInt8]]
    let rows: [Row]

    /// Parses UTF-8 text (a byte-order mark is skipped); `name` is used in errors.
    init(_ data: Data, name: String) throws(PolisFileError) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Rows end at LF, or CR LF; an old Mac file ends them at a lone CR.
        if let first = bytes.indices.first(where: { bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A) }) {
            for i in first..<bytes.count where bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A) { bytes[i] = 0x0A }
        }
        var rows: [Row] = [], fields: [Field] = [], extra: [[UInt8]] = []
        var line = 1, rowLine = 1, i = 0, start = 0
        let count = bytes.count
        while i <= count {
            if i < count && bytes[i] == 0x22 && i == start {
                // A quoted field: copy it out, undoubling quotes.
                var value: [UInt8] = []
                i += 1
                while true {
                    guard i < count else { throw PolisFileError(file: name, line: rowLine, message: "a quoted field is never closed") }
                    let c = bytes[i]
                    if c == 0x22 {
                        if i + 1 < count && bytes[i + 1] == 0x22 { value.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    if c == 0x0A { line += 1 }
                    value.append(c)
                    i += 1
                }
                guard i == count || bytes[i] == 0x2C || bytes[i] == 0x0A || bytes[i] == 0x0D else {
                    throw PolisFileError(file: name, line: line, message: "text after a closing quote; double a quote inside a quoted field")
                }
                extra.append(value)
                fields.append(.unquoted(extra.count - 1))
                if i < count && bytes[i] == 0x0D { i += 1 }
                if i < count && bytes[i] == 0x2C { i += 1; start = i; continue }
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                i += 1
                line += 1
                rowLine = line
                start = i
                continue
            }
            if i == count || bytes[i] == 0x2C || bytes[i] == 0x0A {
                var end = i
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                if i < count && bytes[i] == 0x2C {
                    fields.append(.range(start..<end))
                } else if !(i == count && start == count && fields.isEmpty) {
                    fields.append(.range(start..<end))
                    rows.append(Row(line: rowLine, fields: fields))
                    fields = []
                    line += 1
                    rowLine = line
                }
                i += 1
                start = i
                continue
            }
            i += 1
        }
        self.bytes = bytes
        self.extra = extra
        self.rows = rows
    }

    /// The bytes of a field.
    func slice(_ field: Field) -> ArraySlice<UInt8> {
        switch field {
        case .range(let r): bytes[r]
        case .unquoted(let i): extra[i][...]
        }
    }

    /// A field as text, or `nil` when it is not UTF-8.
    func text(_ field: Field) -> String? { String(validating: slice(field), as: UTF8.self) }

    /// A field as a whole number (spaces around allowed), or `nil`.
    func int(_ field: Field) -> Int? {
        var s = slice(field)
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        var negative = false, value = 0, digits = 0
        if s.first == 0x2D { negative = true; s = s.dropFirst() } else if s.first == 0x2B { s = s.dropFirst() }
        for b in s {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(b - 0x30))
            guard !o1 && !o2 else { return nil }
            value = plus
            digits += 1
        }
        return digits > 0 ? (negative ? -value : value) : nil
    }
}
