import Charrette
import CharretteSession
import CharretteVoting
import Foundation
import Synchronization

/// The wall as data: what the projector shows, encoded once per committed change and handed to
/// every open event stream. A slow stream gets the newest wall, never a backlog.
final class WallFeed: Sendable {
    struct Card: Codable, Sendable {
        let id: Int
        let text: String
    }
    struct Group: Codable, Sendable {
        let theme: String?
        let ideas: [Card]
    }
    struct VoteCount: Codable, Sendable {
        let title: String
        let voters: Int
        let open: Bool
    }
    struct Step: Codable, Sendable, Equatable {
        let name: String
        /// When its time is up, in ISO 8601 (UTC), for the countdown.
        let endsAt: String

        /// `step` as the wall and the API send it.
        init(_ step: RoomStage.Step) {
            name = step.name
            endsAt = step.endsAt.formatted(.iso8601)
        }
    }
    /// One place of a revealed result: the ideas tied there, and the method's score if it has one.
    struct Place: Codable, Sendable {
        let rank: Int
        let ideas: [Card]
        let score: String?
    }
    struct Result: Codable, Sendable {
        let title: String
        let method: String
        let voters: Int
        let places: [Place]
        /// Why it cannot be shown, if the count failed.
        let problem: String?
    }
    struct Wall: Codable, Sendable {
        /// The journal's sequence, then how often the stage changed at that sequence: an event id.
        let sequence: Int64
        let stageVersion: Int
        let title: String
        let question: String
        let phase: String
        let step: Step?
        /// The room code, while newcomers may walk in.
        let roomCode: String?
        let ideas: Int
        let groups: [Group]
        let votes: [VoteCount]
        let results: [Result]
    }

    private let consultation: Consultation.ID
    /// The streams and the newest wall, under one lock: a stream that opens while a change is
    /// published starts from that change or receives it, never neither.
    private struct Shared {
        var next = 0
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
        /// The newest wall encoded, or `nil` when it must be encoded from `state` and `stage`.
        var latest: String?
        var state: WorkspaceState
        var stage: RoomStage
        /// Stage changes at the current journal sequence, so each wall has its own event id.
        var stageVersion = 0
        /// Whether the streams have not yet had the newest wall.
        var unsent = false
        /// Every change of the stage, for changes made at once.
        var stageChanges = 0
        /// The results revealed, as last counted.
        var results: (sequence: Int64, revealed: Set<Vote.ID>, results: [Result])?
    }
    private let shared: Mutex<Shared>

    /// Keeps each new stage for a restart; `nil` keeps nothing.
    private let keeper: StageKeeper?

    /// The wall of `consultation` from `state`, showing `stage`, each later stage kept by `keeper`.
    init(consultation: Consultation.ID, state: WorkspaceState, stage: RoomStage = RoomStage(), keeper: StageKeeper? = nil) {
        self.consultation = consultation
        self.keeper = keeper
        shared = Mutex(Shared(state: state, stage: stage))
    }

    /// What the facilitator puts before the room now.
    var stage: RoomStage { shared.withLock { $0.stage } }

