import Charrette
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CharretteRoom

/// Moderation, the facilitator's arrivals and sessions across a restart, through the routes.
@Suite("Room moderation")
struct RoomModerationTests {
    @Test func aHeldIdeaIsSeenOnlyByItsAuthorUntilApproved() async throws {
        let f = try RoomFixture()
        let sam = try #require(f.workspace.state.participant(handle: "sam")?.id)
        try await f.workspace.perform(by: sam) { try $0.moderateIdeas(in: f.consultation, true) }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let jon = try await Browser.joining(client, secret: f.jonSecret)
            let sent = try await amira.post("/ideas", [("text", "Night buses on Fridays")])
            #expect(sent.status == .seeOther && sent.headers[.location] == "/?done=held")
            let idea = try #require(f.workspace.state.ideas.values.first)
            #expect(idea.status == .held && idea.author == f.amira)
            let own = String(buffer: try await amira.get("/?done=held").body)
            #expect(own.contains("A facilitator checks new ideas") && own.contains("Night buses on Fridays"))
            #expect(own.contains("waiting for a facilitator"))
            #expect(!String(buffer: try await jon.get("/").body).contains("Night buses on Fridays"))
            #expect(!String(buffer: try await client.execute(uri: "/api/wall", method: .get).body).contains("Night buses on Fridays"))
            #expect(!String(buffer: try await client.execute(uri: "/wall", method: .get).body).contains("Night buses on Fridays"))

            try await f.workspace.perform(by: sam) { try $0.approveIdea(idea.id) }
            #expect(String(buffer: try await client.execute(uri: "/api/wall", method: .get).body).contains("Night buses on Fridays"))
            #expect(!String(buffer: try await amira.get("/").body).contains("waiting for a facilitator"))
            // Hidden, it leaves every screen.
            try await f.workspace.perform(by: sam) { try $0.hideIdea(idea.id, reason: "off topic") }
            #expect(!String(buffer: try await client.execute(uri: "/api/wall", method: .get).body).contains("Night buses on Fridays"))
        }
    }

    @Test func aSessionOutlivesTheServerThatOpenedIt() async throws {
        let f = try RoomFixture()
        // The cookie names the credential itself: no session table to lose.
        let cookie = "\(RoomService.cookie)=\(f.amiraSecret)"
        try await f.test { client in
            let joined = try await Browser.joining(client, secret: f.amiraSecret)
            #expect(joined.cookie == cookie)
        }
        // Another room on the same workspace: the one a restarted `charrette serve` makes.
        let restarted = Room(workspace: f.workspace, consultation: f.consultation)
        let application = Application(router: restarted.router())
        try await application.test(.router) { client in
            let amira = Browser(client: client, cookie: cookie)
            #expect(String(buffer: try await amira.get("/").body).contains("@amira"))
            let sent = try await amira.post("/ideas", [("text", "Lit stops")])
            #expect(sent.status == .seeOther)
        }
        // A revoked credential ends it.
        try await f.workspace.perform { try $0.revokeInvitation(of: f.amira) }
        try await application.test(.router) { client in
            let page = try await Browser(client: client, cookie: cookie).get("/")
            #expect(!String(buffer: page.body).contains("@amira"))
        }
    }

    // Only a guard against a hang: the lines arrive at once, but in a parallel run this task may
    // resume only when the CPU-bound tests around it have finished.
    @Test(.timeLimit(.minutes(10))) func theFacilitatorHearsArrivalsAndIdeas() async throws {
        let f = try RoomFixture()
        let sam = try #require(f.workspace.state.participant(handle: "sam")?.id)
        try await f.workspace.perform(by: sam) { try $0.moderateIdeas(in: f.consultation, true) }
        let arrivals = f.room.arrivals()
        // A facilitator's own change is not repeated back: the first line is amira's arrival.
        try await f.workspace.perform(by: sam) { try $0.submitIdea("Typed in by sam", by: f.jon, to: f.consultation) }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            _ = try await Browser.joining(client, secret: f.amiraSecret)
            // The domain refuses control characters; a long text is cut to one line.
            _ = try await amira.post("/ideas", [("text", "Night buses on Fridays\n" + String(repeating: "and Saturdays ", count: 10))])
        }
        var heard: [String] = []
        for await line in arrivals {
            heard.append(line)
            if heard.count == 2 { break }
        }
        #expect(heard.first == "@amira joined")
        #expect(
            heard.last
                == "idea #2 from @amira waits for you: “Night buses on Fridays and Saturdays and Saturdays and Saturdays and Saturdays…” (idea approve #2, or idea hide #2 \"reason\")"
        )
    }
}
