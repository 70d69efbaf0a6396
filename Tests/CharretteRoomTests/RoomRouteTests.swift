import Charrette
import CharretteSession
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CharretteRoom

/// The participant page and the wall through their routes: joining, each action journaled as the
/// participant, and every refusal changing nothing.
@Suite("Room routes")
struct RoomRouteTests {
    @Test func aPersonalLinkOpensASessionAndLeavesTheAddressBar() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let page = try await amira.get("/")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("@amira") && html.contains("What would make night buses work for you?"))
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            // Without the cookie: the join page, not someone's page.
            let stranger = try await Browser(client: client, cookie: nil).get("/")
            #expect(String(buffer: stranger.body).contains("Join the room") && !String(buffer: stranger.body).contains("@amira"))
        }
    }

    @Test func aWrongOrRevokedLinkLetsNobodyIn() async throws {
        let f = try RoomFixture()
        try await f.workspace.perform { tx in try tx.revokeInvitation(of: f.jon) }
        try await f.test { client in
            for secret in ["not-a-secret", f.jonSecret] {
                let response = try await client.execute(uri: "/join/\(secret)", method: .get)
                #expect(response.status == .notFound)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("This link does not let anyone in"))
            }
        }
    }

    @Test func anIdeaIsJournaledWithItsAuthor() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let before = f.entries
            let response = try await amira.post("/ideas", [("text", "Buses every 20 minutes after midnight")])
            #expect(response.status == .seeOther && response.headers[.location] == "/?done=idea")
            #expect(f.entries == before + 1)
            let idea = try #require(f.workspace.state.ideas.values.first)
            #expect(idea.author == f.amira && idea.text == "Buses every 20 minutes after midnight")
            let page = String(buffer: try await amira.get("/?done=idea").body)
            #expect(page.contains("Your idea was received.") && page.contains("Buses every 20 minutes after midnight"))
            #expect(f.room.status.actionsAccepted == 1 && f.room.status.participantsJoined == 1)
        }
    }

    @Test func aFormWithoutItsTokenOrSessionChangesNothing() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let before = f.entries
            let forged = try await amira.post("/ideas", [("text", "forged")], token: .some("0000"))
            #expect(forged.status == .forbidden && String(buffer: forged.body).contains("This form is out of date"))
            let missing = try await amira.post("/ideas", [("text", "forged")], token: .some(nil))
            #expect(missing.status == .forbidden)
            let anonymous = try await Browser(client: client, cookie: "charrette_session=guess").post("/ideas", [("text", "x")], token: .some("x"))
            #expect(anonymous.status == .forbidden)
            let huge = try await amira.post("/ideas", [("text", String(repeating: "a", count: 20_000))])
            #expect(huge.status == .contentTooLarge)
            #expect(f.entries == before && f.workspace.state.ideas.isEmpty)
        }
    }

    @Test func aRefusalIsSaidInPlainWordsAndKeepsWhatWasTyped() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            // The page was loaded while ideas were taken; the facilitator moved on before it was sent.
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let token = try await amira.csrf()
            try await f.workspace.perform { tx in _ = try tx.changePhase(of: f.consultation, to: .voting) }
            let before = f.entries
            let typed = "<script>alert('late')</script> more buses"
            let response = try await amira.post("/ideas", [("text", typed)], token: .some(token))
            #expect(response.status == .unprocessableContent)
            let page = String(buffer: response.body)
            #expect(page.contains("role=\"alert\""))
            #expect(page.contains("&lt;script&gt;alert(&#39;late&#39;)&lt;/script&gt; more buses") && !page.contains("<script>alert"))
            #expect(f.entries == before)
        }
    }

    @Test func participantsActOnlyAsThemselves() async throws {
        let f = try RoomFixture()
        let idea = try await f.workspace.perform(by: f.amira) { tx in try tx.submitIdea("Amira's idea", by: f.amira, to: f.consultation).id }
        try await f.test { client in
            let jon = try await Browser.joining(client, secret: f.jonSecret)
            let before = f.entries
            let response = try await jon.post("/ideas/\(idea.rawValue)/withdraw", [])
            #expect(response.status == .unprocessableContent)
            #expect(f.workspace.state.ideas[idea]?.status == .open && f.entries == before)
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            #expect(try await amira.post("/ideas/\(idea.rawValue)/withdraw", []).status == .seeOther)
            #expect(f.workspace.state.ideas[idea]?.status == .withdrawn)
        }
    }

    @Test func reactionsComeOneStatementAtATime() async throws {
        let f = try RoomFixture()
        let vote = try await f.workspace.perform { tx in
            for text in ["Later buses", "Safer stops", "Cheaper fares"] { _ = try tx.submitIdea(text, by: f.jon, to: f.consultation) }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return try tx.openVote("Reactions", on: f.consultation, method: VotingMethod(rawValue: "reactions")!).id
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            for _ in 0..<3 {
                let page = String(buffer: try await amira.get("/").body)
                let marker = "name=\"idea\" value=\""
                let start = try #require(page.range(of: marker)).upperBound
                let idea = try #require(Int(page[start...].prefix { $0.isNumber }))
                #expect(try await amira.post("/votes/\(vote.rawValue)/react", [("idea", "\(idea)"), ("reaction", "agree")]).status == .seeOther)
            }
            #expect(String(buffer: try await amira.get("/").body).contains("You have reacted to every statement"))
            guard case .reactions(let reactions)? = f.workspace.state.ballots[vote]?[f.amira] else { Issue.record("no reactions"); return }
            #expect(reactions.count == 3 && reactions.values.allSatisfy { $0 == .agree })
        }
    }

    @Test func aRankedBallotIsCountedAsTheShellCountsIt() async throws {
        let f = try RoomFixture()
        let (vote, ideas) = try await f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops", "Cheaper fares"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return (try tx.openVote("Final", on: f.consultation, method: VotingMethod(rawValue: "schulze")!).id, ideas)
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let fields = [("c\(ideas[2].rawValue)", "1"), ("c\(ideas[0].rawValue)", "2"), ("c\(ideas[1].rawValue)", "2")]
            #expect(try await amira.post("/votes/\(vote.rawValue)/ballot", fields).status == .seeOther)
            #expect(f.workspace.state.ballots[vote]?[f.amira] == .ranking([[ideas[2]], [ideas[0], ideas[1]]]))
            // The page shows the ballot in force, to change until the vote closes.
            #expect(String(buffer: try await amira.get("/").body).contains("<option value=\"1\" selected>1</option>"))
            let bad = try await amira.post("/votes/\(vote.rawValue)/ballot", [("c\(ideas[0].rawValue)", "first")])
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("is not a whole number"))
            let count = try f.workspace.state.count(try f.workspace.state.vote(vote))
            #expect(count.result.winners.map { count.election.candidates[$0] } == ["#\(ideas[2].rawValue)"])
        }
    }

    @Test func aDotBallotOverItsBudgetIsRefusedInPlainWords() async throws {
        let f = try RoomFixture()
        let (vote, ideas) = try await f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return (try tx.openVote("Dots", on: f.consultation, method: VotingMethod(rawValue: "dots")!, settings: .init(budget: 3)).id, ideas)
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let before = f.entries
            let response = try await amira.post("/votes/\(vote.rawValue)/ballot", [("c\(ideas[0].rawValue)", "3"), ("c\(ideas[1].rawValue)", "2")])
            #expect(response.status == .unprocessableContent)
            // The domain's rule, said to the participant.
            #expect(String(buffer: response.body).contains("You gave 5 dots, but you have 3."))
            #expect(f.entries == before)
        }
    }

    @Test func theWallShowsTheIdeasEscapedAndFollowsTheBrowsersLanguage() async throws {
        let f = try RoomFixture()
        try await f.workspace.perform(by: f.amira) { tx in _ = try tx.submitIdea("<b>Buses</b> & trams", by: f.amira, to: f.consultation) }
        try await f.test { client in
            let wall = try await client.execute(uri: "/wall", method: .get, headers: [.acceptLanguage: "es-ES,es;q=0.9,en;q=0.5"])
            let html = String(buffer: wall.body)
            #expect(html.contains("&lt;b&gt;Buses&lt;/b&gt; &amp; trams") && html.contains("lang=\"es\"") && html.contains("Sin tema todavía"))
            #expect(html.contains("<script src=\"/wall.js\" defer></script>") && !html.contains("<script>"))
            let api = try await client.execute(uri: "/api/wall", method: .get)
            let decoded = try JSONDecoder().decode(WallFeed.Wall.self, from: Data(buffer: api.body))
            #expect(decoded.ideas == 1 && decoded.groups.first?.ideas.first?.text == "<b>Buses</b> & trams")
        }
    }

    /// Someone's text inside a line of other text is isolated: a right-to-left override in an idea
    /// cannot turn around the button or the words after it.
    @Test func aDirectionOverrideStaysInsideItsIdea() async throws {
        let f = try RoomFixture()
        try await f.workspace.perform(by: f.amira) { tx in _ = try tx.submitIdea("Buses\u{202E} later", by: f.amira, to: f.consultation) }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let page = String(buffer: try await amira.get("/").body)
            #expect(page.contains("<bdi>Buses\u{202E} later</bdi>"))
        }
    }

    @Test func aCardSortFromThePhoneIsTheDomainsCardSort() async throws {
        let f = try RoomFixture()
        let ideas = try await f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops", "Lit shelters"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.createTheme("Safety", in: f.consultation)
            _ = try tx.changePhase(of: f.consultation, to: .clustering)
            return ideas
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let page = String(buffer: try await amira.get("/").body)
            #expect(page.contains("<option value=\"Safety\">") && page.contains("name=\"g\(ideas[2].rawValue)\""))
            let before = f.entries
            let empty = try await amira.post("/sort", ideas.map { ("g\($0.rawValue)", " ") })
            #expect(empty.status == .unprocessableContent && String(buffer: empty.body).contains("card sort has no groups"))
            #expect(f.entries == before)
            let fields = [("g\(ideas[1].rawValue)", "Safety"), ("g\(ideas[0].rawValue)", "Timetable"), ("g\(ideas[2].rawValue)", "safety ")]
            let sent = try await amira.post("/sort", fields)
            #expect(sent.status == .seeOther && sent.headers[.location] == "/?done=sort")
            let sort = try #require(f.workspace.state.cardSorts[f.consultation]?[f.amira])
            #expect(sort.groups == [.init(label: "Safety", ideas: [ideas[1], ideas[2]]), .init(label: "Timetable", ideas: [ideas[0]])])
            // The page shows the sort handed in, to change.
            #expect(String(buffer: try await amira.get("/").body).contains("name=\"g\(ideas[0].rawValue)\" list=\"sort-groups\" value=\"Timetable\""))
        }
    }
}
