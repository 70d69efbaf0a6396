import Charrette
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CharretteRoom

/// A room on an in-memory workspace: a facilitator, two participants with invitations, and a
/// consultation taking ideas.
struct RoomFixture {
    let workspace: Workspace
    let storage: InMemoryStorage
    let room: Room
    let consultation: Consultation.ID
    let amira: Participant.ID, jon: Participant.ID
    let amiraSecret = InvitationSecret.make(), jonSecret = InvitationSecret.make()

    init() throws {
        storage = InMemoryStorage()
        workspace = try Workspace(storage: storage)
        let (amiraSecret, jonSecret) = (self.amiraSecret, self.jonSecret)
        (amira, jon, consultation) = try workspace.perform { tx in
            _ = try tx.registerParticipant(handle: "sam", role: .facilitator)
            let amira = try tx.registerParticipant(handle: "amira")
            let jon = try tx.registerParticipant(handle: "jon")
            let consultation = try tx.openConsultation(title: "Night buses", question: "What would make night buses work for you?")
            try tx.issueInvitation(to: amira.id, secretDigest: InvitationSecret.digest(amiraSecret))
            try tx.issueInvitation(to: jon.id, secretDigest: InvitationSecret.digest(jonSecret))
            return (amira.id, jon.id, consultation.id)
        }
        room = Room(workspace: workspace, consultation: consultation)
    }

    var entries: Int64 { (try? storage.recordedHead()?.sequence) ?? 0 }

    /// An approval vote "Pick" opened on one idea of the program's ("Later buses").
    func openApprovalVote() async throws -> Vote.ID {
        try await workspace.perform { [consultation] tx in
            _ = try tx.submitIdea("Later buses", by: nil, to: consultation)
            _ = try tx.changePhase(of: consultation, to: .voting)
            return try tx.openVote("Pick", on: consultation, method: VotingMethod(rawValue: "approval")!).id
        }
    }

    /// Runs `test` against the room's routes, without a socket.
    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(router: room.router())
        try await application.test(.router) { client in try await test(client) }
    }
}

/// A browser's side of the conversation: its cookie and the token of its last page.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?

    /// Joins with `secret`, keeping the session cookie.
    static func joining(_ client: any TestClientProtocol, secret: String) async throws -> Browser {
        let response = try await client.execute(uri: "/join/\(secret)", method: .get)
        #expect(response.status == .seeOther && response.headers[.location] == "/")
        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        return Browser(client: client, cookie: cookie)
    }

    /// Posts a form sent before there is a session (walking in, rejoining); the browser that comes
    /// out of it holds the session cookie the response set, if any.
    static func posting(_ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)]) async throws -> (TestResponse, Browser) {
        let response = try await Browser(client: client, cookie: nil).post(path, fields, token: .some(nil))
        let cookie = response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
        return (response, Browser(client: client, cookie: cookie))
    }

    var headers: HTTPFields {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return headers
    }

    func get(_ path: String, language: String? = nil) async throws -> TestResponse {
        var headers = headers
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// The page's form token.
    func csrf() async throws -> String {
        let page = String(buffer: try await get("/").body)
        let marker = "name=\"csrf\" value=\""
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    /// Posts `fields` as a form, with the page's token unless `token` says otherwise.
    func post(_ path: String, _ fields: [(String, String)], token: String?? = nil) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let token: String? = if let token { token } else { try await csrf() }
        let all = (token.map { [("csrf", $0)] } ?? []) + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
