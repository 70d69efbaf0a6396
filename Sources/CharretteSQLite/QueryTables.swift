/// The plain tables that hold the current state for people querying a workspace with any SQLite
/// tool: their columns, in the order rows are written, read back and compared.
///
/// A table's key is its first ``QueryTable/keyCount`` columns, all integers. `SQLiteSchema`
/// creates the tables; a column added there is added here, and to the rows `ProjectionRows`
/// makes, in the same change.
struct QueryTable: Sendable, Hashable {
    let name: String
    let columns: [String]
    let keyCount: Int

    /// Writes a whole row, replacing the row with the same key.
    let replaceSQL: String
    /// Every row, in key order.
    let selectSQL: String
    /// Deletes the rows whose first n key columns equal the values bound, for n = 1, 2, ...
    private let deleteSQLs: [String]

    init(_ name: String, key: Int = 1, _ columns: [String]) {
        self.name = name
        self.columns = columns
        self.keyCount = key
        // Made once: every change writes rows with these.
        replaceSQL = "INSERT OR REPLACE INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM \(name) ORDER BY \(columns.prefix(key).joined(separator: ", "))"
        deleteSQLs = (1...key).map { count in "DELETE FROM \(name) WHERE " + columns.prefix(count).map { "\($0) = ?" }.joined(separator: " AND ") }
    }

    var keyColumns: ArraySlice<String> { columns.prefix(keyCount) }

    /// Deletes the rows whose first `count` key columns equal the values bound.
    func deleteSQL(matching count: Int) -> String { deleteSQLs[count - 1] }

    static let boards = QueryTable("boards", ["id", "name", "title", "shadows_board_id"])
    static let participants = QueryTable("participants", ["id", "handle", "role", "consent", "display_name", "attributes"])
    /// Keyed by participant first: a participant's memberships are rewritten together.
    static let boardMembers = QueryTable("board_members", key: 2, ["participant_id", "board_id"])
    static let consultations = QueryTable(
        "consultations",
        ["id", "title", "question", "phase", "invited_board_ids", "created_at", "phase_changed_at", "language", "requires_authors", "moderates_ideas"])
    static let ideas = QueryTable(
        "ideas", ["id", "consultation_id", "text", "author_id", "submitted_at", "status", "merged_into_id", "hidden_reason", "theme_id"])
    static let themes = QueryTable(
        "themes", ["id", "consultation_id", "label", "description", "created_by", "created_at", "changed_by", "changed_at"])
    static let votes = QueryTable(
        "votes", ["id", "consultation_id", "title", "method", "settings", "candidate_ids", "opened_by", "opened_at", "closed_at"])
    static let ballots = QueryTable("ballots", key: 2, ["vote_id", "participant_id", "kind", "ballot", "cast_at"])
    static let cardSorts = QueryTable("card_sorts", key: 2, ["consultation_id", "participant_id", "groups", "submitted_at"])

    static let all: [QueryTable] = [boards, participants, boardMembers, consultations, ideas, themes, votes, ballots, cardSorts]
}
