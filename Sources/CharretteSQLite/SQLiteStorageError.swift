/// Why a file cannot be opened as a workspace. Nothing was written to it.
public enum SQLiteStorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not an SQLite database.
    case notADatabase(path: String)
    /// The file is another application's SQLite database.
    case notAWorkspace(path: String, tables: [String])
    /// The file is the main file of a workspace whose changes are all in its write-ahead log,
    /// which is not beside it (it was copied alone).
    case journalMissing(path: String)
    /// The file was last written by a newer version of Charrette.
    case newerVersion(path: String)
    /// There is no workspace to open read-only: no file, or an empty one.
    case nothingToOpen(path: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            "'\(path)' is not an SQLite file, so it cannot be a Charrette workspace; it was left unchanged. "
                + "Give the name of a new file to start a workspace."
        case .notAWorkspace(let path, let tables):
            "'\(path)' is an SQLite database of another application (its tables: \(Self.list(tables))); "
                + "Charrette left it unchanged. Give the name of a new file to start a workspace."
        case .journalMissing(let path):
            "'\(path)' holds no journal: it is the main file of a workspace whose changes are all in its write-ahead log, "
                + "'\(WorkspaceFile.logPath(of: path))', which is not beside it. Copy both files together, "
                + "or end the session that wrote them first (leaving the shell moves everything into the main file)."
        case .newerVersion(let path):
            "'\(path)' was written by a newer version of Charrette; upgrade Charrette to open it."
        case .nothingToOpen(let path):
            "there is no workspace at '\(path)' to open read-only."
        }
    }

    private static func list(_ tables: [String]) -> String {
        tables.count <= 6 ? tables.joined(separator: ", ") : tables.prefix(6).joined(separator: ", ") + ", and \(tables.count - 6) more"
    }
}
