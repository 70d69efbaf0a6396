import Charrette
import CharretteSession
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CharretteRoom

/// Getting in without a personal link: walking in with the room code, coming back with the
/// rejoin code, and every refusal on the way changing nothing.
@Suite("Room joining")
struct RoomJoiningTests {
    static let district = WalkInQuestion(attribute: "district", values: ["north", "south"])

    func walkIns(_ f: RoomFixture) {
        f.room.changeStage { $0.walkIns = .init(code: "K7QM2X", questions: [Self.district]) }
    }

    @Test func aNewcomerWithTheRoomCodeJoinsAndIsGivenARejoinCode() async throws {
        let f = try RoomFixture()
        walkIns(f)
        try await f.test { client in
            let form = String(buffer: try await client.execute(uri: "/join", method: .get).body)
            #expect(form.contains("name=\"room\"") && form.contains("<option>north</option>") && form.contains("I prefer not to say"))
            let before = f.entries
            let (response, browser) = try await Browser.posting(
                client, "/join", [("room", "k7qm-2x"), ("handle", "walk-in"), ("a-district", "south"), ("counted", "yes"), ("agree", "yes")])
            #expect(response.status == .seeOther && response.headers[.location] == "/?done=joined")
            // Registered and given a credential in one change.
            #expect(f.entries == before + 2)
            let state = f.workspace.state
            let person = try #require(state.participant(handle: "walk-in"))
            #expect(person.consent == [.participation, .analytics] && person.role == .participant)
            #expect(state.personalRecords[person.id]?.attributes == ["district": "south"])
            let page = String(buffer: try await browser.get("/?done=joined").body)
            #expect(page.contains("@walk-in") && page.contains("Welcome!"))
            let code = try #require(page.firstMatch(of: /<strong class="code">([0-9A-Z-]{19})<\/strong>/)).1
            // The rejoin code gets them back in on another phone, typed in lower case.
            let (again, other) = try await Browser.posting(client, "/rejoin", [("code", code.lowercased())])
            #expect(again.status == .seeOther)
            #expect(String(buffer: try await other.get("/").body).contains("@walk-in"))
            #expect(f.room.status.participantsJoined == 1)
        }
    }

    @Test func aWrongRoomCodeOrAMissingAgreementWritesNothingAndKeepsTheForm() async throws {
        let f = try RoomFixture()
        walkIns(f)
        try await f.test { client in
            let before = f.entries
            let cases: [([(String, String)], HTTPResponse.Status, String)] = [
                ([("room", "ZZZZZZ"), ("handle", "kim"), ("agree", "yes")], .forbidden, "That is not this room&#39;s code"),
                ([("room", "K7QM2X"), ("handle", "kim")], .unprocessableContent, "Taking part needs your agreement"),
                ([("room", "K7QM2X"), ("handle", "kim"), ("a-district", "south"), ("agree", "yes")], .unprocessableContent, "only with your agreement"),
                (
                    [("room", "K7QM2X"), ("handle", "kim"), ("a-district", "mars"), ("counted", "yes"), ("agree", "yes")], .unprocessableContent,
                    "choose one of the answers"
                ),
                ([("room", "K7QM2X"), ("handle", "amira"), ("agree", "yes")], .unprocessableContent, "@amira is already taken: pick another name"),
                ([("room", "K7QM2X"), ("handle", "two words"), ("agree", "yes")], .unprocessableContent, "&#39;two words&#39; cannot be a handle"),
            ]
            for (fields, status, sentence) in cases {
                let (response, _) = try await Browser.posting(client, "/join", fields)
                let page = String(buffer: response.body)
                #expect(response.status == status, "\(fields)")
                #expect(page.contains(sentence), "\(fields): \(page)")
                #expect(response.headers[.setCookie] == nil)
                // What they typed stays in the form.
                #expect(page.contains("value=\"\(HTML.escape(fields[1].1))\""))
            }
            #expect(f.entries == before)
        }
    }

