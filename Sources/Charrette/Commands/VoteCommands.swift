import CharretteVoting

extension Transaction {
    /// Opens a vote on a consultation. The candidates default to its open ideas.
    @discardableResult
    public mutating func openVote(
        _ title: String, on consultation: Consultation.ID, method: VotingMethod, settings: VoteSettings = VoteSettings(),
        candidates: [Idea.ID]? = nil
    ) throws -> Vote {
        try requireFacilitator(to: "open votes")
        let target = try openConsultation(consultation)
        guard target.phase != .draft else { throw CharretteError.consultationInDraft(title: target.title) }
        let title = try Self.checkedText(title, kind: "vote title")
        // A title names one vote of a consultation: a later vote does not hide an earlier one.
        if state.votes.values.contains(where: { $0.consultation == consultation && $0.title.caseInsensitiveCompare(title) == .orderedSame }) {
            throw CharretteError.voteTitleTaken(title: title, consultation: target.title)
        }
        let chosen = candidates ?? state.ideas(of: consultation).filter { $0.status.isOpen }.map(\.id)
        var seen = Set<Idea.ID>()
        for id in chosen {
            guard seen.insert(id).inserted else { throw CharretteError.duplicateCandidate(id) }
            let idea = try openIdea(id)
            guard idea.consultation == consultation else {
                throw CharretteError.ideaInOtherConsultation(id, consultation: target.title)
            }
        }
        guard !chosen.isEmpty else { throw CharretteError.noCandidates(vote: title) }
        try Self.check(settings, for: method, candidates: chosen)
        let vote = Vote(
            id: state.nextVote, consultation: consultation, title: title, method: method, settings: settings,
            candidates: chosen, openedBy: actor, openedAt: time)
        try record(.voteOpened(vote))
        return vote
    }

    /// Casts `voter`'s ballot, replacing their earlier one (for reactions: their earlier reaction
    /// to the same ideas).
    public mutating func castBallot(_ ballot: Ballot, by voter: Participant.ID, in vote: Vote.ID) throws {
        let vote = try self.vote(vote)
        let consultation = try openConsultation(vote.consultation)
        guard vote.isOpen else { throw CharretteError.voteClosed(title: vote.title, since: vote.closedAt!) }
        let voter = try participant(voter)
        if actor != voter.id { try requireFacilitator(to: "cast ballots for others") }
        try requireEligible(voter, in: consultation, to: "vote")
        try Self.check(ballot, by: voter.handle, in: vote)
        // A statement a moderator hid takes no more reactions.
        if case .reactions(let reactions) = ballot, let hidden = reactions.keys.sorted().first(where: { state.ideas[$0]?.isHidden == true }) {
            throw CharretteError.ideaNotOpen(hidden, status: state.ideas[hidden]!.status)
        }
        let earlier = state.ballots[vote.id]?[voter.id].map { CastBallot($0, at: state.ballotTimes[vote.id]![voter.id]!) }
        try record(.ballotCast(vote.id, voter: voter.id, ballot: ballot, at: time, replacing: earlier))
    }

    /// Stops taking ballots.
    public mutating func closeVote(_ id: Vote.ID) throws {
        try requireFacilitator(to: "close votes")
        let vote = try self.vote(id)
        _ = try openConsultation(vote.consultation)
        guard vote.isOpen else { throw CharretteError.voteClosed(title: vote.title, since: vote.closedAt!) }
        try record(.voteClosed(id, at: time))
    }

