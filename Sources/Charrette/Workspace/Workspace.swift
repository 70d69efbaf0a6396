import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A workspace: the journal of every change, its current state, and the rules that guard it.
///
/// Every change goes through `perform(by:_:)`: it takes the store's write lock, reads what other
/// workspaces (other processes on the same file) appended meanwhile, checks the rules against that
/// state, chains the events into the journal and writes them with the query tables in one
/// transaction; only then does ``state`` move on. A refused or failed change leaves nothing behind.
///
/// ```swift
/// let workspace = try Workspace(storage: InMemoryStorage())
/// let amira = try workspace.perform { try $0.registerParticipant(handle: "amira") }
/// ```
public final class Workspace: Sendable {
    private struct Inner: Sendable {
        var state: WorkspaceState
        /// Grouped changes not written yet; while there are some, they hold the state and the
        /// store's write lock.
        var pending: Transaction?
        /// Set when a write failed and the state could not be brought back in line with storage,
        /// or when the workspace was closed.
        var broken: String?
        /// The changes (by their first entry) that other workspaces wrote while this one was open.
        var madeElsewhere: Set<Int64> = []
        /// Why the workspace may only be read, if it may not be changed (see ``readOnlyReason``).
        var readOnlyReason: String?
        /// Why the grouped changes could not be written when someone else's call wrote them (a
        /// server's change, a kept server value): the next `flush()` or grouped change throws it,
        /// so the code that grouped them hears of it.
        var groupLost: (any Error)?

        var current: WorkspaceState { pending?.state ?? state }
    }

    /// The storage the journal lives in.
    public let storage: any JournalStorage
    /// Why this workspace may only be read, or `nil` when it may be changed: its store is behind
    /// what was written to it elsewhere, its journal does not end where the store recorded, or an
    /// entry (at opening, or appended since by another process) cannot be read. Changes are refused
    /// with this reason; `verify()` reports it.
    public var readOnlyReason: String? { inner.withLock { $0.readOnlyReason } }
    private let clock: @Sendable () -> Date
    private let inner: Mutex<Inner>
    /// Who listens to ``changes(checkingEvery:)``.
    let observers = ChangeObservers()
    /// The `async` changes waiting to be written together (`Workspace+Async.swift`).
    let changeQueue = ChangeQueue()
    /// The thread inside `perform(by:_:)`, if any, to name the mistake of reading the workspace
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
    /// A store whose journal cannot be folded to its end (an entry edited by hand, written by a
    /// newer Charrette) or does not end where the store recorded its last entry opens read-only,
    /// folded as far as it goes, with ``readOnlyReason`` saying why: `verify()` then names
    /// what is wrong.
    ///
    /// - Parameters:
    ///   - storage: the store holding the journal (`SQLiteStorage` for a file, ``InMemoryStorage``).
    ///   - clock: where the time of each change comes from; the system clock by default.
    public init(storage: any JournalStorage, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.storage = storage
        self.clock = clock
        var state = WorkspaceState()
        var problem: String?
        do {
            try Self.fold(from: storage, into: &state)
            problem = try Self.headProblem(of: storage, folding: &state)
        } catch let error as JournalError {
            problem = "\(error); it is shown as it stood at entry \(state.headSequence) (run journal verify)"
        }
        try Self.loadPersonalRecords(from: storage, into: &state)
        inner = Mutex(Inner(state: state, readOnlyReason: storage.readOnlyReason ?? problem))
    }

    /// The current state. A snapshot: later changes do not alter a state already read.
    ///
    /// What other processes appended shows after `refresh()` or the next change.
    /// Not available inside `perform(by:_:)`, which holds the workspace: read the transaction's
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
    /// The change holds the store's write lock from start to end, and starts by reading what other
    /// workspaces appended, so its rules are checked against the journal it is written to.
    ///
    /// - Parameters:
    ///   - actor: who makes the change, as the journal records it; `nil` for the program.
    ///   - body: the change: commands of ``Transaction``; what it returns, `perform` returns.
    ///
    /// In `async` code, `try await perform` is the variant that does not block the caller's
    /// thread; this one is disfavoured so that it is never picked there by accident.
    @discardableResult @_disfavoredOverload
    public func perform<T: Sendable>(by actor: Participant.ID? = nil, _ body: (inout Transaction) throws -> T) throws -> T {
        try changing("Workspace.perform") { inner in
            try flush(&inner)
            try beginWrite(&inner)
            return try attemptChange(&inner, by: actor, body)
        }
    }

