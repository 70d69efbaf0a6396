import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A workspace: the journal of every change, its current state, and the rules that guard it.
///
/// Every change goes through ``perform(by:_:)``: the rules are checked against the current state,
/// the events are chained into the journal and written with the query tables in one transaction,
/// and only then does ``state`` move on. A refused or failed change leaves nothing behind.
///
/// ```swift
/// let workspace = try Workspace(storage: InMemoryStorage())
/// let amira = try workspace.perform { try $0.registerParticipant(handle: "amira") }
/// ```
public final class Workspace: Sendable {
    private struct Inner: Sendable {
        var state: WorkspaceState
        /// Grouped changes not written yet; while there are some, they hold the state.
        var pending: Transaction?
        /// Set when a write failed and the state could not be brought back in line with storage.
        var broken: String?

        var current: WorkspaceState { pending?.state ?? state }
    }

    /// The storage the journal lives in.
    public let storage: any JournalStorage
    private let clock: @Sendable () -> Date
    private let inner: Mutex<Inner>
    /// The thread inside ``perform(by:_:)``, if any, to name the mistake of reading the workspace
    /// from inside a change instead of deadlocking on it.
    private let performingThread = Atomic<UInt>(0)

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }

    private func requireOutsidePerform(_ what: String) {
        precondition(
            performingThread.load(ordering: .relaxed) != Self.currentThread,
            "\(what) inside Workspace.perform: use the transaction (its `state`) instead")
    }

    /// The time by the workspace's clock, as a change made now would record it.
    public var now: Date { EntryCoding.truncated(clock()) }

    /// Opens a workspace on `storage`, folding its whole journal.
    ///
    /// - Parameter clock: where the time of each change comes from; the system clock by default.
    public init(storage: any JournalStorage, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.storage = storage
        self.clock = clock
        var state = WorkspaceState()
        try Self.fold(from: storage, into: &state)
        try Self.loadPersonalRecords(from: storage, into: &state)
        inner = Mutex(Inner(state: state))
    }

    /// The current state. A snapshot: later changes do not alter a state already read.
    ///
    /// Not available inside ``perform(by:_:)``, which holds the workspace: read the transaction's
    /// ``Transaction/state`` there.
    public var state: WorkspaceState {
        requireOutsidePerform("Workspace.state was read")
        return inner.withLock { $0.current }
    }

    /// Whether grouped changes are waiting to be written (see ``performGrouped(by:_:)``).
    public var hasPendingChanges: Bool { inner.withLock { $0.pending != nil } }

    /// Makes a change: `body` calls the commands of ``Transaction`` in order, each checked against
    /// the state the earlier ones left. All of it is written, or, if anything throws, none of it.
    ///
    /// - Parameter actor: who makes the change, as the journal records it; `nil` for the program.
    @discardableResult
    public func perform<T: Sendable>(by actor: Participant.ID? = nil, _ body: (inout Transaction) throws -> T) throws -> T {
        try changing("Workspace.perform") { inner in
            try flush(&inner)
            for attempt in 0..<2 {
                do {
                    return try attemptChange(&inner, by: actor, body)
                } catch JournalError.headMoved where attempt == 0 {
                    // Another process wrote meanwhile: read its entries and check the change again.
                    try Self.fold(from: storage, into: &inner.state)
                    try Self.loadPersonalRecords(from: storage, into: &inner.state)
                }
            }
            throw JournalError.headMoved(expected: inner.state.headSequence, found: -1)
        }
    }

    /// Makes a change like ``perform(by:_:)``, checked the same way and refused whole the same way,
    /// but written together with the grouped changes around it: when ``flush()`` is called, when a
    /// change is made with ``perform(by:_:)``, or when the journal is verified.
    ///
    /// Until then the change is in ``state`` but not in storage, and a crash loses it. Scripts use
    /// this to write thousands of commands a second; they flush before they show anything, so
    /// nothing is reported done before it is written.
    @discardableResult
    public func performGrouped<T: Sendable>(by actor: Participant.ID? = nil, _ body: (inout Transaction) throws -> T) throws -> T {
        try changing("Workspace.performGrouped") { inner in
            // Moved out, so that the transaction's state is not shared while it changes.
            var transaction = inner.pending ?? Transaction(state: inner.state, actor: actor, time: Date(), storage: storage)
            inner.pending = nil
            inner.state = WorkspaceState()
            let mark = transaction.beginChange(by: actor, at: EntryCoding.truncated(clock()))
            defer { inner.pending = transaction }
            do {
                return try body(&transaction)
            } catch {
                Self.takeBack(&inner) { try transaction.rollBack(to: mark) }
                throw error
            }
        }
    }

    /// Runs `body` holding the workspace, noting the thread (see `requireOutsidePerform`), unless
    /// an earlier failure left the workspace unusable.
    private func changing<T: Sendable>(_ what: String, _ body: (inout Inner) throws -> T) throws -> T {
        requireOutsidePerform("\(what) was called")
        return try inner.withLock { inner in
            performingThread.store(Self.currentThread, ordering: .relaxed)
            defer { performingThread.store(0, ordering: .relaxed) }
            if let broken = inner.broken { throw JournalError.inconsistent(sequence: inner.state.headSequence, reason: broken) }
            return try body(&inner)
        }
    }

    /// Writes the grouped changes waiting, if any. If the write fails they are all taken back.
    public func flush() throws {
        requireOutsidePerform("Workspace.flush was called")
        try inner.withLock { try flush(&$0) }
    }

    private func flush(_ inner: inout Inner) throws {
        if let broken = inner.broken {
            // A change that could not be taken back must never reach storage.
            inner.pending = nil
            throw JournalError.inconsistent(sequence: inner.state.headSequence, reason: broken)
        }
        guard var transaction = inner.pending else { return }
        inner.pending = nil
        defer { inner.state = transaction.state }
        do {
            try transaction.commit()
        } catch {
            Self.takeBack(&inner) { try transaction.rollBack() }
            throw error
        }
    }

    /// Reverts a failed change; if even that fails, the workspace refuses everything after.
    private static func takeBack(_ inner: inout Inner, _ rollBack: () throws -> Void) {
        do {
            try rollBack()
        } catch {
            inner.broken = "could not take back a failed change: \(error)"
        }
    }

    private func attemptChange<T: Sendable>(_ inner: inout Inner, by actor: Participant.ID?, _ body: (inout Transaction) throws -> T) throws -> T {
        var transaction = Transaction(state: inner.state, actor: actor, time: EntryCoding.truncated(clock()), storage: storage)
        // The transaction works on the state in place; on failure it reverts what it applied.
        inner.state = WorkspaceState()
        defer { inner.state = transaction.state }
        let result: T
        do {
            result = try body(&transaction)
            try transaction.commit()
        } catch {
            Self.takeBack(&inner) { try transaction.rollBack() }
            throw error
        }
        return result
    }

    /// Folds the entries of `storage` after the state's head into the state.
    static func fold(from storage: any JournalStorage, into state: inout WorkspaceState) throws {
        try storage.readEntries(after: state.headSequence) { encoded in
            guard encoded.previousHash == state.headHash else {
                throw JournalError.inconsistent(sequence: encoded.sequence, reason: "does not follow entry \(state.headSequence); run journal verify")
            }
            try state.apply(try EntryCoding.decode(encoded))
        }
    }

    static func loadPersonalRecords(from storage: any JournalStorage, into state: inout WorkspaceState) throws {
        var records: [Participant.ID: PersonalRecord] = [:]
        for sealed in try storage.personalRecords() where state.participants[sealed.participant] != nil {
            records[sealed.participant] = try sealed.record()
        }
        state.personalRecords = records
    }

    /// Checks the whole journal chain and the personal records against it. Changes nothing.
    public func verify() throws -> JournalVerification {
        requireOutsidePerform("Workspace.verify was called")
        try flush()
        return try JournalVerifier.verify(storage: storage)
    }
}
