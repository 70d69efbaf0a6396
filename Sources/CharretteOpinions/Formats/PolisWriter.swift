import CharretteSupport
import Foundation

/// Writes a conversation as a Pol.is export folder, the layout compdemocracy/openData publishes
/// and ``PolisExport`` reads: `comments.csv`, `votes.csv`, `participants-votes.csv` (with each
/// participant's group) and `summary.csv`. Participants appear by number only. Texts a
/// spreadsheet would run as a formula get a leading `'` unless ``neutralisesFormulas`` is off
/// (``PolisExport`` takes it off again).
public struct PolisWriter {
    /// One statement to write: `moderation` 1 accepted, −1 moderated out.
    public struct Statement: Sendable {
        public let id: Int, author: Int, text: String, moderation: Int, time: Date
        public init(id: Int, author: Int, text: String, moderation: Int, time: Date) {
            self.id = id
            self.author = author
            self.text = text
            self.moderation = moderation
            self.time = time
        }
    }

    public let statements: [Statement]
    public let votes: [VoteMatrix.Vote]
    /// Each participant's group from 0 (absent: not grouped).
    public let groups: [Int: Int]
    public let topic: String
    public let description: String
    /// Whether texts that start like a spreadsheet formula get a leading `'` (on by default).
    public var neutralisesFormulas = true

    public init(statements: [Statement], votes: [VoteMatrix.Vote], groups: [Int: Int], topic: String, description: String) {
        self.statements = statements.sorted { $0.id < $1.id }
        self.votes = votes
        self.groups = groups
        self.topic = topic
        self.description = description
    }

    /// Writes the four files into `folder` (created if needed).
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let matrix = VoteMatrix(votes: votes)
        var agrees: [Int: Int] = [:], disagrees: [Int: Int] = [:]
        for v in latestVotes { if v.value > 0 { agrees[v.statement, default: 0] += 1 } else if v.value < 0 { disagrees[v.statement, default: 0] += 1 } }
        var comments = ["timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body"]
        for s in statements {
            let ms = Int64((s.time.timeIntervalSince1970 * 1000).rounded())
            comments.append(
                [
                    String(ms), Self.field(Self.date(s.time)), String(s.id), String(s.author), String(agrees[s.id] ?? 0),
                    String(disagrees[s.id] ?? 0), String(s.moderation), text(s.text),
                ].joined(separator: ","))
        }
        var lines = ["timestamp,datetime,comment-id,voter-id,vote"]
        for v in votes.sorted(by: { ($0.time, $0.participant, $0.statement) < ($1.time, $1.participant, $1.statement) }) {
            lines.append(
                "\(v.time),\(Self.field(Self.date(Date(timeIntervalSince1970: Double(v.time) / 1000)))),\(v.statement),\(v.participant),\(Int(v.value))")
        }
        let ids = statements.map(\.id)
        var people = ["participant,group-id,n-comments,n-votes,n-agree,n-disagree," + ids.map(String.init).joined(separator: ",")]
        let authored = Dictionary(grouping: statements, by: \.author).mapValues(\.count)
        for (r, participant) in matrix.participants.enumerated() {
            let row = matrix.reactions(row: r)
            let byStatement = Dictionary(uniqueKeysWithValues: row.map { (matrix.statements[$0.column], $0.value) })
            let cells = ids.map { byStatement[$0].map { String(Int($0)) } ?? "" }
            people.append(
                ([
                    String(participant), groups[participant].map(String.init) ?? "", String(authored[participant] ?? 0),
                    String(row.count), String(row.filter { $0.value > 0 }.count), String(row.filter { $0.value < 0 }.count),
                ] + cells)
                .joined(separator: ","))
        }
        let summary = [
            "topic,\(text(topic))", "url,", "voters,\(matrix.participants.count)",
            "voters-in-conv,\(groups.count)", "commenters,\(Set(statements.map(\.author)).count)",
            "comments,\(statements.count)", "groups,\(Set(groups.values).count)",
            "conversation-description,\(text(description))",
        ]
        for (name, rows) in [("comments.csv", comments), ("votes.csv", lines), ("participants-votes.csv", people), ("summary.csv", summary)] {
            try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
    }

    /// The latest vote of each participant on each statement.
    var latestVotes: [VoteMatrix.Vote] {
        var latest: [[Int]: VoteMatrix.Vote] = [:]
        for v in votes { if let seen = latest[[v.participant, v.statement]], seen.time > v.time { continue }; latest[[v.participant, v.statement]] = v }
        return Array(latest.values)
    }

    /// A field that is not a participant's text: quoted if need be.
    static func field(_ text: String) -> String { CSV.field(text, neutralisingFormulas: false) }

    /// A text field: neutralised when it starts like a formula (if asked), then quoted if need be.
    func text(_ text: String) -> String { CSV.field(text, neutralisingFormulas: neutralisesFormulas) }

    /// ISO 8601 in UTC, as the exports' `datetime` columns give it; one format for every row.
    static func date(_ date: Date) -> String { Timestamp.text(date) }
}
