import Charrette
import Foundation
import GRDB

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
            let rows = try Row.fetchCursor(db, sql: """
                SELECT sequence, time, actor, version, kind, payload, previous_hash, hash
                FROM journal WHERE sequence > ? ORDER BY sequence
                """, arguments: [sequence])
            while let row = try rows.next() { try body(try Self.entry(from: row)) }
        }
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
            // IMMEDIATE takes the write lock first, so the head cannot move between check and write.
            try db.inTransaction(.immediate) {
                let head = try Int64.fetchOne(db, sql: "SELECT sequence FROM journal_head") ?? 0
                guard head == batch.expectedHead else { throw JournalError.headMoved(expected: batch.expectedHead, found: head) }
                try write(batch.entries, in: db)
                try write(batch.personalRecords, in: db)
                try ProjectionWriter(db: db).write(batch.projection)
                return .commit
            }
        }
    }

    private func write(_ entries: [EncodedEntry], in db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO journal (sequence, time, actor, version, kind, payload, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in entries {
            try insert.execute(arguments: [
                entry.sequence, entry.timeMillis, entry.actor, entry.version, entry.kind,
                Data(entry.payload), Data(entry.previousHash.bytes), Data(entry.hash.bytes),
            ])
        }
        if let last = entries.last {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO journal_head (id, sequence, hash) VALUES (1, ?, ?)")
                .execute(arguments: [last.sequence, Data(last.hash.bytes)])
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
