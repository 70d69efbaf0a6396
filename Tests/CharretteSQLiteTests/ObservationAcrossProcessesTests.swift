import Charrette
import CharretteSQLite
import Foundation
import Testing

/// A change committed by one process reaches an observer in another, on the same SQLite file.
@Suite("Observation across processes")
struct ObservationAcrossProcessesTests {
    @Test func anotherProcesssChangesReachTheObserverEachOnceInOrder() async throws {
        let writer = try #require(CrashTests.writer, "journal-writer was not built")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-observe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("observed.sqlite").path
        let workspace = try await Workspace.open(storage: SQLiteStorage(path: path))
        let changes = workspace.changes(checkingEvery: .milliseconds(1))

        // The writer sets up its board, participant and consultation (one change), then writes
        // 150 ideas (one change each, a theme with every third).
        let process = Process()
        process.executableURL = writer
        process.arguments = [path, "150"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        var entries: [JournalEntry] = [], last: CommittedChange?
        let deadline = ContinuousClock.now + .seconds(60)
        for await change in changes {
            #expect(change.madeElsewhere)
            entries += change.entries
            last = change
            if change.state.ideas.count == 150 || ContinuousClock.now > deadline { break }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(last?.state.ideas.count == 150)
        // Every entry once, in order, from the first: nothing lost, nothing repeated.
        #expect(entries.map(\.sequence) == Array(1...Int64(entries.count)))
        let fresh = try Workspace(storage: SQLiteStorage(path: path))
        #expect(entries.last?.sequence == fresh.state.headSequence)
        #expect(last?.state == fresh.state)
        #expect(Set(entries.map(\.change)).count == 151)
    }
}
