import Foundation

/// What a ballot's receipt (the hash of the journal entry that cast it) says about that ballot
/// now, as end-to-end verifiable voting lets a voter check that their ballot is counted.
public enum ReceiptCheck: Sendable, Equatable {
    /// The ballot is the one in force for its voter: the count includes it.
    case counted(sequence: Int64, vote: Vote.ID, castAt: Date)
    /// The voter handed in another ballot afterwards (or took this one back): that one counts.
    case superseded(sequence: Int64, vote: Vote.ID, castAt: Date)
    /// The entry exists but casts no ballot.
    case notABallot(sequence: Int64, kind: String)
    /// No entry of this journal has that hash.
    case unknown
}

extension Workspace {
    /// Finds the entry whose hash is `receipt` and says whether the ballot it cast is counted.
    ///
    /// A ballot is counted when it is still its voter's ballot in force: a later ballot of theirs
    /// replaces it, and undoing that later one makes it count again. A reaction counts while the
    /// voter has not changed it (reactions to other statements add to it). Verify the journal first
    /// (``verify()``) to know the entry is really in the chain.
    public func checkReceipt(_ receipt: JournalHash) throws -> ReceiptCheck {
        try flush()
        var found: EncodedEntry?
        try storage.readEntries(after: 0) { encoded in
            if found == nil, encoded.hash == receipt { found = encoded }
        }
        guard let found else { return .unknown }
        let entry = try EntryCoding.decode(found)
        guard case .ballotCast(let vote, let voter, let ballot, let at, _) = entry.event else {
            return .notABallot(sequence: found.sequence, kind: found.kind)
        }
        let current = state
        let inForce = current.ballots[vote]?[voter]
        let counted: Bool
        switch (ballot, inForce) {
        // Reactions are handed in one at a time and add up: one counts while it is not changed.
        case (.reactions(let given), .reactions(let now)?): counted = given.allSatisfy { now[$0.key] == $0.value }
        default: counted = inForce == ballot && current.ballotTimes[vote]?[voter] == at
        }
        return counted
            ? .counted(sequence: found.sequence, vote: vote, castAt: at) : .superseded(sequence: found.sequence, vote: vote, castAt: at)
    }
}
