import Foundation
import Testing

@testable import Charrette

/// The API apps and servers build on: async calls that leave the caller's thread free, changes
/// observed as they are committed, errors that keep their case.
@Suite("Observation and the async API")
struct ObservationTests {
    /// Takes the next `count` elements of `changes`, failing after `seconds`.
    static func next(_ count: Int, of changes: AsyncStream<CommittedChange>, within seconds: Double = 10) async throws -> [CommittedChange] {
        try await withThrowingTaskGroup(of: [CommittedChange]?.self) { group in
            group.addTask {
                var taken: [CommittedChange] = []
                for await change in changes {
                    taken.append(change)
                    if taken.count == count { break }
                }
                return taken
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            return try #require(first, "no \(count) changes within \(seconds) s")
        }
    }

    @Test func everyCommittedChangeReachesTheObserverOnceInOrder() async throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace, consultation = fixture.consultation, amira = fixture.amira
        let changes = workspace.changes()
        let before = workspace.state.headSequence
        try await workspace.perform(by: amira) { try $0.submitIdea("Night buses", by: amira, to: consultation) }
        // Refused: nothing is written, nothing is observed.
        await #expect(throws: CharretteError.self) { try await workspace.perform { try $0.submitIdea("", by: amira, to: consultation) } }
        try workspace.performGrouped(by: amira) { try $0.submitIdea("Cheaper fares", by: amira, to: consultation) }
        try workspace.performGrouped(by: amira) { try $0.submitIdea("Safer stops", by: amira, to: consultation) }
        try workspace.flush()
        let seen = try await Self.next(2, of: changes)
        #expect(seen.map(\.entries.count) == [1, 2], "a perform, then a flush of two grouped changes")
        #expect(seen.flatMap(\.entries).map(\.sequence) == Array((before + 1)...(before + 3)))
        #expect(seen.allSatisfy { !$0.madeElsewhere })
        #expect(seen.last?.state == workspace.state)
        #expect(seen.first?.state.ideas.count == 1, "each element's state is the state after its entries")
    }

    @Test func closingEndsTheSequence() async throws {
        let fixture = try Fixture()
        let changes = fixture.workspace.changes()
        try await fixture.workspace.close()
        var count = 0
        for await _ in changes { count += 1 }
        #expect(count == 0)
    }

    @Test func asyncCallsGiveWhatTheBlockingOnesGive() async throws {
        let storage = InMemoryStorage()
        let first = try await Workspace.open(storage: storage)
        let sam = try await first.perform { try $0.registerParticipant(handle: "sam", role: .facilitator).id }
        let reopened = try await Workspace.open(storage: storage)
        #expect(reopened.state == first.state && reopened.state.participants[sam]?.handle == "sam")
        #expect(try await reopened.verify().isIntact)
        #expect(try await reopened.refresh() == false)
    }

    @Test func errorsSayTheFacilitatorsSentenceEverywhere() throws {
        let error: any Error = CharretteError.unknownIdea(12)
        #expect(error.localizedDescription == CharretteError.unknownIdea(12).description)
        #expect((error as NSError).domain == "Charrette")
        #expect((error as NSError).localizedDescription == CharretteError.unknownIdea(12).description)
        let journal: any Error = JournalError.readOnly("a copy")
        #expect(journal.localizedDescription == JournalError.readOnly("a copy").description)
    }

    @Test func lookupsThrowWhatIsMissing() throws {
        let fixture = try Fixture()
        let state = fixture.workspace.state
        #expect(try state.participant(fixture.amira).handle == "amira")
        #expect(try state.consultation(fixture.consultation).title == "Bus fares")
        #expect(throws: CharretteError.unknownIdea(99)) { try state.idea(99) }
        #expect(throws: CharretteError.unknownVote("number 4")) { try state.vote(4) }
        #expect(throws: CharretteError.unknownParticipantID(77)) { try state.participant(77) }
    }
}
