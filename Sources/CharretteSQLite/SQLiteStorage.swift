import Charrette
import Foundation
import GRDB
import GRDBSQLite

/// The embedded default store: the journal, the personal records and plain query tables in one
/// SQLite file, each change written in one transaction.
///
/// The file is in WAL mode. With the default ``Durability/processCrash``, a change reported as
/// written survives any crash of the process (kill -9 included) and the file is never left with
/// half a change; ``Durability/powerLoss`` also waits for the disk on every change.
///
/// ```swift
/// let workspace = try Workspace(storage: SQLiteStorage(path: "charrette.sqlite"))
/// ```
public final class SQLiteStorage: JournalStorage {
    /// How much a reported write survives.
    public enum Durability: Sendable {
        /// Survives a crash of the process; a power cut may lose the last changes, never corrupt
        /// the file (SQLite `synchronous = NORMAL` in WAL mode).
        case processCrash
        /// Survives a power cut too, at the cost of waiting for the disk on every change
        /// (`synchronous = FULL`).
        case powerLoss
    }

    /// The file's path, or `:memory:`.
    public let path: String
    /// The database, for reading the query tables directly.
    public let database: DatabaseQueue

    /// Opens (or creates) the store at `path`; `:memory:` gives a store that lives as long as this object.
    public init(path: String, durability: Durability = .processCrash) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            try db.execute(sql: durability == .powerLoss ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
        }
        database = path == ":memory:"
            ? try DatabaseQueue(configuration: configuration)
            : try DatabaseQueue(path: path, configuration: configuration)
        try SQLiteSchema.migrator.migrate(database)
    }

    public func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws {
        try database.read { db in
            // Opening a workspace reads every entry: this loop steps SQLite directly, since going
            // through GRDB's generic rows costs as much as the rest of opening.
            let statement = try db.makeStatement(sql: """
                SELECT sequence, time, actor, version, kind, payload, previous_hash, hash
                FROM journal WHERE sequence > ? ORDER BY sequence
                """)
            let raw = statement.sqliteStatement
            sqlite3_bind_int64(raw, 1, sequence)
            while true {
                let code = sqlite3_step(raw)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                try body(try Self.entry(from: raw))
            }
        }
    }

    /// The entry in the current row of `statement`, whose columns are those of `readEntries`.
    private static func entry(from statement: SQLiteStatement) throws -> EncodedEntry {
        let sequence = sqlite3_column_int64(statement, 0)
        func blob(_ column: Int32) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
        }
        guard sqlite3_column_type(statement, 5) == SQLITE_BLOB,
              let previous = JournalHash(bytes: blob(6)), let hash = JournalHash(bytes: blob(7)),
              let kind = sqlite3_column_text(statement, 4)
        else { throw JournalError.unreadable(sequence: sequence, reason: "a column is missing or has the wrong size") }
        return EncodedEntry(
            sequence: sequence, timeMillis: sqlite3_column_int64(statement, 1),
            actor: sqlite3_column_type(statement, 2) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, 2)),
            version: Int(sqlite3_column_int64(statement, 3)), kind: String(cString: kind),
            payload: Array(blob(5)), previousHash: previous, hash: hash)
    }

    public func entry(at sequence: Int64) throws -> EncodedEntry? {
        try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT sequence, time, actor, version, kind, payload, previous_hash, hash
                FROM journal WHERE sequence = ?
                """, arguments: [sequence]).map(Self.entry(from:))
        }
    }

    private static func entry(from row: Row) throws -> EncodedEntry {
        let sequence: Int64 = row[0]
        guard let payload = try row.withUnsafeData(atIndex: 5, { $0.map { Array($0) } }),
              let previous = try row.withUnsafeData(atIndex: 6, { $0.flatMap { JournalHash(bytes: $0) } }),
              let hash = try row.withUnsafeData(atIndex: 7, { $0.flatMap { JournalHash(bytes: $0) } })
        else { throw JournalError.unreadable(sequence: sequence, reason: "a column is missing or has the wrong size") }
        return EncodedEntry(
            sequence: sequence, timeMillis: row[1], actor: row[2], version: row[3], kind: row[4],
            payload: payload, previousHash: previous, hash: hash)
    }

    public func personalRecords() throws -> [SealedPersonalRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT participant_id, salt, record FROM personal_records ORDER BY participant_id").map { row in
                SealedPersonalRecord(
                    participant: Participant.ID(rawValue: row[0]), salt: Array(row[1] as Data), bytes: Array(row[2] as Data))
            }
        }
    }

    public func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM journal_head"),
                  let hash = JournalHash(bytes: row[1] as Data) else { return nil }
            return (row[0], hash)
        }
    }

    public func commit(_ batch: CommitBatch) throws {
        try database.writeWithoutTransaction { db in
            // BEGIN IMMEDIATE takes the write lock first, so the head cannot move between check and
            // write. The statements are prepared once: this is the path every change takes.
            try db.run("BEGIN IMMEDIATE", [])
            do {
                let head = try db.fetchInt64("SELECT sequence FROM journal_head") ?? 0
                guard head == batch.expectedHead else { throw JournalError.headMoved(expected: batch.expectedHead, found: head) }
                try write(batch.entries, in: db)
                try write(batch.personalRecords, in: db)
                try ProjectionWriter(db: db).write(batch.projection)
                try db.run("COMMIT", [])
            } catch {
                if !db.isInsideTransaction { throw error }
                try? db.run("ROLLBACK", [])
                throw error
            }
        }
    }

    private func write(_ entries: [EncodedEntry], in db: Database) throws {
        for entry in entries {
            try db.run("""
                INSERT INTO journal (sequence, time, actor, version, kind, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [entry.sequence, entry.timeMillis, entry.actor, entry.version, entry.kind,
                      entry.payload, entry.previousHash, entry.hash])
        }
        if let last = entries.last {
            try db.run("INSERT OR REPLACE INTO journal_head (id, sequence, hash) VALUES (1, ?, ?)", [last.sequence, last.hash])
        }
    }

    private func write(_ records: [(Participant.ID, SealedPersonalRecord?)], in db: Database) throws {
        for (id, sealed) in records {
            if let sealed {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO personal_records (participant_id, salt, record) VALUES (?, ?, ?)",
                    arguments: [id.rawValue, Data(sealed.salt), Data(sealed.bytes)])
            } else {
                try db.execute(sql: "DELETE FROM personal_records WHERE participant_id = ?", arguments: [id.rawValue])
            }
        }
    }
}
