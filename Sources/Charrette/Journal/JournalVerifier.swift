/// What `journal verify` found.
public struct JournalVerification: Sendable, Hashable {
    /// One break in the chain, located at the first entry where it shows.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            /// The entry's content no longer matches its hash.
            case changed
            /// One or more entries are missing.
            case removed
            /// The entry stands at another place than the one it was written at.
            case reordered
            /// Entries follow the last one the store recorded writing.
            case added
            /// A personal record does not match what the journal committed to.
            case personalDataChanged
            /// The store is behind what was written to it elsewhere (a copy taken while it was open).
            case incomplete
            /// A query table does not hold what the journal folds to (it was edited by hand).
            case queryTables
        }

        public init(kind: Kind, sequence: Int64, description: String) {
            self.kind = kind
            self.sequence = sequence
            self.description = description
        }

        public let kind: Kind
        /// The first entry affected (for personal data: the participant's number).
        public let sequence: Int64
        public let description: String
    }

    /// Entries read.
    public let entryCount: Int64
    /// The hash of the last entry read: publish it, and anyone can check the journal ends there.
    public let headHash: JournalHash
    /// The first problem found, or `nil` when the journal is intact.
    public let problem: Problem?

    public var isIntact: Bool { problem == nil }

    /// The same walk with `problem` found after it.
    func with(_ problem: Problem) -> JournalVerification {
        JournalVerification(entryCount: entryCount, headHash: headHash, problem: problem)
    }
}

/// Walks a journal's chain and names the first entry that was changed, removed or reordered.
public enum JournalVerifier {
    /// Verifies the entries of `storage`, its recorded head, and its personal records against the
    /// commitments the journal holds.
    public static func verify(storage: any JournalStorage) throws -> JournalVerification {
        var count: Int64 = 0
        var previous = JournalHash.genesis
        var suspect: (entry: EncodedEntry, expected: Int64, previous: JournalHash)?
        var lastStored: Int64 = 0
        var rows: Int64 = 0
        var commitments: [Participant.ID: PersonalDataCommitment] = [:]
        try storage.readEntries(after: 0) { entry in
            lastStored = max(lastStored, entry.sequence)
            rows += 1
            guard suspect == nil else { return }
            if entry.sequence != count + 1 || entry.previousHash != previous || EntryCoding.computeHash(of: entry) != entry.hash {
                suspect = (entry, count + 1, previous)
                return
            }
            if committingKinds.contains(entry.kind) { try track(EntryCoding.decode(entry).event, in: &commitments) }
            count = entry.sequence
            previous = entry.hash
        }
        // Diagnosed once the walk is over: telling a moved entry from a changed one reads the store again.
        if let suspect {
            let problem = try diagnose(
                suspect.entry, expectedSequence: suspect.expected, previous: suspect.previous,
                // A forged sequence number must not send the search past what the store could hold.
                searchUpTo: min(lastStored, 2 * rows + 2), storage: storage)
            return JournalVerification(entryCount: count, headHash: previous, problem: problem)
        }
        return JournalVerification(
            entryCount: count, headHash: previous,
            problem: try checkHead(of: storage, count: count, last: previous)
                ?? checkPersonalRecords(of: storage, against: commitments))
    }

    /// The kinds of event that carry a personal data commitment, directly or as a compensation.
    static let committingKinds: Set<String> = ["participantRegistered", "participantRemoved", "personalDataChanged", "undone"]

    /// Follows what the journal committed to for each participant's personal record.
    static func track(_ event: Event, in commitments: inout [Participant.ID: PersonalDataCommitment]) {
        switch event {
        case .participantRegistered(let participant, let commitment): commitments[participant.id] = commitment
        case .participantRemoved(let participant, _): commitments[participant.id] = nil
        case .personalDataChanged(let id, _, let after): commitments[id] = after
        case .undone(_, _, let compensation): track(compensation, in: &commitments)
        default: break
        }
    }

