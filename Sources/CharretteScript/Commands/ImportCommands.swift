import Charrette
import CharretteOpinions
import Foundation

/// Bringing ideas and people in from the CSV exports of form tools, and whole consultations from
/// Charrette's own JSON.
enum ImportCommands {
    static let rowFlags: [Signature.Flag] =
        CSVImportFile.readingFlags(of: "the file") + [
            .init("dry-run", "", "show what would be added and add nothing"),
            .init("skip-bad-rows", "", "add the good rows and list the refused ones, instead of adding nothing"),
        ]

    static let all: [CommandSpec] = [
        CommandSpec(
            "import ideas",
            summary: "add ideas from a CSV file, one per row (an empty author cell gives an anonymous idea); a bad row stops the import unless --skip-bad-rows",
            signature: Signature(
                [.init("file", "the CSV file (a header row, RFC 4180 quoting)")],
                flags: [
                    .init("text", "COLUMN", "the column holding the idea (default: text)"),
                    .init("by", "COLUMN", "the column holding the author's handle (default: by, or author); an empty cell gives an anonymous idea"),
                    .init("anonymous", "", "the file has no column for authors: every idea is anonymous"),
                ] + rowFlags),
            example: #"import ideas answers.csv --text "Your idea" --by "Handle""#, showsResult: false, changes: true
        ) { call in
            let file = try CSVImportFile(call)
            let textIndex = try file.column(try call.flagString("text") ?? "text", flag: "text", call)
            let byIndex =
                try call.flagString("by").map({ try file.column($0, flag: "by", call) })
                ?? file.optionalColumn("by") ?? file.optionalColumn("author")
            // A column missed (misnamed) must not make every idea anonymous unasked.
            guard byIndex != nil || call.has("anonymous") else {
                throw call.error(
                    "'\(file.path)' has no column 'by' or 'author' for the authors' handles: name it with --by COLUMN, "
                        + "or add --anonymous to take every idea without a name; the columns are \(file.header.joined(separator: ", "))", at: 0)
            }
            let consultation = try call.consultation()
            return try call.importRows(file, noun: "ideas") { tx, row in
                guard row.count > max(textIndex, byIndex ?? 0) else { throw ImportRowError("has \(row.count) cells, fewer than the header") }
                let handle = byIndex.map { row[$0].trimmingCharacters(in: .whitespaces).trimmingPrefix("@") } ?? ""
                let author = handle.isEmpty ? nil : try tx.participant(handle: handle).id
                return Rows.idea(try tx.submitIdea(row[textIndex], by: author, to: consultation), tx.state)
            }
        },
        CommandSpec(
            "import participants", summary: "register people from a CSV file, one per row; a bad row stops the import unless --skip-bad-rows",
            signature: Signature(
                [.init("file", "the CSV file (a header row, RFC 4180 quoting)")],
                flags: [
                    .init("handle", "COLUMN", "the column holding each person's handle (default: handle)"),
                    .init("name", "COLUMN", "the column holding their display name, personal data (default: name, if there is one)"),
                    .init("role", "COLUMN", "the column holding their role (default: role, if there is one; else participant)"),
                    .init("boards", "COLUMN", "the column holding their boards, separated by ; (default: boards, if there is one)"),
                    .init("board", "NAME", "put everyone on this board too", completes: .board),
                    .init(
                        "consent", "COLUMN",
                        "the column holding their consent, separated by ; (default: consent, if there is one; else participation;analytics)"),
                    .init("attributes", "COLUMNS", "columns to keep as attributes for inclusion analytics, such as age,district"),
                ] + rowFlags),
            example: "import participants panel.csv --attributes [age, district]", showsResult: false, changes: true
        ) { call in
            let file = try CSVImportFile(call)
            let handle = try file.column(try call.flagString("handle") ?? "handle", flag: "handle", call)
            func optional(_ flag: String) throws -> Int? {
                try call.flagString(flag).map { try file.column($0, flag: flag, call) } ?? file.optionalColumn(flag)
            }
            let name = try optional("name"), role = try optional("role"), boards = try optional("boards"), consent = try optional("consent")
            let attributes = try (call.flagList("attributes") ?? []).map { ($0.lowercased(), try file.column($0, flag: "attributes", call)) }
            let extraBoard = try call.flagString("board")
            return try call.importRows(file, noun: "people") { tx, row in
                func cell(_ index: Int?) -> String? {
                    guard let index, index < row.count else { return nil }
                    let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
                    return value.isEmpty ? nil : value
                }
                guard let handleText = cell(handle) else { throw ImportRowError("has no handle") }
                let roleValue =
                    try cell(role).map { text in
                        guard let value = Role(rawValue: text.lowercased()) else {
                            throw ImportRowError("gives the role '\(text)'; use \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        return value
                    } ?? .participant
                let consentValue: Consent =
                    try cell(consent).map { text in
                        switch ConsentNames.consent(text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                        case .success(let value): return value
                        case .failure(let unknown):
                            throw ImportRowError("gives the consent '\(unknown.name)'; use \(ConsentNames.all.map(\.0).joined(separator: ", "))")
                        }
                    } ?? .standard
                let boardNames = (cell(boards)?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) + (extraBoard.map { [$0] } ?? [])
                var values: [String: String] = [:]
                for (key, index) in attributes { values[key] = cell(index) }
                let record = cell(name) != nil || !values.isEmpty ? PersonalRecord(displayName: cell(name), attributes: values) : nil
                let participant = try tx.registerParticipant(
                    handle: handleText.trimmingPrefix("@"), role: roleValue, boards: boardNames.filter { !$0.isEmpty },
                    consent: consentValue, personalData: record)
                return Rows.participant(participant, tx.state)
            }
        },
        CommandSpec(
            "import consultation",
            summary: "rebuild a consultation from Charrette JSON (export FILE.json): people, ideas, themes, votes with ballots, card sorts",
            signature: Signature(
                [.init("file", "the JSON file")],
                flags: [
                    .init("title", "TEXT", "the title to give it (when this workspace has a consultation of that title already)"),
                    .init("dry-run", "", "check the file and add nothing"),
                ]),
            example: "import consultation outcome/youth-transport.json", changes: true
        ) { call in
            let path = try call.string(0, "a JSON file")
            guard let data = FileManager.default.contents(atPath: call.scriptRelativePath(path)) else { throw call.error("cannot read '\(path)'", at: 0) }
            let dump: ConsultationDump
            do { dump = try ConsultationDump.read(data) } catch let error as DumpError {
                throw call.error("\(path): \(error.description)", at: 0)
            } catch let error as DecodingError {
                throw call.error("\(path): \(ImportCommands.describe(error))", at: 0)
            } catch {
                throw call.error("\(path): not JSON: \(error.localizedDescription)", at: 0)
            }
            do {
                let consultation = try call.interpreter.perform { tx -> Consultation in
                    let consultation = try tx.importConsultation(dump, title: try call.flagString("title"))
                    if call.has("dry-run") { throw DryRun(records: [Rows.consultation(consultation, tx.state)]) }
                    return consultation
                }
                call.interpreter.consultation = consultation.id
                return .record(Rows.consultation(consultation, call.interpreter.workspace.state))
            } catch let dryRun as DryRun {
                try call.interpreter.show("dry run: the consultation would be rebuilt; nothing was written")
                return .record(dryRun.records[0])
            } catch let error as CharretteError {
                throw call.error("\(path): \(error.description); nothing was imported", at: 0)
            } catch let error as DumpError {
                throw call.error("\(path): \(error.description); nothing was imported", at: 0)
            }
        },
        CommandSpec(
            "import polis",
            summary: "load a Pol.is export folder into the current consultation: its people, statements as ideas, and reactions in a new reactions vote",
            signature: Signature(
                [.init("folder", "a Pol.is export folder (comments.csv, votes.csv)")],
                flags: [.init("board", "NAME", "the board the imported people sit on (needed when the consultation invites boards)", completes: .board)]),
            example: "import polis polis/brexit-consensus --board public", changes: true
        ) { call in
            let folder = try call.string(0, "a Pol.is export folder")
            let export: PolisExport
            do { export = try PolisExport(folder: URL(fileURLWithPath: call.scriptRelativePath(folder))) } catch {
                throw call.error("\(folder)/\(error)", at: 0)
            }
            let board = try call.flagString("board")
            let consultation = try call.consultation()
            // Public data carries whatever people typed: control characters are taken out (they
            // would drive a terminal) and the statements cleaned are counted.
            var cleaned = 0
            let texts = Dictionary(
                export.statements.map { statement -> (Int, String) in
                    guard let stripped = TerminalText.stripped(statement.text) else { return (statement.id, statement.text) }
                    cleaned += 1
                    return (statement.id, stripped)
                }, uniquingKeysWith: { first, _ in first })
            let summary = try call.perform { tx -> (people: Int, ideas: Int, hidden: Int, reactions: Int) in
                // People by number only: Pol.is exports carry no names.
                var people: [Int: Participant.ID] = [:]
                for id in Set(export.votes.map(\.participant)).union(export.statements.map(\.author)).sorted() where id >= 0 {
                    people[id] = try tx.registerParticipant(handle: "polis\(id)", boards: board.map { [$0] } ?? []).id
                }
                var ideas: [Int: Idea.ID] = [:], hidden = 0
                for statement in export.statements {
                    ideas[statement.id] = try tx.submitIdea(texts[statement.id] ?? statement.text, by: people[statement.author], to: consultation).id
                }
                for statement in export.statements where statement.moderation == -1 {
                    try tx.hideIdea(ideas[statement.id]!, reason: "moderated out in Pol.is")
                    hidden += 1
                }
                let open = export.statements.filter { $0.moderation != -1 }.compactMap { ideas[$0.id] }
                let vote = try tx.openVote("Pol.is reactions", on: consultation, method: VotingMethod(rawValue: "reactions")!, candidates: open)
                // Each person's latest reaction to each statement still open, as one ballot.
                let matrix = VoteMatrix(votes: export.votes.filter { ideas[$0.statement] != nil && export.moderatedOut.contains($0.statement) == false })
                var reactions = 0
                for (r, person) in matrix.participants.enumerated() {
                    var ballot: [Idea.ID: Reaction] = [:]
                    for (c, v) in matrix.reactions(row: r) {
                        ballot[ideas[matrix.statements[c]]!] = v > 0 ? .agree : v < 0 ? .disagree : .pass
                    }
                    guard !ballot.isEmpty else { continue }
                    try tx.castBallot(.reactions(ballot), by: people[person]!, in: vote.id)
                    reactions += ballot.count
                }
                return (people.count, ideas.count, hidden, reactions)
            }
            return .record(
                Record(
                    [
                        ("participants", .integer(summary.people)), ("ideas", .integer(summary.ideas)),
                        ("hidden", .integer(summary.hidden)), ("reactions", .integer(summary.reactions)),
                        ("vote", .string("Pol.is reactions")),
                    ] + (cleaned > 0 ? [("control_characters_removed_from", .integer(cleaned))] : [])))
        },
    ]

    /// Where a JSON file does not fit the format, in words.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing".trimmingPrefix(".")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    struct DryRun: Error { let records: [Record] }
}
