import Foundation
import Synchronization
import Testing

@testable import Charrette

/// Grouped changes: checked one by one, refused one by one, written together.
@Suite("Grouped changes")
struct GroupedChangeTests {
    @Test func groupedChangesAreWrittenWhenFlushed() throws {
        let f = try Fixture()
        let head = try f.storage.recordedHead()!.sequence
        let first = try f.workspace.performGrouped(by: f.amira) { try $0.submitIdea("Night buses", by: f.amira, to: f.consultation).id }
        let second = try f.workspace.performGrouped { try $0.submitIdea("Cheaper passes", by: f.jon, to: f.consultation).id }
        #expect(f.workspace.state.ideas.keys.sorted() == [first, second])
        #expect(try f.storage.recordedHead()!.sequence == head)  // not written yet
        #expect(try Workspace(storage: f.storage).state.ideas.isEmpty)
        #expect(f.workspace.hasPendingChanges)

        try f.workspace.flush()
        #expect(!f.workspace.hasPendingChanges)
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
        // Each grouped change is its own change: it records its own actor, and undo reverts one.
        var entries: [JournalEntry] = []
        try f.storage.readEntries(after: head) { entries.append(try EntryCoding.decode($0)) }
        #expect(entries.map(\.actor) == [f.amira, nil])
        #expect(entries.map(\.change) == [head + 1, head + 2])
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ideas.keys.sorted() == [first])
    }

    @Test func aRefusedGroupedChangeLeavesTheOthers() throws {
        let f = try Fixture()
        let before = f.workspace.state
        try f.workspace.performGrouped { try $0.submitIdea("Kept", by: f.amira, to: f.consultation) }
        let afterFirst = f.workspace.state
        #expect(throws: CharretteError.unknownIdea(99)) {
            try f.workspace.performGrouped { tx in
                try tx.submitIdea("Dropped with its change", by: f.amira, to: f.consultation)
                try tx.withdrawIdea(99)
            }
        }
        #expect(f.workspace.state == afterFirst)
        #expect(f.workspace.state != before)
        // A plain change writes the group first.
        try f.workspace.perform { try $0.createTheme("Cost", in: f.consultation) }
        #expect(!f.workspace.hasPendingChanges)
        let reopened = try Workspace(storage: f.storage)
        #expect(reopened.state.ideas.values.map(\.text) == ["Kept"])
        #expect(reopened.state == f.workspace.state)
        #expect(try f.workspace.verify().isIntact)
    }

    @Test func aFailedFlushTakesTheGroupBack() throws {
        let storage = TruncatingStorage()
        let workspace = try Workspace(storage: storage)
        let consultation = try workspace.perform { tx in
            try tx.createBoard(name: "youth")
            try tx.registerParticipant(handle: "amira", boards: ["youth"])
            return try tx.openConsultation(title: "Bus fares", question: "What would make buses work for you?").id
        }
        let before = workspace.state
        let amira = before.participant(handle: "amira")!.id
        try workspace.performGrouped { try $0.submitIdea("Lost", by: amira, to: consultation) }
        storage.failCommits = true
        #expect(throws: TruncatingStorage.DiskFull.self) { try workspace.flush() }
        #expect(workspace.state == before)
        // The lock was given back: the next change goes through.
        storage.failCommits = false
        try workspace.perform { try $0.submitIdea("Kept", by: amira, to: consultation) }
        #expect(try Workspace(storage: storage).state.ideas.values.map(\.text) == ["Kept"])
    }

    /// A group holds the store's write lock: another workspace on the same store waits until the
    /// group is written, then reads it and checks its own change against it.
    @Test func anotherWriterWaitsForTheGroupAndBuildsOnIt() throws {
        let f = try Fixture()
        let idea = try f.workspace.performGrouped { try $0.submitIdea("Night buses", by: f.amira, to: f.consultation).id }
        let other = try Workspace(storage: f.storage)
        let done = DispatchGroup()
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.global().async(group: done) {
            // Withdrawing the grouped idea can only pass once the group is written and read.
            do { try other.perform(by: f.amira) { try $0.withdrawIdea(idea) } } catch { failure.withLock { $0 = error } }
        }
        #expect(done.wait(timeout: .now() + .milliseconds(300)) == .timedOut, "the other writer did not wait for the group")
        #expect(try f.storage.recordedHead()!.sequence == f.workspace.state.headSequence - 1)
        try f.workspace.flush()
        #expect(done.wait(timeout: .now() + .seconds(10)) == .success)
        #expect(failure.withLock { $0 } == nil)
        try f.workspace.refresh()
        #expect(f.workspace.state.ideas[idea]?.status == .withdrawn)
        #expect(f.workspace.state == other.state)
        #expect(try f.workspace.verify().isIntact)
    }
}

