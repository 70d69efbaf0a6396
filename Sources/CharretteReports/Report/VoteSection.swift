import Charrette
import CharretteSession
import CharretteVoting

/// A vote as the report shows it: its method in plain words, its result and the working.
public struct VoteSection: Sendable {
    /// An idea on the ballot with its figure (points, dots, approvals, ...) and place.
    public struct Result: Sendable, Equatable {
        public let id: Int
        /// The text the idea had when the vote opened: what people voted on.
        public let text: String
        /// The idea's text now, when it was edited after the vote closed.
        public let editedText: String?
        public let value: Double?
        /// 1 for the first tier of the method's ranking, and so on; `nil` when unranked.
        public let place: Int?
        public let elected: Bool
    }

    /// A table of the count's working with every cell as text.
    public struct Working: Sendable, Equatable {
        public let title: String
        public let note: String?
        public let columns: [String]
        public let rows: [[String]]
    }

    public let title: String
    public let method: String
    /// What the method rewards, in one sentence.
    public let methodSummary: String
    public let isOpen: Bool
    public let voters: Int
    /// What the figures in `results` are, such as "dots"; `nil` if the method gives none.
    public let valueLabel: String?
    public let results: [Result]
    public let working: [Working]
    /// One idea's count in a round of a runoff.
    public struct RoundCount: Sendable, Equatable {
        public let id: Int
        public let text: String
        public let count: Double
    }

    /// Instant runoff's (or STV's) rounds: each round's count for the ideas still in.
    public let rounds: [[RoundCount]]
    public let notes: [String]
    public let ties: [String]
    /// How ties were settled by lot, when they were.
    public let lot: String?
    /// Why the vote could not be counted, if it could not.
    public let failure: String?

    init(_ vote: Vote, _ state: WorkspaceState) {
        title = vote.title
        method = vote.method.rawValue
        methodSummary = TallyMethods.named(vote.method.rawValue)?.summary ?? ""
        isOpen = vote.isOpen
        let ids = vote.candidates
        func text(_ c: Int) -> String {
            guard let idea = state.ideas[ids[c]] else { return "" }
            return idea.isHidden ? idea.shownText : state.textVotedOn(idea.id, in: vote) ?? idea.text
        }
        func edited(_ c: Int) -> String? {
            guard let idea = state.ideas[ids[c]], !idea.isHidden, idea.text != text(c) else { return nil }
            return idea.text
        }
        let result: TallyResult
        do {
            result = try state.tally(vote)
        } catch {
            voters = state.ballots[vote.id]?.count ?? 0
            valueLabel = nil
            results = ids.indices.map { Result(id: ids[$0].rawValue, text: text($0), editedText: edited($0), value: nil, place: nil, elected: false) }
            working = []; rounds = []; notes = []; ties = []; lot = nil
            if case .cannotCount(_, let reason) = error { failure = reason } else { failure = error.description }
            return
        }
        failure = nil
        voters = result.voters
        valueLabel = result.scores?.label
        // Places as in a competition: tied ideas share a place, and the next place skips as many
        // (1, 2, 2, 2, 5).
        var place: [Int: Int] = [:]
        var ahead = 0
        for members in result.ranking ?? [] {
            for c in members { place[c] = ahead + 1 }
            ahead += members.count
        }
        // Nobody voted: a method may still name a winner by lot, but there is no outcome.
        let elected = result.voters == 0 ? [] : Set(result.elected)
        let order = ids.indices.sorted { a, b in
            let (pa, pb) = (place[a] ?? .max, place[b] ?? .max)
            if pa != pb { return pa < pb }
            let (va, vb) = (result.scores?.values[a] ?? -.infinity, result.scores?.values[b] ?? -.infinity)
            return va != vb ? va > vb : a < b
        }
        results = order.map { c in
            Result(
                id: ids[c].rawValue, text: text(c), editedText: edited(c), value: result.scores?.values[c], place: place[c],
                elected: elected.contains(c))
        }
        working = result.working.map { table in
            Working(
                title: table.title, note: table.note, columns: table.columns,
                rows: table.rows.map { row in
                    row.map { cell in
                        switch cell {
                        case .text(let t): t
                        case .integer(let n): String(n)
                        case .number(let x): ReportNumber.text(x)
                        case .candidate(let c): result.candidates[c]
                        case .empty: ""
                        }
                    }
                })
        }
        rounds = Self.rounds(result).map { round in
            round.map { RoundCount(id: ids[$0.candidate].rawValue, text: text($0.candidate), count: $0.count) }
        }
        notes = result.notes
        ties = result.ties
        lot = result.lot.map { lot in
            "Ties were settled by lot with seed \(lot.seed): "
                + lot.draws.map { draw in
                    "\(draw.reason): \(draw.chosen.map { result.candidates[$0] }.joined(separator: ", ")) drawn from \(draw.among.map { result.candidates[$0] }.joined(separator: ", "))"
                }.joined(separator: "; ")
        }
    }

    /// The counts per round of a runoff (instant runoff's rounds, STV's stages), read from its
    /// working table.
    static func rounds(_ result: TallyResult) -> [[(candidate: Int, count: Double)]] {
        guard ["irv", "stv"].contains(result.method),
            let table = result.working.first(where: { $0.title == "Rounds" || $0.title == "Stages" })
        else { return [] }
        return table.rows.map { row in
            result.candidates.indices.compactMap { c in
                guard c + 1 < row.count else { return nil }
                switch row[c + 1] {
                case .integer(let n): return (c, Double(n))
                case .number(let x): return (c, x)
                default: return nil
                }
            }
        }
    }
}