    /// The wall of `consultation` in `state` and `stage`: open ideas as cards, grouped by theme,
    /// the step under way and the results revealed.
    static func wall(of consultation: Consultation.ID, in state: WorkspaceState, stage: RoomStage, stageVersion: Int = 0) -> Wall {
        let ideas = state.ideas(of: consultation).filter { $0.status.isOpen }
        let themes = state.themes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }
        var groups = themes.map { theme in
            Group(theme: theme.label, ideas: ideas.filter { $0.theme == theme.id }.map { Card(id: $0.id.rawValue, text: $0.shownText) })
        }
        groups.append(Group(theme: nil, ideas: ideas.filter { $0.theme == nil }.map { Card(id: $0.id.rawValue, text: $0.shownText) }))
        let votes = state.votes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }.map { vote in
            VoteCount(title: vote.title, voters: state.ballots[vote.id]?.count ?? 0, open: vote.isOpen)
        }
        let target = state.consultations[consultation]
        let revealed = state.votes(of: consultation).filter { stage.revealed.contains($0.id) }
        return Wall(
            sequence: state.headSequence, stageVersion: stageVersion, title: target?.title ?? "", question: target?.question ?? "",
            phase: target?.phase.rawValue ?? "", step: stage.step.map(Step.init),
            roomCode: stage.walkIns?.code, ideas: ideas.count, groups: groups.filter { !$0.ideas.isEmpty || $0.theme != nil }, votes: votes,
            results: revealed.map { result(of: $0, in: state) })
    }

    /// The first ten places of `vote` as its method counts it.
    static func result(of vote: Vote, in state: WorkspaceState) -> Result {
        func card(_ index: Int) -> Card {
            let id = vote.candidates[index]
            return Card(id: id.rawValue, text: state.shownTextVotedOn(id, in: vote))
        }
        let outcome: TallyResult
        do {
            outcome = try state.tally(vote)
        } catch {
            return Result(title: vote.title, method: vote.method.rawValue, voters: 0, places: [], problem: error.description)
        }
        let tiers = outcome.ranking ?? [outcome.winners]
        var rank = 1
        let places = tiers.prefix(10).map { tier in
            defer { rank += tier.count }
            let score = outcome.scores.flatMap { scores in tier.first.flatMap { scores.values[$0] } }.map { Self.number($0) }
            return Place(rank: rank, ideas: tier.map(card), score: score.map { "\(outcome.scores!.label): \($0)" })
        }
        return Result(title: vote.title, method: vote.method.rawValue, voters: outcome.voters, places: places, problem: nil)
    }

    /// `value` as people read a score: whole numbers without decimals, others to two places.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// `wall` as one server-sent event, its id the journal's sequence and the stage's version at
    /// it (`812.1`): a reconnecting stream says which it has seen (``subscribe(lastEventID:)``).
    static func event(_ wall: Wall) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(wall)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(wall.sequence).\(wall.stageVersion)\nevent: wall\ndata: \(json)\n\n"
    }

    /// The newest wall, as an event, encoded now if it is stale.
    private static func current(_ shared: inout Shared, _ consultation: Consultation.ID) -> String {
        if let latest = shared.latest { return latest }
        let event = event(wall(of: consultation, in: shared.state, stage: shared.stage, stageVersion: shared.stageVersion))
        shared.latest = event
        return event
    }

    /// Notes the state after a change; the streams get it at the next ``pushIfChanged()``, so that
    /// a room taking thousands of actions a second sends a few walls a second, not one per action.
    func publish(_ state: WorkspaceState) {
        shared.withLock { shared in
            if state.headSequence != shared.state.headSequence { shared.stageVersion = 0 }
            shared.state = state
            shared.latest = nil
            shared.unsent = true
        }
    }

    /// Changes what the facilitator puts before the room, and hands the new wall to every stream
    /// at once (a step starting, results revealed).
    func changeStage(_ change: (inout RoomStage) -> Void) {
        // `change` runs outside the lock (it may read the stage); a change made meanwhile by
        // someone else is not overwritten: this one is applied again on top of it.
        while true {
            let (before, changes) = shared.withLock { ($0.stage, $0.stageChanges) }
            var after = before
            change(&after)
            let applied = shared.withLock { shared in
                guard shared.stageChanges == changes else { return false }
                shared.stage = after
                shared.stageChanges += 1
                shared.stageVersion += 1
                shared.latest = nil
                Self.push(&shared, consultation)
                return true
            }
            if applied { break }
        }
        // Kept before the caller answers (a revealed result stays revealed after a crash).
        keeper?.save { self.stage }
    }

    /// The revealed results in `state`, counted once per journal entry and stage, however many
    /// pages ask for them.
    func results(in state: WorkspaceState, stage: RoomStage) -> [Result] {
        let key = (state.headSequence, stage.revealed)
        if let cached = shared.withLock({ $0.results }), cached.sequence == key.0, cached.revealed == key.1 { return cached.results }
        let results = state.votes(of: consultation).filter { stage.revealed.contains($0.id) }.map { Self.result(of: $0, in: state) }
        shared.withLock { $0.results = (key.0, key.1, results) }
        return results
    }

    /// Hands the wall to every stream if it changed since it was last handed out; with none open,
    /// a change nobody watches costs no wall.
    func pushIfChanged() {
        shared.withLock { shared in
            guard shared.unsent else { return }
            Self.push(&shared, consultation)
        }
    }

    private static func push(_ shared: inout Shared, _ consultation: Consultation.ID) {
        shared.unsent = false
        guard !shared.continuations.isEmpty else { return }
        let event = current(&shared, consultation)
        for continuation in shared.continuations.values { continuation.yield(event) }
    }

    /// A comment line that keeps a quiet stream open through proxies that cut silent connections;
    /// `EventSource` ignores it.
    static let heartbeat = ": still here\n\n"

    /// Sends ``heartbeat`` on every stream, but never in place of a wall a slow stream has not
    /// taken yet: the one-slot buffer drops the older element, so a dropped wall is put back.
    func beat() {
        shared.withLock { shared in
            for continuation in shared.continuations.values {
                if case .dropped(let earlier) = continuation.yield(Self.heartbeat), earlier != Self.heartbeat {
                    continuation.yield(earlier)
                }
            }
        }
    }

    /// A stream of walls, starting with the current one unless it is the one a reconnecting
    /// screen last received (its `Last-Event-ID`): each wall is whole, so nothing is missed.
    func subscribe(lastEventID: String? = nil) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = shared.withLock { shared in
            defer { shared.next += 1 }
            shared.continuations[shared.next] = continuation
            let current = Self.current(&shared, consultation)
            if lastEventID.map({ !current.hasPrefix("id: \($0)\n") }) ?? true { continuation.yield(current) }
            return shared.next
        }
        continuation.onTermination = { [weak self] _ in _ = self?.shared.withLock { $0.continuations.removeValue(forKey: id) } }
        return stream
    }

    /// How many streams are open.
    var streams: Int { shared.withLock { $0.continuations.count } }

    /// Ends every stream (the room closes).
    func finish() {
        for continuation in shared.withLock({ Array($0.continuations.values) }) { continuation.finish() }
    }
}
