import Charrette
import Foundation

/// What one change to the query tables does to their rows: the writer carries it out, and
/// verification compares the rows of the whole state with the tables.
enum RowWrite {
    /// Writes a whole row (values in the table's column order), replacing the one with its key.
    case replace(QueryTable, [any SQLiteBindable])
    /// Deletes the rows whose first columns equal `values`.
    case delete(QueryTable, [any SQLiteBindable])
}

enum ProjectionRows {
    private static let json: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try json.encode(value), as: UTF8.self)
    }

    static func rows(for change: ProjectionChange) throws -> [RowWrite] {
        switch change {
        case .board(let board):
            return [.replace(.boards, [board.id, board.name, board.title, board.shadows])]
        case .removeBoard(let id):
            return [.delete(.boards, [id])]

        case .participant(let participant, let personal):
            let row = RowWrite.replace(
                .participants,
                [
                    participant.id, participant.handle, participant.role, participant.consent, personal?.displayName,
                    try personal.map { try json($0.attributes) },
                ])
            return [row, .delete(.boardMembers, [participant.id])]
                + participant.boards.sorted().map { .replace(.boardMembers, [participant.id, $0]) }
        case .removeParticipant(let id):
            return [.delete(.participants, [id]), .delete(.boardMembers, [id])]

        case .consultation(let c):
            var invited: String?
            if case .boards(let boards) = c.eligibility { invited = try json(boards) }
            return [
                .replace(
                    .consultations,
                    [c.id, c.title, c.question, c.phase, invited, c.createdAt, c.phaseChangedAt, c.language, c.requiresAuthors, c.moderatesIdeas])
            ]
        case .removeConsultation(let id):
            return [.delete(.consultations, [id])]

        case .idea(let idea):
            var status = "open"
            var mergedInto: Idea.ID?
            var reason: String?
            switch idea.status {
            case .open: break
            case .merged(let into): (status, mergedInto) = ("merged", into)
            case .withdrawn: status = "withdrawn"
            case .hidden(let why): (status, reason) = ("hidden", why)
            case .held: status = "held"
            }
            return [.replace(.ideas, [idea.id, idea.consultation, idea.text, idea.author, idea.submittedAt, status, mergedInto, reason, idea.theme])]
        case .removeIdea(let id):
            return [.delete(.ideas, [id])]

        case .theme(let theme):
            return [
                .replace(
                    .themes,
                    [
                        theme.id, theme.consultation, theme.label, theme.description, theme.createdBy, theme.createdAt, theme.changedBy, theme.changedAt,
                    ])
            ]
        case .removeTheme(let id):
            return [.delete(.themes, [id])]

        case .vote(let vote):
            return [
                .replace(
                    .votes,
                    [
                        vote.id, vote.consultation, vote.title, vote.method, try json(vote.settings), try json(vote.candidates),
                        vote.openedBy, vote.openedAt, vote.closedAt,
                    ])
            ]
        case .removeVote(let id):
            return [.delete(.votes, [id]), .delete(.ballots, [id])]

        case .ballot(let vote, let voter, let ballot, let castAt):
            return [.replace(.ballots, [vote, voter, ballot.kind, try json(ballot), castAt])]
        case .removeBallot(let vote, let voter):
            return [.delete(.ballots, [vote, voter])]

        case .cardSort(let sort):
            return [.replace(.cardSorts, [sort.consultation, sort.sorter, try json(sort.groups), sort.submittedAt])]
        case .removeCardSort(let consultation, let sorter):
            return [.delete(.cardSorts, [consultation, sorter])]
        }
    }
}
