extension WorkspaceState {
    /// Every row of the query tables for this state, as a store writes them: what they must hold
    /// when they agree with the journal.
    public var projection: [ProjectionChange] {
        var rows: [ProjectionChange] = []
        rows += boards.values.map { .board($0) }
        rows += participants.values.map { .participant($0, personalRecords[$0.id]) }
        rows += consultations.values.map { .consultation($0) }
        rows += ideas.values.map { .idea($0) }
        rows += themes.values.map { .theme($0) }
        rows += votes.values.map { .vote($0) }
        for (vote, cast) in ballots {
            for (voter, ballot) in cast {
                if let time = ballotTimes[vote]?[voter] { rows.append(.ballot(vote, voter, ballot, castAt: time)) }
            }
        }
        for sorts in cardSorts.values { rows += sorts.values.map { .cardSort($0) } }
        return rows
    }
}
