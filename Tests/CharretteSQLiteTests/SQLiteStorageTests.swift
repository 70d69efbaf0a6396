import Charrette
import CharretteSQLite
import Foundation
import GRDB
import Testing

@Suite("SQLite store")
struct SQLiteStorageTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("workspace.sqlite").path }

    /// A session with a bit of everything, written through `workspace`.
    func runSession(_ workspace: Workspace) throws {
        let vote = try workspace.perform { tx in
            try tx.createBoard(name: "exec")
            try tx.createBoard(name: "youth", shadows: "exec")
            let sam = try tx.registerParticipant(handle: "sam", role: .facilitator)
            let amira = try tx.registerParticipant(
                handle: "amira", boards: ["youth"], personalData: PersonalRecord(displayName: "Amira", attributes: ["age": "16-17"]))
            let lea = try tx.registerParticipant(handle: "lea", boards: ["exec", "youth"])
            let c = try tx.openConsultation(title: "Bus fares", question: "What would make buses work for you?")
            let a = try tx.submitIdea("Free passes under 18", by: amira.id, to: c.id)
            let b = try tx.submitIdea("Night buses on weekends", by: lea.id, to: c.id)
            let d = try tx.submitIdea("Free bus passes for teens", by: amira.id, to: c.id)
            try tx.mergeIdea(d.id, into: a.id)
            let cost = try tx.createTheme("Cost", description: "What it costs to ride", in: c.id)
            try tx.moveIdea(a.id, to: cost.id)
            try tx.hideIdea(b.id, reason: "duplicate")
            try tx.restoreIdea(b.id)
            try tx.changePhase(of: c.id, to: .voting)
            let vote = try tx.openVote("Priorities", on: c.id, method: VotingMethod(rawValue: "dots")!, settings: .init(budget: 5))
            try tx.castBallot(.dots([a.id: 3, b.id: 2]), by: amira.id, in: vote.id)
            try tx.castBallot(.dots([b.id: 5]), by: lea.id, in: vote.id)
            _ = sam
            return vote.id
        }
        try workspace.perform { try $0.closeVote(vote) }
        try workspace.perform { try $0.undo() }  // reopens the vote
    }

    @Test func reopeningAFileGivesBackTheSameState() throws {
        let first = try Workspace(storage: SQLiteStorage(path: path))
        try runSession(first)
        let reopened = try Workspace(storage: SQLiteStorage(path: path))
        #expect(reopened.state == first.state)
        #expect(reopened.state.personalRecords.values.first?.displayName == "Amira")
        #expect(try reopened.verify().isIntact)
    }

    @Test func queryTablesMatchTheState() throws {
        let storage = try SQLiteStorage(path: path)
        let workspace = try Workspace(storage: storage)
        try runSession(workspace)
        try storage.database.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM participants") == 3)
            #expect(try String.fetchOne(db, sql: "SELECT display_name FROM participants WHERE handle = 'amira'") == "Amira")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM board_members") == 3)
            #expect(try String.fetchAll(db, sql: "SELECT status FROM ideas ORDER BY id") == ["open", "open", "merged"])
            #expect(
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT t.label FROM ideas i JOIN themes t ON t.id = i.theme_id WHERE i.text LIKE 'Free passes%'
                        """) == "Cost")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ballots") == 2)
            #expect(try String.fetchOne(db, sql: "SELECT closed_at FROM votes") == nil)  // the undo reopened it
            #expect(try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM journal") == workspace.state.headSequence)
            #expect(try Int64.fetchOne(db, sql: "SELECT sequence FROM journal_head") == workspace.state.headSequence)
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM journal ORDER BY sequence DESC LIMIT 1") == "undone")
        }
    }

    @Test func aRefusedChangeWritesNoRow() throws {
        let storage = try SQLiteStorage(path: path)
        let workspace = try Workspace(storage: storage)
        try runSession(workspace)
        let count = { try storage.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journal")! } }
        let before = try count()
        #expect(throws: CharretteError.unknownIdea(404)) {
            try workspace.perform { tx in
                try tx.registerParticipant(handle: "newcomer")
                try tx.withdrawIdea(404)
            }
        }
        #expect(try count() == before)
        try storage.database.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM participants WHERE handle = 'newcomer'") == 0)
        }
    }

    @Test func powerLossDurabilityWaitsForTheDisk() throws {
        let storage = try SQLiteStorage(path: path, durability: .powerLoss)
        #expect(try storage.database.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)  // FULL
        let normal = try SQLiteStorage(path: directory.appendingPathComponent("other.sqlite").path)
        #expect(try normal.database.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 1)  // NORMAL
    }

    @Test func personalRecordsWrittenByAnotherProcessVerify() throws {
        let a = try Workspace(storage: SQLiteStorage(path: path))
        let b = try Workspace(storage: SQLiteStorage(path: path))
        try a.perform { try $0.registerParticipant(handle: "ann", personalData: PersonalRecord(displayName: "Ann")) }
        // b has not folded a's entry, yet the journal it verifies is the one in the file.
        #expect(try b.verify().isIntact)
    }

    @Test func handEditedColumnsGiveErrorsNotCrashes() throws {
        let storage = try SQLiteStorage(path: path)
        let workspace = try Workspace(storage: storage)
        try runSession(workspace)
        try storage.database.write { try $0.execute(sql: "UPDATE journal SET version = 'one', time = 'noon' WHERE sequence = 3") }
        // It opens for reading only, as far as the journal can be read, and says why.
        let reopened = try Workspace(storage: SQLiteStorage(path: path))
        #expect(reopened.readOnlyReason?.hasPrefix("journal entry 3 cannot be read") == true)
        #expect(reopened.state.headSequence == 2)
        // Verification reads on and names the entry rather than stopping at it.
        #expect(try workspace.verify().problem?.sequence == 3)
    }

    @Test func inMemoryStoresWork() throws {
        let workspace = try Workspace(storage: SQLiteStorage(path: ":memory:"))
        try runSession(workspace)
        #expect(workspace.state.ideas.count == 3)
        #expect(try workspace.verify().isIntact)
    }

    @Test func twoWorkspacesOnOneFileSeeEachOthersChanges() throws {
        let a = try Workspace(storage: SQLiteStorage(path: path))
        let b = try Workspace(storage: SQLiteStorage(path: path))
        try a.perform { try $0.registerParticipant(handle: "first") }
        // b has not read a's entry: its change is checked again on top of it.
        #expect(throws: CharretteError.handleTaken("first")) { try b.perform { try $0.registerParticipant(handle: "first") } }
        try b.perform { try $0.registerParticipant(handle: "second") }
        #expect(b.state.participants.count == 2)
        #expect(try Workspace(storage: SQLiteStorage(path: path)).verify().isIntact)
    }

    @Test func verificationCatchesAnEditMadeWithSQL() throws {
        let storage = try SQLiteStorage(path: path)
        let workspace = try Workspace(storage: storage)
        try runSession(workspace)
        try storage.database.write { db in
            try db.execute(sql: "UPDATE journal SET time = time + 60000 WHERE sequence = 4")
        }
        let problem = try #require(try workspace.verify().problem)
        #expect(problem.kind == .changed && problem.sequence == 4)
        try storage.database.write { db in
            try db.execute(sql: "UPDATE journal SET time = time - 60000 WHERE sequence = 4")
            try db.execute(sql: "DELETE FROM journal WHERE sequence = (SELECT max(sequence) FROM journal)")
        }
        #expect(try workspace.verify().problem?.kind == .removed)
    }
}
