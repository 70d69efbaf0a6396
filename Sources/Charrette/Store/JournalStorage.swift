import Foundation

/// Where a workspace keeps its journal, personal records and query tables.
///
/// A storage only persists: every rule is checked by ``Workspace`` before ``commit(_:)`` is called.
/// `CharretteSQLite` provides the default, ``InMemoryStorage`` one for tests and throw-away work.
///
/// Several workspaces, in this process or others, may share one store. Appends are serialised by
/// the store's write lock: a change takes it with ``beginWrite()``, reads what others appended
/// meanwhile, checks its rules against that, and writes with ``commit(_:)``, which releases it.
/// So a change is never checked against a state that is already out of date when it is written.
public protocol JournalStorage: AnyObject, Sendable {
    /// Calls `body` with every entry after `sequence`, in order.
    func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws
    /// The entry at `sequence`, if it exists.
    func entry(at sequence: Int64) throws -> EncodedEntry?
    /// Every personal record kept beside the journal.
    func personalRecords() throws -> [SealedPersonalRecord]
    /// The personal record of one participant, if one is kept.
    func personalRecord(of participant: Participant.ID) throws -> SealedPersonalRecord?
    /// The head the storage recorded with its last commit: sequence and hash of the last entry.
    func recordedHead() throws -> (sequence: Int64, hash: JournalHash)?

    /// Takes the store's write lock, waiting while another writer holds it. Until ``commit(_:)``
    /// or ``abandonWrite()``, nobody else appends, and reads see everything appended before.
    func beginWrite() throws
    /// Writes a batch atomically, all of it or nothing, and ends the write begun with
    /// ``beginWrite()``.
    ///
    /// Throws ``JournalError/headMoved(expected:found:)`` without writing when the journal does not
    /// end at `batch.expectedHead`, which the write lock rules out unless the store was edited by
    /// hand.
    func commit(_ batch: CommitBatch) throws
    /// Ends the write begun with ``beginWrite()`` without writing anything.
    func abandonWrite()
    /// Runs `body` on one consistent view of the store: what others append meanwhile does not
    /// show in the reads `body` makes. Verification reads the store this way.
    func withConsistentView<T>(_ body: () throws -> T) throws -> T

    /// Whether another connection (another workspace, another process) committed since the last
    /// time this was asked. Cheap: `Workspace/refresh()` asks it before every command.
    func hasChangedElsewhere() throws -> Bool
    /// Why this store may only be read, when it may not be written: it is behind what was written
    /// to it elsewhere, for instance. `nil` when it can be written.
    var readOnlyReason: String? { get }
    /// The first difference between the store's query tables and `state`, the fold of its journal;
    /// `nil` when they agree or the store keeps no query tables.
    func firstQueryTableDifference(from state: WorkspaceState) throws -> String?
    /// Writes everything into the store's main file and lets it go. Nothing may be read or written
    /// afterwards.
    func close() throws

    /// A value a server keeps beside the journal under `key`, such as the live room's stage (the
    /// step under way, the results shown, the room code): what it must find again after a
    /// restart. Never hashed, folded or exported; no outcome depends on it. `nil` when none is kept.
    func serverValue(_ key: String) throws -> Data?
    /// Keeps `value` under `key`, or forgets it when `value` is `nil`, in a write of its own that
    /// takes the store's write lock like a change (``Workspace/keepServerValue(_:for:)`` calls it
    /// between changes).
    func keepServerValue(_ value: Data?, for key: String) throws
}

extension JournalStorage {
    public func personalRecord(of participant: Participant.ID) throws -> SealedPersonalRecord? {
        try personalRecords().first { $0.participant == participant }
    }
    public func withConsistentView<T>(_ body: () throws -> T) throws -> T { try body() }
    public func hasChangedElsewhere() throws -> Bool { false }
    public var readOnlyReason: String? { nil }
    public func firstQueryTableDifference(from state: WorkspaceState) throws -> String? { nil }
    public func close() throws {}
}

/// Everything one change writes, in one transaction.
public struct CommitBatch: Sendable {
    /// The sequence number the journal must end at before this batch.
    public let expectedHead: Int64
    public let entries: [EncodedEntry]
    /// Personal records written (sealed) or erased (`nil`) by this change.
    public let personalRecords: [(Participant.ID, SealedPersonalRecord?)]
    /// The rows of the query tables that this change touched, in their new form.
    public let projection: [ProjectionChange]
}

/// A row of the query tables, in the form it has after a change; `remove` cases delete it.
public enum ProjectionChange: Sendable {
    case board(Board)
    case removeBoard(Board.ID)
    case participant(Participant, PersonalRecord?)
    case removeParticipant(Participant.ID)
    case consultation(Consultation)
    case removeConsultation(Consultation.ID)
    case idea(Idea)
    case removeIdea(Idea.ID)
    case theme(Theme)
    case removeTheme(Theme.ID)
    case vote(Vote)
    case removeVote(Vote.ID)
    case ballot(Vote.ID, Participant.ID, Ballot, castAt: Date)
    case removeBallot(Vote.ID, Participant.ID)
    case cardSort(CardSort)
    case removeCardSort(Consultation.ID, Participant.ID)
}
