import Charrette
import Foundation

/// Why one imported row was refused, beyond the workspace's own rules.
struct ImportRowError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Invocation {
    /// Runs an import as one change, a row at a time. A refused row names its line and stops
    /// everything, or with `--skip-bad-rows` is listed and left out; `--dry-run` shows what
    /// would be added and every row that would be refused, and writes nothing.
    func importRows(_ file: CSVImportFile, noun: String, _ row: (inout Transaction, [String]) throws -> Record) throws -> Value {
        let skipping = has("skip-bad-rows"), dryRun = has("dry-run")
        var skipped: [String] = []
        func refusal(_ error: Error) -> String? {
            switch error {
            case let error as CharretteError: error.description
            case let error as ImportRowError: "the row \(error.message)"
            default: nil
            }
        }
        let added: [Record]
        do {
            added = try interpreter.perform { tx in
                var records: [Record] = []
                for (line, cells) in file.rows {
                    do {
                        records.append(try row(&tx, cells))
                    } catch {
                        guard let message = refusal(error) else { throw error }
                        guard skipping || dryRun else { throw RowRefused(line: line, message: message) }
                        skipped.append("\(file.path):\(line): \(message)")
                    }
                }
                if dryRun { throw ImportCommands.DryRun(records: records) }
                return records
            }
        } catch let dryRun as ImportCommands.DryRun {
            for line in skipped { try interpreter.show("\(skipping ? "would skip" : "refused") \(line)") }
            let outcome =
                skipped.isEmpty || skipping
                ? "\(dryRun.records.count) \(noun) would be added\(skipped.isEmpty ? "" : ", \(rows(skipped.count)) skipped")"
                : "\(rows(skipped.count)) refused, so nothing would be imported (--skip-bad-rows would add the other \(dryRun.records.count))"
            try interpreter.show("dry run: \(outcome); nothing was written")
            return Rows.table(dryRun.records)
        } catch let refused as RowRefused {
            throw self.error(
                "\(file.path):\(refused.line): \(refused.message); nothing was imported\(skipping ? "" : " (--skip-bad-rows adds the other rows)")")
        }
        for line in skipped { try interpreter.show("skipped \(line)") }
        // One line, however many rows: the table of what was added is the command's value, for
        // `let` and pipelines.
        try interpreter.show(
            "added \(added.count) \(added.count == 1 ? String(noun.dropLast()) : noun)\(skipped.isEmpty ? "" : "; skipped \(rows(skipped.count))")")
        return Rows.table(added)
    }

    private func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

    private struct RowRefused: Error { let line: Int; let message: String }
}

extension String {
    /// The text without `prefix` at its start, if it starts with it.
    func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
