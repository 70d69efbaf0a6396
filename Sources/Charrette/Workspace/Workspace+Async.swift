import Dispatch
import Foundation

// The workspace's blocking calls (folding a journal, a change's write, a verification) as `async`
// ones that never block the caller's thread: each runs on a thread of its own queue, so a UI's
// main actor or a server's event loop goes on while the disk works.

extension Workspace {
    /// Opens a workspace on `storage` like ``init(storage:clock:)``, folding the journal away from
    /// the caller's thread (a million events take about a second).
    public static func open(storage: any JournalStorage, clock: @escaping @Sendable () -> Date = { Date() }) async throws -> Workspace {
        try await offThread { try Workspace(storage: storage, clock: clock) }
    }

    /// Makes a change like `perform(by:_:)`, without blocking the caller's thread.
    ///
    /// Changes made this way while one is being written wait together and are then written in
    /// one commit, each still a change of its own: checked against the state the ones before it
    /// left, journaled with its actor, refused alone. None returns before it is written. So a
    /// server taking many requests at once shares the write lock and the disk's work among them.
    @discardableResult
    public func perform<T: Sendable>(by actor: Participant.ID? = nil, _ body: @escaping @Sendable (inout Transaction) throws -> T) async throws -> T {
        let result: any Sendable = try await withCheckedThrowingContinuation { continuation in
            let waiting = ChangeQueue.Waiting(change: QueuedChange(actor: actor, body: { try body(&$0) }), resume: { continuation.resume(with: $0) })
            if changeQueue.add(waiting) { Self.blockingWork.async { self.writeQueuedChanges() } }
        }
        return result as! T
    }

    /// Writes what waits in the queue, batch after batch, until it is empty.
    private func writeQueuedChanges() {
        while let batch = changeQueue.next() {
            let results = performQueued(batch.map(\.change))
            for (waiting, result) in zip(batch, results) { waiting.resume(result) }
        }
    }

    /// Verifies the journal like `verify()`, without blocking the caller's thread.
    public func verify() async throws -> JournalVerification {
        try await Self.offThread { try self.verify() }
    }

    /// Reads what other workspaces appended like `refresh()`, without blocking the caller's thread.
    @discardableResult
    public func refresh() async throws -> Bool {
        try await Self.offThread { try self.refresh() }
    }

    /// Writes what is waiting and closes the store like `close()`, without blocking the caller's thread.
    public func close() async throws {
        try await Self.offThread { try self.close() }
    }

    /// Runs `work` on the workspaces' queue and resumes with its result.
    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            blockingWork.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Concurrent: one workspace's change waits for its own lock, not for another workspace.
    private static let blockingWork = DispatchQueue(label: "charrette.workspace.blocking", qos: .userInitiated, attributes: .concurrent)
}
