import Charrette
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded default store: the journal, the personal records and plain query tables in one
/// SQLite file, each change written in one transaction.
///
/// The file is in WAL mode. With the default ``Durability/processCrash``, a change reported as
/// written survives any crash of the process (kill -9 included) and the file is never left with
/// half a change; ``Durability/powerLoss`` also waits for the disk on every change. ``close()``
/// (or releasing the store) moves the write-ahead log into the main file, so the main file alone
/// is the whole workspace once every session on it has ended.
///
/// Opening changes nothing in a file that is not a Charrette workspace: it is refused with a
/// ``SQLiteStorageError``. A workspace copied (or whose write-ahead log was deleted) while a session
/// was writing to it opens read-only, with ``readOnlyReason`` saying what may be missing.
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
    /// Whether the store was opened for reading only (asked for, or because it is incomplete).
    public let isReadOnly: Bool
    public let readOnlyReason: String?

    private struct Session {
        /// This store's row in `open_sessions`; `nil` for read-only and in-memory stores.
        var row: Int64?
        var closed = false
        /// The last `PRAGMA data_version` seen: it changes when another connection commits.
        var dataVersion: Int64 = 0
        /// When this store last took and released the write lock.
        var writeStarted: ContinuousClock.Instant?
        var writeEnded: ContinuousClock.Instant?

        /// How long to wait before taking the lock again: a twentieth of the time it was last
        /// held, at most ``pauseBetweenWrites``, less the time since. None after a short hold: a
        /// sleep takes a good fraction of a millisecond however short it is asked to be.
        func pause(now: ContinuousClock.Instant) -> Duration {
            guard let writeStarted, let writeEnded else { return .zero }
            let pause = min((writeEnded - writeStarted) / 20, SQLiteStorage.pauseBetweenWrites)
            return pause < .microseconds(100) ? .zero : pause - (now - writeEnded)
        }
    }

    private let session = Mutex(Session())

    /// How long a writer waits for another to release the write lock before giving up.
    public static let lockTimeout: Duration = .seconds(10)
    /// The longest pause a writer leaves between two of its own writes, so that a writer of
    /// another process waiting for the lock gets it. SQLite's lock is not fair: without the pause
    /// a script writing groups back to back would keep an interactive shell waiting. The pause is
    /// a twentieth of the time the lock was held, so single changes (held for tens of
    /// microseconds) hardly pause, and a group held for 20 ms leaves a gap of 1 ms, in which a
    /// waiting writer polling every quarter of a millisecond gets in.
    static let pauseBetweenWrites: Duration = .milliseconds(1)

    /// Opens (or creates) the store at `path`; `:memory:` gives a store that lives as long as this
    /// object.
    ///
    /// - Parameters:
    ///   - path: the workspace file, created when missing; `:memory:` for a store in memory.
    ///   - durability: what a committed change survives: the program's crash (the default) or
    ///     a power loss too (every commit waits for the disk).
    ///   - readOnly: open without writing anything to the file; changes are refused, and what other
    ///     processes write still shows.
    ///   - acceptingIncomplete: open a file copied while a session was writing to it (or whose
    ///     write-ahead log was lost) for writing all the same, as it is: what that session wrote
    ///     after the copy is not in it and never will be. Without it, such a file opens read-only.
    /// - Throws: ``SQLiteStorageError`` when the file is not a Charrette workspace (or nothing yet),
    ///   leaving it unchanged.
    public init(path: String, durability: Durability = .processCrash, readOnly: Bool = false, acceptingIncomplete: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .callback(Self.waitForLock)
        // A write (or a consistent read) spans several calls: grouped changes hold the lock.
        configuration.allowsUnsafeTransactions = true
        if path == ":memory:" {
            configuration.journalMode = .wal
            database = try DatabaseQueue(configuration: configuration)
            try SQLiteSchema.migrator.migrate(database)
            isReadOnly = false
            readOnlyReason = nil
            return
        }
        let file = try WorkspaceFile.inspect(path)
        let incomplete = file.kind == .workspace && !file.hasLog && !file.sessions.isEmpty
        isReadOnly = readOnly || (incomplete && !acceptingIncomplete)
        readOnlyReason = incomplete && !acceptingIncomplete ? Self.incompleteReason(path, file.sessions) : nil
        if isReadOnly {
            guard file.kind == .workspace else { throw SQLiteStorageError.nothingToOpen(path: path) }
            configuration.readonly = true
            // A copy without its log: read the file as it is, without making a log beside it. Read
            // only when asked, a workspace in use shows what its sessions write.
            database = try DatabaseQueue(path: incomplete ? Self.immutableURI(path) : path, configuration: configuration)
            if try database.read({ try SQLiteSchema.migrator.hasBeenSuperseded($0) }) { throw SQLiteStorageError.newerVersion(path: path) }
        } else {
            configuration.journalMode = .wal
            database = try DatabaseQueue(path: path, configuration: configuration)
            if try database.read({ try SQLiteSchema.migrator.hasBeenSuperseded($0) }) { throw SQLiteStorageError.newerVersion(path: path) }
            // GRDB sets `synchronous = NORMAL` when it turns WAL on, after `prepareDatabase` has run.
            if durability == .powerLoss {
                try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            }
            try SQLiteSchema.migrator.migrate(database)
            // Sessions whose changes were read back from the log, or whose log is accepted as lost.
            try register(forgetting: incomplete ? file.sessions : file.hasLog ? file.sessions.filter(\.hasEnded) : [])
        }
        try session.withLock { $0.dataVersion = try currentDataVersion() }
    }

    // Not `close()`: the database may outlive the store (``database`` is public), and closes
    // itself, moving its log into the file, when the last reference to it goes.
    deinit { _ = try? endSession() }

    private static func incompleteReason(_ path: String, _ sessions: [OpenSession]) -> String {
        "'\(path)' was copied, or its write-ahead log '\(WorkspaceFile.logPath(of: path))' deleted, while a session had it open "
            + "(\(sessions.map(\.description).joined(separator: "; "))): what that session wrote since may be missing here. "
            + "Copy the workspace again once that session has ended (leaving the shell moves everything into the main file), "
            + "or copy its write-ahead log with it; to carry on from this file as it is, open it with --accept-incomplete"
    }

    /// Notes this session in the file, forgets sessions known to have ended (their changes were
    /// read back from the log), and moves the log into the main file so that a copy of the main
    /// file says it was open.
    private func register(forgetting ended: [OpenSession]) throws {
        let row = try database.write { db -> Int64 in
            for old in ended {
                try db.execute(
                    sql: "DELETE FROM open_sessions WHERE host = ? AND pid = ? AND opened_at = ?",
                    arguments: [old.host, old.pid, old.openedAt])
            }
            try db.execute(
                sql: "INSERT INTO open_sessions (host, pid, opened_at) VALUES (?, ?, ?)",
                arguments: [OpenSession.thisHost, getpid(), SQLiteTime.text(for: Date()).prefix(19).description])
            return db.lastInsertedRowID
        }
        session.withLock { $0.row = row }
        try database.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    private static func immutableURI(_ path: String) -> String {
        "file:" + WorkspaceFile.uriEscaped((path as NSString).expandingTildeInPath) + "?immutable=1"
    }

    /// SQLite's busy handler: waits in short steps, so that a write lock released for a moment
    /// between another process's writes is taken, up to ``lockTimeout``.
    private static let waitForLock: Database.BusyCallback = { tries in
        let step = 250  // microseconds
        guard Int64(tries) * Int64(step) < lockTimeout.components.seconds * 1_000_000 else { return false }
        usleep(UInt32(step))
        return true
    }

    // MARK: Reading

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
        let statement = try db.makeStatement(
            sql: """
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
            try Row.fetchAll(db, sql: "SELECT participant_id, salt, record FROM personal_records ORDER BY participant_id").map(Self.sealedRecord)
        }
    }

    public func personalRecord(of participant: Participant.ID) throws -> SealedPersonalRecord? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT participant_id, salt, record FROM personal_records WHERE participant_id = ?",
                arguments: [participant.rawValue]
            ).map(Self.sealedRecord)
        }
    }

    private static func sealedRecord(_ row: Row) throws -> SealedPersonalRecord {
        // Checked conversions: a hand-edited file gives an error here, not a crash.
        guard let id = Int.fromDatabaseValue(row[0]), let salt = Data.fromDatabaseValue(row[1]),
            let record = Data.fromDatabaseValue(row[2])
        else {
            throw JournalError.inconsistent(sequence: 0, reason: "a personal record has a column of the wrong type")
        }
        return SealedPersonalRecord(participant: Participant.ID(rawValue: id), salt: Array(salt), bytes: Array(record))
    }

    public func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM journal_head") else { return nil }
            guard let sequence = Int64.fromDatabaseValue(row[0]),
                let hash = Data.fromDatabaseValue(row[1]).flatMap({ JournalHash(bytes: $0) })
            else {
                throw JournalError.inconsistent(sequence: 0, reason: "the recorded head has a column of the wrong type")
            }
            return (sequence, hash)
        }
    }

    public func hasChangedElsewhere() throws -> Bool {
        let version = try currentDataVersion()
        return session.withLock { session in
            defer { session.dataVersion = version }
            return version != session.dataVersion
        }
    }

    private func currentDataVersion() throws -> Int64 {
        try database.writeWithoutTransaction { try $0.fetchInt64("PRAGMA data_version") ?? 0 }
    }

    public func withConsistentView<T>(_ body: () throws -> T) throws -> T {
        // A read transaction in WAL mode sees the database as it was when it began.
        let began = try database.writeWithoutTransaction { db -> Bool in
            guard !db.isInsideTransaction else { return false }
            try db.execute(sql: "BEGIN DEFERRED")
            _ = try db.fetchInt64("SELECT count(*) FROM journal_head")
            return true
        }
        defer {
            if began { try? database.writeWithoutTransaction { db in if db.isInsideTransaction { try db.execute(sql: "COMMIT") } } }
        }
        return try body()
    }

    public func firstQueryTableDifference(from state: WorkspaceState) throws -> String? {
        try database.read { db in
            // A file opened read-only may be of an older layout, whose tables cannot be compared.
            guard try SQLiteSchema.migrator.hasCompletedMigrations(db) else { return nil }
            return try QueryTableCheck.firstDifference(in: db, from: state)
        }
    }

    // MARK: Writing

    public func beginWrite() throws {
        guard !isReadOnly else { throw JournalError.readOnly(readOnlyReason ?? "it was opened read-only") }
        let pause = session.withLock { $0.pause(now: .now) }
        if pause > .zero { usleep(UInt32(pause.components.attoseconds / 1_000_000_000_000)) }
        // BEGIN IMMEDIATE takes the write lock first, so the head cannot move between reading it and
        // writing after it.
        do {
            try database.writeWithoutTransaction { db in try db.run("BEGIN IMMEDIATE", []) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw JournalError.busy(seconds: Int(Self.lockTimeout.components.seconds))
        }
        session.withLock { $0.writeStarted = .now }
    }

    public func abandonWrite() {
        try? database.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.run("ROLLBACK", []) }
        }
        session.withLock { $0.writeEnded = .now }
    }

    public func commit(_ batch: CommitBatch) throws {
        defer { session.withLock { $0.writeEnded = .now } }
        try database.writeWithoutTransaction { db in
            // The statements are prepared once: this is the path every change takes.
            do {
                let head = try db.fetchInt64("SELECT sequence FROM journal_head") ?? 0
                guard head == batch.expectedHead else { throw JournalError.headMoved(expected: batch.expectedHead, found: head) }
                try write(batch.entries, in: db)
                try write(batch.personalRecords, in: db)
                try ProjectionWriter(db: db).write(batch.projection)
                try db.run("COMMIT", [])
            } catch {
                if db.isInsideTransaction { try? db.run("ROLLBACK", []) }
                throw error
            }
        }
    }

    private func write(_ entries: [EncodedEntry], in db: Database) throws {
        for entry in entries {
            try db.run(
                """
                INSERT INTO journal (sequence, time, change_sequence, actor, version, kind, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    entry.sequence, entry.timeMillis, entry.change, entry.actor, entry.version, entry.kind,
                    entry.payload, entry.previousHash, entry.hash,
                ])
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

    // MARK: Server values

    public func serverValue(_ key: String) throws -> Data? {
        try database.read { db in
            // A file of an older layout opened read-only has no such table, and keeps nothing.
            guard try db.tableExists("server_values") else { return nil }
            return try Data.fetchOne(db, sql: "SELECT value FROM server_values WHERE key = ?", arguments: [key])
        }
    }

    public func keepServerValue(_ value: Data?, for key: String) throws {
        try beginWrite()
        defer { session.withLock { $0.writeEnded = .now } }
        try database.writeWithoutTransaction { db in
            do {
                if let value {
                    try db.execute(
                        sql: "INSERT INTO server_values (key, value, saved_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at",
                        arguments: [key, value, Date()])
                } else {
                    try db.execute(sql: "DELETE FROM server_values WHERE key = ?", arguments: [key])
                }
                try db.execute(sql: "COMMIT")
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                throw error
            }
        }
    }

    // MARK: Closing

    /// Takes this session out of the file's open sessions, moves the write-ahead log into the main
    /// file and closes the database. Closing twice does nothing.
    public func close() throws {
        var failure: (any Error)?
        var others: [Int64] = []
        do { others = try endSession() } catch { failure = error }
        try database.close()
        if !others.isEmpty && !FileManager.default.fileExists(atPath: WorkspaceFile.logPath(of: path)) {
            // SQLite removes the log only when the last connection closes: no session was open,
            // so the rows others left are of sessions that ended without closing (a crash on a
            // machine since renamed, a process number reused). Left, they would make the file
            // look copied mid-session.
            do {
                var configuration = Configuration()
                configuration.busyMode = .timeout(2)
                let cleaner = try DatabaseQueue(path: path, configuration: configuration)
                try cleaner.write { db in
                    try db.execute(sql: "DELETE FROM open_sessions WHERE id IN (\(others.map(String.init).joined(separator: ", ")))")
                }
                try cleaner.close()
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    /// Takes this session out of the file's open sessions and moves the write-ahead log into the
    /// main file, once; returns the rows of the other sessions the file lists.
    @discardableResult
    private func endSession() throws -> [Int64] {
        let (wasClosed, row) = session.withLock { session -> (Bool, Int64?) in
            defer { session.closed = true }
            return (session.closed, session.row)
        }
        guard !wasClosed, !isReadOnly, path != ":memory:" else { return [] }
        return try database.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
            if let row { try db.execute(sql: "DELETE FROM open_sessions WHERE id = ?", arguments: [row]) }
            let others = try Int64.fetchAll(db, sql: "SELECT id FROM open_sessions")
            // Every change into the main file. Another session still reading may keep the log
            // busy: then that session moves it when it ends.
            do {
                try db.checkpoint(.truncate)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {}
            return others
        }
    }
}