    /// Compares the end of the chain with the head the store recorded in each change's transaction.
    static func checkHead(of storage: any JournalStorage, count: Int64, last: JournalHash) throws -> JournalVerification.Problem? {
        guard let head = try storage.recordedHead() else {
            return count == 0
                ? nil
                : .init(
                    kind: .removed, sequence: count,
                    description:
                        "the store's record of its last entry is missing: entries at the end may have been removed")
        }
        if head.sequence > count {
            return .init(
                kind: .removed, sequence: count + 1,
                description: count + 1 == head.sequence
                    ? "entry \(head.sequence) was removed: the store recorded it as its last"
                    : "entries \(count + 1) to \(head.sequence) were removed: the store recorded entry \(head.sequence) as its last")
        }
        if head.sequence < count {
            return .init(
                kind: .added, sequence: head.sequence + 1,
                description:
                    "entries \(head.sequence + 1) to \(count) were added outside Charrette: the store recorded entry \(head.sequence) as its last")
        }
        if head.hash != last {
            return .init(
                kind: .changed, sequence: count,
                description:
                    "entry \(count) does not end the journal the store recorded: the chain was rewritten")
        }
        return nil
    }

    static func checkPersonalRecords(
        of storage: any JournalStorage, against commitments: [Participant.ID: PersonalDataCommitment]
    ) throws -> JournalVerification.Problem? {
        for sealed in try storage.personalRecords().sorted(by: { $0.participant < $1.participant }) {
            guard let commitment = commitments[sealed.participant], commitment == sealed.commitment else {
                return .init(
                    kind: .personalDataChanged, sequence: Int64(sealed.participant.rawValue),
                    description:
                        "the personal record of participant \(sealed.participant.rawValue) is not the one the journal committed to")
            }
        }
        return nil
    }

    /// What went wrong at `entry`, the first that fails, when it should be entry `expectedSequence`
    /// following `previous`.
    static func diagnose(
        _ entry: EncodedEntry, expectedSequence: Int64, previous: JournalHash, searchUpTo last: Int64,
        storage: any JournalStorage
    ) throws -> JournalVerification.Problem {
        let n = entry.sequence
        if n > expectedSequence {
            return .init(
                kind: .removed, sequence: expectedSequence,
                description: n - expectedSequence == 1
                    ? "entry \(expectedSequence) was removed" : "entries \(expectedSequence) to \(n - 1) were removed")
        }
        if n < expectedSequence {
            return .init(kind: .reordered, sequence: n, description: "entry \(n) appears twice or out of order")
        }
        guard EntryCoding.computeHash(of: entry) == entry.hash else {
            guard let origin = originalPosition(of: entry, searchUpTo: last) else {
                return .init(
                    kind: .changed, sequence: n,
                    description:
                        "entry \(n) was changed after it was written: its content no longer matches its hash")
            }
            // Two entries that swapped places each verify at the other's position.
            if let other = try storage.entry(at: origin), EntryCoding.computeHash(of: other, assumingSequence: n) == other.hash {
                return .init(
                    kind: .reordered, sequence: n,
                    description:
                        "entry \(n) holds what was written as entry \(origin): entries were reordered")
            }
            if origin > n {
                return .init(
                    kind: .removed, sequence: n,
                    description: origin - n == 1
                        ? "entry \(n) was removed and the entries after it renumbered"
                        : "entries \(n) to \(origin - 1) were removed and the entries after them renumbered")
            }
            return .init(
                kind: .reordered, sequence: n,
                description:
                    "entry \(n) holds what was written as entry \(origin): entries were inserted or reordered")
        }
        // The entry itself is intact, but the one before is not the one it was chained to.
        return .init(
            kind: .changed, sequence: n - 1,
            description:
                "entry \(n - 1) is not the entry that entry \(n) was chained to: it was changed and its hash recomputed, "
                + "or entries were removed or replaced before entry \(n)")
    }

    /// Where an entry that fails its check was first written: the position its own hash verifies
    /// at, searched outward from where it stands, among the positions the store holds.
    static func originalPosition(of entry: EncodedEntry, searchUpTo last: Int64) -> Int64? {
        let last = max(last, entry.sequence)
        var distance: Int64 = 1
        while entry.sequence - distance >= 1 || entry.sequence + distance <= last {
            for position in [entry.sequence - distance, entry.sequence + distance] where position >= 1 && position <= last {
                if EntryCoding.computeHash(of: entry, assumingSequence: position) == entry.hash { return position }
            }
            distance += 1
        }
        return nil
    }
}
