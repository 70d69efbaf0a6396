import Foundation

/// One change in the making: the commands called on it are checked and applied in order, and
/// written together when ``Workspace/perform(by:_:)`` returns.
///
/// Each command checks its rules against ``state`` as the commands before it left it, and throws
/// a ``CharretteError`` without touching anything when one is broken.
public struct Transaction {
    /// The state with this transaction's commands so far applied.
    public internal(set) var state: WorkspaceState
    /// Who makes the change.
    public let actor: Participant.ID?
    /// The time every entry of this change records.
    public let time: Date
    let storage: any JournalStorage

    private var startHead: Int64
    private var entries: [EncodedEntry] = []
    private var applied: [JournalEntry] = []
    private var personal: [(Participant.ID, SealedPersonalRecord?)] = []
    /// Personal records as they were before this change touched them, to restore on failure.
    private var savedRecords: [Participant.ID: PersonalRecord?] = [:]
    private var touched: [TouchedRow] = []

    init(state: WorkspaceState, actor: Participant.ID?, time: Date, storage: any JournalStorage) {
        self.state = state
        self.actor = actor
        self.time = time
        self.storage = storage
        self.startHead = state.headSequence
    }

    /// The entries this change has written so far.
    public var pendingEntries: [JournalEntry] { applied }

    /// Chains `event` into the journal and applies it to the state.
    mutating func record(_ event: Event) throws {
        let encoded = EntryCoding.encode(
            event, sequence: state.headSequence + 1, change: startHead + 1, time: time, actor: actor, previousHash: state.headHash)
        let entry = JournalEntry(
            sequence: encoded.sequence, time: time, change: encoded.change, actor: actor, event: event,
            previousHash: encoded.previousHash, hash: encoded.hash)
        try state.apply(entry)
        entries.append(encoded)
        applied.append(entry)
        touched.append(contentsOf: TouchedRow.rows(touchedBy: event))
    }

    /// Keeps a sealed personal record (or erases it, with `nil`) as part of this change.
    mutating func storePersonalRecord(_ sealed: SealedPersonalRecord?, for id: Participant.ID) throws {
        if savedRecords[id] == nil { savedRecords[id] = .some(state.personalRecords[id]) }
        state.personalRecords[id] = try sealed?.record()
        personal.append((id, sealed))
        touched.append(.participant(id))
    }

    mutating func commit() throws {
        guard !entries.isEmpty else { return }
        var seen = Set<TouchedRow>()
        let projection = touched.filter { seen.insert($0).inserted }.map { $0.projection(in: state) }
        try storage.commit(CommitBatch(
            expectedHead: startHead, entries: entries, personalRecords: personal, projection: projection))
    }

    mutating func rollBack() throws {
        for entry in applied.reversed() { try state.revert(entry) }
        for (id, record) in savedRecords { state.personalRecords[id] = record }
        entries = []
        applied = []
    }

    /// The journal entry at `sequence`, whether written before or earlier in this change.
    func entry(at sequence: Int64) throws -> JournalEntry? {
        if sequence > startHead { return applied.first { $0.sequence == sequence } }
        return try storage.entry(at: sequence).map(EntryCoding.decode)
    }
}

/// A row of the query tables that an event changed.
enum TouchedRow: Hashable {
    case board(Board.ID)
    case participant(Participant.ID)
    case consultation(Consultation.ID)
    case idea(Idea.ID)
    case theme(Theme.ID)
    case vote(Vote.ID)
    case ballot(Vote.ID, Participant.ID)

    static func rows(touchedBy event: Event) -> [TouchedRow] {
        switch event {
        case .boardCreated(let b), .boardRemoved(let b): [.board(b.id)]
        case .participantRegistered(let p, _), .participantRemoved(let p, _): [.participant(p.id)]
        case .participantUpdated(_, let p): [.participant(p.id)]
        case .personalDataChanged(let id, _, _), .personalDataErased(let id): [.participant(id)]
        case .consultationOpened(let c), .consultationRemoved(let c): [.consultation(c.id)]
        case .consultationPhaseChanged(let id, _, _, _, _): [.consultation(id)]
        case .ideaSubmitted(let i), .ideaRemoved(let i): [.idea(i.id)]
        case .ideaStatusChanged(let id, _, _), .ideaTextChanged(let id, _, _), .ideaMoved(let id, _, _): [.idea(id)]
        case .themeCreated(let t), .themeRemoved(let t): [.theme(t.id)]
        case .themeChanged(_, let t): [.theme(t.id)]
        case .voteOpened(let v): [.vote(v.id)]
        case .voteRemoved(let v): [.vote(v.id)]
        case .voteClosed(let id, _), .voteReopened(let id, _): [.vote(id)]
        case .ballotCast(let v, let p, _, _, _), .ballotWithdrawn(let v, let p, _, _): [.ballot(v, p)]
        case .undone(_, _, let compensation): rows(touchedBy: compensation)
        }
    }

    func projection(in state: WorkspaceState) -> ProjectionChange {
        switch self {
        case .board(let id): state.boards[id].map(ProjectionChange.board) ?? .removeBoard(id)
        case .participant(let id):
            state.participants[id].map { .participant($0, state.personalRecords[id]) } ?? .removeParticipant(id)
        case .consultation(let id): state.consultations[id].map(ProjectionChange.consultation) ?? .removeConsultation(id)
        case .idea(let id): state.ideas[id].map(ProjectionChange.idea) ?? .removeIdea(id)
        case .theme(let id): state.themes[id].map(ProjectionChange.theme) ?? .removeTheme(id)
        case .vote(let id): state.votes[id].map(ProjectionChange.vote) ?? .removeVote(id)
        case .ballot(let vote, let voter):
            if let ballot = state.ballots[vote]?[voter], let time = state.ballotTimes[vote]?[voter] {
                .ballot(vote, voter, ballot, castAt: time)
            } else {
                .removeBallot(vote, voter)
            }
        }
    }
}
