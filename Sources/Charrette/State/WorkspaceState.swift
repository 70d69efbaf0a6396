import Foundation

/// Everything a workspace knows: the fold of its journal, plus the personal records beside it.
///
/// Read it through ``Workspace/state``; it changes only by applying journal entries, so two
/// workspaces with the same journal have equal states.
public struct WorkspaceState: Sendable, Equatable {
    public internal(set) var boards: [Board.ID: Board] = [:]
    public internal(set) var participants: [Participant.ID: Participant] = [:]
    /// Personal records by participant, where one exists and has not been erased.
    public internal(set) var personalRecords: [Participant.ID: PersonalRecord] = [:]
    /// What the journal committed to for each participant's personal record.
    public internal(set) var personalCommitments: [Participant.ID: PersonalDataCommitment] = [:]
    public internal(set) var consultations: [Consultation.ID: Consultation] = [:]
    public internal(set) var ideas: [Idea.ID: Idea] = [:]
    public internal(set) var themes: [Theme.ID: Theme] = [:]
    public internal(set) var votes: [Vote.ID: Vote] = [:]
    /// The ballot in force for each vote and voter.
    public internal(set) var ballots: [Vote.ID: [Participant.ID: Ballot]] = [:]
    /// When each ballot in force was cast.
    public internal(set) var ballotTimes: [Vote.ID: [Participant.ID: Date]] = [:]
    /// The text of each idea on a vote's ballot as it was when the vote opened: what people voted
    /// on, whatever edits came after the vote closed.
    public internal(set) var ballotTexts: [Vote.ID: [Idea.ID: String]] = [:]
    /// Each sorter's latest card sort, by consultation.
    public internal(set) var cardSorts: [Consultation.ID: [Participant.ID: CardSort]] = [:]
    /// The agenda's steps as they ran, in the order they finished.
    public internal(set) var agenda: [AgendaStep] = []
    /// Each participant's personal link into the live room, as a digest of its secret.
    public internal(set) var invitations: [Participant.ID: Invitation] = [:]
    /// How many changes each actor made (`nil`: the program, or a shell not told who uses it).
    public internal(set) var changeCounts: [Participant.ID?: Int] = [:]

    /// The last entry folded in, or 0 for an empty journal.
    public internal(set) var headSequence: Int64 = 0
    /// The hash of the last entry, ``JournalHash/genesis`` for an empty journal.
    public internal(set) var headHash: JournalHash = .genesis
    /// An entry that `undo` may still revert, with the change it belongs to.
    struct Undoable: Hashable, Sendable {
        let sequence: Int64
        let change: Int64
    }
    /// Entries that `undo` may still revert, oldest first.
    internal var undoStack: [Undoable] = []

    /// The ideas merged into each idea, so that moving an idea finds its duplicates without
    /// looking at every idea.
    var duplicates: [Idea.ID: Set<Idea.ID>] = [:]
    var handles: [String: Participant.ID] = [:]
    var invitationHolders: [JournalHash: Participant.ID] = [:]
    var boardNames: [String: Board.ID] = [:]
    var nextBoard: Board.ID = 1
    var nextParticipant: Participant.ID = 1
    var nextConsultation: Consultation.ID = 1
    var nextIdea: Idea.ID = 1
    var nextTheme: Theme.ID = 1
    var nextVote: Vote.ID = 1

    public init() {}

    // MARK: Lookups

    public func participant(handle: String) -> Participant? { handles[handle].flatMap { participants[$0] } }
    public func board(named name: String) -> Board? { boardNames[name].flatMap { boards[$0] } }

    /// The text `idea` had on `vote`'s ballot: what its voters voted on, even if the idea was
    /// edited after the vote closed.
    public func textVotedOn(_ idea: Idea.ID, in vote: Vote) -> String? {
        ballotTexts[vote.id]?[idea] ?? ideas[idea]?.text
    }

    /// ``textVotedOn(_:in:)`` as the room may see it: ``Idea/hiddenText`` once a moderator hid the
    /// idea (a statement of a reactions vote may be hidden while the vote is open).
    public func shownTextVotedOn(_ idea: Idea.ID, in vote: Vote) -> String {
        if ideas[idea]?.isHidden == true { return Idea.hiddenText }
        return textVotedOn(idea, in: vote) ?? "#\(idea.rawValue)"
    }

    /// The ideas of a theme, in the order they were submitted.
    public func ideas(in theme: Theme.ID) -> [Idea] {
        ideas.values.filter { $0.theme == theme }.sorted { $0.id < $1.id }
    }