/// A group written by someone else's call (a server's change, a kept server value) that fails
/// is not forgotten: the code that grouped it hears of it at its next flush.
@Suite("Groups written for another")
struct GroupWrittenForAnotherTests {
    @Test func aGroupLostInAnotherCallsWriteIsReportedToItsOwner() async throws {
        let storage = TruncatingStorage()
        let workspace = try Workspace(storage: storage)
        try workspace.performGrouped { _ = try $0.registerParticipant(handle: "amira") }
        storage.failCommits = true
        #expect(throws: TruncatingStorage.DiskFull.self) { try workspace.keepServerValue(Data("stage".utf8), for: "room") }
        storage.failCommits = false
        #expect(workspace.state.participants.isEmpty && !workspace.hasPendingChanges)
        #expect(throws: TruncatingStorage.DiskFull.self) { try workspace.flush() }
        try workspace.flush()  // said once
        // The same through a queued change of a server.
        try workspace.performGrouped { _ = try $0.registerParticipant(handle: "jon") }
        storage.failCommits = true
        await #expect(throws: TruncatingStorage.DiskFull.self) { try await workspace.perform { _ = try $0.registerParticipant(handle: "kim") } }
        storage.failCommits = false
        #expect(throws: TruncatingStorage.DiskFull.self) { try workspace.performGrouped { _ = try $0.registerParticipant(handle: "lena") } }
        try workspace.performGrouped { _ = try $0.registerParticipant(handle: "lena") }
        try workspace.flush()
        #expect(workspace.state.participants.values.map(\.handle) == ["lena"])
    }
}

/// `async` changes made at once: written together in one commit, each still a change of its own.
@Suite("Queued changes")
struct QueuedChangeTests {
    @Test func changesMadeAtOnceAreEachTheirOwnAndRefusedAlone() async throws {
        let f = try Fixture()
        let head = try f.storage.recordedHead()!.sequence
        // 200 at once from two people; every fourth also withdraws an idea that does not exist.
        let outcomes = await withTaskGroup(of: (Int, Idea.ID?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let author = index % 2 == 0 ? f.amira : f.jon
                    let id = try? await f.workspace.perform(by: author) { tx in
                        let idea = try tx.submitIdea("Idea \(index)", by: author, to: f.consultation).id
                        if index % 4 == 3 { try tx.withdrawIdea(9999) }
                        return idea
                    }
                    return (index, id)
                }
            }
            var all: [(Int, Idea.ID?)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let accepted = outcomes.filter { $0.1 != nil }
        #expect(accepted.count == 150 && outcomes.filter { $0.0 % 4 == 3 }.allSatisfy { $0.1 == nil })
        var entries: [JournalEntry] = []
        try f.storage.readEntries(after: head) { entries.append(try EntryCoding.decode($0)) }
        // One entry per accepted change, each its own change with its author as actor; nothing of
        // the refused ones, and the ideas each call got back are the ones it wrote.
        #expect(entries.count == 150 && Set(entries.map(\.change)).count == 150)
        for (index, id) in accepted {
            let idea = try #require(f.workspace.state.ideas[id!])
            #expect(idea.text == "Idea \(index)" && idea.author == (index % 2 == 0 ? f.amira : f.jon))
        }
        for entry in entries {
            guard case .ideaSubmitted(let idea) = entry.event else { Issue.record("\(entry.event)"); continue }
            #expect(entry.actor == idea.author)
        }
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
        #expect(try await f.workspace.verify().isIntact)
    }
}
