import CharretteSupport
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
        votes = try Self.votes(CSVTable(folder, "votes.csv", required: ["timestamp", "comment-id", "voter-id", "vote"]))
        let comments = try CSVTable(folder, "comments.csv", required: ["comment-id", "author-id", "moderated", "comment-body"])
        let (id, author, text, moderation) = (
            comments.required("comment-id"), comments.required("author-id"),
            comments.required("comment-body"), comments.required("moderated")
        )
        var statements: [Statement] = []
        try comments.forEachRow { row throws(PolisFileError) in
            // A text a spreadsheet would run gets a leading ' from PolisWriter: taken off again.
            statements.append(
                Statement(
                    id: try row.int(id), author: try row.int(author), text: SpreadsheetFormula.restored(try row.text(text)),
                    moderation: try row.int(moderation)))
        }
        self.statements = statements.sorted { $0.id < $1.id }
        var groups: [Int: Int] = [:]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("participants-votes.csv").path) {
            let people = try CSVTable(folder, "participants-votes.csv", required: ["participant", "group-id"])
            let (participant, group) = (people.required("participant"), people.required("group-id"))
            try people.forEachRow { row throws(PolisFileError) in
                guard !(try row.text(group)).isEmpty else { return }
                groups[try row.int(participant)] = try row.int(group)
            }
        }
        publishedGroups = groups
    }

    /// Every reaction of `votes.csv`, in file order.
    private static func votes(_ table: CSVTable) throws(PolisFileError) -> [VoteMatrix.Vote] {
        let (time, statement, participant, vote) = (
            table.required("timestamp"), table.required("comment-id"),
            table.required("voter-id"), table.required("vote")
        )
        return try table.mapRows { row throws(PolisFileError) in
            let value = try row.int(vote)
            guard (-1...1).contains(value) else {
                throw PolisFileError(file: table.file, line: row.line, message: "vote \(value) is not 1 (agree), -1 (disagree) or 0 (pass)")
            }
            return VoteMatrix.Vote(
                participant: try row.int(participant), statement: try row.int(statement),
                value: Double(value), time: Int64(try row.int(time)))
        }
    }
}
