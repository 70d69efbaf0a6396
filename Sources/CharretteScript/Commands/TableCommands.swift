import CharretteSupport
import Foundation

/// Commands that shape the values flowing through a pipeline.
enum TableCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "where", summary: "keep the rows for which a condition holds",
            signature: Signature([.init("condition", "an expression over the row's columns")], takesCondition: true),
            example: #"ideas | where theme == "Cost""#
        ) { call in
            guard let condition = call.expressions.first else { throw call.error("'where' needs a condition, such as status == \"open\"") }
            var kept: [Record] = []
            for row in call.input.rows {
                guard case .record(let record) = row else { throw call.error("'where' works on tables; the input is \(row.withArticle)") }
                if try call.interpreter.evaluate(condition, row: record).isTruthy { kept.append(record) }
            }
            return .table(Table(columns: columns(of: call.input, fallback: kept), rows: kept))
        },
        CommandSpec(
            "sort-by", summary: "order rows by a column",
            signature: Signature([.init("column", "the column to sort by")], flags: [.init("desc", "", "largest first")]),
            example: "ideas | sort-by id --desc"
        ) { call in
            let column = try call.string(0, "a column name")
            let records = try records(call)
            if let first = records.first, first[column] == nil { throw noColumn(column, first, call) }
            let sorted = records.enumerated().sorted { a, b in
                let order = Operators.compare(a.element[column] ?? .null, b.element[column] ?? .null) ?? 0
                return order == 0 ? a.offset < b.offset : (call.has("desc") ? order > 0 : order < 0)
            }.map(\.element)
            return .table(Table(columns: columns(of: call.input, fallback: sorted), rows: sorted))
        },
        CommandSpec(
            "first", summary: "the first rows (1 if no count is given)",
            signature: Signature([.init("count", "how many", optional: true)]), example: "ideas | first 5"
        ) { call in
            try slice(call) { Array($0.prefix($1)) }
        },
        CommandSpec(
            "last", summary: "the last rows (1 if no count is given)",
            signature: Signature([.init("count", "how many", optional: true)]), example: "ideas | last 3"
        ) { call in
            try slice(call) { Array($0.suffix($1)) }
        },
        CommandSpec("count", summary: "the number of rows or items", example: "ideas | where status == open | count") { call in
            .integer(call.input.rows.count)
        },
        CommandSpec(
            "select", summary: "keep only the named columns",
            signature: Signature([.init("columns", "the columns to keep", variadic: true)]), example: "ideas | select id text"
        ) { call in
            let names = try call.positional.indices.map { try call.string($0, "a column name") }
            guard !names.isEmpty else { throw call.error("'select' needs at least one column") }
            let rows = try records(call).map { record in
                Record(
                    try names.enumerated().map { index, name in
                        guard let value = record[name] else { throw noColumn(name, record, call, at: index) }
                        return (name, value)
                    })
            }
            return .table(Table(columns: names, rows: rows))
        },
        CommandSpec(
            "get", summary: "the values of one column, or one field of a record",
            signature: Signature([.init("column", "the column or field")]), example: "ideas | get text"
        ) { call in
            let name = try call.string(0, "a column name")
            return try Interpreter.access(call.input, name, call.call.nameRange)
        },
        CommandSpec(
            "group-by", summary: "rows grouped by a column, with their count",
            signature: Signature([.init("column", "the column to group by")]), example: "ideas | group-by theme"
        ) { call in
            let column = try call.string(0, "a column name")
            var groups: [(key: Value, rows: [Record])] = []
            for record in try records(call) {
                guard let key = record[column] else { throw noColumn(column, record, call) }
                if let index = groups.firstIndex(where: { $0.key == key }) { groups[index].rows.append(record) } else { groups.append((key, [record])) }
            }
            let rows = groups.map { group in
                Record([
                    (column, group.key), ("count", .integer(group.rows.count)),
                    ("items", .table(Table(columns: columns(of: call.input, fallback: group.rows), rows: group.rows))),
                ])
            }
            return .table(Table(columns: [column, "count", "items"], rows: rows))
        },
        CommandSpec("to json", summary: "the value as JSON text", example: "ideas | to json") { call in .string(Rendering.json(call.input)) },
        CommandSpec("to csv", summary: "the value as CSV text (RFC 4180)", example: "ideas | to csv") { call in .string(Rendering.csv(call.input)) },
        CommandSpec("to md", summary: "the value as a Markdown table", example: "themes | to md") { call in .string(Rendering.markdown(call.input)) },
    ]

    static func records(_ call: Invocation) throws -> [Record] {
        try call.input.rows.map { row in
            guard case .record(let record) = row else { throw call.error("'\(call.call.name)' works on tables; the input is \(row.withArticle)") }
            return record
        }
    }

    static func columns(of input: Value, fallback rows: [Record]) -> [String] {
        if case .table(let table) = input { return table.columns }
        return Table(records: rows).columns
    }

    static func noColumn(_ name: String, _ record: Record, _ call: Invocation, at index: Int = 0) -> ScriptError {
        let names = record.fields.map(\.name)
        let hint = NearMiss.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? "; the columns are \(names.joined(separator: ", "))"
        return call.error("no column '\(name)'\(hint)", at: index)
    }

    static func slice(_ call: Invocation, _ take: ([Value], Int) -> [Value]) throws -> Value {
        var count = 1
        if !call.positional.isEmpty {
            guard case .integer(let n) = call.positional[0], n >= 0 else { throw call.error("expected a count of 0 or more", at: 0) }
            count = n
        }
        let rows = take(call.input.rows, count)
        if case .table(let table) = call.input {
            return .table(Table(columns: table.columns, rows: rows.compactMap { if case .record(let r) = $0 { r } else { nil } }))
        }
        return .list(rows)
    }
}
