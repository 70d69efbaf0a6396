import Charrette
import Foundation
import HTTPTypes
import Testing

@testable import CharretteRoom

/// The facilitator's calls of the API: moderation and the stage, under a facilitator's token
/// only, through the same changes as the shell's commands.
@Suite("Room API for facilitators")
struct RoomFacilitatorAPITests {
    /// The fixture with room moderation on, an idea of amira's held, and a token for sam (the
    /// facilitator) and for amira.
    static func moderatedRoom() async throws -> (RoomFixture, held: Idea.ID, samSecret: String) {
        let f = try RoomFixture()
        let samSecret = InvitationSecret.make()
        try await f.workspace.perform { tx in
            let sam = try #require(tx.state.participants.values.first { $0.handle == "sam" })
            try tx.issueInvitation(to: sam.id, secretDigest: InvitationSecret.digest(samSecret))
            try tx.moderateIdeas(in: f.consultation, true)
        }
        let held = try await f.workspace.perform(by: f.amira) { tx in try tx.submitIdea("Buses every 20 minutes", by: f.amira, to: f.consultation).id }
        #expect(f.workspace.state.ideas[held]?.status == .held)
        return (f, held, samSecret)
    }

    @Test func aFacilitatorApprovesAndHidesHeldIdeas() async throws {
        let (f, held, samSecret) = try await Self.moderatedRoom()
        let other = try await f.workspace.perform(by: f.jon) { tx in try tx.submitIdea("Free passes", by: f.jon, to: f.consultation).id }
        try await f.test { client in
            let sam = try await RoomAPITests.session(client, samSecret)
            let response = try await client.execute(uri: "/api/held", method: .get, headers: [.authorization: "Bearer \(sam)"])
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            #expect(response.status == .ok && list.map { $0["id"] as? Int } == [held.rawValue, other.rawValue])
            #expect(list.first?["author"] as? String == "amira" && list.first?["text"] as? String == "Buses every 20 minutes")

            let (approved, done) = try await RoomAPITests.call(client, .post, "/api/ideas/\(held.rawValue)/approve", token: sam)
            #expect(approved == .ok && done["entry"] as? String == f.workspace.state.headHash.hex)
            #expect(f.workspace.state.ideas[held]?.status == .open)
            let (hidden, _) = try await RoomAPITests.call(client, .post, "/api/ideas/\(other.rawValue)/hide", #"{"reason": "names a person"}"#, token: sam)
            #expect(hidden == .ok && f.workspace.state.ideas[other]?.status == .hidden(reason: "names a person"))
            // The journal says who did it: the facilitator, as in the shell.
            let samID = try #require(f.workspace.state.participants.values.first { $0.handle == "sam" }?.id)
            var actors: [Int?] = []
            try f.storage.readEntries(after: f.entries - 2) { actors.append($0.actor) }
            #expect(actors == [samID.rawValue, samID.rawValue])
        }
    }

    @Test func aParticipantIsRefusedEveryFacilitatorCall() async throws {
        let (f, held, _) = try await Self.moderatedRoom()
        let vote = try await f.openApprovalVote()
        try await f.test { client in
            let amira = try await RoomAPITests.session(client, f.amiraSecret)
            let before = f.entries
            let calls: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/held", nil), (.post, "/api/ideas/\(held.rawValue)/approve", nil),
                (.post, "/api/ideas/\(held.rawValue)/hide", #"{"reason": "x"}"#), (.post, "/api/votes/\(vote.rawValue)/reveal", nil),
                (.post, "/api/votes/\(vote.rawValue)/conceal", nil), (.put, "/api/step", #"{"name": "Vote", "minutes": 5}"#), (.delete, "/api/step", nil),
            ]
            for (method, path, body) in calls {
                let (status, answer) = try await RoomAPITests.call(client, method, path, body, token: amira)
                #expect(status == .forbidden && answer["error"] as? String == "Only a facilitator may do that.", "\(path)")
                let (anonymous, _) = try await RoomAPITests.call(client, method, path, body)
                #expect(anonymous == .unauthorized, "\(path)")
            }
            #expect(f.entries == before && f.room.stage == RoomStage())
            #expect(f.workspace.state.ideas[held]?.status == .held)
        }
    }

    @Test func aFacilitatorRevealsResultsAndRunsSteps() async throws {
        let (f, _, samSecret) = try await Self.moderatedRoom()
        let vote = try await f.openApprovalVote()
        try await f.test { client in
            let sam = try await RoomAPITests.session(client, samSecret)
            let (revealed, stage) = try await RoomAPITests.call(client, .post, "/api/votes/\(vote.rawValue)/reveal", token: sam)
            #expect(revealed == .ok && stage["revealed"] as? [Int] == [vote.rawValue] && f.room.stage.revealed == [vote])
            let (missing, problem) = try await RoomAPITests.call(client, .post, "/api/votes/99/reveal", token: sam)
            #expect(missing == .notFound && (problem["error"] as? String)?.contains("#99") == true)

            let asked = Date()
            let (started, withStep) = try await RoomAPITests.call(client, .put, "/api/step", #"{"name": "Final vote", "minutes": 5}"#, token: sam)
            let answered = Date()
            let step = try #require(f.room.stage.step)
            #expect(started == .ok && step.name == "Final vote" && (withStep["step"] as? [String: Any])?["name"] as? String == "Final vote")
            // Five minutes from when the call was made.
            #expect(step.endsAt >= asked.addingTimeInterval(300) && step.endsAt <= answered.addingTimeInterval(300))
            for body in [#"{"name": " ", "minutes": 5}"#, #"{"name": "Vote", "minutes": 0}"#, #"{"name": "Vote", "minutes": 5000}"#] {
                let (refused, _) = try await RoomAPITests.call(client, .put, "/api/step", body, token: sam)
                #expect(refused == .unprocessableContent, "\(body)")
            }
            #expect(f.room.stage.step == step)
            let (ended, _) = try await RoomAPITests.call(client, .delete, "/api/step", token: sam)
            let (concealed, _) = try await RoomAPITests.call(client, .post, "/api/votes/\(vote.rawValue)/conceal", token: sam)
            #expect(ended == .ok && concealed == .ok && f.room.stage == RoomStage())
        }
    }
}
