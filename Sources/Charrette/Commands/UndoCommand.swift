extension Transaction {
    /// Reverts the latest change that has not been undone by appending its compensating event.
    ///
    /// Undo walks back: calling it again reverts the change before. Personal data changes and
    /// erasures are not undone (an erasure is final); undo passes over them.
    @discardableResult
    public mutating func undo() throws -> JournalEntry {
        guard let target = state.nextUndoableEntry else { throw CharretteError.nothingToUndo }
        guard let entry = try entry(at: target) else {
            throw JournalError.inconsistent(sequence: target, reason: "is missing from the store")
        }
        if case .participantRegistered(let participant, _) = entry.event, state.personalRecords[participant.id] != nil {
            try storePersonalRecord(nil, for: participant.id)
        }
        let compensation = try WorkspaceState.inverse(of: entry.event)
        try record(.undone(entry: target, compensation: compensation))
        return entry
    }
}