    @Test func aConsultationForItsBoardsTakesNoWalkIns() async throws {
        let f = try RoomFixture()
        let youthOnly = try await f.workspace.perform { tx in
            _ = try tx.createBoard(name: "youth", title: "Youth board")
            return try tx.openConsultation(title: "Youth fares", question: "What should a youth fare cost?", boards: ["youth"]).id
        }
        let room = Room(workspace: f.workspace, consultation: youthOnly)
        room.changeStage { $0.walkIns = .init(code: "K7QM2X") }
        try await Application(router: room.router()).test(.router) { client in
            let before = f.entries
            let (response, _) = try await Browser.posting(client, "/join", [("room", "K7QM2X"), ("handle", "kim"), ("agree", "yes")])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("is for the members of its boards only"))
            #expect(f.entries == before)
        }
    }

    @Test func withoutWalkInsOnlyLinksAndRejoinCodesLetPeopleIn() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let form = String(buffer: try await client.execute(uri: "/join", method: .get).body)
            #expect(!form.contains("name=\"room\"") && form.contains("name=\"code\""))
            let (response, _) = try await Browser.posting(client, "/join", [("room", "K7QM2X"), ("handle", "kim"), ("agree", "yes")])
            #expect(response.status == .forbidden && String(buffer: response.body).contains("only people with a personal link"))
            // An invited person's link secret is their rejoin code too.
            let (rejoined, browser) = try await Browser.posting(client, "/rejoin", [("code", InvitationSecret.shown(f.amiraSecret))])
            let page = String(buffer: try await browser.get("/").body)
            #expect(rejoined.status == .seeOther && page.contains("@amira"))
        }
    }

    @Test func guessingCodesIsSlowedDownPerDevice() async throws {
        let f = try RoomFixture()
        // No refill while the test runs, however slowly the machine runs it.
        let room = Room(workspace: f.workspace, consultation: f.consultation, limits: RoomLimits(attemptsPerSecond: 0))
        try await Application(router: room.router()).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for attempt in 0..<22 {
                statuses.append(try await Browser.posting(client, "/rejoin", [("code", "GUESS\(attempt)")]).0.status)
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == .notFound })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            // The right code is refused too while the device waits: guessing does not pay.
            #expect(try await Browser.posting(client, "/rejoin", [("code", f.amiraSecret)]).0.status == .tooManyRequests)
        }
    }

    @Test func aFormFromAnotherSiteCannotLogSomeoneIn() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let refused: [HTTPFields] = [
                [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
            ]
            for headers in refused {
                let response = try await client.execute(uri: "/rejoin", method: .post, headers: headers, body: .init(string: "code=\(f.amiraSecret)"))
                #expect(response.status == .forbidden && response.headers[.setCookie] == nil)
            }
        }
        // The same host on another port is another origin.
        #expect(RoomService.sameOrigin("http://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(RoomService.sameOrigin("http://Room.local", authority: "room.local:80"))
        #expect(!RoomService.sameOrigin("http://127.0.0.1:9999", authority: "127.0.0.1:8080"))
        #expect(!RoomService.sameOrigin("http://127.0.0.1.evil.example:8080", authority: "127.0.0.1:8080"))
        #expect(!RoomService.sameOrigin("null", authority: "127.0.0.1:8080"))
    }

    @Test func anotherPersonsLinkAsksBeforeTheBrowserSwitches() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let asked = try await amira.get("/join/\(f.jonSecret)")
            #expect(asked.status == .ok && asked.headers[.setCookie] == nil)
            #expect(String(buffer: asked.body).contains("This browser takes part as <strong>@amira</strong>"))
            #expect(String(buffer: try await amira.get("/").body).contains("@amira"))
            let switched = try await amira.post("/join/\(f.jonSecret)", [], token: .some(nil))
            #expect(switched.status == .seeOther && switched.headers[.setCookie] != nil)
        }
    }

    @Test func walkingInIsLimitedPerDevice() async throws {
        let f = try RoomFixture()
        let room = Room(workspace: f.workspace, consultation: f.consultation, limits: RoomLimits(attemptBurst: 3, attemptsPerSecond: 0))
        room.changeStage { $0.walkIns = .init(code: "k7qm-2x") }
        try await Application(router: room.router()).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<4 {
                statuses.append(try await Browser.posting(client, "/join", [("room", "K7QM2X"), ("handle", "kim\(index)"), ("agree", "yes")]).0.status)
            }
            #expect(statuses == [.seeOther, .seeOther, .seeOther, .tooManyRequests])
            #expect(f.workspace.state.participant(handle: "kim3") == nil)
        }
    }

    @Test func aReplacedLinkEndsTheSessionsItOpened() async throws {
        let f = try RoomFixture()
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            #expect(String(buffer: try await amira.get("/").body).contains("@amira"))
            try await f.workspace.perform { tx in try tx.issueInvitation(to: f.amira, secretDigest: InvitationSecret.digest("another")) }
            let page = String(buffer: try await amira.get("/").body)
            #expect(!page.contains("@amira") && page.contains("Join the room"))
        }
    }
}

