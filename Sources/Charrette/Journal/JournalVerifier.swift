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
            /// A personal record does not match what the journal committed to.
            case personalDataChanged
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
}

/// Walks a journal's chain and names the first entry that was changed, removed or reordered.
public enum JournalVerifier {
    /// Verifies the entries of `storage`, its recorded head, and its personal records against
    /// `commitments`.
    public static func verify(
        storage: any JournalStorage, commitments: [Participant.ID: PersonalDataCommitment] = [:]
    ) throws -> JournalVerification {
        var count: Int64 = 0
        var previous = JournalHash.genesis
        var suspect: (entry: EncodedEntry, expected: Int64, previous: JournalHash)?
        try storage.readEntries(after: 0) { entry in
            guard suspect == nil else { return }
            if entry.sequence != count + 1 || entry.previousHash != previous || EntryCoding.computeHash(of: entry) != entry.hash {
                suspect = (entry, count + 1, previous)
                return
            }
            count = entry.sequence
            previous = entry.hash
        }
        // Diagnosed once the walk is over: telling a moved entry from a changed one reads the store again.
        var problem = suspect.flatMap { check($0.entry, expectedSequence: $0.expected, previous: $0.previous, storage: storage) }
        if problem == nil, let head = try storage.recordedHead() {
            if head.sequence > count {
                problem = .init(kind: .removed, sequence: count + 1, description:
                    "entries \(count + 1) to \(head.sequence) were removed: the store recorded entry \(head.sequence) as its last")
            } else if head.sequence == count, head.hash != previous {
                problem = .init(kind: .changed, sequence: count, description:
                    "entry \(count) does not end the journal the store recorded: the chain was rewritten")
            }
        }
        if problem == nil {
            for sealed in try storage.personalRecords().sorted(by: { $0.participant < $1.participant }) {
                guard let commitment = commitments[sealed.participant], commitment == sealed.commitment else {
                    problem = .init(kind: .personalDataChanged, sequence: Int64(sealed.participant.rawValue), description:
                        "the personal record of participant \(sealed.participant.rawValue) is not the one the journal committed to")
                    break
                }
            }
        }
        return JournalVerification(entryCount: count, headHash: previous, problem: problem)
    }

    /// The problem `entry` shows, if any, when it should be entry `expectedSequence` following `previous`.
    static func check(
        _ entry: EncodedEntry, expectedSequence: Int64, previous: JournalHash, storage: any JournalStorage
    ) -> JournalVerification.Problem? {
        if entry.sequence > expectedSequence {
            let missing = entry.sequence - expectedSequence == 1
                ? "entry \(expectedSequence) was removed" : "entries \(expectedSequence) to \(entry.sequence - 1) were removed"
            return .init(kind: .removed, sequence: expectedSequence, description: missing)
        }
        if entry.sequence < expectedSequence {
            return .init(kind: .reordered, sequence: entry.sequence, description: "entry \(entry.sequence) appears twice or out of order")
        }
        let intact = EntryCoding.computeHash(of: entry) == entry.hash
        if intact && entry.previousHash == previous { return nil }
        if let origin = originalPosition(of: entry, storage: storage), origin != entry.sequence {
            return .init(kind: .reordered, sequence: entry.sequence, description:
                "entry \(entry.sequence) holds what was written as entry \(origin): entries were reordered")
        }
        if !intact {
            return .init(kind: .changed, sequence: entry.sequence, description:
                "entry \(entry.sequence) was changed after it was written: its content no longer matches its hash")
        }
        return .init(kind: .removed, sequence: entry.sequence, description:
            "entry \(entry.sequence) does not follow entry \(entry.sequence - 1): an entry before it was removed or replaced")
    }

    /// Where an entry that fails its check was first written: the position its own hash verifies
    /// at, searched outward from where it stands now.
    static func originalPosition(of entry: EncodedEntry, storage: any JournalStorage) -> Int64? {
        let last = max(entry.sequence, (try? storage.recordedHead())??.sequence ?? entry.sequence)
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
