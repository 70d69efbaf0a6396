import Dispatch
import Foundation
import Synchronization

/// A storage that lives only as long as the process: for tests, previews and throw-away sessions.
///
/// Workspaces sharing one in-memory storage take turns through its write lock, as processes do on
/// an SQLite file.
public final class InMemoryStorage: JournalStorage {
    private struct Contents {
        var entries: [EncodedEntry] = []
        var personal: [Participant.ID: SealedPersonalRecord] = [:]
        var serverValues: [String: Data] = [:]
    }

    private let contents = Mutex(Contents())
    /// Held from ``beginWrite()`` to ``commit(_:)`` or ``abandonWrite()``. A semaphore, not a
    /// mutex: grouped changes may begin a write on one thread and commit it on another.
    private let writer = DispatchSemaphore(value: 1)

    public init() {}

    public func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws {
        let entries = contents.withLock { $0.entries }
        for entry in entries.dropFirst(Int(max(0, sequence))) { try body(entry) }
    }

    public func entry(at sequence: Int64) throws -> EncodedEntry? {
        contents.withLock { contents in
            sequence >= 1 && sequence <= contents.entries.count ? contents.entries[Int(sequence - 1)] : nil
        }
    }

    public func personalRecords() throws -> [SealedPersonalRecord] {
        contents.withLock { Array($0.personal.values) }
    }

    public func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? {
        contents.withLock { $0.entries.last.map { ($0.sequence, $0.hash) } }
    }

    /// Always true: workspaces sharing this storage are not told apart, so each reads what is
    /// new after its own head, which costs little in memory.
    public func hasChangedElsewhere() throws -> Bool { true }

    /// Waits for the lock as an SQLite store does, and gives up the same way.
    public func beginWrite() throws {
        guard writer.wait(timeout: .now() + .seconds(10)) == .success else { throw JournalError.busy(seconds: 10) }
    }

    public func abandonWrite() { writer.signal() }

    public func commit(_ batch: CommitBatch) throws {
        defer { writer.signal() }
        try contents.withLock { contents in
            guard contents.entries.count == batch.expectedHead else {
                throw JournalError.headMoved(expected: batch.expectedHead, found: Int64(contents.entries.count))
            }
            contents.entries.append(contentsOf: batch.entries)
            for (id, record) in batch.personalRecords { contents.personal[id] = record }
        }
    }

    public func serverValue(_ key: String) throws -> Data? { contents.withLock { $0.serverValues[key] } }

    public func keepServerValue(_ value: Data?, for key: String) throws {
        try beginWrite()
        defer { writer.signal() }
        contents.withLock { $0.serverValues[key] = value }
    }

    /// Replaces the stored entries as they are, for tests of verification against tampering.
    public func tamper(_ change: (inout [EncodedEntry]) -> Void) {
        contents.withLock { change(&$0.entries) }
    }
}
