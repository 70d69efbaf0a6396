import Charrette
import CharretteSession
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The room's JSON API under `/api/`, for other front ends (a kiosk, a chat bot): the same
/// actions as the participant page, through the same domain changes and the same limits, described
/// by `docs/api/openapi.yaml`. A client gets a session with a code (`POST /api/sessions`) or by
/// walking in (`POST /api/walk-ins`) and names it in `Authorization: Bearer TOKEN`; cookies are
/// not taken here, so no other site can act through a participant's browser.
extension RoomService {
    // MARK: Bodies and answers

    struct CodeBody: Decodable { let code: String }
    struct WalkInBody: Decodable {
        let roomCode: String
        let handle: String
        let agree: Bool
        let counted: Bool?
        let answers: [String: String]?
    }
    struct IdeaBody: Decodable { let text: String }
    struct ReactionBody: Decodable {
        let idea: Int
        let reaction: Reaction
    }
    struct SortBody: Decodable {
        struct Group: Decodable {
            let label: String
            let ideas: [Int]
        }
        let groups: [Group]
    }

    struct SessionAnswer: Encodable {
        let token: String
        let handle: String
        let rejoinCode: String
    }
    struct Done: Encodable {
        /// The hash of the journal entry the action wrote: a ballot's receipt.
        let entry: String
        let id: Int?
    }
    struct Me: Encodable {
        struct Candidate: Encodable {
            let id: Int
            let text: String
        }
        /// One of their ideas: open, or held for a moderator (`held`).
        struct OwnIdea: Encodable {
            let id: Int
            let text: String
            let held: Bool?
        }
        struct OpenVote: Encodable {
            let id: Int
            let title: String
            let method: String
            let ballotKind: String
            let candidates: [Candidate]
            let ballot: Ballot?
            /// For a reactions vote: the statement to react to next, if any is left.
            let nextStatement: Int?
        }
        let handle: String
        let consultation: String
        let question: String
        let phase: String
        let step: WallFeed.Step?
        let ideas: [OwnIdea]
        let votes: [OpenVote]
        let results: [WallFeed.Result]
    }
    struct ReceiptAnswer: Encodable {
        let status: String
        let entry: Int64?
        let vote: String?
    }
    struct Problem: Encodable { let error: String }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return RoomResponses.text(String(decoding: body, as: UTF8.self), type: "application/json", status: status)
    }

    static func problem(_ sentence: String, _ status: HTTPResponse.Status) -> Response { json(Problem(error: sentence), status: status) }

    /// The request's JSON body as `Body`, or the answer saying why it is not one.
    func body<Body: Decodable>(_ request: inout Request, as: Body.Type) async -> Result<Body, APIRefusal> {
        guard let buffer = try? await request.collectBody(upTo: Self.largestForm) else {
            return .failure(APIRefusal(texts(request)["error.tooLarge"], .contentTooLarge))
        }
        if buffer.readableBytes == 0, let nothing = Empty() as? Body { return .success(nothing) }
        do {
            return .success(try JSONDecoder().decode(Body.self, from: Data(buffer: buffer)))
        } catch {
            return .failure(APIRefusal("the body is not the JSON this call takes: \(Self.reason(error))", .badRequest))
        }
    }

    /// What a decoding error says, in a line.
    static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription).trimmingCharacters(in: .whitespaces)
        default: "it cannot be read"
        }
    }

    /// A refusal as the API says it: a sentence and a status.
    struct APIRefusal: Error {
        let sentence: String
        let status: HTTPResponse.Status
        init(_ sentence: String, _ status: HTTPResponse.Status) {
            self.sentence = sentence
            self.status = status
        }
        var response: Response { RoomService.problem(sentence, status) }
    }

    /// The session named by `Authorization: Bearer TOKEN`, while its credential still holds.
    func apiSession(_ request: Request) -> RoomSessions.Session? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return sessions.session(String(header.dropFirst("Bearer ".count)), in: workspace.state)
    }

    /// Runs an action of the bearer's, decoded from the body as `Body`, through the workspace as
    /// them; a refusal writes nothing and says the rule's sentence with 422.
    func apiAct<Body: Decodable & Sendable>(
        _ request: inout Request, _ body: Body.Type, status: HTTPResponse.Status = .ok,
        _ action: @escaping @Sendable (Body, Participant.ID, inout Transaction) throws -> Int?
    ) async -> Response {
        let texts = texts(request)
        guard let session = apiSession(request) else { return Self.problem(texts["error.session"], .unauthorized) }
        guard actions.take(session.participant) else { return Self.problem(texts["error.tooFast"], .tooManyRequests) }
        let decoded: Body
        switch await self.body(&request, as: Body.self) {
        case .success(let value): decoded = value
        case .failure(let refusal): return refusal.response
        }
        do {
            let participant = session.participant
            let (id, head) = try await workspace.perform(by: participant) { tx in
                try SessionEnded.check(session, in: tx.state)
                let id = try action(decoded, participant, &tx)
                return (id, tx.state.headHash)
            }
            accepted.add(1, ordering: .relaxed)
            return Self.json(Done(entry: head.hex, id: id), status: status)
        } catch is SessionEnded {
            return Self.problem(texts["error.session"], .unauthorized)
        } catch let refusal as BallotForm.Refusal {
            return Self.problem(refusal.message, .unprocessableContent)
        } catch let error as CharretteError {
            return Self.problem(RoomRefusal.sentence(error, texts), Self.status(of: error))
        } catch {
            return Self.problem("\(error)", .unprocessableContent)
        }
    }

    /// 404 for something that does not exist, 422 for every other rule.
    static func status(of error: CharretteError) -> HTTPResponse.Status {
        switch error {
        case .unknownIdea, .unknownVote: .notFound
        default: .unprocessableContent
        }
    }

    // MARK: Calls

    /// `POST /api/sessions`: a session for the holder of a personal link's secret or a rejoin code.
    func apiOpenSession(_ request: inout Request, from client: String) async -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return Self.problem(texts["join.slowDown"], .tooManyRequests) }
        let code: String
        switch await body(&request, as: CodeBody.self) {
        case .success(let body): code = body.code
        case .failure(let refusal): return refusal.response
        }
        guard let (holder, secret) = holder(of: code, from: client), let person = workspace.state.participants[holder] else {
            return Self.problem(texts["join.rejoinInvalid"], .notFound)
        }
        let (token, _) = openSession(for: holder, secret: secret)
        return Self.json(SessionAnswer(token: token, handle: person.handle, rejoinCode: InvitationSecret.shown(secret)), status: .created)
    }

    /// `POST /api/walk-ins`: a newcomer with the room code, as the join page's form.
    func apiWalkIn(_ request: inout Request, from client: String) async -> Response {
        let texts = texts(request)
        guard attempts.take(client) else { return Self.problem(texts["join.slowDown"], .tooManyRequests) }
        let body: WalkInBody
        switch await self.body(&request, as: WalkInBody.self) {
        case .success(let value): body = value
        case .failure(let refusal): return refusal.response
        }
        do {
            let (participant, secret) = try await registerWalkIn(
                roomCode: body.roomCode, handle: body.handle, agree: body.agree, counted: body.counted ?? false, answers: body.answers ?? [:],
                from: client, texts)
            let (token, _) = openSession(for: participant.id, secret: secret, announce: false)
            return Self.json(SessionAnswer(token: token, handle: participant.handle, rejoinCode: InvitationSecret.shown(secret)), status: .created)
        } catch let refusal as APIRefusal {
            return refusal.response
        } catch {
            return Self.problem(RoomRefusal.sentence(error, texts), .unprocessableContent)
        }
    }

    /// `GET /api/me`: what the participant page shows, as data.
    func apiMe(_ request: Request) -> Response {
        let texts = texts(request)
        guard let session = apiSession(request) else { return Self.problem(texts["error.session"], .unauthorized) }
        let state = workspace.state
        guard let participant = state.participants[session.participant], let consultation = state.consultations[consultation] else {
            return Self.problem(texts["error.session"], .unauthorized)
        }
        let stage = wall.stage
        let wall = WallFeed.wall(of: consultation.id, in: state, stage: stage)
        let votes = state.votes(of: consultation.id).filter(\.isOpen).map { vote in
            Me.OpenVote(
                id: vote.id.rawValue, title: vote.title, method: vote.method.rawValue, ballotKind: vote.method.ballotKind.rawValue,
                candidates: vote.candidates.map { Me.Candidate(id: $0.rawValue, text: state.shownTextVotedOn($0, in: vote)) },
                ballot: state.ballots[vote.id]?[participant.id],
                nextStatement: vote.method.ballotKind == .reactions ? state.nextStatement(for: participant.id, in: vote)?.rawValue : nil)
        }
        let mine = state.ideas(of: consultation.id).filter { $0.author == participant.id && ($0.status.isOpen || $0.status == .held) }
        return Self.json(
            Me(
                handle: participant.handle, consultation: consultation.title, question: consultation.question, phase: consultation.phase.rawValue,
                step: wall.step, ideas: mine.map { Me.OwnIdea(id: $0.id.rawValue, text: $0.shownText, held: $0.status == .held ? true : nil) }, votes: votes,
                results: wall.results))
    }

    func apiSubmitIdea(_ request: inout Request) async -> Response {
        let consultation = consultation
        return await apiAct(&request, IdeaBody.self, status: .created) { body, participant, tx in
            try tx.submitIdea(body.text, by: participant, to: consultation).id.rawValue
        }
    }

    func apiWithdrawIdea(_ request: inout Request, idea: Idea.ID) async -> Response {
        await apiAct(&request, Empty.self) { _, _, tx in
            try tx.withdrawIdea(idea)
            return idea.rawValue
        }
    }

    func apiReact(_ request: inout Request, vote: Vote.ID) async -> Response {
        await apiAct(&request, ReactionBody.self) { body, participant, tx in
            try tx.castBallot(.reactions([Idea.ID(body.idea): body.reaction]), by: participant, in: vote)
            return nil
        }
    }

    func apiCastBallot(_ request: inout Request, vote: Vote.ID) async -> Response {
        await apiAct(&request, Ballot.self) { ballot, participant, tx in
            try tx.castBallot(ballot, by: participant, in: vote)
            return nil
        }
    }

    func apiSubmitCardSort(_ request: inout Request) async -> Response {
        let consultation = consultation
        return await apiAct(&request, SortBody.self) { body, participant, tx in
            let groups = body.groups.map { CardSort.Group(label: $0.label, ideas: $0.ideas.map { Idea.ID($0) }) }
            _ = try tx.submitCardSort(groups, by: participant, in: consultation)
            return nil
        }
    }

    /// `GET /api/receipts/HASH`.
    func apiReceipt(_ request: Request, hash: String, from client: String) -> Response {
        guard attempts.take(client) else { return Self.problem(texts(request)["join.slowDown"], .tooManyRequests) }
        let check = JournalHash(hex: hash.lowercased()).flatMap { try? workspace.checkReceipt($0) } ?? .unknown
        let state = workspace.state
        switch check {
        case .counted(let sequence, let vote, _):
            return Self.json(ReceiptAnswer(status: "counted", entry: sequence, vote: state.votes[vote]?.title))
        case .superseded(let sequence, let vote, _):
            return Self.json(ReceiptAnswer(status: "superseded", entry: sequence, vote: state.votes[vote]?.title))
        case .notABallot, .unknown:
            return Self.json(ReceiptAnswer(status: "unknown", entry: nil, vote: nil), status: .notFound)
        }
    }

    /// A body that holds nothing the call reads (any JSON object, or none).
    struct Empty: Decodable, Sendable {}
}
