// The binary layout of events: one byte naming the case, then its fields in order. Case numbers
// are part of the journal format: never reuse or renumber one; add new cases at the end.

extension Event: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        switch self {
        case .boardCreated(let board): writer.writeByte(0); writer.write(board)
        case .boardRemoved(let board): writer.writeByte(1); writer.write(board)
        case .participantRegistered(let participant, let commitment):
            writer.writeByte(2); writer.write(participant); writer.write(commitment)
        case .participantUpdated(let before, let after): writer.writeByte(3); writer.write(before); writer.write(after)
        case .participantRemoved(let participant, let commitment):
            writer.writeByte(4); writer.write(participant); writer.write(commitment)
        case .personalDataChanged(let id, let before, let after):
            writer.writeByte(5); writer.write(id); writer.write(before); writer.write(after)
        case .personalDataErased(let id): writer.writeByte(6); writer.write(id)
        case .consultationOpened(let consultation): writer.writeByte(7); writer.write(consultation)
        case .consultationRemoved(let consultation): writer.writeByte(8); writer.write(consultation)
        case .consultationPhaseChanged(let id, let from, let to, let at, let previouslyAt):
            writer.writeByte(9); writer.write(id); writer.write(from); writer.write(to); writer.write(at); writer.write(previouslyAt)
        case .ideaSubmitted(let idea): writer.writeByte(10); writer.write(idea)
        case .ideaRemoved(let idea): writer.writeByte(11); writer.write(idea)
        case .ideaStatusChanged(let id, let from, let to): writer.writeByte(12); writer.write(id); writer.write(from); writer.write(to)
        case .ideaTextChanged(let id, let from, let to): writer.writeByte(13); writer.write(id); writer.write(from); writer.write(to)
        case .ideaMoved(let id, let from, let to): writer.writeByte(14); writer.write(id); writer.write(from); writer.write(to)
        case .themeCreated(let theme): writer.writeByte(15); writer.write(theme)
        case .themeRemoved(let theme): writer.writeByte(16); writer.write(theme)
        case .themeChanged(let before, let after): writer.writeByte(17); writer.write(before); writer.write(after)
        case .voteOpened(let vote): writer.writeByte(18); writer.write(vote)
        case .voteRemoved(let vote): writer.writeByte(19); writer.write(vote)
        case .voteClosed(let id, let at): writer.writeByte(20); writer.write(id); writer.write(at)
        case .voteReopened(let id, let closedAt): writer.writeByte(21); writer.write(id); writer.write(closedAt)
        case .ballotCast(let vote, let voter, let ballot, let at, let replacing):
            writer.writeByte(22); writer.write(vote); writer.write(voter); writer.write(ballot); writer.write(at); writer.write(replacing)
        case .ballotWithdrawn(let vote, let voter, let withdrawn, let restoring):
            writer.writeByte(23); writer.write(vote); writer.write(voter); writer.write(withdrawn); writer.write(restoring)
        case .cardSortSubmitted(let sort, let replacing): writer.writeByte(25); writer.write(sort); writer.write(replacing)
        case .cardSortWithdrawn(let sort, let restoring): writer.writeByte(26); writer.write(sort); writer.write(restoring)
        case .consultationLanguageChanged(let id, let from, let to): writer.writeByte(27); writer.write(id); writer.write(from); writer.write(to)
        case .agendaStepRecorded(let step): writer.writeByte(28); writer.write(step)
        case .agendaStepRemoved(let step): writer.writeByte(29); writer.write(step)
        case .authorsRequired(let id, let from, let to): writer.writeByte(30); writer.write(id); writer.write(from); writer.write(to)
        case .invitationIssued(let invitation, let replacing): writer.writeByte(31); writer.write(invitation); writer.write(replacing)
        case .invitationRevoked(let invitation): writer.writeByte(32); writer.write(invitation)
        case .ideaModerationChanged(let id, let from, let to): writer.writeByte(33); writer.write(id); writer.write(from); writer.write(to)
        case .undone(let entry, let change, let compensation):
            writer.writeByte(24); writer.write(entry); writer.write(change); writer.write(compensation)
        }
    }

    public init(from reader: inout BinaryReader) throws {
        let tag = try reader.readByte()
        switch tag {
        case 0: self = .boardCreated(try reader.read())
        case 1: self = .boardRemoved(try reader.read())
        case 2: self = .participantRegistered(try reader.read(), personalData: try reader.read())
        case 3: self = .participantUpdated(before: try reader.read(), after: try reader.read())
        case 4: self = .participantRemoved(try reader.read(), personalData: try reader.read())
        case 5: self = .personalDataChanged(try reader.read(), before: try reader.read(), after: try reader.read())
        case 6: self = .personalDataErased(try reader.read())
        case 7: self = .consultationOpened(try reader.read())
        case 8: self = .consultationRemoved(try reader.read())
        case 9:
            self = .consultationPhaseChanged(
                try reader.read(), from: try reader.read(), to: try reader.read(), at: try reader.read(), previouslyAt: try reader.read())
        case 10: self = .ideaSubmitted(try reader.read())
        case 11: self = .ideaRemoved(try reader.read())
        case 12: self = .ideaStatusChanged(try reader.read(), from: try reader.read(), to: try reader.read())
        case 13: self = .ideaTextChanged(try reader.read(), from: try reader.read(), to: try reader.read())
        case 14: self = .ideaMoved(try reader.read(), from: try reader.read(), to: try reader.read())
        case 15: self = .themeCreated(try reader.read())
        case 16: self = .themeRemoved(try reader.read())
        case 17: self = .themeChanged(before: try reader.read(), after: try reader.read())
        case 18: self = .voteOpened(try reader.read())
        case 19: self = .voteRemoved(try reader.read())
        case 20: self = .voteClosed(try reader.read(), at: try reader.read())
        case 21: self = .voteReopened(try reader.read(), closedAt: try reader.read())
        case 22:
            self = .ballotCast(
                try reader.read(), voter: try reader.read(), ballot: try reader.read(), at: try reader.read(), replacing: try reader.read())
        case 23:
            self = .ballotWithdrawn(try reader.read(), voter: try reader.read(), withdrawn: try reader.read(), restoring: try reader.read())
        case 24:
            self = .undone(entry: try reader.read(), change: try reader.read(), compensation: try reader.nested { try Event(from: &$0) })
        case 25: self = .cardSortSubmitted(try reader.read(), replacing: try reader.read())
        case 26: self = .cardSortWithdrawn(try reader.read(), restoring: try reader.read())
        case 27: self = .consultationLanguageChanged(try reader.read(), from: try reader.read(), to: try reader.read())
        case 28: self = .agendaStepRecorded(try reader.read())
        case 29: self = .agendaStepRemoved(try reader.read())
        case 30: self = .authorsRequired(try reader.read(), from: try reader.read(), to: try reader.read())
        case 31: self = .invitationIssued(try reader.read(), replacing: try reader.read())
        case 32: self = .invitationRevoked(try reader.read())
        case 33: self = .ideaModerationChanged(try reader.read(), from: try reader.read(), to: try reader.read())
        default: throw reader.unknownCase(tag, of: "event")
        }
    }
}
