import Charrette
import Foundation
import Testing

@testable import CharretteRoom

/// The stage outlives the server: a room opened again on the same store shows what the last one
/// showed, less a step whose time is up, and nothing of it enters the journal.
@Suite("The stage kept for a restart")
struct RoomStageKeptTests {
    @Test func aRoomOpenedAgainShowsTheStageKept() async throws {
        let f = try RoomFixture()
        let vote = try await f.openApprovalVote()
        let entries = f.entries
        let step = RoomStage.Step(name: "Final vote", endsAt: Date(timeIntervalSinceNow: 600).rounded)
        let walkIns = RoomStage.WalkIns(code: "K7QM2X", questions: [.init(attribute: "district", values: ["north", "east"])])
        f.room.changeStage { stage in
            stage.revealed = [vote]
            stage.step = step
            stage.walkIns = walkIns
        }
        #expect(f.room.stageProblem == nil && f.entries == entries)

        let again = Room(workspace: try Workspace(storage: f.storage), consultation: f.consultation)
        #expect(again.stage == RoomStage(step: step, revealed: [vote], walkIns: walkIns))
        // A step whose time is up is not brought back; an empty stage keeps nothing.
        again.changeStage { $0.step = .init(name: "Over", endsAt: Date(timeIntervalSinceNow: -1).rounded) }
        #expect(Room(workspace: try Workspace(storage: f.storage), consultation: f.consultation).stage == RoomStage(revealed: [vote], walkIns: walkIns))
        again.changeStage { $0 = RoomStage() }
        #expect(try f.storage.serverValue("room.stage.\(f.consultation.rawValue)") == nil)
    }
}

extension Date {
    /// To the second, as the stage is kept (ISO 8601).
    fileprivate var rounded: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
