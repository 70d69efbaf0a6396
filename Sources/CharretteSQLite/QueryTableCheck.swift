import Charrette
import GRDB
import GRDBSQLite

/// Compares the query tables with the rows the fold of the journal gives, so that a table edited
/// with an SQLite tool is caught by verification as surely as an edited journal entry.
enum QueryTableCheck {
    /// The first difference between the query tables of `db` and `state`, in table order, then
    /// key order; `nil` when every table holds exactly the rows of `state`.
    static func firstDifference(in db: Database, from state: WorkspaceState) throws -> String? {
        var expected: [String: [[SQLiteValue]]] = [:]
        for change in state.projection {
            for case .replace(let table, let values) in try ProjectionRows.rows(for: change) {
                expected[table.name, default: []].append(values.map(\.sqliteValue))
            }
        }
        for table in QueryTable.all {
            let wanted = (expected[table.name] ?? []).sorted { precedes($0, $1, keyCount: table.keyCount) }
            if let difference = try firstDifference(in: db, table: table, wanted: wanted) {
                return "the \(table.name) table does not hold what the journal says: \(difference)"
            }
        }
        return nil
    }

    private static func firstDifference(in db: Database, table: QueryTable, wanted: [[SQLiteValue]]) throws -> String? {
        let prepared = try db.makeStatement(sql: table.selectSQL)
        // The raw statement lives as long as `prepared`.
        let statement = prepared.sqliteStatement
        defer { withExtendedLifetime(prepared) {} }
        var next = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let row = table.columns.indices.map { value(statement, Int32($0)) }
            guard next < wanted.count, !precedes(row, wanted[next], keyCount: table.keyCount) else {
                return "it has a row \(key(of: row, in: table)) that the journal does not"
            }
            let expected = wanted[next]
            if precedes(expected, row, keyCount: table.keyCount) {
                return "row \(key(of: expected, in: table)) is missing"
            }
            if let column = table.columns.indices.first(where: { row[$0] != expected[$0] }) {
                return "in row \(key(of: row, in: table)), \(table.columns[column]) is \(describe(row[column])) "
                    + "where the journal has \(describe(expected[column]))"
            }
            next += 1
        }
        return next < wanted.count ? "row \(key(of: wanted[next], in: table)) is missing" : nil
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// Whether `a`'s key sorts before `b`'s, as SQLite orders values: NULL, numbers, text, blobs.
    private static func precedes(_ a: [SQLiteValue], _ b: [SQLiteValue], keyCount: Int) -> Bool {
        for index in 0..<keyCount where a[index] != b[index] {
            return order(a[index], b[index])
        }
        return false
    }

    private static func order(_ a: SQLiteValue, _ b: SQLiteValue) -> Bool {
        func rank(_ value: SQLiteValue) -> Int {
            switch value {
            case .null: 0
            case .int, .real: 1
            case .text: 2
            case .blob: 3
            }
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.int(let x), .real(let y)): return Double(x) < y
        case (.real(let x), .int(let y)): return x < Double(y)
        case (.real(let x), .real(let y)): return x < y
        case (.text(let x), .text(let y)): return Array(x.utf8).lexicographicallyPrecedes(y.utf8)
        case (.blob(let x), .blob(let y)): return x.lexicographicallyPrecedes(y)
        default: return rank(a) < rank(b)
        }
    }

    private static func key(of row: [SQLiteValue], in table: QueryTable) -> String {
        zip(table.keyColumns, row).map { "\($0) \(describe($1))" }.joined(separator: ", ")
    }

    private static func describe(_ value: SQLiteValue) -> String {
        switch value {
        case .null: return "NULL"
        case .int(let x): return String(x)
        case .real(let x): return String(x)
        case .blob(let bytes): return "a blob of \(bytes.count) bytes"
        case .text(let text):
            let short = text.count > 60 ? String(text.prefix(59)) + "…" : text
            return "'\(short)'"
        }
    }
}