/// What the facilitator puts before the room: the step and its countdown, results once revealed,
/// and a receipt for every ballot.
@Suite("Room stage")
struct RoomStageTests {
    @Test func theStepUnderWayIsShownWithItsEndTime() async throws {
        let f = try RoomFixture()
        let ends = Date(timeIntervalSince1970: 1_800_000_000)
        f.room.changeStage { $0.step = .init(name: "Brainstorm", endsAt: ends) }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let page = String(buffer: try await amira.get("/").body)
            #expect(page.contains("<strong>Brainstorm</strong>") && page.contains("data-ends=\"2027-01-15T08:00:00Z\""))
            let wall = String(buffer: try await client.execute(uri: "/api/wall", method: .get).body)
            #expect(wall.contains("\"name\":\"Brainstorm\"") && wall.contains("2027-01-15T08:00:00Z"))
        }
        f.room.changeStage { $0.step = nil }
        #expect(f.room.stage.step == nil)
    }

    @Test func resultsAreShownOnlyOnceRevealed() async throws {
        let f = try RoomFixture()
        let vote = try await f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            let vote = try tx.openVote("Pick", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id
            try tx.castBallot(.approval([ideas[1]]), by: f.jon, in: vote)
            return vote
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            #expect(!String(buffer: try await amira.get("/").body).contains("id=\"results\""))
            #expect(!String(buffer: try await client.execute(uri: "/wall", method: .get).body).contains("id=\"results\""))
            f.room.changeStage { $0.revealed.insert(vote) }
            let page = String(buffer: try await amira.get("/").body)
            let results = try #require(page.firstMatch(of: /<ol class="results">(.*?)<\/ol>/)).1
            #expect(results.hasPrefix("<li value=\"1\"><span class=\"idea-number\">#2</span> <bdi>Safer stops</bdi>"))
            #expect(String(buffer: try await client.execute(uri: "/wall", method: .get).body).contains("<bdi>Safer stops</bdi>"))
        }
    }

    @Test func aReactionsReceiptCountsUntilTheSameStatementIsAnsweredAgain() throws {
        let f = try RoomFixture()
        let (vote, ideas) = try f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return (try tx.openVote("React", on: f.consultation, method: VotingMethod(rawValue: "reactions")!).id, ideas)
        }
        func react(_ idea: Idea.ID, _ reaction: Reaction) throws -> JournalHash {
            try f.workspace.perform(by: f.amira) { tx in
                try tx.castBallot(.reactions([idea: reaction]), by: f.amira, in: vote)
                return tx.state.headHash
            }
        }
        func counted(_ receipt: JournalHash) throws -> Bool {
            if case .counted = try f.workspace.checkReceipt(receipt) { return true }
            return false
        }
        let first = try react(ideas[0], .agree)
        let other = try react(ideas[1], .pass)
        #expect(try counted(first) && counted(other))  // a reaction to another statement adds to it
        let changed = try react(ideas[0], .disagree)
        let back = try react(ideas[0], .agree)
        #expect(try !counted(first) && !counted(changed) && counted(back) && counted(other))
        // Taking the last one back makes the one before count again.
        _ = try f.workspace.perform { tx in try tx.undo(change: tx.state.nextUndoableChange!) }
        #expect(try counted(changed) && !counted(first))
    }

    @Test func aBallotsReceiptSaysWhetherItIsCounted() async throws {
        let f = try RoomFixture()
        let (vote, ideas) = try await f.workspace.perform { tx in
            let ideas = try ["Later buses", "Safer stops"].map { try tx.submitIdea($0, by: f.jon, to: f.consultation).id }
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            return (try tx.openVote("Pick", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id, ideas)
        }
        try await f.test { client in
            let amira = try await Browser.joining(client, secret: f.amiraSecret)
            let first = try await amira.post("/votes/\(vote.rawValue)/ballot", [("approve", "\(ideas[0].rawValue)")])
            let location = try #require(first.headers[.location])
            let receipt = try #require(location.firstMatch(of: /receipt=([0-9a-f]{64})/)).1
            #expect(String(buffer: try await amira.get(location).body).contains("/receipt/\(receipt)"))
            #expect(
                try f.workspace.checkReceipt(try #require(JournalHash(hex: String(receipt))))
                    == .counted(
                        sequence: f.entries, vote: vote, castAt: try #require(f.workspace.state.ballotTimes[vote]?[f.amira])))
            #expect(String(buffer: try await client.execute(uri: "/receipt/\(receipt)", method: .get).body).contains("This ballot is counted in Pick"))
            // A changed ballot: the first receipt is superseded, the new one counts.
            _ = try await amira.post("/votes/\(vote.rawValue)/ballot", [("approve", "\(ideas[1].rawValue)")])
            let check = try f.workspace.checkReceipt(try #require(JournalHash(hex: String(receipt))))
            guard case .superseded(_, vote, _) = check else { Issue.record("\(check)"); return }
            #expect(String(buffer: try await client.execute(uri: "/receipt/\(receipt)", method: .get).body).contains("This ballot no longer counts"))
            #expect(try f.workspace.checkReceipt(JournalHash.genesis) == .unknown)
            #expect(String(buffer: try await client.execute(uri: "/receipt/nonsense", method: .get).body).contains("No ballot of this room"))
        }
    }
}
