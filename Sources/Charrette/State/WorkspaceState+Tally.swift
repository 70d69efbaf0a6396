import CharretteVoting

extension WorkspaceState {
    /// The ballots in force in `vote` as an election for the voting module: candidates are the
    /// vote's ideas (`#12`), named by their text; voters in the order of their ids.
    public func election(for vote: Vote) -> Election {
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
        let settings = vote.settings
        var rules = TallyRules(seats: settings.seats, budget: settings.budget, capPerCandidate: settings.capPerIdea,
                               credits: settings.credits, gradeRange: settings.effectiveScoreRange,
                               seed: settings.seed ?? TallyRules.defaultSeed)
        if vote.method.ballotKind == .budget { rules.costs = candidates.map { settings.costs[$0] ?? 0 } }
        var election = Election(candidates: candidates.map { "#\($0.rawValue)" }, names: candidates.map { ideas[$0]?.text },
                                ballots: converted, rules: rules)
        election.ballotLabels = inForce.map { voter, _ in participants[voter].map { "@\($0.handle)" } ?? "voter \(voter.rawValue)" }
        return election
    }

    /// Counts the ballots in force in `vote` with its method.
    public func tally(_ vote: Vote) throws(TallyError) -> TallyResult {
        guard let method = TallyMethods.named(vote.method.rawValue) else {
            throw .setting("no tally for the method '\(vote.method.rawValue)'")
        }
        return try method.tally(election(for: vote))
    }
}
