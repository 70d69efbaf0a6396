import Foundation

/// A Pol.is conversation export folder, as compdemocracy/openData publishes them: `votes.csv`
/// (every reaction, agree +1, disagree −1, pass 0), `comments.csv` (the statements and their
/// moderation), and optionally `participants-votes.csv` (the groups Pol.is published).
/// Columns are found by their header names, so extra columns are fine.
public struct PolisExport: Sendable {
    /// One statement of the conversation.
    public struct Statement: Sendable, Equatable {
        public let id: Int
        public let author: Int
        public let text: String
        /// 1 accepted, 0 not yet moderated, −1 moderated out.
        public let moderation: Int
    }

    public let votes: [VoteMatrix.Vote]
    public let statements: [Statement]
    /// The group Pol.is published for each participant who had one.
    public let publishedGroups: [Int: Int]

    /// The statements moderated out, which the map zeroes.
    public var moderatedOut: Set<Int> { Set(statements.filter { $0.moderation == -1 }.map(\.id)) }

    /// The reactions as Pol.is maps them: the latest reaction per pair, moderated-out statements
    /// zeroed.
    public func matrix() -> VoteMatrix { VoteMatrix(votes: votes).zeroing(moderatedOut) }

    /// Reads the export in `folder`.
    public init(folder: URL) throws(PolisFileError) {
        let votes = try Self.table(folder, "votes.csv", columns: ["timestamp", "comment-id", "voter-id", "vote"])
        self.votes = try votes.rows.map { row throws(PolisFileError) in
            let value = try votes.int(row, "vote")
            guard (-1...1).contains(value) else {
                throw PolisFileError(file: "votes.csv", line: row.line, message: "vote \(value) is not 1 (agree), -1 (disagree) or 0 (pass)")
            }
            return VoteMatrix.Vote(participant: try votes.int(row, "voter-id"), statement: try votes.int(row, "comment-id"),
                                   value: Double(value), time: Int64(try votes.int(row, "timestamp")))
        }
        let comments = try Self.table(folder, "comments.csv", columns: ["comment-id", "author-id", "moderated", "comment-body"])
        statements = try comments.rows.map { row throws(PolisFileError) in
            Statement(id: try comments.int(row, "comment-id"), author: try comments.int(row, "author-id"),
                      text: try comments.text(row, "comment-body"), moderation: try comments.int(row, "moderated"))
        }.sorted { $0.id < $1.id }
        var groups: [Int: Int] = [:]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("participants-votes.csv").path) {
            let people = try Self.table(folder, "participants-votes.csv", columns: ["participant", "group-id"])
            for row in people.rows where !(try people.text(row, "group-id")).isEmpty {
                groups[try people.int(row, "participant")] = try people.int(row, "group-id")
            }
        }
        publishedGroups = groups
    }

    /// A CSV file of the folder with its header checked for `columns`.
    static func table(_ folder: URL, _ name: String, columns: [String]) throws(PolisFileError) -> NamedRows {
        let data: Data
        do { data = try Data(contentsOf: folder.appendingPathComponent(name)) } catch {
            throw PolisFileError(file: name, line: 0, message: "cannot be read: \((error as NSError).localizedDescription)")
        }
        let csv = try CSVRows(data, name: name)
        guard let header = csv.rows.first else { throw PolisFileError(file: name, line: 0, message: "is empty") }
        var index: [String: Int] = [:]
        for (i, field) in header.fields.enumerated() {
            guard let title = csv.text(field) else { throw PolisFileError(file: name, line: 1, message: "is not UTF-8 text") }
            index[title.trimmingCharacters(in: .whitespaces).lowercased()] = i
        }
        for column in columns where index[column] == nil {
            throw PolisFileError(file: name, line: 1, message: "has no '\(column)' column")
        }
        return NamedRows(file: name, index: index, csv: csv)
    }
}

/// CSV rows read by column name.
struct NamedRows {
    let file: String
    let index: [String: Int]
    let csv: CSVRows
    var rows: ArraySlice<CSVRows.Row> { csv.rows.dropFirst() }

    func text(_ row: CSVRows.Row, _ column: String) throws(PolisFileError) -> String {
        let i = index[column]!
        guard i < row.fields.count else { return "" }
        guard let text = csv.text(row.fields[i]) else { throw PolisFileError(file: file, line: row.line, message: "'\(column)' is not UTF-8 text") }
        return text
    }

    func int(_ row: CSVRows.Row, _ column: String) throws(PolisFileError) -> Int {
        let i = index[column]!
        if i < row.fields.count, let value = csv.int(row.fields[i]) { return value }
        let raw = (try? text(row, column))?.trimmingCharacters(in: .whitespaces) ?? ""
        throw PolisFileError(file: file, line: row.line, message: raw.isEmpty ? "'\(column)' is empty" : "'\(column)' is '\(raw)', not a whole number")
    }
}
