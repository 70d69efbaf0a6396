import Charrette
import CharretteSQLite
import Foundation
import Testing

/// Values a server keeps beside the journal (the live room's stage): kept across a reopening,
/// replaced, forgotten, and never part of what the journal verifies.
@Suite("Server values")
struct ServerValueTests {
    @Test func anSQLiteStoreKeepsServerValuesOutsideTheJournal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("room.sqlite").path
        do {
            let workspace = try Workspace(storage: SQLiteStorage(path: path))
            try workspace.perform { tx in _ = try tx.registerParticipant(handle: "sam", role: .facilitator) }
            try workspace.keepServerValue(Data("one".utf8), for: "a")
            try workspace.keepServerValue(Data("two".utf8), for: "a")
            try workspace.keepServerValue(Data("b".utf8), for: "b")
            try workspace.keepServerValue(nil, for: "b")
            try workspace.storage.close()
        }
        let reopened = try Workspace(storage: SQLiteStorage(path: path))
        #expect(try reopened.serverValue("a") == Data("two".utf8) && reopened.serverValue("b") == nil)
        let report = try reopened.verify()
        #expect(report.isIntact && report.entryCount == 1)
    }
}
