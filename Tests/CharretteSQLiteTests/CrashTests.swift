import Charrette
import CharretteSQLite
import Foundation
import Testing

/// Kills a writing process with SIGKILL at random moments, then reopens its store.
@Suite("Crash safety")
struct CrashTests {
    /// The `journal-writer` executable built with the tests.
    static var writer: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            beside.appendingPathComponent("journal-writer"),
            beside.deletingLastPathComponent().appendingPathComponent("journal-writer"),
        ]
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { directory.deleteLastPathComponent() }
        let built = directory.appendingPathComponent(".build/debug/journal-writer")
        return (candidates + [built]).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func everyReportedEntrySurvivesAKill() throws {
        let writer = try #require(Self.writer, "journal-writer was not built")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("crash.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var killedWhileWriting = 0

        for round in 1...28 {
            let process = Process()
            process.executableURL = writer
            process.arguments = [path, "100000"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            var received = Data()
            if round % 7 != 0 {
                // Most rounds: wait for the first reported entry, so the kill lands while it writes.
                received = output.fileHandleForReading.availableData
            }
            // Then anywhere from at once to a fifth of a second later.
            usleep(UInt32.random(in: 0...200_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer stopped by itself")

            received.append(output.fileHandleForReading.readDataToEndOfFile())
            let text = String(decoding: received, as: UTF8.self)
            let reported = text.split(separator: "\n").compactMap { line in
                line.hasPrefix("written ") ? Int64(line.dropFirst(8)) : nil
            }
            if !reported.isEmpty { killedWhileWriting += 1 }

            let workspace = try Workspace(storage: SQLiteStorage(path: path))
            let verification = try workspace.verify()
            #expect(verification.isIntact, "round \(round): \(verification.problem?.description ?? "")")
            let head = workspace.state.headSequence
            if let last = reported.last {
                #expect(head >= last, "round \(round): entry \(last) was reported written but the journal ends at \(head)")
            }
            // Every idea is whole: an idea's entry and its row in the query table were written together.
            let ideaRows = try SQLiteStorage(path: path).database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ideas")! }
            #expect(ideaRows == workspace.state.ideas.count, "round \(round): query tables and journal disagree")
        }
        #expect(killedWhileWriting >= 20, "only \(killedWhileWriting) rounds were killed while writing")
        try? FileManager.default.removeItem(at: directory)
    }
}
