import Charrette
import Foundation

/// Bringing ideas in from the CSV exports of form tools.
enum ImportCommands {
    static let all: [CommandSpec] = [
        CommandSpec("import ideas", summary: "add ideas from a CSV file, one per row, all or nothing",
                    signature: Signature([.init("file", "the CSV file (UTF-8, a header row, RFC 4180 quoting)")], flags: [
                        .init("text", "COLUMN", "the column holding the idea (default: text)"),
                        .init("by", "COLUMN", "the column holding the author's handle (default: by)"),
                        .init("dry-run", "", "show what would be added and add nothing"),
                    ]),
                    example: #"import ideas answers.csv --text "Your idea" --by "Handle""#) { call in
            let path = try call.string(0, "a CSV file")
            let full = call.scriptRelativePath(path)
            guard let data = FileManager.default.contents(atPath: full) else { throw call.error("cannot read '\(path)'", at: 0) }
            guard var text = String(data: data, encoding: .utf8) else { throw call.error("'\(path)' is not UTF-8 text", at: 0) }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let rows: [(line: Int, cells: [String])]
            do {
                rows = try CSV.parse(text)
            } catch let error as CSV.Error {
                throw call.error("\(path):\(error.line): \(error.message)", at: 0)
            }
            guard let header = rows.first?.cells else { throw call.error("'\(path)' is empty", at: 0) }
            let textColumn = try call.flagString("text") ?? "text", byColumn = try call.flagString("by") ?? "by"
            func index(_ name: String, _ flag: String) throws -> Int {
                guard let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(name) == .orderedSame }) else {
                    let hint = Suggestion.closest(to: name, among: header).map { "; did you mean '\($0)'?" } ?? "; the columns are \(header.joined(separator: ", "))"
                    throw call.flagError(flag, "'\(path)' has no column '\(name)'\(hint)")
                }
                return index
            }
            let textIndex = try index(textColumn, "text"), byIndex = try index(byColumn, "by")
            let consultation = try call.consultation()
            let items = rows.dropFirst().filter { !$0.cells.allSatisfy { $0.isEmpty } }
            // One change: a bad row names its line and nothing is added.
            let added: [Record] = try call.performNamingRows(path: path) { tx, line in
                var records: [Record] = []
                for (rowLine, row) in items {
                    line = rowLine
                    guard row.count > max(textIndex, byIndex) else { throw ImportRowError(message: "has \(row.count) cells, fewer than the header") }
                    let author = try tx.participant(handle: row[byIndex])
                    let idea = try tx.submitIdea(row[textIndex], by: author.id, to: consultation)
                    records.append(Rows.idea(idea, tx.state))
                }
                if call.has("dry-run") { throw DryRun(records: records) }
                return records
            }
            return Rows.table(added)
        },
    ]

    struct DryRun: Error { let records: [Record] }
    struct ImportRowError: Error { let message: String }
}

extension Invocation {
    /// Runs an import as one change, turning a refused row into an error that names its line, and
    /// a dry run into the rows it would have added (with nothing written).
    func performNamingRows<T: Sendable>(path: String, _ body: (inout Transaction, inout Int) throws -> T) throws -> T {
        var line = 0
        do {
            return try interpreter.perform { tx in try body(&tx, &line) }
        } catch let dryRun as ImportCommands.DryRun {
            try interpreter.show("dry run: \(dryRun.records.count) ideas would be added; nothing was written")
            return dryRun.records as! T
        } catch let error as CharretteError {
            throw self.error("\(path):\(line): \(error.description); nothing was imported")
        } catch let error as ImportCommands.ImportRowError {
            throw self.error("\(path):\(line): the row \(error.message); nothing was imported")
        }
    }
}

/// RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks.
enum CSV {
    struct Error: Swift.Error {
        let line: Int
        let message: String
    }

    /// The rows, each with the line it starts on (a quoted cell may span lines).
    static func parse(_ text: String) throws -> [(line: Int, cells: [String])] {
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
            case ",": row.append(cell); cell = ""
            case "\r": break
            case "\n":
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
