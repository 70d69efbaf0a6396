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
        database = path == ":memory:"
            ? try DatabaseQueue(configuration: configuration)
            : try DatabaseQueue(path: path, configuration: configuration)
        // GRDB sets `synchronous = NORMAL` when it turns WAL on, after `prepareDatabase` has run.
        if durability == .powerLoss {
            try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        }
        try SQLiteSchema.migrator.migrate(database)
    }

    public func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws {
        try database.read { db in try Self.readEntries(db, where: "sequence > ?", sequence, body) }
    }

    public func entry(at sequence: Int64) throws -> EncodedEntry? {
        var found: EncodedEntry?
        try database.read { db in try Self.readEntries(db, where: "sequence = ?", sequence) { found = $0 } }
        return found
    }

    /// Reads journal rows in order. Opening a workspace reads every entry, so this steps SQLite
    /// directly: going through GRDB's generic rows costs as much as the rest of opening.
    private static func readEntries(
        _ db: Database, where condition: String, _ sequence: Int64, _ body: (EncodedEntry) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: """
            SELECT sequence, time, change_sequence, actor, version, kind, payload, previous_hash, hash
            FROM journal WHERE \(condition) ORDER BY sequence
            """)
        let raw = statement.sqliteStatement
        sqlite3_bind_int64(raw, 1, sequence)
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(try entry(from: raw))
        }
    }

    /// The entry in the current row of `statement`. SQLite converts a column of the wrong type
    /// (someone edited the file by hand) instead of failing: the entry then fails its hash, or names
    /// an event version that does not exist, and is reported as such.
    private static func entry(from statement: SQLiteStatement) throws -> EncodedEntry {
        let sequence = sqlite3_column_int64(statement, 0)
        func type(_ column: Int32) -> Int32 { sqlite3_column_type(statement, column) }
        func blob(_ column: Int32) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
        }
        guard let previous = JournalHash(bytes: blob(7)), let hash = JournalHash(bytes: blob(8)),
              let kind = sqlite3_column_text(statement, 5)
        else { throw JournalError.unreadable(sequence: sequence, reason: "a hash or the kind is missing or has the wrong size") }
        return EncodedEntry(
            sequence: sequence, timeMillis: sqlite3_column_int64(statement, 1), change: sqlite3_column_int64(statement, 2),
            actor: type(3) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, 3)),
            version: Int(sqlite3_column_int64(statement, 4)), kind: String(cString: kind),
            payload: Array(blob(6)), previousHash: previous, hash: hash)
    }

    public func personalRecords() throws -> [SealedPersonalRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT participant_id, salt, record FROM personal_records ORDER BY participant_id").map { row in
                // Checked conversions: a hand-edited file gives an error here, not a crash.
                guard let id = Int.fromDatabaseValue(row[0]), let salt = Data.fromDatabaseValue(row[1]),
                      let record = Data.fromDatabaseValue(row[2]) else {
                    throw JournalError.inconsistent(sequence: 0, reason: "a personal record has a column of the wrong type")
                }
                return SealedPersonalRecord(participant: Participant.ID(rawValue: id), salt: Array(salt), bytes: Array(record))
            }
        }
    }

    public func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM journal_head") else { return nil }
            guard let sequence = Int64.fromDatabaseValue(row[0]),
                  let hash = Data.fromDatabaseValue(row[1]).flatMap({ JournalHash(bytes: $0) }) else {
                throw JournalError.inconsistent(sequence: 0, reason: "the recorded head has a column of the wrong type")
            }
            return (sequence, hash)
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
                INSERT INTO journal (sequence, time, change_sequence, actor, version, kind, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [entry.sequence, entry.timeMillis, entry.change, entry.actor, entry.version, entry.kind,
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
