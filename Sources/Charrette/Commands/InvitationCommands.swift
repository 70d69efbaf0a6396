extension Transaction {
    /// Gives `participant` a personal link into the live room, whose secret has the SHA-256
    /// `secretDigest`; an earlier link of theirs stops working.
    @discardableResult
    public mutating func issueInvitation(to participant: Participant.ID, secretDigest: JournalHash) throws -> Invitation {
        try requireFacilitator(to: "invite participants")
        let invited = try self.participant(participant)
        if let holder = state.invitationHolder(digest: secretDigest), holder != invited.id {
            throw CharretteError.invitationInUse
        }
        let invitation = Invitation(participant: invited.id, secretDigest: secretDigest, issuedAt: time)
        try record(.invitationIssued(invitation, replacing: state.invitations[invited.id]))
        return invitation
    }

    /// Stops `participant`'s personal link from letting anyone in.
    public mutating func revokeInvitation(of participant: Participant.ID) throws {
        try requireFacilitator(to: "revoke invitations")
        let invited = try self.participant(participant)
        guard let invitation = state.invitations[invited.id] else { throw CharretteError.notInvited(handle: invited.handle) }
        try record(.invitationRevoked(invitation))
    }
}

extension Transaction {
    /// Lets a newcomer into the live room on their own: registers them under `handle` with the
    /// consent and attributes they gave, and gives them the credential whose secret has the digest
    /// `secretDigest` (their rejoin code). The room calls this only for someone who knew its
    /// room code.
    ///
    /// Refused when `consultation` is limited to boards (a walk-in cannot say which board they sit
    /// on), when the newcomer did not agree to take part, for attributes given without consent to
    /// their being counted (``Consent/analytics``), and for a handle already taken.
    @discardableResult
    public mutating func registerWalkIn(
        handle: String, consent: Consent, attributes: [String: String], to consultation: Consultation.ID, secretDigest: JournalHash
    ) throws -> Participant {
        let target = try self.consultation(consultation)
        if case .boards = target.eligibility { throw CharretteError.walkInsClosed(consultation: target.title) }
        guard consent.contains(.participation) else { throw CharretteError.walkInConsentNeeded }
        guard attributes.isEmpty || consent.contains(.analytics) else { throw CharretteError.attributesWithoutConsent }
        guard state.invitationHolder(digest: secretDigest) == nil else { throw CharretteError.invitationInUse }
        let personal = attributes.isEmpty ? nil : PersonalRecord(attributes: attributes)
        let participant = try registerParticipant(handle: handle, consent: consent, personalData: personal)
        try issueInvitation(to: participant.id, secretDigest: secretDigest)
        return participant
    }
}
