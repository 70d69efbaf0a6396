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

    private func run(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func write(_ changes: [ProjectionChange]) throws {
        for change in changes { try write(change) }
    }

    private func write(_ change: ProjectionChange) throws {
        switch change {
        case .board(let board):
            try run("INSERT OR REPLACE INTO boards (id, name, title, shadows_board_id) VALUES (?, ?, ?, ?)",
                    [board.id.rawValue, board.name, board.title, board.shadows?.rawValue])
        case .removeBoard(let id):
            try run("DELETE FROM boards WHERE id = ?", [id.rawValue])

        case .participant(let participant, let personal):
            try run("""
                INSERT OR REPLACE INTO participants (id, handle, role, consent, display_name, attributes)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [participant.id.rawValue, participant.handle, participant.role.rawValue, participant.consent.rawValue,
                      personal?.displayName, try personal.map { try json($0.attributes) }])
            try run("DELETE FROM board_members WHERE participant_id = ?", [participant.id.rawValue])
            for board in participant.boards {
                try run("INSERT INTO board_members (board_id, participant_id) VALUES (?, ?)", [board.rawValue, participant.id.rawValue])
            }
        case .removeParticipant(let id):
            try run("DELETE FROM participants WHERE id = ?", [id.rawValue])
            try run("DELETE FROM board_members WHERE participant_id = ?", [id.rawValue])

        case .consultation(let c):
            var invited: String?
            if case .boards(let boards) = c.eligibility { invited = try json(boards) }
            try run("""
                INSERT OR REPLACE INTO consultations (id, title, question, phase, invited_board_ids, created_at, phase_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [c.id.rawValue, c.title, c.question, c.phase.rawValue, invited, c.createdAt, c.phaseChangedAt])
        case .removeConsultation(let id):
            try run("DELETE FROM consultations WHERE id = ?", [id.rawValue])

        case .idea(let idea):
            var status = "open"
            var mergedInto: Int?
            var reason: String?
            switch idea.status {
            case .open: break
            case .merged(let into): (status, mergedInto) = ("merged", into.rawValue)
            case .withdrawn: status = "withdrawn"
            case .hidden(let why): (status, reason) = ("hidden", why)
            }
            try run("""
                INSERT OR REPLACE INTO ideas
                (id, consultation_id, text, author_id, submitted_at, status, merged_into_id, hidden_reason, theme_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [idea.id.rawValue, idea.consultation.rawValue, idea.text, idea.author.rawValue, idea.submittedAt,
                      status, mergedInto, reason, idea.theme?.rawValue])
        case .removeIdea(let id):
            try run("DELETE FROM ideas WHERE id = ?", [id.rawValue])

        case .theme(let theme):
            try run("""
                INSERT OR REPLACE INTO themes
                (id, consultation_id, label, description, created_by, created_at, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [theme.id.rawValue, theme.consultation.rawValue, theme.label, theme.description,
                      theme.createdBy?.rawValue, theme.createdAt, theme.changedBy?.rawValue, theme.changedAt])
        case .removeTheme(let id):
            try run("DELETE FROM themes WHERE id = ?", [id.rawValue])

        case .vote(let vote):
            try run("""
                INSERT OR REPLACE INTO votes
                (id, consultation_id, title, method, settings, candidate_ids, opened_by, opened_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [vote.id.rawValue, vote.consultation.rawValue, vote.title, vote.method.rawValue, try json(vote.settings),
                      try json(vote.candidates), vote.openedBy?.rawValue, vote.openedAt, vote.closedAt])
        case .removeVote(let id):
            try run("DELETE FROM votes WHERE id = ?", [id.rawValue])
            try run("DELETE FROM ballots WHERE vote_id = ?", [id.rawValue])

        case .ballot(let vote, let voter, let ballot, let castAt):
            try run("""
                INSERT OR REPLACE INTO ballots (vote_id, participant_id, kind, ballot, cast_at) VALUES (?, ?, ?, ?, ?)
                """, [vote.rawValue, voter.rawValue, ballot.kind.rawValue, try json(ballot), castAt])
        case .removeBallot(let vote, let voter):
            try run("DELETE FROM ballots WHERE vote_id = ? AND participant_id = ?", [vote.rawValue, voter.rawValue])
        }
    }
}
