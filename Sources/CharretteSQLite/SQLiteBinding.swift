import Charrette
import CharretteVoting
import Foundation
import GRDB
import GRDBSQLite

/// A value bound to a statement of the store's hot paths.
enum SQLiteValue: Equatable {
    case int(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}

/// What the store binds to its statements.
protocol SQLiteBindable {
    var sqliteValue: SQLiteValue { get }
}

extension Int: SQLiteBindable { var sqliteValue: SQLiteValue { .int(Int64(self)) } }
extension Int64: SQLiteBindable { var sqliteValue: SQLiteValue { .int(self) } }
extension Bool: SQLiteBindable { var sqliteValue: SQLiteValue { .int(self ? 1 : 0) } }
extension String: SQLiteBindable { var sqliteValue: SQLiteValue { .text(self) } }
extension Identifier: SQLiteBindable { var sqliteValue: SQLiteValue { .int(Int64(rawValue)) } }
extension JournalHash: SQLiteBindable { var sqliteValue: SQLiteValue { .blob(bytes) } }
extension Array: SQLiteBindable where Element == UInt8 { var sqliteValue: SQLiteValue { .blob(self) } }
extension Optional: SQLiteBindable where Wrapped: SQLiteBindable { var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null } }
extension SQLiteBindable where Self: RawRepresentable, RawValue: SQLiteBindable { var sqliteValue: SQLiteValue { rawValue.sqliteValue } }
extension Role: SQLiteBindable {}
extension Consent: SQLiteBindable {}
extension Consultation.Phase: SQLiteBindable {}
extension VotingMethod: SQLiteBindable {}
extension BallotKind: SQLiteBindable {}
/// Times are stored as UTC text, `2026-11-23 14:05:00.000`, which sorts and reads well in SQL.
extension Date: SQLiteBindable { var sqliteValue: SQLiteValue { .text(SQLiteTime.text(for: self)) } }

extension Database {
    /// Runs a cached statement with `values`, binding them directly: GRDB's generic arguments cost
    /// more than the write itself on the path every change takes.
    func run(_ sql: String, _ values: [any SQLiteBindable]) throws {
        let statement = try cachedStatement(sql: sql)
        let raw = statement.sqliteStatement
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value.sqliteValue {
            case .int(let int): sqlite3_bind_int64(raw, index, int)
            case .real(let real): sqlite3_bind_double(raw, index, real)
            case .text(let text): sqlite3_bind_text(raw, index, text, -1, transient)
            case .blob(let bytes): _ = bytes.withUnsafeBytes { sqlite3_bind_blob(raw, index, $0.baseAddress, Int32($0.count), transient) }
            case .null: sqlite3_bind_null(raw, index)
            }
        }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code, sql) }
    }

    /// The integer in the first column of the first row of a cached query, if any.
    func fetchInt64(_ sql: String) throws -> Int64? {
        let raw = try cachedStatement(sql: sql).sqliteStatement
        defer { sqlite3_reset(raw) }
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return sqlite3_column_int64(raw, 0)
        case SQLITE_DONE: return nil
        case let code: throw error(code, sql)
        }
    }

    private func error(_ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
    }
}

/// Formats times for the query tables without a DateFormatter, which is slow on this path.
enum SQLiteTime {
    static func text(for date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMillis) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, rest) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2)) \(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):"
            + "\(pad(rest / 1000 % 60, 2)).\(pad(rest % 1000, 3))"
    }
}
