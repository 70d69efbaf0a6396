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
