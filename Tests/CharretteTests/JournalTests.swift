import Foundation
import Testing

@testable import Charrette

@Suite("Journal: chain, verification, undo")
struct JournalTests {
    @Test func entriesChainBySHA256() throws {
        let f = try Fixture()
        var previous = JournalHash.genesis
        var sequence: Int64 = 0
        try f.storage.readEntries(after: 0) { entry in
            sequence += 1
            #expect(entry.sequence == sequence)
            #expect(entry.previousHash == previous)
            #expect(EntryCoding.computeHash(of: entry) == entry.hash)
            previous = entry.hash
        }
        #expect(f.workspace.state.headHash == previous)
        let report = try f.workspace.verify()
        #expect(report.isIntact && report.entryCount == sequence && report.headHash == previous)
    }

    @Test func theStateIsTheFoldOfTheJournal() throws {
        let f = try Fixture()
        let ids = try f.ideas("Free passes", "Night buses")
        try f.workspace.perform(by: f.sam) { tx in
            let theme = try tx.createTheme("Cost", in: f.consultation)
            try tx.moveIdea(ids[0], to: theme.id)
            let vote = try tx.openVote("Top", on: f.consultation, method: VotingMethod(rawValue: "approval")!)
            try tx.castBallot(.approval([ids[1]]), by: f.amira, in: vote.id)
            try tx.closeVote(vote.id)
        }
        let reopened = try Workspace(storage: f.storage)
        #expect(reopened.state == f.workspace.state)
    }

