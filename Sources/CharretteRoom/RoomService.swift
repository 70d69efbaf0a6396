import Charrette
import CharretteSession
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// What the room's routes do: who a request is, and each action taken through the workspace with
/// the participant as its actor, so the domain's rules (and its refusals) are the shell's.
final class RoomService: Sendable {
    let workspace: Workspace
    let consultation: Consultation.ID
    let catalogue: Catalogue
    let sessions = RoomSessions()
    let wall: WallFeed
    /// The address people join at, for the wall's QR code.
    let joinAddress: Mutex<String>
    /// Actions accepted since the room opened.
    let accepted = Atomic<Int>(0)
    static let cookie = "charrette_session"
    /// The most a form may send.
    static let largestForm = 16 * 1024

    init(workspace: Workspace, consultation: Consultation.ID, catalogue: Catalogue = .shipped) {
        self.workspace = workspace
        self.consultation = consultation
        self.catalogue = catalogue
        wall = WallFeed(consultation: consultation, state: workspace.state)
        joinAddress = Mutex("")
    }

    func texts(_ request: Request) -> Catalogue.Texts {
        catalogue.texts(catalogue.language(for: request.headers[.acceptLanguage]))
    }

    func session(_ request: Request) -> RoomSessions.Session? { sessions.session(request.cookies[Self.cookie]?.value) }

    // MARK: Pages

    func participantPage(_ request: Request, notice: ParticipantPage.Notice? = nil, keptIdea: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let texts = texts(request)
        guard let session = session(request) else { return joinPage(texts, message: nil) }
        let state = workspace.state
        guard let participant = state.participants[session.participant], let consultation = state.consultations[consultation] else {
            return joinPage(texts, message: texts["error.session"], status: .forbidden)
        }
        var page = ParticipantPage(state: state, participant: participant, consultation: consultation, texts: texts, csrf: session.csrf)
        page.notice = notice ?? Self.notice(in: request, texts)
        page.keptIdea = keptIdea
        return RoomResponses.html(page.html, status: status)
    }

    /// The notice a redirect after an action asks for (`/?done=idea`).
    static func notice(in request: Request, _ texts: Catalogue.Texts) -> ParticipantPage.Notice? {
        let keys = ["idea": "idea.sent", "withdrawn": "mine.withdrawn", "reaction": "react.saved", "ballot": "ballot.saved"]
        guard let done = request.uri.queryParameters["done"].map(String.init), let key = keys[done] else { return nil }
        return .init(text: texts[key], isRefusal: false)
    }

    func joinPage(_ texts: Catalogue.Texts, message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let body = """
            <main><h1>\(HTML.escape(texts["join.title"]))</h1>
            \(message.map { "<p class=\"notice refusal\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
            <p>\(HTML.escape(texts["join.lead"]))</p></main>
            """
        return RoomResponses.html(HTML.page(title: texts["join.title"], language: texts.language, body: body), status: status)
    }

    /// `/join/SECRET`: a session for the link's holder, then the page without the secret in the address.
    func join(_ request: Request, secret: String) -> Response {
        let texts = texts(request)
        guard let holder = workspace.state.invitationHolder(digest: InvitationSecret.digest(secret)) else {
            return joinPage(texts, message: texts["join.invalid"], status: .notFound)
        }
        let (token, _) = sessions.open(for: holder)
        var response = RoomResponses.seeOther("/")
        response.setCookie(Cookie(name: Self.cookie, value: token, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    // MARK: Actions

    /// Runs `action` for the request's participant after checking the session and the form's
    /// token; a refusal is the page again with the reason and, for an idea, its text kept.
    func act(
        _ request: inout Request, done: String, keepsIdea: Bool = false,
        _ action: @escaping @Sendable (FormBody, Participant.ID, inout Transaction) throws -> Void
    ) async -> Response {
        let texts = texts(request)
        guard let session = session(request) else { return joinPage(texts, message: texts["error.session"], status: .forbidden) }
        let form: FormBody
        do {
            form = FormBody(String(buffer: try await request.collectBody(upTo: Self.largestForm)))
        } catch {
            return participantPage(request, notice: .init(text: texts["error.tooLarge"], isRefusal: true), status: .contentTooLarge)
        }
        guard form["csrf"] == session.csrf else {
            return participantPage(request, notice: .init(text: texts["error.csrf"], isRefusal: true), status: .forbidden)
        }
        do {
            let participant = session.participant
            try await workspace.perform(by: participant) { tx in try action(form, participant, &tx) }
            accepted.add(1, ordering: .relaxed)
            return RoomResponses.seeOther("/?done=\(done)")
        } catch let refusal as BallotForm.Refusal {
            return participantPage(request, notice: .init(text: refusal.message, isRefusal: true), status: .unprocessableContent)
        } catch {
            return participantPage(
                request, notice: .init(text: "\(error)", isRefusal: true), keptIdea: keepsIdea ? form["text"] ?? "" : "", status: .unprocessableContent)
        }
    }

    func submitIdea(_ request: inout Request) async -> Response {
        let consultation = consultation
        return await act(&request, done: "idea", keepsIdea: true) { form, participant, tx in
            _ = try tx.submitIdea(form["text"] ?? "", by: participant, to: consultation)
        }
    }

    func withdrawIdea(_ request: inout Request, idea: Idea.ID) async -> Response {
        await act(&request, done: "withdrawn") { _, _, tx in try tx.withdrawIdea(idea) }
    }

    func react(_ request: inout Request, vote: Vote.ID) async -> Response {
        await act(&request, done: "reaction") { form, participant, tx in
            guard let raw = form["idea"].flatMap(Int.init), let reaction = form["reaction"].flatMap(Reaction.init(rawValue:)) else {
                throw BallotForm.Refusal(message: "choose agree, disagree or pass")
            }
            try tx.castBallot(.reactions([Idea.ID(raw): reaction]), by: participant, in: vote)
        }
    }

    func castBallot(_ request: inout Request, vote id: Vote.ID) async -> Response {
        await act(&request, done: "ballot") { form, participant, tx in
            let vote = try tx.state.vote(id)
            try tx.castBallot(try BallotForm.ballot(from: form, for: vote), by: participant, in: id)
        }
    }

    // MARK: The wall

    func wallPage(_ request: Request) -> Response {
        let texts = texts(request)
        let wall = WallFeed.wall(of: consultation, in: workspace.state)
        let address = joinAddress.withLock { $0 }
        let body = WallPage(wall: wall, texts: texts, joinAddress: address).html
        return RoomResponses.html(HTML.page(title: "\(texts["wall.title"]): \(wall.title)", language: texts.language, body: body, script: "/wall.js"))
    }

    func wallEvents() -> Response {
        var headers = RoomResponses.security
        headers[.contentType] = "text/event-stream"
        let stream = wall.subscribe()
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await event in stream { try await writer.write(ByteBuffer(string: event)) }
                try await writer.finish(nil)
            })
    }
}
