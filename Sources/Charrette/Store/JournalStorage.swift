import Foundation

/// Where a workspace keeps its journal, personal records and query tables.
///
/// A storage only persists: every rule is checked by ``Workspace`` before ``commit(_:)`` is called.
/// `CharretteSQLite` provides the default, ``InMemoryStorage`` one for tests and throw-away work.
public protocol JournalStorage: AnyObject, Sendable {
    /// Calls `body` with every entry after `sequence`, in order.
    func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws
    /// The entry at `sequence`, if it exists.
    func entry(at sequence: Int64) throws -> EncodedEntry?
    /// Every personal record kept beside the journal.
    func personalRecords() throws -> [SealedPersonalRecord]
    /// The head the storage recorded with its last commit: sequence and hash of the last entry.
    func recordedHead() throws -> (sequence: Int64, hash: JournalHash)?
    /// Writes a batch atomically: all of it or nothing.
    ///
    /// Throws ``JournalError/headMoved(expected:found:)`` without writing when the journal no longer
    /// ends at `batch.expectedHead` (another process wrote to it).
    func commit(_ batch: CommitBatch) throws
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
