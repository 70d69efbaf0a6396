import CharretteSupport
import Foundation

/// Shows values as text tables, JSON, CSV and Markdown.
public enum Rendering {
    /// Text for the terminal: tables fitted to `width`, aligned by display width.
    public static func text(_ value: Value, width: Int) -> String {
        switch value {
        case .table(let table): return textTable(table, width: width)
        case .list(let items) where items.allSatisfy({ if case .record = $0 { true } else { false } }) && !items.isEmpty:
            return textTable(Table(records: items.compactMap { if case .record(let r) = $0 { r } else { nil } }), width: width)
        case .list(let items): return items.map(\.text).joined(separator: "\n")
        case .record(let record):
            // Short fields line up as "name  value"; nested tables and records follow as indented blocks.
            let inline = record.fields.filter { !isBlock($0.value) && $0.value != .null }
            let keyWidth = inline.map { displayWidth($0.name) }.max() ?? 0
            var parts = inline.map { pad($0.name, keyWidth) + "  " + $0.value.text }
            for field in record.fields where isBlock(field.value) {
                let body = text(field.value, width: max(20, width - 2)).split(separator: "\n", omittingEmptySubsequences: false)
                parts.append((parts.isEmpty ? "" : "\n") + field.name + "\n" + body.map { "  " + $0 }.joined(separator: "\n"))
            }
            return parts.joined(separator: "\n")
        default: return value.text
        }
    }

    /// Values shown as a block of lines under their name rather than beside it.
    static func isBlock(_ value: Value) -> Bool {
        switch value {
        case .table, .record: true
        case .list(let items):
            // Records make a table; several sentences read better one per line.
            items.contains { if case .record = $0 { true } else { false } }
                || (items.count > 1 && items.allSatisfy { if case .string(let s) = $0 { s.contains(" ") } else { false } })
        default: false
        }
    }

    static func textTable(_ table: Table, width: Int) -> String {
        guard !table.rows.isEmpty else { return "(no rows)" }
        let columns = table.columns
        let cells = table.rows.map { row in columns.map { (row[$0] ?? .null).text.replacingOccurrences(of: "\n", with: " ") } }
        var widths = columns.indices.map { index in max(displayWidth(columns[index]), cells.map { displayWidth($0[index]) }.max() ?? 0) }
        // Shrink the widest columns until the table fits, keeping every column at least 6 wide.
        let separators = 3 * (columns.count - 1)
        while widths.reduce(0, +) + separators > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        func line(_ values: [String]) -> String {
            values.indices.map { pad(truncate(values[$0], widths[$0]), widths[$0]) }.joined(separator: " │ ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        return ([line(columns), rule] + cells.map(line)).joined(separator: "\n")
    }

    /// Columns a string takes in a terminal: wide East Asian characters and emoji take two,
    /// combining marks none.
    public static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            if scalar.properties.generalCategory == .nonspacingMark || scalar.value < 32 { return total }
            if scalar.properties.isEmojiPresentation || isWide(scalar.value) { return total + 2 }
            return total + 1
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    // MARK: Machine formats

    public static func json(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.isFinite ? String(d) : "null"
        case .duration(let s): return String(s)
        case .string, .idea, .participant, .block: return quote(value.text)
        case .list(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
        case .record(let record): return "{" + record.fields.map { quote($0.name) + ": " + json($0.value) }.joined(separator: ", ") + "}"
        case .table(let table): return "[" + table.rows.map { json(.record($0)) }.joined(separator: ",\n ") + "]"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// RFC 4180 CSV, with text cells that a spreadsheet would run as a formula neutralised by a
    /// leading `'` (which `import ideas` and `import participants` take off again).
    public static func csv(_ value: Value) -> String {
        let table = asTable(value)
        func cell(_ text: String, number: Bool = false) -> String { CSV.field(text, neutralisingFormulas: !number) }
        let lines =
            [CSV.row(table.columns.map { cell($0) })]
            + table.rows.map { row in
                CSV.row(
                    table.columns.map { column in
                        let value = row[column] ?? .null
                        switch value {
                        case .integer, .decimal: return cell(value.text, number: true)
                        default: return cell(csvText(value))
                        }
                    })
            }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell's text in CSV: handles without their `@`, which spreadsheets would read as a formula.
    static func csvText(_ value: Value) -> String {
        if case .participant(let handle) = value { return handle }
        return value.text
    }

    /// A Markdown table, with the characters Markdown would read escaped.
    public static func markdown(_ value: Value) -> String {
        let table = asTable(value)
        func cell(_ text: String) -> String {
            var out = ""
            for c in text {
                switch c {
                case "|", "\\", "*", "_", "`", "<", ">", "[", "]": out += "\\" + String(c)
                case "\n": out += "<br>"
                default: out.append(c)
                }
            }
            return out
        }
        var lines = [
            "| " + table.columns.map(cell).joined(separator: " | ") + " |",
            "|" + table.columns.map { _ in " --- |" }.joined(),
        ]
        lines += table.rows.map { row in "| " + table.columns.map { cell((row[$0] ?? .null).text) }.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }

    static func asTable(_ value: Value) -> Table {
        switch value {
        case .table(let table): return table
        case .record(let record): return Table(records: [record])
        default:
            let rows = value.rows
            if rows.allSatisfy({ if case .record = $0 { true } else { false } }) {
                return Table(records: rows.compactMap { if case .record(let r) = $0 { r } else { nil } })
            }
            return Table(columns: ["value"], rows: rows.map { Record([("value", $0)]) })
        }
    }
}
