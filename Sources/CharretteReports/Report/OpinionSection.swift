import Charrette
import CharretteOpinions
import CharretteSession

/// The opinion map of a consultation's reactions: the groups and what each stands for, what the
/// room agrees on, and where it divides.
public struct OpinionSection: Sendable {
    /// An idea with the share of a group (or the room) that agrees or disagrees with it.
    public struct Statement: Sendable, Equatable {
        public let id: Int
        public let text: String
        /// "agree" or "disagree".
        public let stance: String
        public let share: Double
    }

    /// An opinion group and the statements that set it apart.
    public struct Group: Sendable {
        public let number: Int
        public let size: Int
        public let statements: [Statement]
    }

    /// A statement the groups see most differently, with each group's share agreeing.
    public struct Divide: Sendable, Equatable {
        public let id: Int
        public let text: String
        public let spread: Double
        public let agreeByGroup: [Double]
    }

    public let vote: String
    public let participants: Int
    public let clustered: Int
    public let groups: [Group]
    public let consensus: [Statement]
    public let divisive: [Divide]
    /// Each participant's place on the map and group (−1 when not clustered).
    public let points: [(x: Double, y: Double, group: Int)]

    /// The map of the newest reactions vote of `consultation` that has reactions, if any.
    init?(_ state: WorkspaceState, consultation id: Consultation.ID) {
        guard
            let vote = state.votes.values.filter({ $0.consultation == id && $0.method.ballotKind == .reactions })
                .sorted(by: { $0.id > $1.id }).first(where: { !(state.ballots[$0.id] ?? [:]).isEmpty })
        else { return nil }
        let map = state.opinionMap(of: vote)
        func text(_ column: Int) -> String { state.ideas[Idea.ID(map.matrix.statements[column])]?.shownText ?? "" }
        func share(_ s: StatementStatistics, _ direction: String) -> Double {
            Double(direction == "agree" ? s.agrees : s.disagrees) / Double(max(s.seen, 1))
        }
        self.vote = vote.title
        participants = map.matrix.participants.count
        clustered = map.groups.clustered.count
        groups = map.representative.enumerated().map { g, picks in
            // The best-agreed statement first, then the others as picked (agrees before disagrees).
            let ordered = picks.filter(\.bestAgree) + picks.filter { !$0.bestAgree }
            return Group(
                number: g + 1, size: map.groups.labels.filter { $0 == g }.count,
                statements: ordered.map { pick in
                    // Pol.is labels every pick by its stronger representativeness test, even the
                    // group's best-agreed statement; a reader is told it is agreed on, and how widely.
                    let stance = pick.bestAgree ? "agree" : pick.direction.rawValue
                    return Statement(
                        id: map.matrix.statements[pick.column], text: text(pick.column), stance: stance,
                        share: share(map.statistics.groups[g][pick.column], stance))
                })
        }
        let everyone = map.consensus.statistics
        consensus =
            map.consensus.agreed.map { ($0, "agree") }.map { column, stance in
                Statement(id: map.matrix.statements[column], text: text(column), stance: stance, share: share(everyone[column], stance))
            }
            + map.consensus.disagreed.map { column in
                Statement(id: map.matrix.statements[column], text: text(column), stance: "disagree", share: share(everyone[column], "disagree"))
            }
        divisive = map.divisive.map { d in
            Divide(
                id: map.matrix.statements[d.column], text: text(d.column), spread: d.spread,
                agreeByGroup: map.statistics.groups.map { $0[d.column].agreeProbability })
        }
        points = map.pca.positions.enumerated().map { r, p in
            (p.first ?? 0, p.count > 1 ? p[1] : 0, map.groups.labels[r])
        }
    }
}
