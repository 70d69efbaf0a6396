import CharretteSupport

extension Transaction {
    /// Opens a consultation. It starts taking ideas at once unless `phase` says otherwise.
    @discardableResult
    public mutating func openConsultation(
        title: String, question: String, boards: [String]? = nil, phase: Consultation.Phase = .ideation
    ) throws -> Consultation {
        try requireFacilitator(to: "open consultations")
        let title = try Self.checkedText(title, kind: "consultation title")
        // A title names one consultation, so that it can be found again.
        if state.consultations.values.contains(where: { $0.title.caseInsensitiveCompare(title) == .orderedSame }) {
            throw CharretteError.consultationTitleTaken(title)
        }
        let question = try Self.checkedText(question, kind: "question")
        let eligibility: Consultation.Eligibility =
            try boards.map { names in
                guard !names.isEmpty else { throw CharretteError.noBoardsInvited }
                return .boards(Self.unique(try names.map { try board(named: $0).id }))
            } ?? .everyone
        let consultation = Consultation(
            id: state.nextConsultation, title: title, question: question, phase: phase,
            eligibility: eligibility, createdAt: time)
        try record(.consultationOpened(consultation))
        return consultation
    }

    /// Moves a consultation to another phase. A closed consultation stays closed (undo reopens it);
    /// closing it closes its open votes in the same change.
    @discardableResult
    public mutating func changePhase(of id: Consultation.ID, to phase: Consultation.Phase) throws -> Consultation {
        try requireFacilitator(to: "change the phase of a consultation")
        let consultation = try openConsultation(id)
        guard consultation.phase != phase else {
            throw CharretteError.phaseUnchanged(title: consultation.title, phase: phase)
        }
        if phase == .closed {
            for vote in state.votes.values.sorted(by: { $0.id < $1.id }) where vote.consultation == id && vote.isOpen {
                try record(.voteClosed(vote.id, at: time))
            }
        }
        try record(
            .consultationPhaseChanged(
                id, from: consultation.phase, to: phase, at: time, previouslyAt: consultation.phaseChangedAt))
        return state.consultations[id]!
    }

    /// Says whether a consultation's ideas must name their author (otherwise anonymous ideas are
    /// taken).
    public mutating func requireAuthors(in id: Consultation.ID, _ required: Bool) throws {
        try requireFacilitator(to: "change what a consultation takes")
        let consultation = try openConsultation(id)
        guard consultation.requiresAuthors != required else { throw CharretteError.emptyChange }
        try record(.authorsRequired(id, from: consultation.requiresAuthors, to: required))
    }

    /// Sets the language of a consultation's ideas (a code of `Language` (in `CharretteSupport`)), or `nil` to detect it
    /// from the ideas each time.
    public mutating func setLanguage(of id: Consultation.ID, to code: String?) throws {
        try requireFacilitator(to: "set the language of a consultation")
        let consultation = try openConsultation(id)
        let language = try code.map { code in
            guard let language = Language(named: code) else { throw CharretteError.unknownLanguage(code) }
            return language.rawValue
        }
        guard language != consultation.language else { throw CharretteError.emptyChange }
        try record(.consultationLanguageChanged(id, from: consultation.language, to: language))
    }
}
