import Dispatch

/// Where the room's tasks run: threads of its own (a concurrent dispatch queue, which adds threads
/// when some block) rather than Swift's shared pool, which has one thread per core. A caller that
/// waits for the room synchronously (the shell's `room open`, a command run from a test) thus
/// never starves the tasks it waits for.
public final class RoomExecutor: TaskExecutor {
    /// The one executor every room uses.
    public static let shared = RoomExecutor()

    private let queue = DispatchQueue(label: "charrette.room", attributes: .concurrent)

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Runs `work` on the room's threads and waits for it: for synchronous callers only.
    public static func wait<T: Sendable>(for work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error>?
        Task.detached(executorPreference: shared) {
            do { result = .success(try await work()) } catch { result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result!.get()
    }
}
