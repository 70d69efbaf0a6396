extension Transaction {
    /// Registers a participant. Their personal data, if given, is sealed beside the journal.
    @discardableResult
    public mutating func registerParticipant(
        handle: String, role: Role = .participant, boards: [String] = [], consent: Consent = .standard,
        personalData: PersonalRecord? = nil
    ) throws -> Participant {
        try requireFacilitator(to: "register participants")
        let handle = try Self.checkedName(handle, kind: "handle")
        guard state.participant(handle: handle) == nil else { throw CharretteError.handleTaken(handle) }
        let boardIDs = try Self.unique(boards.map { try board(named: $0).id })
        let participant = Participant(id: state.nextParticipant, handle: handle, role: role, boards: boardIDs, consent: consent)
        if let personalData { try Self.check(personalData) }
        let sealed = try personalData.map { try SealedPersonalRecord(participant: participant.id, record: $0) }
        try record(.participantRegistered(participant, personalData: sealed?.commitment))
        if let sealed { try storePersonalRecord(sealed, for: participant.id) }
        return participant
    }

    /// Changes a participant's role, boards or consent; what is `nil` stays as it is. Participants
    /// may change their own consent; everything else takes a facilitator.
    @discardableResult
    public mutating func updateParticipant(
        _ id: Participant.ID, role: Role? = nil, boards: [String]? = nil, consent: Consent? = nil
    ) throws -> Participant {
        let before = try participant(id)
        if actor != id || role != nil || boards != nil { try requireFacilitator(to: "change roles, boards or others' consent") }
        var after = before
        if let role { after.role = role }
        if let boards { after.boards = try Self.unique(boards.map { try board(named: $0).id }) }
        if let consent { after.consent = consent }
        guard after != before else { throw CharretteError.emptyChange }
        try record(.participantUpdated(before: before, after: after))
        return after
    }

    /// Replaces a participant's personal record.
    public mutating func setPersonalData(_ id: Participant.ID, to personalData: PersonalRecord) throws {
        let participant = try participant(id)
        if actor != id { try requireFacilitator(to: "change other participants' personal data") }
        try Self.check(personalData)
        let sealed = try SealedPersonalRecord(participant: id, record: personalData)
        try record(.personalDataChanged(id, before: state.personalCommitments[id], after: sealed.commitment))
        _ = participant
        try storePersonalRecord(sealed, for: id)
    }

    /// Erases a participant's personal record for good, as a data subject may ask. The journal
    /// keeps only the salted commitment, so the chain still verifies. This cannot be undone.
    public mutating func erasePersonalData(_ id: Participant.ID) throws {
        let participant = try participant(id)
        if actor != id { try requireFacilitator(to: "erase other participants' personal data") }
        guard state.personalRecords[id] != nil else { throw CharretteError.noPersonalData(handle: participant.handle) }
        try record(.personalDataErased(id))
        try storePersonalRecord(nil, for: id)
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
