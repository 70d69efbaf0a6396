import Charrette
import CharretteVoting

extension WorkspaceState {
    /// The ballots in force in `vote` as an election for the voting module: candidates are the
    /// vote's ideas (`#12`), named by the text they had when the vote opened (what people voted
    /// on; `Idea.hiddenText` for an idea a moderator hid since); voters in the order of their ids.
    ///
    /// - Throws: `TallyError.setting(_:)` when the vote's settings are beyond what a count can
    ///   take (only a journal written before votes were checked for this can hold such a vote).
    public func election(for vote: Vote) throws(TallyError) -> Election {
        if let (setting, reason) = vote.settings.tallyRules(for: vote).limitProblem {
            throw .setting("its --\(setting) \(reason)")
        }
        let candidates = vote.candidates
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        let inForce = (ballots[vote.id] ?? [:]).sorted { $0.key < $1.key }
        let cast = inForce.map(\.value)
        let n = candidates.count
        func indices<S: Sequence>(_ ideas: S) -> [Int] where S.Element == Idea.ID { ideas.compactMap { index[$0] }.sorted() }
        func mapped<V>(_ map: [Idea.ID: V]) -> [Int: V] {
            Dictionary(uniqueKeysWithValues: map.compactMap { id, value in index[id].map { ($0, value) } })
        }
        let converted: Ballots
        switch vote.method.ballotKind {
        case .ranking:
            var b = RankedBallots(candidateCount: n)
            for case .ranking(let tiers) in cast { b.append(tiers: tiers.map { indices($0) }) }
            converted = .ranked(b)
        case .approval, .budget:
            var b = ApprovalBallots(candidateCount: n)
            for ballot in cast {
                if case .approval(let set) = ballot { b.append(indices(set)) }
                if case .budget(let set) = ballot { b.append(indices(set)) }
            }
            converted = .approval(b)
        case .scores:
            var b = GradeBallots(candidateCount: n)
            for case .scores(let map) in cast { b.append(mapped(map)) }
            converted = .grades(b)
        case .dots, .quadratic:
            var b = AmountBallots(candidateCount: n)
            for ballot in cast {
                if case .dots(let map) = ballot { b.append(mapped(map)) }
                if case .quadratic(let map) = ballot { b.append(mapped(map)) }
            }
            converted = .amounts(b)
        case .consent:
            var b = PositionBallots(candidateCount: n, positions: PositionBallots.consent)
            for case .consent(let map) in cast { b.append(mapped(map).mapValues { PositionBallots.consent.firstIndex(of: $0.rawValue)! }) }
            converted = .positions(b)
        case .reactions:
            var b = PositionBallots(candidateCount: n, positions: PositionBallots.reactions)
            for case .reactions(let map) in cast { b.append(mapped(map).mapValues { PositionBallots.reactions.firstIndex(of: $0.rawValue)! }) }
            converted = .positions(b)
        }
        var election = Election(
            candidates: candidates.map { "#\($0.rawValue)" },
            names: candidates.map { id in
                ideas[id]?.isHidden == true ? Idea.hiddenText : textVotedOn(id, in: vote)
            },
            ballots: converted, rules: vote.settings.tallyRules(for: vote))
        election.ballotLabels = inForce.map { voter, _ in participants[voter].map { "@\($0.handle)" } ?? "voter \(voter.rawValue)" }
        return election
    }
}
