import Charrette
import CharretteSQLite
import Foundation
import GRDB
import Testing

/// The workspace file as people handle it: copied, mailed, opened by two programs at once, edited
/// with an SQLite tool, or mistaken for another application's database.
@Suite("Workspace files")
struct WorkspaceFileTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Copies only the main file, as someone mailing "the workspace" would.
    func copyMainFile(_ from: String, to name: String) throws -> String {
        let folder = directory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: from, toPath: copy)
        return copy
    }

    /// A session of a few changes; returns the consultation.
    @discardableResult
    func session(_ workspace: Workspace, ideas: Int = 3) throws -> Consultation.ID {
        try workspace.perform { tx in
            try tx.createBoard(name: "youth")
            let amira = try tx.registerParticipant(handle: "amira", boards: ["youth"], personalData: PersonalRecord(displayName: "Amira"))
            let consultation = try tx.openConsultation(title: "Bus fares", question: "What would make buses work for you?")
            for n in 0..<ideas { try tx.submitIdea("Idea \(n)", by: amira.id, to: consultation.id) }
            return consultation.id
        }
    }

    @Test func afterClosingTheMainFileAloneHoldsEverything() throws {
        let original = path("w.sqlite")
        let workspace = try Workspace(storage: SQLiteStorage(path: original))
        let consultation = try session(workspace)
        for n in 0..<50 { try workspace.perform { try $0.createTheme("Theme \(n)", in: consultation) } }
        try workspace.close()
        #expect(!FileManager.default.fileExists(atPath: original + "-wal"), "the write-ahead log is still there")

        let copy = try copyMainFile(original, to: "w.sqlite")
        let reopened = try Workspace(storage: SQLiteStorage(path: copy))
        #expect(reopened.readOnlyReason == nil)
        #expect(reopened.state == workspace.state)
        #expect(try reopened.verify().isIntact)
    }

    @Test func releasingTheStoreAlsoMovesTheLogIntoTheFile() throws {
        let original = path("w.sqlite")
        var state: WorkspaceState?
        do {
            let workspace = try Workspace(storage: SQLiteStorage(path: original))
            try session(workspace)
            state = workspace.state
        }
        let copy = try copyMainFile(original, to: "w.sqlite")
        #expect(try Workspace(storage: SQLiteStorage(path: copy)).state == state)
    }

    @Test func aCopyTakenWhileASessionWritesOpensReadOnlyAndSaysSo() throws {
        let original = path("w.sqlite")
        let workspace = try Workspace(storage: SQLiteStorage(path: original))
        let consultation = try session(workspace)
        // Still open, with changes in its log: the copy misses them.
        try workspace.perform { try $0.createTheme("After the copy was taken, or not", in: consultation) }
        let copy = try copyMainFile(original, to: "w.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))

        let opened = try Workspace(storage: SQLiteStorage(path: copy))
        let reason = try #require(opened.readOnlyReason)
        #expect(reason.contains("was copied, or its write-ahead log") && reason.contains("process \(getpid())"))
        #expect(throws: JournalError.readOnly(reason)) { try opened.perform { try $0.createBoard(name: "exec") } }
        let verification = try opened.verify()
        #expect(verification.problem?.kind == .incomplete)
        // Looking at it changed nothing, and left no log beside it.
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        try workspace.close()
    }

    @Test func aMainFileWhoseJournalIsAllInItsLogIsRefused() throws {
        // As an earlier version left a workspace: everything still in the log, the main file a header.
        let original = path("legacy.sqlite")
        var configuration = Configuration()
        configuration.journalMode = .wal
        let database = try DatabaseQueue(path: original, configuration: configuration)
        try database.write { try $0.execute(sql: "CREATE TABLE journal (sequence INTEGER PRIMARY KEY); CREATE TABLE journal_head (id INTEGER)") }
        let copy = try copyMainFile(original, to: "legacy.sqlite")
        #expect(throws: SQLiteStorageError.journalMissing(path: copy)) { try SQLiteStorage(path: copy) }
        try database.close()
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUnchanged() throws {
        let foreign = path("shop.sqlite")
        let database = try DatabaseQueue(path: foreign)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE ideas (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO ideas (note) VALUES ('mine')")
            try db.execute(sql: "CREATE TABLE orders (id INTEGER PRIMARY KEY)")
        }
        try database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        #expect(throws: SQLiteStorageError.notAWorkspace(path: foreign, tables: ["ideas", "orders"])) { try SQLiteStorage(path: foreign) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("shop.sqlite") }
        #expect(beside == ["shop.sqlite"], "files were left beside it: \(beside)")

        let text = path("notes.sqlite")
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: SQLiteStorageError.notADatabase(path: text)) { try SQLiteStorage(path: text) }
    }

    @Test func aShellSeesWhatAnotherProcessWroteBeforeActing() throws {
        let file = path("w.sqlite")
        let shell = try Workspace(storage: SQLiteStorage(path: file))
        let consultation = try session(shell, ideas: 2)
        let (vote, amira) = try shell.perform { tx in
            try tx.changePhase(of: consultation, to: .voting)
            let vote = try tx.openVote("Pick", on: consultation, method: VotingMethod(rawValue: "plurality")!)
            return (vote.id, tx.state.participant(handle: "amira")!.id)
        }
        let other = try Workspace(storage: SQLiteStorage(path: file))
        try other.perform { tx in
            try tx.castBallot(.ranking([[1]]), by: amira, in: vote)
            try tx.closeVote(vote)
        }
        // A change is checked against what the other process wrote, though the shell never looked.
        #expect(shell.state.votes[vote]?.isOpen == true)
        #expect(throws: CharretteError.self) { try shell.perform { try $0.closeVote(vote) } }
        #expect(shell.state.votes[vote]?.isOpen == false && shell.state.ballots[vote]?.count == 1)
        #expect(shell.isFromAnotherSession(change: other.state.headSequence - 1) && !other.isFromAnotherSession(change: other.state.headSequence - 1))

        // Reading is brought up to date by a refresh, which is cheap when nothing changed.
        try other.perform { try $0.createTheme("Elsewhere", in: consultation) }
        #expect(shell.state.themes.isEmpty)
        #expect(try shell.refresh())
        #expect(shell.state == other.state)
        #expect(try !shell.refresh(), "nothing new the second time")
    }

    @Test func verificationComparesTheQueryTablesWithTheJournal() throws {
        let file = path("w.sqlite")
        let storage = try SQLiteStorage(path: file)
        let workspace = try Workspace(storage: storage)
        try session(workspace)
        #expect(try workspace.verify().isIntact)

        try storage.database.write { try $0.execute(sql: "UPDATE ideas SET text = 'Free buses for everyone' WHERE id = 1") }
        var problem = try #require(try workspace.verify().problem)
        #expect(problem.kind == .queryTables)
        #expect(
            problem.description
                == "the ideas table does not hold what the journal says: in row id 1, text is 'Free buses for everyone' where the journal has 'Idea 0'")

        try storage.database.write { try $0.execute(sql: "UPDATE ideas SET text = 'Idea 0' WHERE id = 1; DELETE FROM ideas WHERE id = 3") }
        problem = try #require(try workspace.verify().problem)
        #expect(problem.description == "the ideas table does not hold what the journal says: row id 3 is missing")

        try storage.database.write {
            try $0.execute(
                sql: """
                    INSERT INTO ideas (id, consultation_id, text, author_id, submitted_at, status) VALUES (3, 1, 'Idea 2', 1, '', 'open');
                    UPDATE ideas SET submitted_at = (SELECT submitted_at FROM ideas WHERE id = 2) WHERE id = 3;
                    INSERT INTO board_members (board_id, participant_id) VALUES (1, 9)
                    """)
        }
        problem = try #require(try workspace.verify().problem)
        #expect(
            problem.description
                == "the board_members table does not hold what the journal says: it has a row participant_id 9, board_id 1 that the journal does not")
    }

    /// Read-only is a way of looking, not a fault: the journal verifies, what others write shows,
    /// and nothing can be changed.
    @Test func aWorkspaceOpenedReadOnlyVerifiesAndFollowsItsWriters() throws {
        let file = path("w.sqlite")
        let writer = try Workspace(storage: SQLiteStorage(path: file))
        let consultation = try session(writer)
        let viewer = try Workspace(storage: SQLiteStorage(path: file, readOnly: true))
        #expect(viewer.readOnlyReason == nil)
        #expect(try viewer.verify().isIntact)
        #expect(throws: JournalError.readOnly("it was opened read-only")) { try viewer.perform { try $0.createBoard(name: "exec") } }
        try writer.perform { try $0.createTheme("Seen by the viewer", in: consultation) }
        #expect(try viewer.refresh())
        #expect(viewer.state.themes.values.map(\.label) == ["Seen by the viewer"])
        try (writer.storage as! SQLiteStorage).database.write { try $0.execute(sql: "UPDATE themes SET label = 'Edited'") }
        #expect(try viewer.verify().problem?.kind == .queryTables)
        #expect(throws: SQLiteStorageError.nothingToOpen(path: path("none.sqlite"))) { try SQLiteStorage(path: path("none.sqlite"), readOnly: true) }
    }

    /// A session that ended without closing, on a machine whose name has changed since (or whose
    /// process number was reused), leaves its row: the next session to close last clears it, so
    /// the file does not look copied mid-session for ever.
    @Test func rowsOfSessionsThatCannotBeProvenEndedAreClearedByTheLastToClose() throws {
        let file = path("w.sqlite")
        let first = try Workspace(storage: SQLiteStorage(path: file))
        try session(first)
        try (first.storage as! SQLiteStorage).database.write { db in
            try db.execute(sql: "INSERT INTO open_sessions (host, pid, opened_at) VALUES ('old-laptop-name', 4242, '2026-11-30 09:00:00')")
        }
        let second = try Workspace(storage: SQLiteStorage(path: file))
        try first.close()
        #expect(try rows(file) == 2, "a session still open must not clear others")
        try second.close()
        #expect(try rows(file) == 0)
        let copy = try copyMainFile(file, to: "w.sqlite")
        #expect(try Workspace(storage: SQLiteStorage(path: copy)).readOnlyReason == nil)
    }

    /// A copy taken mid-session can be carried on from when someone says so.
    @Test func anIncompleteCopyCanBeAcceptedAsItIs() throws {
        let file = path("w.sqlite")
        let workspace = try Workspace(storage: SQLiteStorage(path: file))
        try session(workspace)
        let copy = try copyMainFile(file, to: "w.sqlite")
        try workspace.close()
        let accepted = try Workspace(storage: SQLiteStorage(path: copy, acceptingIncomplete: true))
        #expect(accepted.readOnlyReason == nil)
        // What the session wrote after opening is not in the copy, and the copy goes on without it.
        #expect(accepted.state.consultations.isEmpty)
        try accepted.perform { try $0.createBoard(name: "carried-on") }
        #expect(try accepted.verify().isIntact)
        try accepted.close()
        #expect(try Workspace(storage: SQLiteStorage(path: copy)).readOnlyReason == nil, "the copy is a workspace of its own now")
    }

    /// The sessions a file lists as open, read without opening it as a workspace.
    func rows(_ file: String) throws -> Int {
        let database = try DatabaseQueue(path: "file:\(file)?immutable=1")
        defer { try? database.close() }
        return try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM open_sessions") ?? 0 }
    }
}