    @Test func verificationNamesAnEditedEntry() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes", "Night buses")
        f.storage.tamper { entries in
            var event = try! EntryCoding.decode(entries[8]).event
            if case .ideaSubmitted(var idea) = event { idea.text = "Something else"; event = .ideaSubmitted(idea) }
            entries[8].payload = BinaryCoding.encode(event)
        }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.kind == .changed && problem.sequence == 9)
        #expect(problem.description.contains("entry 9 was changed"))
    }

    @Test func verificationNamesADeletedEntry() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes", "Night buses", "Safer stops")
        f.storage.tamper { $0.remove(at: 5) }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.kind == .removed && problem.sequence == 6)
        #expect(problem.description == "entry 6 was removed")
    }

    @Test func verificationNamesADeletedEntryEvenWhenRenumbered() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes", "Night buses", "Safer stops")
        f.storage.tamper { entries in
            entries.remove(at: 5)
            for index in 5..<entries.count { entries[index].sequence -= 1 }
        }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.kind == .removed && problem.sequence == 6)
        #expect(problem.description == "entry 6 was removed and the entries after it renumbered")
    }

    @Test func verificationNamesAnEntryChangedWithItsHashRecomputed() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes", "Night buses")
        f.storage.tamper { entries in
            var event = try! EntryCoding.decode(entries[8]).event
            if case .ideaSubmitted(var idea) = event { idea.text = "Forged"; event = .ideaSubmitted(idea) }
            entries[8].payload = BinaryCoding.encode(event)
            entries[8].hash = EntryCoding.computeHash(of: entries[8])
        }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.kind == .changed && problem.sequence == 9)
    }

    @Test func verificationNamesEntriesAddedAfterTheRecordedHead() throws {
        let storage = TruncatingStorage()
        let workspace = try Workspace(storage: storage)
        try workspace.perform { try $0.registerParticipant(handle: "a") }
        storage.headLagsBehind = true
        try workspace.perform { try $0.registerParticipant(handle: "b") }
        let problem = try #require(try workspace.verify().problem)
        #expect(problem.kind == .added && problem.sequence == 2)
    }

    @Test func verificationSurvivesForgedColumns() throws {
        let f = try Fixture()
        f.storage.tamper { entries in
            entries[2].version = -1
            entries[3].sequence = Int64.max
        }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.sequence == 3)
    }

    @Test func verificationNamesSwappedEntries() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes", "Night buses", "Safer stops")
        f.storage.tamper { entries in
            let (a, b) = (entries[7], entries[8])
            entries[7] = b
            entries[7].sequence = a.sequence
            entries[8] = a
            entries[8].sequence = b.sequence
        }
        let problem = try #require(try f.workspace.verify().problem)
        #expect(problem.kind == .reordered && problem.sequence == 8)
        #expect(problem.description == "entry 8 holds what was written as entry 9: entries were reordered")
    }

    @Test func verificationNamesATruncatedTail() throws {
        let storage = TruncatingStorage()
        let workspace = try Workspace(storage: storage)
        try workspace.perform { tx in
            try tx.registerParticipant(handle: "a")
            try tx.registerParticipant(handle: "b")
        }
        storage.hideLast = true
        let problem = try #require(try workspace.verify().problem)
        #expect(problem.kind == .removed && problem.sequence == 2)
    }

    @Test func verificationChecksPersonalRecords() throws {
        let storage = TruncatingStorage()
        let workspace = try Workspace(storage: storage)
        let id = try workspace.perform { try $0.registerParticipant(handle: "a", personalData: PersonalRecord(displayName: "Ann")).id }
        storage.forgedRecord = SealedPersonalRecord(participant: id, salt: [1], bytes: Array(#"{"attributes":{},"displayName":"Bob"}"#.utf8))
        let problem = try #require(try workspace.verify().problem)
        #expect(problem.kind == .personalDataChanged)
    }

    @Test func undoAppendsACompensatingEventAndWalksBack() throws {
        let f = try Fixture()
        let idea = try f.ideas("Night buses")[0]
        let theme = try f.workspace.perform { try $0.createTheme("Night", in: f.consultation) }
        let beforeMove = f.workspace.state
        try f.workspace.perform { try $0.moveIdea(idea, to: theme.id) }
        try f.workspace.perform { try $0.changeTheme(theme.id, label: "After dark") }

        let head = f.workspace.state.headSequence
        let undone = try f.workspace.perform(by: f.sam) { try $0.undo() }
        #expect(undone.map(\.sequence) == [head])
        #expect(f.workspace.state.themes[theme.id]?.label == "Night")
        #expect(f.workspace.state.headSequence == head + 1)  // appended, never erased

        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ideas[idea]?.theme == nil)
        #expect(f.workspace.state.ideas == beforeMove.ideas && f.workspace.state.themes == beforeMove.themes)

        let log = try collectEvents(f.storage)
        guard case .undone(let target, _, .ideaMoved(_, from: theme.id, to: nil)) = log.last! else {
            Issue.record("last entry is \(log.last!)")
            return
        }
        #expect(target == head - 1)
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
        #expect(try f.workspace.verify().isIntact)
    }

    @Test func undoRestoresAReplacedBallotAndAClosedVote() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B")
        let vote = try f.workspace.perform { try $0.openVote("V", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id }
        try f.workspace.perform { try $0.castBallot(.approval([ids[0]]), by: f.amira, in: vote) }
        try f.workspace.perform { try $0.castBallot(.approval([ids[1]]), by: f.amira, in: vote) }
        try f.workspace.perform { try $0.closeVote(vote) }
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.votes[vote]?.isOpen == true)
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ballots[vote]?[f.amira] == .approval([ids[0]]))
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ballots[vote]?[f.amira] == nil)
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
    }

    @Test func undoRevertsAWholeChange() throws {
        let f = try Fixture()
        let before = f.workspace.state
        try f.workspace.perform(by: f.sam) { tx in
            let idea = try tx.submitIdea("Night buses", by: f.amira, to: f.consultation)
            let theme = try tx.createTheme("Night", in: f.consultation)
            try tx.moveIdea(idea.id, to: theme.id)
        }
        let undone = try f.workspace.perform(by: f.sam) { try $0.undo() }
        #expect(undone.count == 3)
        #expect(f.workspace.state.ideas == before.ideas && f.workspace.state.themes == before.themes)
        #expect(throws: CharretteError.notAllowed(handle: "amira", action: "undo changes")) {
            try f.workspace.perform(by: f.amira) { try $0.undo() }
        }
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
    }

    @Test func aFailedChangeRestoresReplacedBallotsExactly() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B")
        let vote = try f.workspace.perform { try $0.openVote("V", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id }
        try f.workspace.perform { try $0.castBallot(.approval([ids[0]]), by: f.amira, in: vote) }
        f.clock.advance(minutes: 3)
        let before = f.workspace.state
        #expect(throws: CharretteError.unknownIdea(99)) {
            try f.workspace.perform { tx in
                try tx.castBallot(.approval([ids[1]]), by: f.amira, in: vote)
                try tx.castBallot(.approval([ids[1]]), by: f.jon, in: vote)
                try tx.withdrawIdea(99)
            }
        }
        #expect(f.workspace.state == before)
        // Undoing a replacement brings back the earlier ballot with the time it was cast.
        try f.workspace.perform { try $0.castBallot(.approval([ids[1]]), by: f.amira, in: vote) }
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ballots == before.ballots && f.workspace.state.ballotTimes == before.ballotTimes)
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
    }

    @Test func undoUntilEmptyThenRefuses() throws {
        let storage = InMemoryStorage()
        let workspace = try Workspace(storage: storage)
        try workspace.perform { try $0.createBoard(name: "youth") }
        try workspace.perform { try $0.registerParticipant(handle: "a", boards: ["youth"], personalData: .init(displayName: "A")) }
        try workspace.perform { try $0.undo() }
        #expect(workspace.state.participants.isEmpty && workspace.state.personalRecords.isEmpty)
        #expect(try storage.personalRecords().isEmpty)
        try workspace.perform { try $0.undo() }
        #expect(workspace.state.boards.isEmpty)
        #expect(throws: CharretteError.nothingToUndo) { try workspace.perform { try $0.undo() } }
        #expect(try Workspace(storage: storage).state == workspace.state)
    }

    @Test func eventsAreCodableAsJSON() throws {
        let f = try Fixture()
        _ = try f.ideas("Free passes")
        for event in try collectEvents(f.storage) {
            let json = try JSONEncoder().encode(event)
            #expect(try JSONDecoder().decode(Event.self, from: json) == event)
        }
    }

    func collectEvents(_ storage: any JournalStorage) throws -> [Event] {
        var events: [Event] = []
        try storage.readEntries(after: 0) { events.append(try EntryCoding.decode($0).event) }
        return events
    }
}

