import Charrette
import CharretteSession
import Foundation
import HTTPTypes
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
    /// Keeps the stage for a restart.
    let stageKeeper: StageKeeper
    let arrivals = RoomArrivals()
    /// The address people join at, for the wall's QR code.
    let joinAddress: Mutex<String>
    /// Actions accepted since the room opened.
    let accepted = Atomic<Int>(0)
    static let cookie = "charrette_session"
    /// The most a form may send.
    static let largestForm = 16 * 1024

    init(workspace: Workspace, consultation: Consultation.ID, limits: RoomLimits, catalogue: Catalogue = .shipped) {
        attempts = RateLimit(burst: limits.attemptBurst, perSecond: limits.attemptsPerSecond)
        actions = RateLimit(burst: limits.actionBurst, perSecond: limits.actionsPerSecond)
        self.workspace = workspace
        self.consultation = consultation
        self.catalogue = catalogue
        let keeper = StageKeeper(workspace: workspace, consultation: consultation)
        stageKeeper = keeper
        wall = WallFeed(consultation: consultation, state: workspace.state, stage: keeper.load(), keeper: keeper)
        joinAddress = Mutex("")
    }

    func texts(_ request: Request) -> Catalogue.Texts {
        catalogue.texts(catalogue.language(for: request.headers[.acceptLanguage]))
    }

    /// The request's session, while the credential it came in with is still its holder's (a
    /// revoked or replaced link ends the sessions it opened, in every server process).
    func session(_ request: Request) -> RoomSessions.Session? { sessions.session(request.cookies[Self.cookie]?.value, in: workspace.state) }

    /// Attempts per device at a code (a link, a rejoin code, the room code; a success is given
    /// back), at walking in and at checking a receipt: enough for typos and a room, too few to guess
    /// or to flood. Each takes its token before it runs, so requests sent at once cannot get past.
    let attempts: RateLimit<String>
    /// Actions per participant: far above what a person taps, a ceiling for a runaway script.
    let actions: RateLimit<Participant.ID>

    // MARK: Pages

    func participantPage(_ request: Request, notice: ParticipantPage.Notice? = nil, keptIdea: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let texts = texts(request)
        guard let session = session(request) else { return joinPage(texts, message: nil) }
        let state = workspace.state
        guard let participant = state.participants[session.participant], let consultation = state.consultations[consultation] else {
            return joinPage(texts, message: texts["error.session"], status: .forbidden)
        }
        let stage = wall.stage
        var page = ParticipantPage(
            state: state, participant: participant, consultation: consultation, stage: stage, results: wall.results(in: state, stage: stage),
            texts: texts, csrf: session.csrf,
            rejoinCode: InvitationSecret.shown(session.secret))
        page.notice = notice ?? Self.notice(in: request, texts)
        page.keptIdea = keptIdea
        return RoomResponses.html(page.html, status: status)
    }

    /// The notice a redirect after an action asks for (`/?done=idea`), with a ballot's receipt.
    static func notice(in request: Request, _ texts: Catalogue.Texts) -> ParticipantPage.Notice? {
        let keys = [
            "idea": "idea.sent", "held": "idea.held", "withdrawn": "mine.withdrawn", "reaction": "react.saved", "ballot": "ballot.saved",
            "joined": "join.welcome",
            "sort": "sort.saved",
        ]
        guard let done = request.uri.queryParameters["done"].map(String.init), let key = keys[done] else { return nil }
        let receipt = request.uri.queryParameters["receipt"].flatMap { JournalHash(hex: String($0)) }
        return .init(text: texts[key], isRefusal: false, receipt: done == "ballot" ? receipt : nil)
    }

    func joinPage(_ request: Request) -> Response { joinPage(texts(request), message: nil) }

    /// How to get in: the room code form while newcomers may walk in, and the rejoin code form.
    func joinPage(_ texts: Catalogue.Texts, message: String?, kept: FormBody? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let page = JoinPage(texts: texts, walkIns: wall.stage.walkIns, message: message, kept: kept)
        return RoomResponses.html(HTML.page(title: texts["join.title"], language: texts.language, body: page.html), status: status)
    }

    /// `/join/SECRET`: a session for the link's holder, then the page without the secret in the address.
    func join(_ request: Request, secret: String, from client: String) -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return joinPage(texts, message: texts["join.slowDown"], status: .tooManyRequests) }
        guard let (holder, secret) = holder(of: secret, from: client) else {
            return joinPage(texts, message: texts["join.invalid"], status: .notFound)
        }
        // A browser already in as someone else is asked first: a link sent by another person
        // must not silently make this browser act as them.
        if let current = session(request), current.participant != holder, let handle = workspace.state.participants[current.participant]?.handle {
            let body = """
                <main><h1>\(HTML.escape(texts["join.title"]))</h1>
                <p class="notice" role="status">\(HTML.escape(texts["join.switch"])) <strong>@\(HTML.escape(handle))</strong>.</p>
                <form method="post" action="/join/\(HTML.escape(secret))"><button type="submit">\(HTML.escape(texts["join.switchSubmit"]))</button></form>
                <p><a href="/">\(HTML.escape(texts["join.stay"]))</a></p></main>
                """
            return RoomResponses.html(HTML.page(title: texts["join.title"], language: texts.language, body: body))
        }
        return enter(holder, secret: secret, then: "/")
    }

    /// `POST /join/SECRET`: the switch a browser already in as someone else confirmed.
    func confirmJoin(_ request: inout Request, secret: String, from client: String) async -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return joinPage(texts, message: texts["join.slowDown"], status: .tooManyRequests) }
        guard await preSessionForm(&request) != nil else { return joinPage(texts, message: texts["error.csrf"], status: .forbidden) }
        guard let (holder, secret) = holder(of: secret, from: client) else {
            return joinPage(texts, message: texts["join.invalid"], status: .notFound)
        }
        return enter(holder, secret: secret, then: "/")
    }

    /// Who holds the credential `typed` means, and its secret as stored. A success gives back the
    /// attempt `client` spent on it: only failures count against a device.
    func holder(of typed: String, from client: String) -> (Participant.ID, String)? {
        let state = workspace.state
        for secret in InvitationSecret.candidates(typed) {
            if let holder = state.invitationHolder(digest: InvitationSecret.digest(secret)) {
                attempts.giveBack(client)
                return (holder, secret)
            }
        }
        return nil
    }

    /// A session for `participant`, who came in with `secret`; the shell hears of their first
    /// (a walk-in was heard of as such).
    func openSession(for participant: Participant.ID, secret: String, announce: Bool = true) -> (token: String, session: RoomSessions.Session) {
        let (opened, first) = sessions.open(for: participant, secret: secret)
        if first, announce, let handle = workspace.state.participants[participant]?.handle { arrivals.post("@\(handle) joined") }
        return opened
    }

    /// A session for `participant`, then `location`.
    private func enter(_ participant: Participant.ID, secret: String, then location: String, announce: Bool = true) -> Response {
        let (token, _) = openSession(for: participant, secret: secret, announce: announce)
        var response = RoomResponses.seeOther(location)
        response.setCookie(Cookie(name: Self.cookie, value: token, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    /// A form sent before there is a session: from this room's own pages only (no cross-site
    /// login: a browser names the page's origin, and says when a request crosses sites), and small.
    private func preSessionForm(_ request: inout Request) async -> FormBody? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" { return nil }
        if let origin = request.headers[.origin] {
            guard let authority = request.head.authority, Self.sameOrigin(origin, authority: authority) else { return nil }
        }
        guard let body = try? await request.collectBody(upTo: Self.largestForm) else { return nil }
        return FormBody(String(buffer: body))
    }

    /// Whether a browser's `Origin` (`http://192.168.1.20:8080`) is the address the request was
    /// sent to (its `Host`): the same host and the same port, a missing port being the scheme's.
    static func sameOrigin(_ origin: String, authority: String) -> Bool {
        guard let from = URL(string: origin), let host = from.host, let to = URL(string: "\(from.scheme ?? "http")://\(authority)") else { return false }
        let defaultPort = from.scheme == "https" ? 443 : 80
        return host.lowercased() == to.host?.lowercased() && (from.port ?? defaultPort) == (to.port ?? defaultPort)
    }

    /// `POST /rejoin`: back in as oneself with the rejoin code, on any device.
    func rejoin(_ request: inout Request, from client: String) async -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return joinPage(texts, message: texts["join.slowDown"], status: .tooManyRequests) }
        guard let form = await preSessionForm(&request) else { return joinPage(texts, message: texts["error.csrf"], status: .forbidden) }
        guard let (holder, secret) = holder(of: form["code"] ?? "", from: client) else {
            return joinPage(texts, message: texts["join.rejoinInvalid"], status: .notFound)
        }
        return enter(holder, secret: secret, then: "/")
    }

    /// `POST /join`: a newcomer with the room code picks a handle, agrees to take part and answers
    /// the questions; the domain registers them (or says why not) and they get a rejoin code.
    func walkIn(_ request: inout Request, from client: String) async -> Response {
        let texts = texts(request)
        guard wall.stage.walkIns != nil else { return joinPage(texts, message: texts["join.noWalkIns"], status: .forbidden) }
        guard attempts.take(client) else { return joinPage(texts, message: texts["join.slowDown"], status: .tooManyRequests) }
        guard let form = await preSessionForm(&request) else { return joinPage(texts, message: texts["error.csrf"], status: .forbidden) }
        var answers: [String: String] = [:]
        for field in form.fields where field.name.hasPrefix("a-") && !field.value.isEmpty { answers[String(field.name.dropFirst(2))] = field.value }
        do {
            let (participant, secret) = try await registerWalkIn(
                roomCode: form["room"] ?? "", handle: form["handle"] ?? "", agree: form["agree"] == "yes", counted: form["counted"] == "yes",
                answers: answers, from: client, texts)
            return enter(participant.id, secret: secret, then: "/?done=joined", announce: false)
        } catch let refusal as APIRefusal {
            return joinPage(texts, message: refusal.sentence, kept: form, status: refusal.status)
        } catch {
            return joinPage(texts, message: RoomRefusal.sentence(error, texts), kept: form, status: .unprocessableContent)
        }
    }

    /// A newcomer who knows the room code, registered by the domain with the consent and answers
    /// they gave, and the secret of their new credential. Throws an ``APIRefusal`` for the room's
    /// own checks (walk-ins off, a wrong code, an answer not offered) and the domain's refusal
    /// otherwise; either way nothing is written.
    func registerWalkIn(
        roomCode: String, handle: String, agree: Bool, counted: Bool, answers: [String: String], from client: String, _ texts: Catalogue.Texts
    ) async throws -> (Participant, String) {
        guard let walkIns = wall.stage.walkIns else { throw APIRefusal(texts["join.noWalkIns"], .forbidden) }
        guard TypedCode.normalised(roomCode) == walkIns.code else {
            throw APIRefusal(texts["join.wrongRoom"], .forbidden)
        }
        var consent: Consent = []
        if agree { consent.insert(.participation) }
        if counted { consent.insert(.analytics) }
        for (attribute, answer) in answers {
            guard let question = walkIns.questions.first(where: { $0.attribute == attribute }), question.values.contains(answer) else {
                throw APIRefusal("\(attribute): \(texts["join.notAnAnswer"])", .unprocessableContent)
            }
        }
        let secret = InvitationSecret.make()
        let consultation = consultation
        let participant = try await workspace.perform { [consent] tx in
            try tx.registerWalkIn(handle: handle, consent: consent, attributes: answers, to: consultation, secretDigest: InvitationSecret.digest(secret))
        }
        accepted.add(1, ordering: .relaxed)
        arrivals.post("@\(participant.handle) walked in with the room code")
        return (participant, secret)
    }

    // MARK: Actions

    /// Runs `action` for the request's participant after checking the session and the form's
    /// token; a refusal is the page again with the reason and, for an idea, its text kept.
    func act(
        _ request: inout Request, done: String, keepsIdea: Bool = false,
        _ action: @escaping @Sendable (FormBody, Participant.ID, inout Transaction) throws -> Void
    ) async -> Response {
        await act(&request, keepsIdea: keepsIdea) { form, participant, tx in
            try action(form, participant, &tx)
            return done
        }
    }

    /// An action whose notice depends on what the change did: `action` returns the notice's key,
    /// decided inside the change from the state it was checked against.
    func act(
        _ request: inout Request, keepsIdea: Bool = false,
        _ action: @escaping @Sendable (FormBody, Participant.ID, inout Transaction) throws -> String
    ) async -> Response {
        let texts = texts(request)
        guard let session = session(request) else { return joinPage(texts, message: texts["error.session"], status: .forbidden) }
        guard actions.take(session.participant) else {
            return participantPage(request, notice: .init(text: texts["error.tooFast"], isRefusal: true), status: .tooManyRequests)
        }
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
            // The entry's hash is the receipt: the head after the change is its last entry.
            let (done, head) = try await workspace.perform(by: participant) { tx in
                try SessionEnded.check(session, in: tx.state)
                let done = try action(form, participant, &tx)
                return (done, tx.state.headHash)
            }
            accepted.add(1, ordering: .relaxed)
            return RoomResponses.seeOther("/?done=\(done)" + (done == "ballot" ? "&receipt=\(head.hex)" : ""))
        } catch is SessionEnded {
            return joinPage(texts, message: texts["error.session"], status: .forbidden)
        } catch let refusal as BallotForm.Refusal {
            return participantPage(request, notice: .init(text: refusal.message, isRefusal: true), status: .unprocessableContent)
        } catch {
            return participantPage(
                request, notice: .init(text: RoomRefusal.sentence(error, texts), isRefusal: true), keptIdea: keepsIdea ? form["text"] ?? "" : "",
                status: .unprocessableContent)
        }
    }

    func submitIdea(_ request: inout Request) async -> Response {
        let consultation = consultation
        // The notice says whether a facilitator checks it first, as the change decided it.
        return await act(&request, keepsIdea: true) { form, participant, tx in
            try tx.submitIdea(form["text"] ?? "", by: participant, to: consultation).status == .held ? "held" : "idea"
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

    func submitCardSort(_ request: inout Request) async -> Response {
        let consultation = consultation
        return await act(&request, done: "sort") { form, participant, tx in
            _ = try tx.submitCardSort(CardSortForm.groups(from: form), by: participant, in: consultation)
        }
    }

    func castBallot(_ request: inout Request, vote id: Vote.ID) async -> Response {
        await act(&request, done: "ballot") { form, participant, tx in
            let vote = try tx.state.vote(id)
            try tx.castBallot(try BallotForm.ballot(from: form, for: vote), by: participant, in: id)
        }
    }

    // MARK: The wall

    /// `/receipt/HASH`: whether the ballot that entry cast is counted, for anyone holding the receipt.
    func receiptPage(_ request: Request, hash: String, from client: String) -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return joinPage(texts, message: texts["join.slowDown"], status: .tooManyRequests) }
        let state = workspace.state
        let check: ReceiptCheck
        if let receipt = JournalHash(hex: hash.lowercased()) {
            check = (try? workspace.checkReceipt(receipt)) ?? .unknown
        } else {
            check = .unknown
        }
        let sentence: String
        switch check {
        case .counted(let sequence, let vote, _):
            sentence = "\(texts["receipt.counted"]) \(state.votes[vote]?.title ?? "") (\(texts["receipt.entry"]) \(sequence))"
        case .superseded(let sequence, let vote, _):
            sentence = "\(texts["receipt.superseded"]) \(state.votes[vote]?.title ?? "") (\(texts["receipt.entry"]) \(sequence))"
        case .notABallot, .unknown:
            sentence = texts["receipt.unknown"]
        }
        let body = """
            <main><h1>\(HTML.escape(texts["receipt.title"]))</h1>
            <p><code class="receipt">\(HTML.escape(hash))</code></p>
            <p class="notice" role="status">\(HTML.escape(sentence))</p></main>
            """
        return RoomResponses.html(HTML.page(title: texts["receipt.title"], language: texts.language, body: body))
    }

    func wallPage(_ request: Request) -> Response {
        let texts = texts(request)
        let wall = WallFeed.wall(of: consultation, in: workspace.state, stage: wall.stage)
        let address = joinAddress.withLock { $0 }
        let body = WallPage(wall: wall, texts: texts, joinAddress: address).html
        return RoomResponses.html(HTML.page(title: "\(texts["wall.title"]): \(wall.title)", language: texts.language, body: body, script: "/wall.js"))
    }

    func wallEvents(_ request: Request) -> Response {
        var headers = RoomResponses.security
        headers[.contentType] = "text/event-stream"
        let stream = wall.subscribe(lastEventID: request.headers[HTTPField.Name("Last-Event-ID")!])
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await event in stream { try await writer.write(ByteBuffer(string: event)) }
                try await writer.finish(nil)
            })
    }
}
