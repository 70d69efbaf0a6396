import Foundation
import GRDBSQLite

/// What a file given as a workspace holds, found by reading it without changing it: before
/// Charrette writes anything to a file, it makes sure the file is one of its workspaces (or
/// nothing yet), and whether it is complete.
struct WorkspaceFile {
    enum Kind {
        /// No file, or an empty one: a new workspace is made there.
        case new
        /// A Charrette workspace.
        case workspace
    }

    let kind: Kind
    /// The sessions the file says have it open (see ``OpenSession``).
    let sessions: [OpenSession]
    /// Whether the write-ahead log (`PATH-wal`) is next to the file.
    let hasLog: Bool

    /// The `application_id` Charrette gives its files ("CHRT"), as `file(1)` and SQLite tools read it.
    static let applicationID: Int32 = 0x4348_5254

    static func logPath(of path: String) -> String { path + "-wal" }

    /// Reads `path` without writing to it (nor creating the files SQLite keeps beside it).
    static func inspect(_ path: String) throws(SQLiteStorageError) -> WorkspaceFile {
        let hasLog = FileManager.default.fileExists(atPath: logPath(of: path))
        guard let header = readHeader(path), !header.isEmpty else { return WorkspaceFile(kind: .new, sessions: [], hasLog: hasLog) }
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else { throw .notADatabase(path: path) }
        // Byte 18 is 2 when the file is in WAL mode: its latest changes may be in the log.
        let usesLog = header.count > 18 && header[18] == 2

        let contents = try readContents(path, immutable: !hasLog)
        if contents.tables.isEmpty {
            if usesLog && !hasLog { throw .journalMissing(path: path) }
            return WorkspaceFile(kind: .new, sessions: [], hasLog: hasLog)
        }
        let isCharrette =
            contents.applicationID == applicationID
            || (contents.applicationID == 0 && contents.tables.isSuperset(of: ["journal", "journal_head", "grdb_migrations"]))
        guard isCharrette else { throw .notAWorkspace(path: path, tables: contents.tables.sorted()) }
        return WorkspaceFile(kind: .workspace, sessions: contents.sessions, hasLog: hasLog)
    }

    /// The first 100 bytes (SQLite's header), or `nil` when there is no file.
    private static func readHeader(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 100)) ?? Data())
    }

    private struct Contents {
        var tables: Set<String> = []
        var applicationID: Int32 = 0
        var sessions: [OpenSession] = []
    }

    /// The file's tables, application id and open sessions, read through a read-only connection.
    /// Without a log beside the file it is opened as immutable, so that SQLite creates no log.
    private static func readContents(_ path: String, immutable: Bool) throws(SQLiteStorageError) -> Contents {
        var connection: OpaquePointer?
        let uri = "file:" + uriEscaped(path) + (immutable ? "?immutable=1" : "?mode=ro")
        defer { sqlite3_close(connection) }
        guard sqlite3_open_v2(uri, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK, let connection else {
            throw .notADatabase(path: path)
        }
        var contents = Contents()
        do {
            try query(connection, "SELECT name FROM sqlite_master WHERE type = 'table'") { contents.tables.insert(text($0, 0)) }
            try query(connection, "PRAGMA application_id") { contents.applicationID = sqlite3_column_int($0, 0) }
            if contents.tables.contains("open_sessions") {
                try query(connection, "SELECT host, pid, opened_at FROM open_sessions ORDER BY id") {
                    contents.sessions.append(OpenSession(host: text($0, 0), pid: sqlite3_column_int($0, 1), openedAt: text($0, 2)))
                }
            }
        } catch {
            throw .notADatabase(path: path)
        }
        return contents
    }

    private struct QueryFailed: Error {}

    private static func query(_ connection: OpaquePointer, _ sql: String, _ row: (OpaquePointer) -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw QueryFailed() }
        defer { sqlite3_finalize(statement) }
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: row(statement)
            case SQLITE_DONE: return
            default: throw QueryFailed()
            }
        }
    }

    private static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
        sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
    }

    /// A path as the path part of a `file:` URI.
    static func uriEscaped(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// A process that has a workspace file open, as the file records it.
///
/// Every session writes a row into `open_sessions` when it opens the file and deletes it when it
/// closes it, each time moving its write-ahead log into the main file (a checkpoint). A row whose
/// session is gone while the log is missing means the file was copied, or its log deleted, while
/// the session was writing: what that session wrote since it opened may be missing from it.
struct OpenSession: Sendable {
    let host: String
    let pid: Int32
    let openedAt: String

    /// The name of this machine, as sessions record it.
    static var thisHost: String { ProcessInfo.processInfo.hostName }

    /// Whether the session is known to be over: it ran on this machine and its process is gone.
    var hasEnded: Bool {
        host == Self.thisHost && kill(pid, 0) != 0 && errno == ESRCH
    }

    var description: String { "process \(pid) on '\(host)', open since \(openedAt) UTC" }
}
