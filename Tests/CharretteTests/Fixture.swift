import Foundation
import Testing

@testable import Charrette

/// A small workspace most tests start from: two boards, a facilitator, four participants and a
/// consultation taking ideas, on a clock that only moves when told.
struct Fixture {
    let workspace: Workspace
    let storage: InMemoryStorage
    let clock: TestClock
    let consultation: Consultation.ID
    let sam: Participant.ID, amira: Participant.ID, jon: Participant.ID, lea: Participant.ID, otto: Participant.ID

    init() throws {
        storage = InMemoryStorage()
        clock = TestClock()
        let clock = self.clock
        workspace = try Workspace(storage: storage, clock: { clock.now })
        (sam, amira, jon, lea, otto, consultation) = try workspace.perform { tx in
            try tx.createBoard(name: "exec", title: "Transport Executive Board")
            try tx.createBoard(name: "youth", title: "Youth Shadow Board", shadows: "exec")
            let sam = try tx.registerParticipant(handle: "sam", role: .facilitator)
            let amira = try tx.registerParticipant(
                handle: "amira", boards: ["youth"],
                personalData: PersonalRecord(displayName: "Amira K.", attributes: ["age": "16-17", "district": "north"]))
            let jon = try tx.registerParticipant(handle: "jon", boards: ["youth"])
            let lea = try tx.registerParticipant(handle: "lea", boards: ["exec"])
            let otto = try tx.registerParticipant(handle: "otto", role: .observer, boards: ["youth"])
            let consultation = try tx.openConsultation(title: "Bus fares", question: "What would make buses work for you?")
            return (sam.id, amira.id, jon.id, lea.id, otto.id, consultation.id)
        }
    }

    /// Submits ideas by amira and returns their numbers.
    func ideas(_ texts: String...) throws -> [Idea.ID] {
        try workspace.perform { tx in try texts.map { try tx.submitIdea($0, by: amira, to: consultation).id } }
    }
}

/// A clock for tests: starts at 2026-11-23 14:00 UTC and moves by `advance`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_795_442_400)

    var now: Date { lock.withLock { current } }
    func advance(minutes: Double) { lock.withLock { current += minutes * 60 } }
}

/// Runs `change`, expects `expected`, and checks that neither the journal nor the state moved.
func expectRefusal(
    _ fixture: Fixture, _ expected: CharretteError, by actor: Participant.ID? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout Transaction) throws -> Void
) throws {
    let before = fixture.workspace.state
    let entriesBefore = try fixture.storage.recordedHead()?.sequence
    #expect(throws: expected, sourceLocation: sourceLocation) { try fixture.workspace.perform(by: actor, change) }
    #expect(fixture.workspace.state == before, "state changed", sourceLocation: sourceLocation)
    #expect(try fixture.storage.recordedHead()?.sequence == entriesBefore, "journal grew", sourceLocation: sourceLocation)
}