    /// The ideas of a consultation, in the order they were submitted.
    public func ideas(of consultation: Consultation.ID) -> [Idea] {
        ideas.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }
    }

    /// The themes of a consultation, in the order they were created.
    public func themes(of consultation: Consultation.ID) -> [Theme] {
        themes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }
    }

    public func theme(labelled label: String, in consultation: Consultation.ID) -> Theme? {
        themes.values.first { $0.consultation == consultation && $0.label.caseInsensitiveCompare(label) == .orderedSame }
    }

    /// The change `undo` would revert next (the sequence number of its first entry), if any.
    public var nextUndoableChange: Int64? { undoStack.last?.change }

    /// Who the invitation whose secret has the SHA-256 `digest` lets in, if it is in force.
    public func invitationHolder(digest: JournalHash) -> Participant.ID? { invitationHolders[digest] }

    /// The entries `undo` would revert next, in the order they were written: those of the latest
    /// change not yet undone.
    public var nextUndoableEntries: [Int64] {
        guard let change = undoStack.last?.change else { return [] }
        return undoStack.reversed().prefix { $0.change == change }.map(\.sequence).reversed()
    }

    // MARK: Folding

    /// Folds one journal entry into the state.
    public mutating func apply(_ entry: JournalEntry) throws {
        guard entry.sequence == headSequence + 1 else {
            throw JournalError.inconsistent(sequence: entry.sequence, reason: "follows entry \(headSequence)")
        }
        try apply(entry.event)
        switch entry.event {
        case .undone(let target, _, _):
            guard undoStack.last?.sequence == target else {
                throw JournalError.inconsistent(sequence: entry.sequence, reason: "undoes entry \(target), which is not the last undoable one")
            }
            undoStack.removeLast()
        // The record of the session itself is not a change `undo` should take back.
        case .personalDataChanged, .personalDataErased, .agendaStepRecorded, .agendaStepRemoved: break
        default: undoStack.append(Undoable(sequence: entry.sequence, change: entry.change))
        }
        if entry.sequence == entry.change { changeCounts[entry.actor, default: 0] += 1 }
        headSequence = entry.sequence
        headHash = entry.hash
    }

    /// Takes back the last entry folded in, for a batch whose write failed.
    mutating func revert(_ entry: JournalEntry) throws {
        switch entry.event {
        case .undone(let target, let change, let compensation):
            try apply(Self.inverse(of: compensation))
            undoStack.append(Undoable(sequence: target, change: change))
        case .personalDataChanged(let id, let before, _):
            personalCommitments[id] = before
        case .personalDataErased:
            break  // the record itself is restored by the caller, which kept it
        case .agendaStepRecorded, .agendaStepRemoved:
            try apply(Self.inverse(of: entry.event))
        default:
            try apply(Self.inverse(of: entry.event))
            undoStack.removeLast()
            releaseNumber(of: entry.event)
        }
        if entry.sequence == entry.change {
            changeCounts[entry.actor, default: 0] -= 1
            if changeCounts[entry.actor] == 0 { changeCounts[entry.actor] = nil }
        }
        headSequence = entry.sequence - 1
        headHash = entry.previousHash
    }

    /// Hands the number of an entity created by a reverted entry out again: nothing refers to it.
    private mutating func releaseNumber(of event: Event) {
        switch event {
        case .boardCreated(let board): nextBoard = board.id
        case .participantRegistered(let participant, _): nextParticipant = participant.id
        case .consultationOpened(let consultation): nextConsultation = consultation.id
        case .ideaSubmitted(let idea): nextIdea = idea.id
        case .themeCreated(let theme): nextTheme = theme.id
        case .voteOpened(let vote): nextVote = vote.id
        default: break
        }
    }

    /// Applies the effect of one event. Events were checked before they were written, so a
    /// failure here means the journal itself is inconsistent.
    mutating func apply(_ event: Event) throws {
        switch event {
        case .boardCreated(let board):
            boards[board.id] = board
            boardNames[board.name] = board.id
            nextBoard = max(nextBoard, board.id.next)
        case .boardRemoved(let board):
            boards[board.id] = nil
            boardNames[board.name] = nil

        case .participantRegistered(let participant, let commitment):
            participants[participant.id] = participant
            handles[participant.handle] = participant.id
            personalCommitments[participant.id] = commitment
            nextParticipant = max(nextParticipant, participant.id.next)
        case .participantUpdated(let before, let after):
            handles[before.handle] = nil
            participants[after.id] = after
            handles[after.handle] = after.id
        case .participantRemoved(let participant, _):
            participants[participant.id] = nil
            handles[participant.handle] = nil
            personalCommitments[participant.id] = nil
            personalRecords[participant.id] = nil
        case .personalDataChanged(let id, _, let after):
            personalCommitments[id] = after
        case .personalDataErased(let id):
            personalRecords[id] = nil

        case .consultationOpened(let consultation):
            consultations[consultation.id] = consultation
            nextConsultation = max(nextConsultation, consultation.id.next)
        case .consultationRemoved(let consultation):
            consultations[consultation.id] = nil
        case .consultationLanguageChanged(let id, _, let language):
            try Self.modify(&consultations, id, sequence: headSequence + 1) { $0.language = language }
        case .authorsRequired(let id, _, let required):
            try Self.modify(&consultations, id, sequence: headSequence + 1) { $0.requiresAuthors = required }
        case .ideaModerationChanged(let id, _, let moderated):
            try Self.modify(&consultations, id, sequence: headSequence + 1) { $0.moderatesIdeas = moderated }
        case .invitationIssued(let invitation, let replacing):
            if let replacing { invitationHolders[replacing.secretDigest] = nil }
            invitations[invitation.participant] = invitation
            invitationHolders[invitation.secretDigest] = invitation.participant
        case .invitationRevoked(let invitation):
            invitations[invitation.participant] = nil
            invitationHolders[invitation.secretDigest] = nil
        case .consultationPhaseChanged(let id, _, let phase, let at, _):
            try Self.modify(&consultations, id, sequence: headSequence + 1) {
                $0.phase = phase
                $0.phaseChangedAt = at
            }

        case .ideaSubmitted(let idea):
            ideas[idea.id] = idea
            noteDuplicate(idea.id, was: nil, is: idea.status)
            nextIdea = max(nextIdea, idea.id.next)
        case .ideaRemoved(let idea):
            noteDuplicate(idea.id, was: ideas[idea.id]?.status, is: nil)
            ideas[idea.id] = nil
        case .ideaStatusChanged(let id, _, let status):
            let before = ideas[id]?.status
            try Self.modify(&ideas, id, sequence: headSequence + 1) { $0.status = status }
            noteDuplicate(id, was: before, is: status)
        case .ideaTextChanged(let id, _, let text):
            try Self.modify(&ideas, id, sequence: headSequence + 1) { $0.text = text }
        case .ideaMoved(let id, _, let theme):
            try Self.modify(&ideas, id, sequence: headSequence + 1) { $0.theme = theme }

        case .themeCreated(let theme):
            themes[theme.id] = theme
            nextTheme = max(nextTheme, theme.id.next)
        case .themeRemoved(let theme):
            themes[theme.id] = nil
        case .themeChanged(_, let after):
            themes[after.id] = after

        case .voteOpened(let vote):
            votes[vote.id] = vote
            ballotTexts[vote.id] = Dictionary(uniqueKeysWithValues: vote.candidates.compactMap { id in ideas[id].map { (id, $0.text) } })
            nextVote = max(nextVote, vote.id.next)
        case .voteRemoved(let vote):
            votes[vote.id] = nil
            ballots[vote.id] = nil
            ballotTimes[vote.id] = nil
            ballotTexts[vote.id] = nil
        case .voteClosed(let id, let at):
            try Self.modify(&votes, id, sequence: headSequence + 1) { $0.closedAt = at }
        case .voteReopened(let id, _):
            try Self.modify(&votes, id, sequence: headSequence + 1) { $0.closedAt = nil }
        case .ballotCast(let vote, let voter, let ballot, let at, let replacing):
            ballots[vote, default: [:]][voter] = Self.merge(ballot, over: replacing?.ballot)
            ballotTimes[vote, default: [:]][voter] = at
        case .ballotWithdrawn(let vote, let voter, _, let restoring):
            ballots[vote, default: [:]][voter] = restoring?.ballot
            ballotTimes[vote, default: [:]][voter] = restoring?.at
            if ballots[vote]?.isEmpty == true {
                ballots[vote] = nil
                ballotTimes[vote] = nil
            }

        case .cardSortSubmitted(let sort, _):
            cardSorts[sort.consultation, default: [:]][sort.sorter] = sort
        case .cardSortWithdrawn(let sort, let restoring):
            cardSorts[sort.consultation, default: [:]][sort.sorter] = restoring
            if cardSorts[sort.consultation]?.isEmpty == true { cardSorts[sort.consultation] = nil }

        case .agendaStepRecorded(let step):
            agenda.append(step)
        case .agendaStepRemoved(let step):
            if let last = agenda.lastIndex(of: step) { agenda.remove(at: last) }

        case .undone(_, _, let compensation):
            try apply(compensation)
        }
    }

    /// Keeps ``duplicates`` in step with an idea's status.
    private mutating func noteDuplicate(_ id: Idea.ID, was before: Idea.Status?, is after: Idea.Status?) {
        if case .merged(let target)? = before {
            duplicates[target]?.remove(id)
            if duplicates[target]?.isEmpty == true { duplicates[target] = nil }
        }
        if case .merged(let target)? = after { duplicates[target, default: []].insert(id) }
    }

    /// The ideas merged into `idea`, in the order they were submitted.
    public func duplicates(of idea: Idea.ID) -> [Idea] {
        (duplicates[idea] ?? []).compactMap { ideas[$0] }.sorted { $0.id < $1.id }
    }

    /// The ballot in force after `ballot` is cast over `earlier`: it replaces it, except reactions,
    /// where each reaction replaces only the earlier reaction to the same idea.
    static func merge(_ ballot: Ballot, over earlier: Ballot?) -> Ballot {
        guard case .reactions(let new) = ballot, case .reactions(let old)? = earlier else { return ballot }
        return .reactions(old.merging(new) { _, latest in latest })
    }

    // Static: a method on self that took one of self's tables inout would copy the whole state.
    private static func modify<Key, Value>(_ table: inout [Key: Value], _ key: Key, sequence: Int64, _ change: (inout Value) -> Void) throws {
        guard table[key] != nil else {
            throw JournalError.inconsistent(sequence: sequence, reason: "changes \(Value.self) \(key), which does not exist")
        }
        change(&table[key]!)
    }

    /// The event that exactly reverses `event`'s effect on the state.
    static func inverse(of event: Event) throws -> Event {
        switch event {
        case .boardCreated(let board): return .boardRemoved(board)
        case .boardRemoved(let board): return .boardCreated(board)
        case .participantRegistered(let p, let c): return .participantRemoved(p, personalData: c)
        case .participantRemoved(let p, let c): return .participantRegistered(p, personalData: c)
        case .participantUpdated(let before, let after): return .participantUpdated(before: after, after: before)
        case .consultationOpened(let c): return .consultationRemoved(c)
        case .consultationRemoved(let c): return .consultationOpened(c)
        case .consultationPhaseChanged(let id, let from, let to, let at, let previouslyAt):
            return .consultationPhaseChanged(id, from: to, to: from, at: previouslyAt, previouslyAt: at)
        case .ideaSubmitted(let idea): return .ideaRemoved(idea)
        case .ideaRemoved(let idea): return .ideaSubmitted(idea)
        case .ideaStatusChanged(let id, let from, let to): return .ideaStatusChanged(id, from: to, to: from)
        case .ideaTextChanged(let id, let from, let to): return .ideaTextChanged(id, from: to, to: from)
        case .ideaMoved(let id, let from, let to): return .ideaMoved(id, from: to, to: from)
        case .themeCreated(let theme): return .themeRemoved(theme)
        case .themeRemoved(let theme): return .themeCreated(theme)
        case .themeChanged(let before, let after): return .themeChanged(before: after, after: before)
        case .voteOpened(let vote): return .voteRemoved(vote)
        case .voteRemoved(let vote): return .voteOpened(vote)
        case .voteClosed(let id, let at): return .voteReopened(id, closedAt: at)
        case .voteReopened(let id, let closedAt): return .voteClosed(id, at: closedAt)
        case .ballotCast(let vote, let voter, let ballot, let at, let replacing):
            return .ballotWithdrawn(vote, voter: voter, withdrawn: CastBallot(ballot, at: at), restoring: replacing)
        case .ballotWithdrawn(let vote, let voter, let withdrawn, let restoring):
            return .ballotCast(vote, voter: voter, ballot: withdrawn.ballot, at: withdrawn.at, replacing: restoring)
        case .consultationLanguageChanged(let id, let from, let to): return .consultationLanguageChanged(id, from: to, to: from)
        case .authorsRequired(let id, let from, let to): return .authorsRequired(id, from: to, to: from)
        case .ideaModerationChanged(let id, let from, let to): return .ideaModerationChanged(id, from: to, to: from)
        case .invitationIssued(let invitation, let replacing):
            return replacing.map { .invitationIssued($0, replacing: invitation) } ?? .invitationRevoked(invitation)
        case .invitationRevoked(let invitation): return .invitationIssued(invitation, replacing: nil)
        case .cardSortSubmitted(let sort, let replacing): return .cardSortWithdrawn(sort, restoring: replacing)
        case .agendaStepRecorded(let step): return .agendaStepRemoved(step)
        case .agendaStepRemoved(let step): return .agendaStepRecorded(step)
        case .cardSortWithdrawn(let sort, let restoring): return .cardSortSubmitted(sort, replacing: restoring)
        case .personalDataChanged(let id, let before, let after): return .personalDataChanged(id, before: after, after: before)
        case .personalDataErased, .undone:
            throw CharretteError.cannotUndo(entry: 0, reason: "it has no inverse")
        }
    }
}
