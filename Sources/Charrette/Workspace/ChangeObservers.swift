import Dispatch
import Foundation
import Synchronization

/// Changes committed to a workspace's journal, as an observer receives them.
///
/// One element is one commit as this workspace saw it: a change made here (a `Workspace/perform(by:_:)`,
/// or the grouped changes a ``Workspace/flush()`` wrote), or everything other workspaces (other
/// processes on the same store) appended since this one last read the journal. Entries arrive once
/// each, in journal order, with no gap.
public struct CommittedChange: Sendable {
    /// The entries appended, in journal order: one or more whole changes.
    public let entries: [JournalEntry]
    /// The state after them: a snapshot (copy-on-write), which later changes do not alter.
    public let state: WorkspaceState
    /// Whether another workspace, in this process or another, wrote them.
    public let madeElsewhere: Bool
}

/// The observers of one workspace, and the polling that finds what other processes committed
/// while any observer listens.
final class ChangeObservers: Sendable {
    private struct Listeners: Sendable {
        var continuations: [UInt64: AsyncStream<CommittedChange>.Continuation] = [:]
        var next: UInt64 = 0
        /// The shortest interval any listener asked other processes' changes to be looked for at.
        var intervals: [UInt64: Duration] = [:]
        /// Whether the polling loop runs.
        var polling = false
    }

    private let listeners = Mutex(Listeners())
    private let queue = DispatchQueue(label: "charrette.workspace.changes")

    /// Whether anybody listens (so that a change need not build an element nobody reads).
    var isObserved: Bool { listeners.withLock { !$0.continuations.isEmpty } }

    /// Hands `change` to every listener.
    func publish(_ change: @autoclosure () -> CommittedChange) {
        listeners.withLock { listeners in
            guard !listeners.continuations.isEmpty else { return }
            let change = change()
            for continuation in listeners.continuations.values { continuation.yield(change) }
        }
    }

    /// A new listener; while there is one, `poll` is called every `interval` (the shortest any
    /// listener asked for) to read what other processes appended.
    func stream(interval: Duration, poll: @escaping @Sendable () -> Void) -> AsyncStream<CommittedChange> {
        let (stream, continuation) = AsyncStream<CommittedChange>.makeStream(bufferingPolicy: .unbounded)
        let (id, startPolling) = listeners.withLock { listeners -> (UInt64, Bool) in
            let id = listeners.next
            listeners.next += 1
            listeners.continuations[id] = continuation
            listeners.intervals[id] = interval
            defer { listeners.polling = true }
            return (id, !listeners.polling)
        }
        continuation.onTermination = { [weak self] _ in
            self?.listeners.withLock { listeners in
                listeners.continuations[id] = nil
                listeners.intervals[id] = nil
            }
        }
        if startPolling { schedule(poll) }
        return stream
    }

    /// Calls `poll` after the shortest interval asked, again and again while anybody listens.
    private func schedule(_ poll: @escaping @Sendable () -> Void) {
        let interval = listeners.withLock { listeners -> Duration? in
            guard let shortest = listeners.intervals.values.min() else {
                listeners.polling = false
                return nil
            }
            return shortest
        }
        guard let interval else { return }
        let (seconds, attoseconds) = interval.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(max(nanoseconds, 100_000))) { [weak self] in
            guard let self else { return }
            poll()
            self.schedule(poll)
        }
    }

    /// Ends every listener's sequence: the workspace closed.
    func finishAll() {
        let continuations = listeners.withLock { listeners in
            defer { listeners.continuations = [:]; listeners.intervals = [:] }
            return Array(listeners.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}

extension Workspace {
    /// Every change committed from now on, here or by another workspace on the same store (another
    /// process on the same SQLite file), until the sequence is dropped or the workspace closes.
    ///
    /// Changes made here arrive as they are written. What others write is looked for every
    /// `interval` while anybody listens (a cheap question to the store, `PRAGMA data_version` for
    /// SQLite), and read then. A UI or a server subscribes once:
    ///
    /// ```swift
    /// for await change in workspace.changes() {
    ///     print("\(change.entries.count) entries, \(change.state.ideas.count) ideas")
    /// }
    /// ```
    public func changes(checkingEvery interval: Duration = .milliseconds(2)) -> AsyncStream<CommittedChange> {
        observers.stream(interval: interval) { [weak self] in
            _ = try? self?.refresh()
        }
    }
}
