import Foundation

/// One change in the making: the commands called on it are checked and applied in order, and
/// written together when `Workspace/perform(by:_:)` returns. (With
/// ``Workspace/performGrouped(by:_:)``, several changes share one transaction until it is flushed.)
///
/// Each command checks its rules against ``state`` as the commands before it left it, and throws
/// a ``CharretteError`` without touching anything when one is broken.
public struct Transaction: Sendable {
    /// The state with this transaction's commands so far applied.
    public internal(set) var state: WorkspaceState
    /// Who makes the change.
    public private(set) var actor: Participant.ID?
    /// The time every entry of this change records.
    public private(set) var time: Date
    let storage: any JournalStorage

    /// Where the journal ended when this transaction began: what storage must still hold at commit.
    private let startHead: Int64
    /// The first entry of the change being made, which every entry of it names (undo reverts a change).
    private var changeStart: Int64
    private var entries: [EncodedEntry] = []
    private var applied: [JournalEntry] = []
    private var personal: [(Participant.ID, SealedPersonalRecord?)] = []
    /// Each personal record as it was before each write to it, to restore on failure.
    private var personalLog: [(Participant.ID, PersonalRecord?)] = []
    private var touched: [TouchedRow] = []

    init(state: WorkspaceState, actor: Participant.ID?, time: Date, storage: any JournalStorage) {
        self.state = state
        self.actor = actor
        self.time = time
        self.storage = storage
        self.startHead = state.headSequence
        self.changeStart = state.headSequence + 1
    }

    /// How far a transaction had got, to take back what came after.
    struct Mark {
        fileprivate let entries: Int, personal: Int, personalLog: Int, touched: Int
    }

    /// Starts another change in this transaction, by `actor` at `time`.
    mutating func beginChange(by actor: Participant.ID?, at time: Date) -> Mark {
        self.actor = actor
        self.time = time
        changeStart = state.headSequence + 1
        return Mark(entries: applied.count, personal: personal.count, personalLog: personalLog.count, touched: touched.count)
    }

    /// Whether nothing is waiting to be written.
    var isEmpty: Bool { entries.isEmpty }

    /// The entries this change has written so far.
    public var pendingEntries: [JournalEntry] { applied }

    /// Chains `event` into the journal and applies it to the state.
    mutating func record(_ event: Event) throws {
        let encoded = EntryCoding.encode(
            event, sequence: state.headSequence + 1, change: changeStart, time: time, actor: actor, previousHash: state.headHash)
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
        personalLog.append((id, state.personalRecords[id]))
        state.personalRecords[id] = try sealed?.record()
        personal.append((id, sealed))
        touched.append(.participant(id))
    }

    /// Writes what this transaction recorded and ends the store's write, which it holds.
    mutating func commit() throws {
        guard !entries.isEmpty else { return storage.abandonWrite() }
        var seen = Set<TouchedRow>()
        let projection = touched.filter { seen.insert($0).inserted }.map { $0.projection(in: state) }
        try storage.commit(
            CommitBatch(
                expectedHead: startHead, entries: entries, personalRecords: personal, projection: projection))
    }

    mutating func rollBack() throws {
        try rollBack(to: Mark(entries: 0, personal: 0, personalLog: 0, touched: 0))
    }

    /// Takes back everything applied since `mark`, leaving what came before.
    mutating func rollBack(to mark: Mark) throws {
        for entry in applied[mark.entries...].reversed() { try state.revert(entry) }
        for (id, record) in personalLog[mark.personalLog...].reversed() { state.personalRecords[id] = record }
        applied.removeSubrange(mark.entries...)
        entries.removeSubrange(mark.entries...)
        personal.removeSubrange(mark.personal...)
        personalLog.removeSubrange(mark.personalLog...)
        touched.removeSubrange(mark.touched...)
    }

    /// The journal entries at `sequences` (in ascending order), whether written before or earlier
    /// in this change, read in one pass.
    func entries(_ sequences: [Int64]) throws -> [Int64: JournalEntry] {
        guard let first = sequences.first, let last = sequences.last else { return [:] }
        let wanted = Set(sequences)
        var found: [Int64: JournalEntry] = [:]
        for entry in applied where wanted.contains(entry.sequence) { found[entry.sequence] = entry }
        if first <= startHead {
            try storage.readEntries(after: first - 1) { encoded in
                guard encoded.sequence <= min(last, startHead) else { return }
                if wanted.contains(encoded.sequence) { found[encoded.sequence] = try EntryCoding.decode(encoded) }
            }
        }
        return found
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
    case cardSort(Consultation.ID, Participant.ID)

    static func rows(touchedBy event: Event) -> [TouchedRow] {
        switch event {
        case .boardCreated(let b), .boardRemoved(let b): [.board(b.id)]
        case .participantRegistered(let p, _), .participantRemoved(let p, _): [.participant(p.id)]
        case .participantUpdated(_, let p): [.participant(p.id)]
        case .personalDataChanged(let id, _, _), .personalDataErased(let id): [.participant(id)]
        case .consultationOpened(let c), .consultationRemoved(let c): [.consultation(c.id)]
        case .consultationPhaseChanged(let id, _, _, _, _), .consultationLanguageChanged(let id, _, _), .authorsRequired(let id, _, _),
            .ideaModerationChanged(let id, _, _):
            [.consultation(id)]
        case .ideaSubmitted(let i), .ideaRemoved(let i): [.idea(i.id)]
        case .ideaStatusChanged(let id, _, _), .ideaTextChanged(let id, _, _), .ideaMoved(let id, _, _): [.idea(id)]
        case .themeCreated(let t), .themeRemoved(let t): [.theme(t.id)]
        case .themeChanged(_, let t): [.theme(t.id)]
        case .voteOpened(let v): [.vote(v.id)]
        case .voteRemoved(let v): [.vote(v.id)]
        case .voteClosed(let id, _), .voteReopened(let id, _): [.vote(id)]
        case .ballotCast(let v, let p, _, _, _), .ballotWithdrawn(let v, let p, _, _): [.ballot(v, p)]
        case .cardSortSubmitted(let sort, _), .cardSortWithdrawn(let sort, _): [.cardSort(sort.consultation, sort.sorter)]
        case .agendaStepRecorded, .agendaStepRemoved, .invitationIssued, .invitationRevoked: []
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
        case .cardSort(let consultation, let sorter):
            state.cardSorts[consultation]?[sorter].map(ProjectionChange.cardSort) ?? .removeCardSort(consultation, sorter)
        }
    }
}
