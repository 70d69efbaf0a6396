extension CSV {
    /// One cell of a record: a range of the file's bytes, or, for a quoted cell (quotes taken off,
    /// doubled quotes undone, line breaks made LF), a range of ``Record/unquoted``.
    public struct Field: Sendable {
        public let range: Range<Int>
        public let quoted: Bool

        @usableFromInline init(range: Range<Int>, quoted: Bool) { (self.range, self.quoted) = (range, quoted) }
    }

    /// A record as read: valid only during the call it is handed to.
    public struct Record {
        /// The line the record starts on, from 1.
        public let line: Int
        public let fields: UnsafeBufferPointer<Field>
        public let bytes: UnsafeBufferPointer<UInt8>
        public let unquoted: UnsafeBufferPointer<UInt8>

        @usableFromInline
        init(line: Int, fields: UnsafeBufferPointer<Field>, bytes: UnsafeBufferPointer<UInt8>, unquoted: UnsafeBufferPointer<UInt8>) {
            (self.line, self.fields, self.bytes, self.unquoted) = (line, fields, bytes, unquoted)
        }

        /// Field `i`'s bytes.
        @inlinable
        public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let field = fields[i]
            return UnsafeBufferPointer(rebasing: (field.quoted ? unquoted : bytes)[field.range])
        }

        /// Field `i` as text, or `nil` when it is not UTF-8.
        public func text(_ i: Int) -> String? { String(validating: bytes(i), as: UTF8.self) }

        /// Field `i` as a whole number (spaces and tabs around allowed), or `nil`. Inlinable, as
        /// ``CSV/int(_:_:)``: called for every number of a file of millions.
        @inlinable @inline(__always)
        public func int(_ i: Int) -> Int? {
            let field = fields[i]
            return CSV.int(field.quoted ? unquoted : bytes, field.range)
        }
    }

    /// Calls `body` with each record of `text` in turn, the first `limit` only when given, without
    /// keeping them: fields are handed over as byte ranges of the file, so a file of millions of
    /// rows is read with no allocation per record. A syntax error is made the caller's error by
    /// `syntaxError`.
    ///
    /// Inlinable, so that a caller's `body` is compiled into the loop as it would be in its own
    /// module: reading is most of the time taken by a Pol.is folder of millions of votes.
    @inlinable
    public static func forEachRecord<Failure: Swift.Error>(
        in text: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = comma, stoppingAfter limit: Int = .max,
        syntaxError: (Error) -> Failure, _ body: (Record) throws(Failure) -> Void
    ) throws(Failure) {
        // Literals, not static constants: another module's constant is fetched through an accessor.
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = text.count
        var i = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1, lineStart = i, records = 0
        var fields = FieldBuffer(), unquoted: [UInt8] = []
        defer { fields.deallocate() }
        @inline(__always) func located(_ message: String, line: Int, lineStart: Int, at offset: Int) -> Failure {
            syntaxError(Error(line: line, column: column(in: text, from: lineStart, to: offset), message: message))
        }
        while i < n && records < limit {
            records += 1
            let recordLine = line
            fields.count = 0
            unquoted.removeAll(keepingCapacity: true)
            while true {
                if i < n && text[i] == quote {
                    let start = unquoted.count
                    let (openLine, openLineStart, opening) = (line, lineStart, i)
                    i += 1
                    while true {
                        guard i < n else { throw located("a quoted cell is never closed", line: openLine, lineStart: openLineStart, at: opening) }
                        let c = text[i]
                        i += 1
                        if c == quote {
                            guard i < n && text[i] == quote else { break }
                            i += 1
                        } else if c == lf || c == cr {
                            // A line break inside the cell, whichever the file uses, is one LF.
                            if c == cr && i < n && text[i] == lf { i += 1 }
                            line += 1
                            lineStart = i
                            unquoted.append(lf)
                            continue
                        }
                        unquoted.append(c)
                    }
                    fields.append(Field(range: start..<unquoted.count, quoted: true))
                    guard i == n || text[i] == delimiter || text[i] == lf || text[i] == cr else {
                        throw located("text after a closing quote: double a quote inside a quoted cell", line: line, lineStart: lineStart, at: i)
                    }
                } else {
                    let start = i
                    while i < n {
                        let c = text[i]
                        if c == delimiter || c == lf || c == cr { break }
                        i += 1
                    }
                    fields.append(Field(range: start..<i, quoted: false))
                }
                guard i < n && text[i] == delimiter else { break }
                i += 1
            }
            if i < n {
                i += text[i] == cr && i + 1 < n && text[i + 1] == lf ? 2 : 1
                line += 1
                lineStart = i
            }
            // Handed over as pointers: no reference counting per record.
            let fieldsRead = UnsafeBufferPointer(start: fields.start, count: fields.count)
            try unquoted.withUnsafeBufferPointer { unquoted throws(Failure) in
                try body(Record(line: recordLine, fields: fieldsRead, bytes: text, unquoted: unquoted))
            }
        }
    }

    /// A row read as text, with the line it starts on.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let cells: [String]

        public init(line: Int, cells: [String]) { (self.line, self.cells) = (line, cells) }
    }

    /// Every row of `bytes` (UTF-8) as text. Bytes that are not UTF-8 are an error at the first
    /// of them.
    public static func rows<Bytes: Collection<UInt8>>(_ bytes: Bytes, delimiter: UInt8 = comma) throws(Error) -> [Row] {
        let contiguous = Array(bytes)
        return try contiguous.withUnsafeBufferPointer { text throws(Error) in
            if let bad = firstInvalidUTF8(text) {
                let (line, lineStart) = line(of: bad, in: text)
                throw Error(line: line, column: column(in: text, from: lineStart, to: bad), message: "not UTF-8 text")
            }
            var rows: [Row] = []
            try forEachRecord(in: text, delimiter: delimiter, syntaxError: { $0 }) { record throws(Error) in
                rows.append(Row(line: record.line, cells: record.fields.indices.map { String(decoding: record.bytes($0), as: UTF8.self) }))
            }
            return rows
        }
    }

    /// The offset of the first byte of `bytes` that breaks UTF-8, or `nil` when they are UTF-8.
    public static func firstInvalidUTF8<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int? where Bytes.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.endIndex, bytes[i + 1..<i + length].allSatisfy({ $0 >> 6 == 0b10 }) else { return i }
            i += length
        }
        return nil
    }

    /// The line (from 1) of the byte at `offset`, counting CR LF, LF and a lone CR as line ends,
    /// and the offset that line starts at.
    public static func line<Bytes: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: Bytes) -> (line: Int, start: Int) where Bytes.Index == Int {
        var line = 1, start = bytes.startIndex, i = bytes.startIndex
        while i < offset {
            let c = bytes[i]
            i += 1
            guard c == 0x0A || c == 0x0D else { continue }
            if c == 0x0D && i < offset && bytes[i] == 0x0A { i += 1 }
            line += 1
            start = i
        }
        return (line, start)
    }

    /// The column, from 1, of the byte at `offset` on the line starting at `lineStart`: the
    /// characters (UTF-8 sequences) before it, plus one.
    @inlinable
    public static func column<Bytes: RandomAccessCollection<UInt8>>(in text: Bytes, from lineStart: Int, to offset: Int) -> Int where Bytes.Index == Int {
        var count = 1
        for k in lineStart..<min(offset, text.endIndex) where text[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The fields of the record being read, in memory kept from record to record (an array
    /// would check its uniqueness on every append).
    @usableFromInline
    struct FieldBuffer {
        @usableFromInline private(set) var start = UnsafeMutablePointer<Field>.allocate(capacity: 16)
        @usableFromInline var capacity = 16
        @usableFromInline var count = 0

        @inlinable init() {}

        @inlinable
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

        @inlinable func deallocate() { start.deallocate() }
    }

    /// The whole number in `bytes[range]`, spaces and tabs around allowed, or `nil`.
    @inlinable @inline(__always)
    public static func int(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
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
