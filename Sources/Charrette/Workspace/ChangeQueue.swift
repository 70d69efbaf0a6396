import Synchronization

/// The `async` changes of a workspace waiting to be written, and whether a writer is taking
/// them: the first change to arrive while none is starts one, which writes batch after batch
/// until the queue is empty (`Workspace.perform(by:_:)` in `async` code).
final class ChangeQueue: Sendable {
    /// A change, and how to hand its result back to the caller waiting for it.
    struct Waiting: Sendable {
        let change: Workspace.QueuedChange
        let resume: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    /// The most changes written in one commit: enough to share the disk's work, few enough that
    /// the first of them does not wait long for the last.
    static let largestBatch = 256

    private struct Queue {
        var waiting: [Waiting] = []
        var writing = false
    }
    private let queue = Mutex(Queue())

    /// Adds `waiting`; `true` when no writer is at work, and the caller must start one.
    func add(_ waiting: Waiting) -> Bool {
        queue.withLock { queue in
            queue.waiting.append(waiting)
            defer { queue.writing = true }
            return !queue.writing
        }
    }

    /// The next batch for the writer, or `nil` when the queue is empty and the writer stops.
    func next() -> [Waiting]? {
        queue.withLock { queue in
            guard !queue.waiting.isEmpty else {
                queue.writing = false
                return nil
            }
            let batch = Array(queue.waiting.prefix(Self.largestBatch))
            queue.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
