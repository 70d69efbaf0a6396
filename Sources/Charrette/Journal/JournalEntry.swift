import Foundation

/// One change as the journal holds it: the event with its place, time, actor and chain hashes.
public struct JournalEntry: Sendable, Hashable {
    /// The position in the journal, counting from 1 without gaps.
    public let sequence: Int64
    /// When the change was written, to the millisecond.
    public let time: Date
    /// The first entry of the change this entry belongs to: one `perform` writes one change, and
    /// `undo` reverts a whole change.
    public let change: Int64
    /// Who made the change, or `nil` for the embedding program itself.
    public let actor: Participant.ID?
    public let event: Event
    /// The hash of the entry before this one (``JournalHash/genesis`` for the first).
    public let previousHash: JournalHash
    /// The hash of this entry, covering every field above.
    public let hash: JournalHash
}

/// A journal entry in the form a store keeps it: the event as compact bytes, the rest as columns.
///
/// The hash covers exactly these fields, so a store verifies the chain without decoding events.
public struct EncodedEntry: Sendable, Hashable {
    public var sequence: Int64
    /// Milliseconds since 1970.
    public var timeMillis: Int64
    /// The first entry of the change this entry belongs to.
    public var change: Int64
    public var actor: Int?
    /// The version of the event encoding, ``Event/currentVersion`` when written.
    public var version: Int
    /// The event's case name, for people reading the journal with SQL.
    public var kind: String
    /// The event in the compact binary form.
    public var payload: [UInt8]
    public var previousHash: JournalHash
    public var hash: JournalHash

    public init(
        sequence: Int64, timeMillis: Int64, change: Int64, actor: Int?, version: Int, kind: String,
        payload: [UInt8], previousHash: JournalHash, hash: JournalHash
    ) {
        self.sequence = sequence
        self.timeMillis = timeMillis
        self.change = change
        self.actor = actor
        self.version = version
        self.kind = kind
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }
}
