extension Transaction {
    /// Reverts the latest change not yet undone (everything one `perform` wrote) by appending the
    /// compensating event of each of its entries, newest first. Only a facilitator may.
    ///
    /// Undo walks back: calling it again reverts the change before. Nothing is removed from the
    /// journal. Personal data changes and erasures are outside undo (an erasure is final): undo
    /// passes over them to the change before.
    ///
    /// - Parameter expected: the change (its first entry) the caller means to revert, as it saw it
    ///   last: if another change was made since, nothing is undone and
    ///   ``CharretteError/notTheLatestChange(expected:latest:)`` says so. `nil` reverts whatever
    ///   change is the latest.
    /// - Returns: the entries that were undone, in the order they had been written.
    @discardableResult
    public mutating func undo(change expected: Int64? = nil) throws -> [JournalEntry] {
        try requireFacilitator(to: "undo changes")
        let targets = state.nextUndoableEntries
        if let expected, state.nextUndoableChange != expected {
            throw CharretteError.notTheLatestChange(expected: expected, latest: state.nextUndoableChange)
        }
        guard !targets.isEmpty else { throw CharretteError.nothingToUndo }
        let written = try entries(targets)
        var undone: [JournalEntry] = []
        for target in targets.reversed() {
            guard let entry = written[target] else {
                throw JournalError.inconsistent(sequence: target, reason: "is missing from the store")
            }
            var compensation = try WorkspaceState.inverse(of: entry.event)
            if case .participantRemoved(let participant, _) = compensation {
                // The participant's personal record may have changed since: remove the current one.
                compensation = .participantRemoved(participant, personalData: state.personalCommitments[participant.id])
                if state.personalRecords[participant.id] != nil { try storePersonalRecord(nil, for: participant.id) }
            }
            try record(.undone(entry: target, change: entry.change, compensation: compensation))
            undone.append(entry)
        }
        return undone.reversed()
    }
}
