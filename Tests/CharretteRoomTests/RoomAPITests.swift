import Charrette
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CharretteRoom

/// The JSON API: the same changes as the pages, the same refusals, a bearer token instead of a
/// cookie.
@Suite("Room API")
struct RoomAPITests {
    /// Calls `path` with a JSON body, as the holder of `token`.
    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, token: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        #expect(response.headers[.contentType] == "application/json", "\(path)")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    static func session(_ client: any TestClientProtocol, _ code: String) async throws -> String {
        let (status, answer) = try await call(client, .post, "/api/sessions", #"{"code": "\#(code)"}"#)
        #expect(status == .created)
        return try #require(answer["token"] as? String)
    }

    @Test func anIdeaThroughTheAPIIsJournaledAsThePages() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let token = try await Self.session(client, f.amiraSecret.lowercased())
            let before = f.entries
            let (status, done) = try await Self.call(client, .post, "/api/ideas", #"{"text": "Buses every 20 minutes"}"#, token: token)
            #expect(status == .created && f.entries == before + 1)
            let id = try #require(done["id"] as? Int)
            #expect(f.workspace.state.ideas[Idea.ID(id)]?.author == f.amira)
            #expect(done["entry"] as? String == f.workspace.state.headHash.hex)
            let (_, me) = try await Self.call(client, .get, "/api/me", token: token)
            #expect(me["handle"] as? String == "amira" && (me["ideas"] as? [[String: Any]])?.first?["id"] as? Int == id)
        }
    }

    @Test func everyRefusalSaysWhyAndWritesNothing() async throws {
        let f = try RoomFixture()
        let vote = try await f.workspace.perform { tx in
            _ = try tx.submitIdea("Later buses", by: f.jon, to: f.consultation)
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return try tx.openVote("Pick", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id
        }
        try await f.test { client in
            let token = try await Self.session(client, f.amiraSecret)
            let before = f.entries
            let cases: [(HTTPRequest.Method, String, String?, String?, HTTPResponse.Status, String)] = [
                (.post, "/api/ideas", #"{"text": "x"}"#, nil, .unauthorized, "You are not in the room"),
                (.post, "/api/ideas", #"{"text": "x"}"#, "not-a-token", .unauthorized, "You are not in the room"),
                (.post, "/api/ideas", #"{"txt": "x"}"#, token, .badRequest, "'text' is missing"),
                (.post, "/api/ideas", "not json", token, .badRequest, "not the JSON"),
                (.post, "/api/ideas", #"{"text": "x"}"#, token, .unprocessableContent, "Ideas are not being collected at this step"),
                (
                    .post, "/api/votes/\(vote.rawValue)/ballot", #"{"kind": "ranking", "tiers": [[1]]}"#, token, .unprocessableContent,
                    "This ballot is not of the kind"
                ),
                (.post, "/api/votes/99/ballot", #"{"kind": "approval", "ideas": [1]}"#, token, .notFound, "99"),
                (.post, "/api/ideas/1/withdraw", nil, token, .unprocessableContent, "You may not withdraw ideas of others"),
                (.post, "/api/sessions", #"{"code": "WRONG"}"#, nil, .notFound, "No one has that rejoin code"),
                (.post, "/api/walk-ins", #"{"roomCode": "X", "handle": "kim", "agree": true}"#, nil, .forbidden, "only people with a personal link"),
            ]
            for (method, path, body, bearer, status, sentence) in cases {
                let (got, answer) = try await Self.call(client, method, path, body, token: bearer)
                #expect(got == status, "\(path) \(body ?? "")")
                #expect((answer["error"] as? String)?.contains(sentence) == true, "\(path): \(answer)")
            }
            #expect(f.entries == before)
        }
    }

    /// A refusal is said to the participant, in their language; one the room has no text for is
    /// the domain's own sentence.
    @Test func refusalsAreSaidInTheParticipantsLanguage() async throws {
        let f = try RoomFixture()
        let vote = try await f.openApprovalVote()
        try await f.test { client in
            let token = try await Self.session(client, f.amiraSecret)
            func refusal(_ path: String, _ body: String, language: String) async throws -> String {
                let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)", .acceptLanguage: language]
                let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent)
                let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                return answer?["error"] as? String ?? ""
            }
            let before = f.entries
            #expect(try await refusal("/api/ideas", #"{"text": "Later buses"}"#, language: "es-ES,es;q=0.9") == "En este paso no se recogen ideas.")
            #expect(try await refusal("/api/ideas", #"{"text": "Later buses"}"#, language: "en") == "Ideas are not being collected at this step.")
            #expect(
                try await refusal("/api/votes/\(vote.rawValue)/ballot", #"{"kind": "approval", "ideas": [99]}"#, language: "es")
                    == "La idea #99 no está en la papeleta de «Pick».")
            #expect(f.entries == before)
        }
        // Every text names only values its refusal gives.
        let english = try #require(Catalogue.shipped.languages["en"])
        for (key, text) in english where key.hasPrefix("refusal.") {
            #expect(!text.isEmpty && Catalogue.shipped.texts("es").filling(key, [:]) != nil, "\(key)")
        }
        #expect(RoomRefusal.sentence(CharretteError.nothingToUndo, Catalogue.shipped.texts("es")) == "there is nothing to undo")
    }

    @Test func aBallotsAnswerIsItsReceipt() async throws {
        let f = try RoomFixture()
        let (vote, idea) = try await f.workspace.perform { tx in
            let idea = try tx.submitIdea("Later buses", by: f.jon, to: f.consultation).id
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return (try tx.openVote("Pick", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id, idea)
        }
        try await f.test { client in
            let token = try await Self.session(client, f.amiraSecret)
            let (status, done) = try await Self.call(
                client, .post, "/api/votes/\(vote.rawValue)/ballot", #"{"kind": "approval", "ideas": [\#(idea.rawValue)]}"#, token: token)
            #expect(status == .ok && f.workspace.state.ballots[vote]?[f.amira] == .approval([idea]))
            let receipt = try #require(done["entry"] as? String)
            let (found, check) = try await Self.call(client, .get, "/api/receipts/\(receipt)")
            #expect(found == .ok && check["status"] as? String == "counted" && check["vote"] as? String == "Pick")
            let (missing, none) = try await Self.call(client, .get, "/api/receipts/\(String(repeating: "0", count: 64))")
            #expect(missing == .notFound && none["status"] as? String == "unknown")
            let (_, me) = try await Self.call(client, .get, "/api/me", token: token)
            let open = try #require((me["votes"] as? [[String: Any]])?.first)
            #expect((open["ballot"] as? [String: Any])?["ideas"] as? [Int] == [idea.rawValue])
        }
    }

    @Test func aWalkInThroughTheAPIGetsATokenAndARejoinCode() async throws {
        let f = try RoomFixture()
        f.room.changeStage { $0.walkIns = .init(code: "K7QM2X", questions: [.init(attribute: "district", values: ["north"])]) }
        try await f.test { client in
            let (status, answer) = try await Self.call(
                client, .post, "/api/walk-ins", #"{"roomCode": "k7qm2x", "handle": "kim", "agree": true, "counted": true, "answers": {"district": "north"}}"#)
            #expect(status == .created && answer["handle"] as? String == "kim")
            let kim = try #require(f.workspace.state.participant(handle: "kim"))
            #expect(f.workspace.state.personalRecords[kim.id]?.attributes == ["district": "north"])
            let code = try #require(answer["rejoinCode"] as? String)
            #expect(try await Self.session(client, code).isEmpty == false)
        }
    }
}
