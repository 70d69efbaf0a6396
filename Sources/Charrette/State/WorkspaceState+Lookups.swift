/// Lookups that say what is missing: `try state.idea(id)` rather than `state.ideas[id]!`.
extension WorkspaceState {
    /// The participant `id`, or ``CharretteError/unknownParticipantID(_:)``.
    public func participant(_ id: Participant.ID) throws(CharretteError) -> Participant {
        guard let participant = participants[id] else { throw .unknownParticipantID(id) }
        return participant
    }

    /// The idea `id`, or ``CharretteError/unknownIdea(_:)``.
    public func idea(_ id: Idea.ID) throws(CharretteError) -> Idea {
        guard let idea = ideas[id] else { throw .unknownIdea(id) }
        return idea
    }

    /// The theme `id`, or ``CharretteError/unknownTheme(_:)``.
    public func theme(_ id: Theme.ID) throws(CharretteError) -> Theme {
        guard let theme = themes[id] else { throw .unknownTheme("number \(id.rawValue)") }
        return theme
    }

    /// The consultation `id`, or ``CharretteError/unknownConsultation(_:)``.
    public func consultation(_ id: Consultation.ID) throws(CharretteError) -> Consultation {
        guard let consultation = consultations[id] else { throw .unknownConsultation("number \(id.rawValue)") }
        return consultation
    }

    /// The vote `id`, or ``CharretteError/unknownVote(_:)``.
    public func vote(_ id: Vote.ID) throws(CharretteError) -> Vote {
        guard let vote = votes[id] else { throw .unknownVote("number \(id.rawValue)") }
        return vote
    }

    /// The board `id`, or ``CharretteError/unknownBoard(_:)``.
    public func board(_ id: Board.ID) throws(CharretteError) -> Board {
        guard let board = boards[id] else { throw .unknownBoard("number \(id.rawValue)") }
        return board
    }
}
