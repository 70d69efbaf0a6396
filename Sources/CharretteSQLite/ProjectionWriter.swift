import Charrette
import Foundation
import GRDB

/// Writes the query tables' rows for the changes of one transaction.
struct ProjectionWriter {
    let db: Database

    private static let json: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try Self.json.encode(value), as: UTF8.self)
    }

    private func run(_ sql: String, _ values: [any SQLiteBindable]) throws { try db.run(sql, values) }

    func write(_ changes: [ProjectionChange]) throws {
        for change in changes { try write(change) }
    }

    private func write(_ change: ProjectionChange) throws {
        switch change {
        case .board(let board):
            try run("INSERT OR REPLACE INTO boards (id, name, title, shadows_board_id) VALUES (?, ?, ?, ?)",
                    [board.id, board.name, board.title, board.shadows])
        case .removeBoard(let id):
            try run("DELETE FROM boards WHERE id = ?", [id])

        case .participant(let participant, let personal):
            try run("""
                INSERT OR REPLACE INTO participants (id, handle, role, consent, display_name, attributes)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [participant.id, participant.handle, participant.role, participant.consent, personal?.displayName, try personal.map { try json($0.attributes) }])
            try run("DELETE FROM board_members WHERE participant_id = ?", [participant.id])
            for board in participant.boards {
                try run("INSERT INTO board_members (board_id, participant_id) VALUES (?, ?)", [board, participant.id])
            }
        case .removeParticipant(let id):
            try run("DELETE FROM participants WHERE id = ?", [id])
            try run("DELETE FROM board_members WHERE participant_id = ?", [id])

        case .consultation(let c):
            var invited: String?
            if case .boards(let boards) = c.eligibility { invited = try json(boards) }
            try run("""
                INSERT OR REPLACE INTO consultations (id, title, question, phase, invited_board_ids, created_at, phase_changed_at, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [c.id, c.title, c.question, c.phase, invited, c.createdAt, c.phaseChangedAt, c.language])
        case .removeConsultation(let id):
            try run("DELETE FROM consultations WHERE id = ?", [id])

        case .idea(let idea):
            var status = "open"
            var mergedInto: Idea.ID?
            var reason: String?
            switch idea.status {
            case .open: break
            case .merged(let into): (status, mergedInto) = ("merged", into)
            case .withdrawn: status = "withdrawn"
            case .hidden(let why): (status, reason) = ("hidden", why)
            }
            try run("""
                INSERT OR REPLACE INTO ideas
                (id, consultation_id, text, author_id, submitted_at, status, merged_into_id, hidden_reason, theme_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [idea.id, idea.consultation, idea.text, idea.author, idea.submittedAt, status, mergedInto, reason, idea.theme])
        case .removeIdea(let id):
            try run("DELETE FROM ideas WHERE id = ?", [id])

        case .theme(let theme):
            try run("""
                INSERT OR REPLACE INTO themes
                (id, consultation_id, label, description, created_by, created_at, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [theme.id, theme.consultation, theme.label, theme.description, theme.createdBy, theme.createdAt, theme.changedBy, theme.changedAt])
        case .removeTheme(let id):
            try run("DELETE FROM themes WHERE id = ?", [id])

        case .vote(let vote):
            try run("""
                INSERT OR REPLACE INTO votes
                (id, consultation_id, title, method, settings, candidate_ids, opened_by, opened_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [vote.id, vote.consultation, vote.title, vote.method, try json(vote.settings), try json(vote.candidates), vote.openedBy, vote.openedAt, vote.closedAt])
        case .removeVote(let id):
            try run("DELETE FROM votes WHERE id = ?", [id])
            try run("DELETE FROM ballots WHERE vote_id = ?", [id])

        case .ballot(let vote, let voter, let ballot, let castAt):
            try run("""
                INSERT OR REPLACE INTO ballots (vote_id, participant_id, kind, ballot, cast_at) VALUES (?, ?, ?, ?, ?)
                """, [vote, voter, ballot.kind, try json(ballot), castAt])
        case .removeBallot(let vote, let voter):
            try run("DELETE FROM ballots WHERE vote_id = ? AND participant_id = ?", [vote, voter])

        case .cardSort(let sort):
            try run("""
                INSERT OR REPLACE INTO card_sorts (consultation_id, participant_id, groups, submitted_at) VALUES (?, ?, ?, ?)
                """, [sort.consultation, sort.sorter, try json(sort.groups), sort.submittedAt])
        case .removeCardSort(let consultation, let sorter):
            try run("DELETE FROM card_sorts WHERE consultation_id = ? AND participant_id = ?", [consultation, sorter])
        }
    }
}
