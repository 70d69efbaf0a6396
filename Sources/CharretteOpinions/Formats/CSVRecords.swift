/// Reads CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) one record
/// at a time, without keeping the records: each is handed to the caller as byte ranges of the
/// file, so a file of millions of votes is read with no allocation per record and no strings.
/// Records end at LF, CR LF or a lone CR (an old Mac file); a byte-order mark is skipped.
enum CSVRecords {
    /// One field of a record: a range of the file's bytes, or, for a quoted field (unquoted,
    /// doubled quotes undone), a range of ``Record/unquoted``.
    struct Field {
        let range: Range<Int>
        let quoted: Bool
    }

    /// A record as read: valid only during the call it is handed to.
    struct Record {
        /// The line the record starts on, from 1.
        let line: Int
        let fields: UnsafeBufferPointer<Field>
        let bytes: UnsafeBufferPointer<UInt8>
        let unquoted: UnsafeBufferPointer<UInt8>

        /// Field `i` as text, or `nil` when it is not UTF-8.
        func text(_ i: Int) -> String? {
            let field = fields[i]
            return field.quoted ? String(validating: unquoted[field.range], as: UTF8.self)
                                : String(validating: bytes[field.range], as: UTF8.self)
        }

        /// Field `i` as a whole number (spaces and tabs around allowed), or `nil`.
        @inline(__always)
        func int(_ i: Int) -> Int? {
            let field = fields[i]
            return CSVRecords.int(field.quoted ? unquoted : bytes, field.range)
        }
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// Calls `body` with each record of `text` in turn, the first `limit` only when given; `name`
    /// is used in errors.
    static func forEach(in text: UnsafeBufferPointer<UInt8>, name: String, stoppingAfter limit: Int = .max,
                        _ body: (Record) throws(PolisFileError) -> Void) throws(PolisFileError) {
        let n = text.count
        var i = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1, records = 0
        var fields = FieldBuffer(), unquoted: [UInt8] = []
        defer { fields.deallocate() }
        while i < n && records < limit {
            records += 1
            let recordLine = line
            fields.count = 0
            unquoted.removeAll(keepingCapacity: true)
            while true {
                if i < n && text[i] == quote {
                    let start = unquoted.count
                    i += 1
                    while true {
                        guard i < n else { throw PolisFileError(file: name, line: recordLine, message: "a quoted field is never closed") }
                        let c = text[i]
                        i += 1
                        if c == quote {
                            guard i < n && text[i] == quote else { break }
                            i += 1
                        } else if c == lf {
                            line += 1
                        } else if c == cr {
                            // A line break inside the field: CR LF kept, a lone CR made LF.
                            line += 1
                            if i < n && text[i] == lf { unquoted.append(cr); i += 1 }
                            unquoted.append(lf)
                            continue
                        }
                        unquoted.append(c)
                    }
                    fields.append(Field(range: start..<unquoted.count, quoted: true))
                    guard i == n || text[i] == comma || text[i] == lf || text[i] == cr else {
                        throw PolisFileError(file: name, line: line, message: "text after a closing quote; double a quote inside a quoted field")
                    }
                } else {
                    let start = i
                    while i < n {
                        let c = text[i]
                        if c == comma || c == lf || c == cr { break }
                        i += 1
                    }
                    fields.append(Field(range: start..<i, quoted: false))
                }
                guard i < n && text[i] == comma else { break }
                i += 1
            }
            if i < n {
                i += text[i] == cr && i + 1 < n && text[i + 1] == lf ? 2 : 1
                line += 1
            }
            // Handed over as pointers: no reference counting per record.
            let fieldsRead = UnsafeBufferPointer(start: fields.start, count: fields.count)
            try unquoted.withUnsafeBufferPointer { unquoted throws(PolisFileError) in
                try body(Record(line: recordLine, fields: fieldsRead, bytes: text, unquoted: unquoted))
            }
        }
    }

    /// The fields of the record being read, in memory kept from record to record (an array
    /// would check its uniqueness on every append).
    private struct FieldBuffer {
        private(set) var start = UnsafeMutablePointer<Field>.allocate(capacity: 16)
        private var capacity = 16
        var count = 0

        mutating func append(_ field: Field) {
            if count == capacity {
                let larger = UnsafeMutablePointer<Field>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: start, count: count)
                start.deallocate()
                start = larger
                capacity *= 2
            }
            (start + count).initialize(to: field)
            count += 1
        }

        func deallocate() { start.deallocate() }
    }

    /// The whole number in `bytes[range]`, spaces and tabs around allowed, or `nil`.
    @inline(__always)
    static func int(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var low = range.lowerBound, high = range.upperBound
        while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
        while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
        var negative = false
        if low < high && (bytes[low] == 0x2D || bytes[low] == 0x2B) {
            negative = bytes[low] == 0x2D
            low += 1
        }
        guard low < high else { return nil }
        var value = 0
        if high - low <= 18 {
            // Eighteen digits cannot overflow: no check per digit.
            for k in low..<high {
                let digit = bytes[k] &- 0x30
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int(digit)
            }
            return negative ? -value : value
        }
        for k in low..<high {
            let digit = bytes[k] &- 0x30
            guard digit < 10 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(digit))
            guard !o1 && !o2 else { return nil }
            value = plus
        }
        return negative ? -value : value
    }
}
