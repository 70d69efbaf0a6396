import CharretteSupport
import Foundation

/// A CSV file of a Pol.is folder, read record by record with its columns found by header name
/// (extra columns are fine), values fetched by column with errors that name the file, the line
/// and the column.
struct CSVTable {
    /// A column, found once in the header.
    struct Column {
        let index: Int
        let name: String
    }

    /// A record with the file it came from, for located errors.
    struct Row {
        let file: String
        let record: CSV.Record

        var line: Int { record.line }

        /// The field in `column` as text; a row cut short reads as empty.
        func text(_ column: Column) throws(PolisFileError) -> String {
            guard column.index < record.fields.count else { return "" }
            guard let text = record.text(column.index) else {
                throw PolisFileError(file: file, line: line, message: "'\(column.name)' is not UTF-8 text")
            }
            return text
        }

        /// The field in `column` as a whole number. Inlined: called four times per vote line.
        @inline(__always)
        func int(_ column: Column) throws(PolisFileError) -> Int {
            if column.index < record.fields.count, let value = record.int(column.index) { return value }
            let raw = (try? text(column))?.trimmingCharacters(in: .whitespaces) ?? ""
            throw PolisFileError(
                file: file, line: line, message: raw.isEmpty ? "'\(column.name)' is empty" : "'\(column.name)' is '\(raw)', not a whole number")
        }
    }

    let file: String
    private let bytes: Data
    private let header: [String: Int]

    /// Reads `name` in `folder`; its header must name every column of `required`.
    init(_ folder: URL, _ name: String, required: [String]) throws(PolisFileError) {
        file = name
        // Mapped, not copied: a file of millions of votes is read in place.
        do { bytes = try Data(contentsOf: folder.appendingPathComponent(name), options: .alwaysMapped) } catch {
            throw PolisFileError(file: name, line: 0, message: "cannot be read: \((error as NSError).localizedDescription)")
        }
        var titles: [String: Int] = [:]
        try Self.scan(bytes, name: name, stoppingAfter: 1) { record throws(PolisFileError) in
            for i in record.fields.indices {
                guard let title = record.text(i) else { throw PolisFileError(file: name, line: 1, message: "is not UTF-8 text") }
                titles[title.trimmingCharacters(in: .whitespaces).lowercased()] = i
            }
        }
        guard !titles.isEmpty else { throw PolisFileError(file: name, line: 0, message: "is empty") }
        for column in required where titles[column] == nil {
            throw PolisFileError(file: name, line: 1, message: "has no '\(column)' column")
        }
        header = titles
    }

    /// The column named `name` (lowercase), or `nil` when the header has none.
    func column(_ name: String) -> Column? { header[name].map { Column(index: $0, name: name) } }

    /// A column the header was checked for at ``init(_:_:required:)``.
    func required(_ name: String) -> Column { Column(index: header[name]!, name: name) }

    /// Calls `body` with each row after the header.
    func forEachRow(_ body: (Row) throws(PolisFileError) -> Void) throws(PolisFileError) {
        let file = self.file
        var first = true
        try Self.scan(bytes, name: file) { record throws(PolisFileError) in
            if first { first = false; return }
            try body(Row(file: file, record: record))
        }
    }

    /// What `read` makes of every row after the header, in file order. A large file that holds
    /// no quote, so that every record is one line, is cut at line breaks into one run per core,
    /// read at the same time straight into the array; errors name the line a single pass would,
    /// and the first one in the file is the one thrown.
    func mapRows<Item: BitwiseCopyable>(_ read: (Row) throws(PolisFileError) -> Item) throws(PolisFileError) -> [Item] {
        let file = self.file
        // Data's closure only rethrows untyped errors: the typed one is carried out as a result.
        return try bytes.withUnsafeBytes { raw -> Result<[Item], PolisFileError> in
            Result { () throws(PolisFileError) in try mapRows(raw.bindMemory(to: UInt8.self), file: file, read) }
        }.get()
    }

