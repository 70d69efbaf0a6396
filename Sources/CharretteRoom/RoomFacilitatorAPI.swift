import Charrette
import CharretteSession
import Foundation
import HTTPTypes
import Hummingbird

/// The facilitator's calls of the JSON API: moderation (the ideas held, approve, hide), results
/// revealed and concealed, and the step under way, for a facilitator's tablet or a moderation
/// desk. They take the session of a participant whose role is facilitator (`room invite @sam`,
/// then `POST /api/sessions`); anyone else is answered 403 and nothing changes. Approving and
/// hiding are the same domain changes as `idea approve` and `idea hide`, journaled as the
/// facilitator; the stage is what `room reveal` and `step` change in the shell.
extension RoomService {
    struct HideBody: Decodable, Sendable { let reason: String }
    struct StepBody: Decodable, Sendable {
        let name: String
        let minutes: Double
    }
    struct HeldIdea: Encodable {
        let id: Int
        let text: String
        let author: String?
        let submittedAt: String
    }
    struct StageAnswer: Encodable {
        let step: WallFeed.Step?
        let revealed: [Int]
    }

    /// The bearer's session if they are a facilitator, or the answer refusing the call. A call
    /// that is `counted` takes its turn in the bearer's limit on actions here.
    func facilitatorSession(_ request: Request, counted: Bool = true) -> Result<RoomSessions.Session, APIRefusal> {
        let texts = texts(request)
        guard let session = apiSession(request) else { return .failure(APIRefusal(texts["error.session"], .unauthorized)) }
        guard let person = workspace.state.participants[session.participant], person.role == .facilitator else {
            return .failure(APIRefusal(texts["error.facilitatorOnly"], .forbidden))
        }
        guard !counted || actions.take(session.participant) else { return .failure(APIRefusal(texts["error.tooFast"], .tooManyRequests)) }
        return .success(session)
    }

    /// A domain change of a facilitator's: refused with 403 before it runs for anyone else (the
    /// domain would refuse it too, with 422); counted in the limit by ``apiAct(_:_:status:_:)``.
    func apiFacilitatorAct<Body: Decodable & Sendable>(
        _ request: inout Request, _ body: Body.Type, _ action: @escaping @Sendable (Body, Participant.ID, inout Transaction) throws -> Int?
    ) async -> Response {
        if case .failure(let refusal) = facilitatorSession(request, counted: false) { return refusal.response }
        return await apiAct(&request, body, action)
    }

    /// `GET /api/held`: the ideas waiting for a facilitator (room moderation on), oldest first.
    func apiHeldIdeas(_ request: Request) -> Response {
        if case .failure(let refusal) = facilitatorSession(request) { return refusal.response }
        let state = workspace.state
        let held = state.ideas(of: consultation).filter { $0.status == .held }.map { idea in
            HeldIdea(
                id: idea.id.rawValue, text: idea.text, author: idea.author.flatMap { state.participants[$0]?.handle },
                submittedAt: idea.submittedAt.formatted(.iso8601))
        }
        return Self.json(held)
    }

    func apiApproveIdea(_ request: inout Request, idea: Idea.ID) async -> Response {
        let consultation = consultation
        return await apiFacilitatorAct(&request, Empty.self) { _, _, tx in
            try Self.requireIdea(idea, of: consultation, in: tx.state)
            try tx.approveIdea(idea)
            return idea.rawValue
        }
    }

    func apiHideIdea(_ request: inout Request, idea: Idea.ID) async -> Response {
        let consultation = consultation
        return await apiFacilitatorAct(&request, HideBody.self) { body, _, tx in
            try Self.requireIdea(idea, of: consultation, in: tx.state)
            try tx.hideIdea(idea, reason: body.reason)
            return idea.rawValue
        }
    }

    /// The room reaches only its own consultation's ideas: any other is unknown here.
    private static func requireIdea(_ idea: Idea.ID, of consultation: Consultation.ID, in state: WorkspaceState) throws {
        guard state.ideas[idea]?.consultation == consultation else { throw CharretteError.unknownIdea(idea) }
    }

    /// `POST /api/votes/ID/reveal` and `.../conceal`: the vote's results on the wall and every
    /// page, or off them again.
    func apiShowResults(_ request: Request, vote id: Vote.ID, shown: Bool) -> Response {
        if case .failure(let refusal) = facilitatorSession(request) { return refusal.response }
        guard let vote = workspace.state.votes[id], vote.consultation == consultation else {
            return Self.problem(RoomRefusal.sentence(CharretteError.unknownVote("#\(id.rawValue)"), texts(request)), .notFound)
        }
        wall.changeStage { stage in
            if shown { stage.revealed.insert(vote.id) } else { stage.revealed.remove(vote.id) }
        }
        return stageAnswer()
    }

    /// `PUT /api/step`: a step of the agenda under way for `minutes`, as the shell's `step` starts
    /// one; `DELETE /api/step` ends it.
    func apiSetStep(_ request: inout Request) async -> Response {
        if case .failure(let refusal) = facilitatorSession(request) { return refusal.response }
        let body: StepBody
        switch await self.body(&request, as: StepBody.self) {
        case .success(let value): body = value
        case .failure(let refusal): return refusal.response
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { return Self.problem("a step needs a name of 1 to 200 characters", .unprocessableContent) }
        guard body.minutes > 0, body.minutes <= 24 * 60 else {
            return Self.problem("a step lasts more than 0 and at most 1,440 minutes", .unprocessableContent)
        }
        let step = RoomStage.Step(name: name, endsAt: Date().addingTimeInterval(body.minutes * 60))
        wall.changeStage { $0.step = step }
        return stageAnswer()
    }

    func apiEndStep(_ request: Request) -> Response {
        if case .failure(let refusal) = facilitatorSession(request) { return refusal.response }
        wall.changeStage { $0.step = nil }
        return stageAnswer()
    }

    private func stageAnswer() -> Response {
        let stage = wall.stage
        return Self.json(
            StageAnswer(
                step: stage.step.map(WallFeed.Step.init),
                revealed: stage.revealed.map(\.rawValue).sorted()))
    }
}
