import CharretteVoting

/// A vote's settings as the journal keeps them (ideas by id, unset meaning "the default") turned
/// into the rules a count takes (candidates by position on the ballot, defaults filled in). This is
/// the one place the two meet: the domain checks a vote's settings with these rules when it opens,
/// and every count of the vote uses them.
extension VoteSettings {
    /// The rules of the count for `vote`'s settings; costs by candidate for participatory budgets.
    public func tallyRules(for vote: Vote) -> TallyRules { tallyRules(method: vote.method, candidates: vote.candidates) }

    /// The rules of the count for a vote with `method` on `candidates`.
    public func tallyRules(method: VotingMethod, candidates: [Idea.ID]) -> TallyRules {
        var rules = TallyRules(
            seats: seats, budget: budget, capPerCandidate: capPerIdea, credits: credits,
            gradeRange: effectiveScoreRange, seed: seed ?? TallyRules.defaultSeed)
        if method.ballotKind == .budget { rules.costs = candidates.map { costs[$0] ?? 0 } }
        rules.completion = equalSharesCompletion
        return rules
    }
}

extension VoteSettings {
    /// The settings given, in the voting module's names (what a method's declaration lists).
    public var given: Set<TallySetting> {
        var given = Set<TallySetting>()
        if seats != nil { given.insert(.seats) }
        if budget != nil { given.insert(.budget) }
        if capPerIdea != nil { given.insert(.cap) }
        if credits != nil { given.insert(.credits) }
        if scoreRange != nil { given.insert(.range) }
        if !costs.isEmpty { given.insert(.costs) }
        if maxCost != nil { given.insert(.maxCost) }
        if completion != nil { given.insert(.completion) }
        if addOneStop != nil { given.insert(.addOneStop) }
        if seed != nil { given.insert(.seed) }
        return given
    }
}
