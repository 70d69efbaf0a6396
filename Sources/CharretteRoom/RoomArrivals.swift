import Charrette
import Foundation
import Synchronization

/// What the facilitator hears of the room as it happens: who joined or walked in and each idea
/// sent (one line each, at once), and the ballots, reactions and card sorts counted together every
/// few seconds, so a room of hundreds voting does not flood the shell. Lines are plain text with
/// every participant's text neutralised for a terminal.
final class RoomArrivals: Sendable {
    private struct Shared {
        var next = 0
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
        /// Ballots (or reactions) per vote, and card sorts, since the last summary.
        var ballots: [Vote.ID: Int] = [:]
        var sorts = 0
        var titles: [Vote.ID: String] = [:]
    }
    private let shared = Mutex(Shared())
    /// The longest an idea's text runs in a line, in characters.
    static let textLength = 80

    /// A stream of the lines from now on.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        let id = shared.withLock { shared in
            defer { shared.next += 1 }
            shared.continuations[shared.next] = continuation
            return shared.next
        }
        continuation.onTermination = { [weak self] _ in _ = self?.shared.withLock { $0.continuations.removeValue(forKey: id) } }
        return stream
    }

    /// Whether anyone listens; without a listener nothing is formatted.
    var isHeard: Bool { shared.withLock { !$0.continuations.isEmpty } }

    func post(_ line: String) {
        shared.withLock { shared in
            for continuation in shared.continuations.values { continuation.yield(line) }
        }
    }

    /// Notes what participants did in `change` (made in this room or by another server on the
    /// same workspace): changes by facilitators or by the program are the facilitator's own.
    func note(_ change: CommittedChange) {
        guard isHeard else { return }
        let state = change.state
        for entry in change.entries {
            guard let actor = entry.actor, let person = state.participants[actor], person.role == .participant else { continue }
            switch entry.event {
            case .ideaSubmitted(let idea):
                let text = Self.shortened(state.ideas[idea.id]?.text ?? idea.text)
                if idea.status == .held {
                    post(
                        "idea #\(idea.id.rawValue) from @\(person.handle) waits for you: “\(text)” (idea approve #\(idea.id.rawValue), or idea hide #\(idea.id.rawValue) \"reason\")"
                    )
                } else {
                    post("idea #\(idea.id.rawValue) from @\(person.handle): “\(text)”")
                }
            case .ideaStatusChanged(let id, _, .withdrawn):
                post("@\(person.handle) withdrew idea #\(id.rawValue)")
            case .ballotCast(let vote, _, _, _, _):
                let title = state.votes[vote]?.title ?? "#\(vote.rawValue)"
                shared.withLock { shared in
                    shared.ballots[vote, default: 0] += 1
                    shared.titles[vote] = title
                }
            case .cardSortSubmitted:
                shared.withLock { $0.sorts += 1 }
            default:
                break
            }
        }
    }

    /// One line for the ballots and sorts since the last one, if there were any.
    func summarise(in state: WorkspaceState) {
        let (ballots, sorts, titles) = shared.withLock { shared in
            defer {
                shared.ballots = [:]
                shared.sorts = 0
            }
            return (shared.ballots, shared.sorts, shared.titles)
        }
        var parts = ballots.sorted { $0.key < $1.key }.map { vote, count in
            let total = state.ballots[vote]?.count ?? 0
            let isReactions = state.votes[vote]?.method.ballotKind == .reactions
            // A ballot may replace an earlier one, so these are ballots cast or changed, not new voters.
            let what = isReactions ? (count == 1 ? "reaction given" : "reactions given") : (count == 1 ? "ballot cast or changed" : "ballots cast or changed")
            return "\(count) \(what) in '\(TerminalText.neutralised(titles[vote] ?? ""))' (\(total) \(isReactions ? "taking part" : "voted") so far)"
        }
        if sorts > 0 { parts.append("\(sorts) card \(sorts == 1 ? "sort" : "sorts") handed in") }
        if !parts.isEmpty { post(parts.joined(separator: "; ")) }
    }

    /// `text` on one line, neutralised for a terminal and cut to ``textLength`` characters.
    static func shortened(_ text: String) -> String {
        let line = TerminalText.neutralised(text.replacingOccurrences(of: "\n", with: " "))
        return line.count <= textLength ? line : String(line.prefix(textLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    func finish() {
        for continuation in shared.withLock({ Array($0.continuations.values) }) { continuation.finish() }
    }
}