/// An in-memory storage whose tests can hide the last entry, forge a personal record or fail commits.
final class TruncatingStorage: JournalStorage, @unchecked Sendable {
    let base = InMemoryStorage()
    var hideLast = false
    var forgedRecord: SealedPersonalRecord?
    /// Commits without moving the recorded head, as an entry added behind the store's back would.
    var headLagsBehind = false
    private var frozenHead: (sequence: Int64, hash: JournalHash)?

    func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws {
        var all: [EncodedEntry] = []
        try base.readEntries(after: sequence) { all.append($0) }
        for entry in hideLast ? Array(all.dropLast()) : all { try body(entry) }
    }
    func entry(at sequence: Int64) throws -> EncodedEntry? { try base.entry(at: sequence) }
    func personalRecords() throws -> [SealedPersonalRecord] { try forgedRecord.map { [$0] } ?? base.personalRecords() }
    func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? { try frozenHead ?? base.recordedHead() }
    /// Commits fail, as on a full disk, releasing the write lock.
    var failCommits = false
    struct DiskFull: Error {}

    func serverValue(_ key: String) throws -> Data? { try base.serverValue(key) }
    func keepServerValue(_ value: Data?, for key: String) throws { try base.keepServerValue(value, for: key) }
    func beginWrite() throws { try base.beginWrite() }
    func abandonWrite() { base.abandonWrite() }
    func commit(_ batch: CommitBatch) throws {
        if failCommits {
            base.abandonWrite()
            throw DiskFull()
        }
        if headLagsBehind && frozenHead == nil { frozenHead = try base.recordedHead() }
        try base.commit(batch)
    }
}