    /// Makes a change like `perform(by:_:)`, checked the same way and refused whole the same way,
    /// but written together with the grouped changes around it: when ``flush()`` is called, when a
    /// change is made with `perform(by:_:)`, or when the journal is verified.
    ///
    /// Until then the change is in ``state`` but not in storage, and a crash loses it. The first
    /// grouped change takes the store's write lock and the group keeps it until it is written, so
    /// no other process can append in between: flush soon. Scripts use this to write thousands of
    /// commands a second; they flush before they show anything and after a few milliseconds, so
    /// nothing is reported done before it is written and other writers wait only briefly.
    @discardableResult
    public func performGrouped<T: Sendable>(by actor: Participant.ID? = nil, _ body: (inout Transaction) throws -> T) throws -> T {
        try changing("Workspace.performGrouped") { inner in
            try Self.throwLostGroup(&inner)
            if inner.pending == nil {
                try beginWrite(&inner)
                inner.pending = Transaction(state: inner.state, actor: actor, time: Date(), storage: storage)
                inner.state = WorkspaceState()
            }
            // Moved out, so that the transaction's state is not shared while it changes.
            var transaction = inner.pending!
            inner.pending = nil
            let mark = transaction.beginChange(by: actor, at: EntryCoding.truncated(clock()))
            defer {
                if transaction.isEmpty {
                    // Nothing waits to be written: let other writers in.
                    storage.abandonWrite()
                    inner.state = transaction.state
                } else {
                    inner.pending = transaction
                }
            }
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
            if let broken = inner.broken {
                // A group that can no longer be written gives the write lock back.
                if let pending = inner.pending {
                    storage.abandonWrite()
                    inner.state = pending.state
                    inner.pending = nil
                }
                throw JournalError.inconsistent(sequence: inner.state.headSequence, reason: broken)
            }
            if let reason = inner.readOnlyReason { throw JournalError.readOnly(reason) }
            return try body(&inner)
        }
    }

    /// Takes the store's write lock and reads what others appended before it (when the store
    /// says anything was: most changes follow the workspace's own).
    private func beginWrite(_ inner: inout Inner) throws {
        try storage.beginWrite()
        do {
            if try storage.hasChangedElsewhere() { try catchUp(&inner) }
        } catch {
            storage.abandonWrite()
            Self.noteUnreadable(error, in: &inner)
            throw error
        }
    }

    /// A value a server kept beside the journal under `key` (see ``JournalStorage/serverValue(_:)``).
    public func serverValue(_ key: String) throws -> Data? { try storage.serverValue(key) }

    /// Keeps `value` under `key` beside the journal (forgets it when `nil`): not a change, never
    /// journaled, but written between changes like one, after the grouped changes waiting.
    public func keepServerValue(_ value: Data?, for key: String) throws {
        try changing("Workspace.keepServerValue") { inner in
            try flush(&inner, forAnother: true)
            try storage.keepServerValue(value, for: key)
        }
    }

    /// Writes the grouped changes waiting, if any. If the write fails they are all taken back.
    public func flush() throws {
        requireOutsidePerform("Workspace.flush was called")
        try inner.withLock { inner in
            try Self.throwLostGroup(&inner)
            try flush(&inner)
        }
    }

    /// Throws, once, the failure of grouped changes that another caller's write took back.
    private static func throwLostGroup(_ inner: inout Inner) throws {
        guard let lost = inner.groupLost else { return }
        inner.groupLost = nil
        throw lost
    }

    /// Writes the grouped changes waiting. `forAnother`: on behalf of a caller that did not group
    /// them, so a failure is also kept for whoever did (``Inner/groupLost``).
    private func flush(_ inner: inout Inner, forAnother: Bool = false) throws {
        if let broken = inner.broken {
            // A change that could not be taken back must never reach storage.
            if inner.pending != nil { storage.abandonWrite() }
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
            if forAnother { inner.groupLost = error }
            throw error
        }
        observers.publish(CommittedChange(entries: transaction.pendingEntries, state: transaction.state, madeElsewhere: false))
    }

    /// One change waiting in ``changeQueue``: who makes it, and the change, its result erased.
    struct QueuedChange: Sendable {
        let actor: Participant.ID?
        let body: @Sendable (inout Transaction) throws -> any Sendable
    }

