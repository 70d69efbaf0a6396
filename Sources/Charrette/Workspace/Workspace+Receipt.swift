import Foundation

/// What a ballot's receipt (the hash of the journal entry that cast it) says about that ballot
/// now, as end-to-end verifiable voting lets a voter check that their ballot is counted.
public enum ReceiptCheck: Sendable, Equatable {
    /// The ballot is the one in force for its voter: the count includes it.
    case counted(sequence: Int64, vote: Vote.ID, castAt: Date)
    /// It is no longer its voter's ballot in force: a later ballot replaced it, or it was taken
    /// back (undone, or its vote removed).
    case superseded(sequence: Int64, vote: Vote.ID, castAt: Date)
    /// The entry exists but casts no ballot.
    case notABallot(sequence: Int64, kind: String)
    /// No entry of this journal has that hash.
    case unknown
}

extension Workspace {
    /// Finds the entry whose hash is `receipt` and says whether the ballot it cast is counted.
    ///
    /// A ballot is counted while it is still its voter's ballot in force: a later ballot of theirs
    /// replaces it, taking it back withdraws it, and undoing the later one makes it count again.
    /// Reactions are handed in one statement at a time and add up: a reaction counts until the
    /// voter reacts to the same statement again (and that later reaction is not taken back).
    /// Verify the journal first (`verify()`) to know the entry is really in the chain.
    public func checkReceipt(_ receipt: JournalHash) throws -> ReceiptCheck {
        try flush()
        var found: JournalEntry?
        // For reactions: the later casts of the same voter that touch the same statements, less
        // those taken back.
        var later: [CastBallot] = []
        do {
            try storage.readEntries(after: 0) { encoded in
                guard let cast = found else {
                    if encoded.hash == receipt { found = try EntryCoding.decode(encoded) }
                    return
                }
                guard case .ballotCast(let vote, let voter, .reactions(let given), _, _) = cast.event else { throw StopReading() }
                guard ["ballotCast", "ballotWithdrawn", "undone"].contains(encoded.kind) else { return }
                switch Self.effect(of: try EntryCoding.decode(encoded).event) {
                case .ballotCast(vote, voter, .reactions(let again), let at, _) where !Set(again.keys).isDisjoint(with: given.keys):
                    later.append(CastBallot(.reactions(again), at: at))
                case .ballotWithdrawn(vote, voter, let withdrawn, _):
                    later.removeAll { $0 == withdrawn }
                default: break
                }
            }
        } catch is StopReading {}
        guard let found else { return .unknown }
        guard case .ballotCast(let vote, let voter, let ballot, let at, _) = found.event else {
            return .notABallot(sequence: found.sequence, kind: found.event.kind)
        }
        let current = state
        let inForce = current.ballots[vote]?[voter]
        let counted: Bool
        switch (ballot, inForce) {
        case (.reactions(let given), .reactions(let now)?): counted = later.isEmpty && given.allSatisfy { now[$0.key] == $0.value }
        default: counted = inForce == ballot && current.ballotTimes[vote]?[voter] == at
        }
        return counted
            ? .counted(sequence: found.sequence, vote: vote, castAt: at) : .superseded(sequence: found.sequence, vote: vote, castAt: at)
    }
}

extension Workspace {
    /// What `event` does to the state: an undo does its compensation.
    fileprivate static func effect(of event: Event) -> Event {
        if case .undone(_, _, let compensation) = event { return effect(of: compensation) }
        return event
    }
}

/// Ends a read of the journal early: what was looked for is found.
private struct StopReading: Error {}
