import Charrette
import Foundation

/// A value of the command language. Commands take and return these; pipelines pass them along.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case decimal(Double)
    case string(String)
    /// Seconds.
    case duration(Int)
    case idea(Idea.ID)
    /// A participant's handle.
    case participant(String)
    case list([Value])
    case record(Record)
    /// Rows that share columns, as commands such as `ideas` return them.
    case table(Table)
    /// A block of statements, as `step` and `for` take them.
    case block(BlockValue)

    /// The name of the value's type, as error messages give it.
    public var typeName: String {
        switch self {
        case .null: "nothing"
        case .bool: "boolean"
        case .integer: "integer"
        case .decimal: "decimal"
        case .string: "string"
        case .duration: "duration"
        case .idea: "idea reference"
        case .participant: "participant reference"
        case .list: "list"
        case .record: "record"
        case .table: "table"
        case .block: "block"
        }
    }

    /// The type's name with "a" or "an", as in "found an integer".
    public var withArticle: String {
        ("aeiou".contains(typeName.first!) ? "an " : "a ") + typeName
    }

    /// Whether the value counts as true in `if` and `where`.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .integer(let i): i != 0
        case .decimal(let d): d != 0
        case .string(let s): !s.isEmpty
        case .list(let l): !l.isEmpty
        case .table(let t): !t.rows.isEmpty
        default: true
        }
    }

    /// The value as text, as `say` and string interpolation show it.
    public var text: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .decimal(let d): d.rounded() == d && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
        case .string(let s): s
        case .duration(let seconds): Self.durationText(seconds)
        case .idea(let id): "#\(id.rawValue)"
        case .participant(let handle): "@\(handle)"
        case .list(let items): items.map { if case .list = $0 { "[\($0.text)]" } else { $0.text } }.joined(separator: ", ")
        case .record(let record): record.fields.map { "\($0.name): \($0.value.text)" }.joined(separator: ", ")
        case .table(let table): "(\(table.rows.count) rows)"
        case .block: "{ ... }"
        }
    }

    static func durationText(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var parts: [String] = []
        var rest = seconds
        for (unit, size) in [("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.joined()
    }

    /// The value as rows, for the table commands: a table's rows, a list's items, or itself.
    var rows: [Value] {
        switch self {
        case .table(let table): table.rows.map(Value.record)
        case .list(let items): items
        case .null: []
        default: [self]
        }
    }
}

/// Named fields in order.
public struct Record: Sendable, Hashable {
    public var fields: [(name: String, value: Value)]

    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}

/// Rows with the same columns.
public struct Table: Sendable, Hashable {
    public var columns: [String]
    public var rows: [Record]

    public init(columns: [String], rows: [Record]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table from records, with the columns of all of them in order of appearance.
    public init(records: [Record]) {
        var columns: [String] = []
        for record in records {
            for field in record.fields where !columns.contains(field.name) { columns.append(field.name) }
        }
        self.init(columns: columns, rows: records)
    }
}

/// A block to run later, in the scope where it is run.
public struct BlockValue: Sendable, Hashable {
    let block: Block
    let id: Int

    public static func == (lhs: BlockValue, rhs: BlockValue) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