    private func mapRows<Item: BitwiseCopyable>(
        _ text: UnsafeBufferPointer<UInt8>, file: String,
        _ read: (Row) throws(PolisFileError) -> Item
    ) throws(PolisFileError) -> [Item] {
        let runs = Self.runs(text)
        guard runs.count > 1 else {
            var items: [Item] = []
            // A guess from the size (a vote line takes 16 bytes or more); it grows if need be.
            items.reserveCapacity(text.count / 16)
            try forEachRow { row throws(PolisFileError) in items.append(try read(row)) }
            return items
        }
        // Without quotes, a run's records are its lines: each run knows where its items go.
        let lines = runs.map { Self.lineCount(UnsafeBufferPointer(rebasing: text[$0])) }
        var starts = [0], linesFrom = [0]
        for (k, count) in lines.enumerated() {
            starts.append(starts[k] + count - (k == 0 ? 1 : 0))
            linesFrom.append(linesFrom[k] + count)
        }
        let (offsets, linesBefore) = (starts, linesFrom)
        var errors = [PolisFileError?](repeating: nil, count: runs.count)
        let items = [Item](unsafeUninitializedCapacity: offsets.last!) { buffer, initialized in
            nonisolated(unsafe) let (whole, out, read) = (text, buffer, read)
            nonisolated(unsafe) var failures = errors
            failures.withUnsafeMutableBufferPointer { failed in
                nonisolated(unsafe) let failed = failed
                DispatchQueue.concurrentPerform(iterations: runs.count) { part in
                    var next = offsets[part], first = part == 0
                    let end = offsets[part + 1]
                    // The count of lines is the count of records; were it not, no slot is
                    // written twice or left empty: the run fails instead.
                    let miscounted = PolisFileError(file: file, line: 0, message: "could not be read in parts")
                    do throws(PolisFileError) {
                        try CSV.forEachRecord(in: UnsafeBufferPointer(rebasing: whole[runs[part]]), syntaxError: { .init(file: file, $0) }) {
                            record throws(PolisFileError) in
                            if first { first = false; return }  // the header
                            guard next < end else { throw miscounted }
                            out[next] = try read(Row(file: file, record: record))
                            next += 1
                        }
                        if next != end { throw miscounted }
                    } catch {
                        failed[part] = PolisFileError(
                            file: error.file, line: error.line == 0 ? 0 : error.line + linesBefore[part],
                            column: error.column, message: error.message)
                    }
                }
            }
            errors = failures
            initialized = errors.allSatisfy { $0 == nil } ? offsets.last! : 0
        }
        if let error = errors.first(where: { $0 != nil }) { throw error! }
        return items
    }

    /// How many records the CSV reader finds in `text` when it holds no quote: one per line break
    /// (LF, CR LF or a lone CR), and one for a last line without one.
    private static func lineCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, i = 0
        while i < text.count {
            let c = text[i]
            if c == 0x0A || c == 0x0D {
                count += 1
                if c == 0x0D && i + 1 < text.count && text[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        if let last = text.last, last != 0x0A && last != 0x0D { count += 1 }
        return count
    }

    /// The byte ranges of the runs: the whole file, or, when it is large and holds no quote, one
    /// run per core, each ending just after a line break (a CR LF kept together).
    private static func runs(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, text.count >= 4 << 20, memchr(text.baseAddress!, 0x22, text.count) == nil else { return [0..<text.count] }
        var runs: [Range<Int>] = [], start = 0
        for k in 1..<cores {
            var cut = max(start, text.count / cores * k)
            while cut < text.count && text[cut] != 0x0A && text[cut] != 0x0D { cut += 1 }
            if cut < text.count && text[cut] == 0x0D && cut + 1 < text.count && text[cut + 1] == 0x0A { cut += 1 }
            cut = min(cut + 1, text.count)
            if cut > start { runs.append(start..<cut) }
            start = cut
        }
        if start < text.count { runs.append(start..<text.count) }
        return runs
    }

    /// The CSV reader over the bytes of `data`, its syntax errors located in the file `name`.
    private static func scan(
        _ data: Data, name: String, stoppingAfter limit: Int = .max,
        _ body: (CSV.Record) throws(PolisFileError) -> Void
    ) throws(PolisFileError) {
        // Data's closure only rethrows untyped errors: the typed one is carried out as a result.
        let outcome = data.withUnsafeBytes { raw -> Result<Void, PolisFileError> in
            let text = raw.bindMemory(to: UInt8.self)
            do throws(PolisFileError) {
                try CSV.forEachRecord(in: text, stoppingAfter: limit, syntaxError: { .init(file: name, $0) }, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    /// How many bytes the file holds: a cheap upper bound for reserving room.
    var byteCount: Int { bytes.count }
}