    /// Checks that `settings` give `method` what it needs and nothing it does not read, as the
    /// method declares (``VotingMethod/settings``).
    static func check(_ settings: VoteSettings, for method: VotingMethod, candidates: [Idea.ID]) throws {
        let declared = method.settings, given = settings.given
        if let stray = given.subtracting(declared.taken).min() {
            throw CharretteError.settingNotTaken(setting: stray, method: method.rawValue, takes: declared.sorted)
        }
        if let missing = declared.required.subtracting(given).min() {
            throw CharretteError.missingSetting(method: method.rawValue, setting: missing.flags[0])
        }
        func positive(_ value: Int?, _ name: String) throws {
            if let value, value <= 0 { throw CharretteError.invalidSetting(setting: name, reason: "must be above 0, not \(value)") }
        }
        try positive(settings.budget, "budget")
        try positive(settings.capPerIdea, "cap")
        try positive(settings.credits, "credits")
        try positive(settings.seats, "seats")
        if let range = settings.scoreRange, range.lowerBound == range.upperBound {
            throw CharretteError.invalidSetting(setting: "max", reason: "must be above --min")
        }
        if let limit = settings.maxCost, limit <= 0 || limit > TallyRules.largestMoney {
            throw CharretteError.invalidSetting(setting: "max-cost", reason: "must be above 0 and at most \(TallyRules.largestMoney), not \(limit)")
        }
        if settings.addOneStop != nil, let rule = settings.completion, rule == .greedy || rule == .none {
            throw CharretteError.invalidSetting(setting: "add-one-stop", reason: "is for the add-one completions, not completion \(rule.rawValue)")
        }
        // The limits `tally` keeps: within them, no count can overflow.
        if let (setting, reason) = settings.tallyRules(method: method, candidates: candidates).limitProblem {
            throw CharretteError.invalidSetting(setting: setting, reason: reason)
        }
        if declared.required.contains(.costs) {
            let onBallot = Set(candidates)
            if let stray = settings.costs.keys.sorted().first(where: { !onBallot.contains($0) }) {
                throw CharretteError.invalidSetting(setting: "costs", reason: "give a cost for #\(stray.rawValue), which is not on the ballot")
            }
            for id in candidates {
                guard let cost = settings.costs[id] else {
                    throw CharretteError.invalidSetting(setting: "costs", reason: "give no cost for #\(id.rawValue)")
                }
                guard cost > 0 else { throw CharretteError.invalidSetting(setting: "costs", reason: "give #\(id.rawValue) a cost of \(cost)") }
            }
        }
        if let seats = settings.seats, seats > candidates.count {
            throw CharretteError.invalidSetting(setting: "seats", reason: "asks for \(seats) winners from \(candidates.count) ideas")
        }
    }

    /// Checks a ballot against the vote's method and settings.
    static func check(_ ballot: Ballot, by handle: String, in vote: Vote) throws {
        guard ballot.kind == vote.method.ballotKind else {
            throw CharretteError.wrongBallot(
                handle: handle, vote: vote.title, method: vote.method.rawValue,
                expected: vote.method.ballotKind, got: ballot.kind)
        }
        let candidates = Set(vote.candidates)
        for id in ballot.ideas where !candidates.contains(id) {
            throw CharretteError.notACandidate(id, vote: vote.title)
        }
        let settings = vote.settings
        switch ballot {
        case .approval, .consent:
            break
        case .reactions(let reactions):
            guard !reactions.isEmpty else { throw CharretteError.emptyBallot(handle: handle, vote: vote.title) }
        case .ranking(let tiers):
            guard !tiers.contains(where: \.isEmpty) else { throw CharretteError.emptyTier(handle: handle) }
            var seen = Set<Idea.ID>()
            for id in tiers.joined() where !seen.insert(id).inserted { throw CharretteError.rankedTwice(handle: handle, idea: id) }
            guard !seen.isEmpty else { throw CharretteError.emptyBallot(handle: handle, vote: vote.title) }
        case .scores(let scores):
            let range = settings.effectiveScoreRange
            for (id, score) in scores.sorted(by: { $0.key < $1.key }) where !range.contains(score) {
                throw CharretteError.scoreOutOfRange(handle: handle, idea: id, score: score, range: range)
            }
        case .dots(let dots):
            for (id, count) in dots.sorted(by: { $0.key < $1.key }) {
                guard count >= 0 else { throw CharretteError.negativeAmount(handle: handle, idea: id) }
                if let cap = settings.capPerIdea, count > cap {
                    throw CharretteError.dotsOverCap(handle: handle, idea: id, given: count, cap: cap)
                }
            }
            let total = saturatingSum(dots.values)
            if let budget = settings.budget, total > budget {
                throw CharretteError.dotsOverBudget(handle: handle, given: total, budget: budget)
            }
        case .quadratic(let votes):
            let spent = saturatingSum(votes.values.map { $0.multipliedReportingOverflow(by: $0).overflow ? Int.max : $0 * $0 })
            if let credits = settings.credits, spent > credits {
                throw CharretteError.creditsOverBudget(handle: handle, spent: spent, credits: credits)
            }
        case .budget(let projects):
            // A voter may choose projects costing more than the budget (pabulib and most cities
            // count such ballots), unless the vote sets a limit.
            let cost = saturatingSum(projects.map { settings.costs[$0] ?? 0 })
            if let limit = settings.maxCost, cost > limit {
                throw CharretteError.spendingOverLimit(handle: handle, cost: cost, limit: limit)
            }
        }
    }
}

/// A sum that stops at `Int.max` instead of trapping, for amounts typed by people.
func saturatingSum(_ values: some Sequence<Int>) -> Int {
    values.reduce(0) { total, value in
        let (sum, overflow) = total.addingReportingOverflow(value)
        return overflow ? (value > 0 ? Int.max : Int.min) : sum
    }
}