    /// Makes `changes` in order, each a change of its own (its actor, its time, checked against
    /// the state the ones before it left, refused alone, its refusal writing nothing), and writes
    /// those that were made in one commit: a server's concurrent requests share the write lock and
    /// the disk's work instead of queueing for them one by one. The results are in the order of
    /// `changes`; if the commit fails, every change made fails with it and none is written.
    func performQueued(_ changes: [QueuedChange]) -> [Result<any Sendable, any Error>] {
        do {
            return try changing("Workspace.perform") { inner in
                try flush(&inner, forAnother: true)
                try beginWrite(&inner)
                var transaction = Transaction(state: inner.state, actor: nil, time: EntryCoding.truncated(clock()), storage: storage)
                inner.state = WorkspaceState()
                defer { inner.state = transaction.state }
                var results: [Result<any Sendable, any Error>] = []
                for change in changes {
                    guard inner.broken == nil else {
                        results.append(.failure(JournalError.inconsistent(sequence: transaction.state.headSequence, reason: inner.broken!)))
                        continue
                    }
                    let mark = transaction.beginChange(by: change.actor, at: EntryCoding.truncated(clock()))
                    do {
                        results.append(.success(try change.body(&transaction)))
                    } catch {
                        Self.takeBack(&inner) { try transaction.rollBack(to: mark) }
                        results.append(.failure(error))
                    }
                }
                if inner.broken != nil {
                    // Nothing of a batch with a change that could not be taken back is written.
                    storage.abandonWrite()
                    let failure = JournalError.inconsistent(sequence: transaction.state.headSequence, reason: inner.broken!)
                    return results.map { result in result.flatMap { _ in .failure(failure) } }
                }
                do {
                    try transaction.commit()
                } catch {
                    Self.takeBack(&inner) { try transaction.rollBack() }
                    return results.map { $0.flatMap { _ in .failure(error) } }
                }
                if !transaction.isEmpty {
                    observers.publish(CommittedChange(entries: transaction.pendingEntries, state: transaction.state, madeElsewhere: false))
                }
                return results
            }
        } catch {
            return changes.map { _ in .failure(error) }
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

    /// Runs `body` and writes what it did, releasing the write lock either way.
    private func attemptChange<T: Sendable>(_ inner: inout Inner, by actor: Participant.ID?, _ body: (inout Transaction) throws -> T) throws -> T {
        var transaction = Transaction(state: inner.state, actor: actor, time: EntryCoding.truncated(clock()), storage: storage)
        // The transaction works on the state in place; on failure it reverts what it applied.
        inner.state = WorkspaceState()
        defer { inner.state = transaction.state }
        let result: T
        do {
            result = try body(&transaction)
        } catch {
            storage.abandonWrite()
            Self.takeBack(&inner) { try transaction.rollBack() }
            throw error
        }
        do {
            try transaction.commit()
        } catch {
            Self.takeBack(&inner) { try transaction.rollBack() }
            throw error
        }
        if !transaction.isEmpty {
            observers.publish(CommittedChange(entries: transaction.pendingEntries, state: transaction.state, madeElsewhere: false))
        }
        return result
    }

    // MARK: Other writers

    /// Reads what other workspaces (other processes on the same store) appended since this one
    /// last read the journal, and folds it into ``state``. Cheap when nothing was appended: the
    /// shell calls it before every command. Changes call it themselves, under the write lock.
    ///
    /// - Returns: whether anything was appended.
    @discardableResult
    public func refresh() throws -> Bool {
        requireOutsidePerform("Workspace.refresh was called")
        return try inner.withLock { inner in
            // A group holds the write lock: nobody else can have appended. A workspace that may only
            // be read for a reason (a copy, a journal that cannot be read further) stays as it is.
            guard inner.pending == nil, inner.broken == nil, inner.readOnlyReason == nil, try storage.hasChangedElsewhere() else { return false }
            do {
                return try catchUp(&inner)
            } catch {
                Self.noteUnreadable(error, in: &inner)
                throw error
            }
        }
    }

    /// An entry another process appended cannot be folded in (it is damaged, or of a newer
    /// version): from now on the workspace is shown as it stood before it, and may only be read.
    private static func noteUnreadable(_ error: any Error, in inner: inout Inner) {
        guard error is JournalError, inner.readOnlyReason == nil else { return }
        inner.readOnlyReason = "\(error); it is shown as it stood at entry \(inner.state.headSequence) (run journal verify)"
    }

    /// Whether the change that began at entry `change` was written by another workspace (another
    /// process) while this one was open, rather than here or before it opened.
    public func isFromAnotherSession(change: Int64) -> Bool {
        inner.withLock { $0.madeElsewhere.contains(change) }
    }

    /// Folds in what others appended, noting their changes and reloading the personal records
    /// those touched.
    @discardableResult
    private func catchUp(_ inner: inout Inner) throws -> Bool {
        var people = Set<Participant.ID>()
        var changes = Set<Int64>()
        var folded: [JournalEntry] = []
        let observed = observers.isObserved
        let before = inner.state.headSequence
        defer {
            // What was folded stays folded, even when a later entry cannot be read.
            if !folded.isEmpty { observers.publish(CommittedChange(entries: folded, state: inner.state, madeElsewhere: true)) }
        }
        try Self.fold(from: storage, into: &inner.state) { entry in
            changes.insert(entry.change)
            if observed { folded.append(entry) }
            for case .participant(let id) in TouchedRow.rows(touchedBy: entry.event) { people.insert(id) }
        }
        for id in people {
            inner.state.personalRecords[id] = inner.state.participants[id] == nil ? nil : try storage.personalRecord(of: id)?.record()
        }
        inner.madeElsewhere.formUnion(changes)
        return inner.state.headSequence != before
    }

    // MARK: Reading the store

    /// Folds the entries of `storage` after the state's head into the state, calling `folded`
    /// with each.
    static func fold(
        from storage: any JournalStorage, into state: inout WorkspaceState, _ folded: ((JournalEntry) -> Void)? = nil
    ) throws {
        try storage.readEntries(after: state.headSequence) { encoded in
            guard encoded.previousHash == state.headHash else {
                throw JournalError.inconsistent(sequence: encoded.sequence, reason: "does not follow entry \(state.headSequence); run journal verify")
            }
            let entry = try EntryCoding.decode(encoded)
            try state.apply(entry)
            folded?(entry)
        }
    }

    static func loadPersonalRecords(from storage: any JournalStorage, into state: inout WorkspaceState) throws {
        var records: [Participant.ID: PersonalRecord] = [:]
        for sealed in try storage.personalRecords() where state.participants[sealed.participant] != nil {
            records[sealed.participant] = try sealed.record()
        }
        state.personalRecords = records
    }

    /// Why the journal, as folded, does not end where the store recorded its last entry; reads on
    /// when others appended since it was read. `nil` when it ends there.
    static func headProblem(of storage: any JournalStorage, folding state: inout WorkspaceState) throws -> String? {
        while true {
            guard let head = try storage.recordedHead() else {
                return state.headSequence == 0
                    ? nil
                    : "the store's record of its last entry is missing, so entries at the end of its journal may have been removed (run journal verify)"
            }
            if head.sequence > state.headSequence {
                let before = state.headSequence
                try fold(from: storage, into: &state)
                if state.headSequence > before { continue }
                return
                    "the store recorded entry \(head.sequence) as its last, but its journal ends at entry \(before): entries were removed (run journal verify)"
            }
            if head.sequence < state.headSequence {
                return
                    "the journal goes on past entry \(head.sequence), which the store recorded as its last: entries were added outside Charrette (run journal verify)"
            }
            return head.hash == state.headHash
                ? nil
                : "entry \(head.sequence) is not the entry the store recorded as its last: the journal was rewritten (run journal verify)"
        }
    }

    // MARK: Verifying and closing

    /// Checks the whole journal chain, the personal records against it, the store's query tables
    /// against the state it folds to, and that the store is not behind. Changes nothing.
    ///
    /// Reads one consistent view of the store, so what other processes append meanwhile cannot
    /// make a sound journal look broken.
    public func verify() throws -> JournalVerification {
        requireOutsidePerform("Workspace.verify was called")
        try flush()
        return try inner.withLock { inner in
            try storage.withConsistentView {
                if inner.broken == nil && inner.readOnlyReason == nil { try catchUp(&inner) }
                let chain = try JournalVerifier.verify(storage: storage)
                guard chain.isIntact else { return chain }
                if let reason = inner.readOnlyReason {
                    return chain.with(.init(kind: .incomplete, sequence: chain.entryCount, description: reason))
                }
                if let difference = try storage.firstQueryTableDifference(from: inner.state) {
                    return chain.with(.init(kind: .queryTables, sequence: chain.entryCount, description: difference))
                }
                return chain
            }
        }
    }

    /// Writes what is waiting and closes the store, which then holds everything in its main file
    /// (for SQLite: the write-ahead log is checkpointed). Nothing can be changed afterwards.
    /// Closing twice does nothing.
    public func close() throws {
        requireOutsidePerform("Workspace.close was called")
        try inner.withLock { inner in
            guard inner.broken != Self.closed else { return }
            var failure: (any Error)?
            do { try flush(&inner) } catch { failure = error }
            inner.broken = Self.closed
            observers.finishAll()
            try storage.close()
            if let failure { throw failure }
        }
    }

    private static let closed = "the workspace is closed"
}
