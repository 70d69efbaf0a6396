import Charrette
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
    struct Wall: Codable, Sendable {
        let sequence: Int64
        let title: String
        let question: String
        let phase: String
        let ideas: Int
        let groups: [Group]
        let votes: [VoteCount]
    }

    private let consultation: Consultation.ID
    /// The streams and the newest wall, under one lock: a stream that opens while a change is
    /// published starts from that change or receives it, never neither.
    private struct Shared {
        var next = 0
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
        /// The newest wall encoded, or the state to encode it from when someone asks.
        var latest: Latest
    }
    private enum Latest {
        case encoded(String)
        case stale(WorkspaceState)
    }
    private let shared: Mutex<Shared>

    init(consultation: Consultation.ID, state: WorkspaceState) {
        self.consultation = consultation
        shared = Mutex(Shared(latest: .stale(state)))
    }

    /// The wall of `consultation` in `state`: open ideas as cards, grouped by theme.
    static func wall(of consultation: Consultation.ID, in state: WorkspaceState) -> Wall {
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
        return Wall(
            sequence: state.headSequence, title: target?.title ?? "", question: target?.question ?? "", phase: target?.phase.rawValue ?? "",
            ideas: ideas.count, groups: groups.filter { !$0.ideas.isEmpty || $0.theme != nil }, votes: votes)
    }

    /// `wall` as one server-sent event, its id the journal's sequence (a reconnecting stream says
    /// which it has seen).
    static func event(_ wall: Wall) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(wall)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(wall.sequence)\nevent: wall\ndata: \(json)\n\n"
    }

    /// The newest wall, as an event, encoded now if it is stale.
    private static func current(_ shared: inout Shared, _ consultation: Consultation.ID) -> String {
        switch shared.latest {
        case .encoded(let event): return event
        case .stale(let state):
            let event = event(wall(of: consultation, in: state))
            shared.latest = .encoded(event)
            return event
        }
    }

    /// Hands the wall after a change to every stream; with none open, only notes the state, so
    /// that a change nobody watches costs no wall.
    func publish(_ state: WorkspaceState) {
        shared.withLock { shared in
            shared.latest = .stale(state)
            guard !shared.continuations.isEmpty else { return }
            let event = Self.current(&shared, consultation)
            for continuation in shared.continuations.values { continuation.yield(event) }
        }
    }

    /// A stream of walls, starting with the current one.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = shared.withLock { shared in
            defer { shared.next += 1 }
            shared.continuations[shared.next] = continuation
            continuation.yield(Self.current(&shared, consultation))
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
