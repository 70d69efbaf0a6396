import Crypto
import Foundation

/// Turns events into chained, encoded entries and back.
public enum EntryCoding {
    /// Encodes `event` as the entry that follows `previousHash`, computing its hash.
    public static func encode(
        _ event: Event, sequence: Int64, change: Int64, time: Date, actor: Participant.ID?, previousHash: JournalHash
    ) -> EncodedEntry {
        let payload = BinaryCoding.encode(event)
        let timeMillis = Int64((time.timeIntervalSince1970 * 1000).rounded())
        var entry = EncodedEntry(
            sequence: sequence, timeMillis: timeMillis, change: change, actor: actor?.rawValue, version: Event.currentVersion,
            kind: event.kind, payload: payload, previousHash: previousHash, hash: .genesis)
        entry.hash = computeHash(of: entry)
        return entry
    }

    /// Decodes the event of a stored entry.
    public static func decode(_ entry: EncodedEntry) throws -> JournalEntry {
        let event: Event
        switch entry.version {
        case 1...Event.currentVersion:
            do {
                event = try BinaryCoding.decode(Event.self, from: entry.payload, version: entry.version)
            } catch {
                throw JournalError.unreadable(sequence: entry.sequence, reason: "\(error)")
            }
        case let version where version > Event.currentVersion:
            throw JournalError.newerVersion(sequence: entry.sequence, version: version)
        default:
            throw JournalError.unreadable(sequence: entry.sequence, reason: "there is no event version \(entry.version)")
        }
        return JournalEntry(
            sequence: entry.sequence, time: date(millis: entry.timeMillis), change: entry.change,
            actor: entry.actor.map { Participant.ID(rawValue: $0) },
            event: event, previousHash: entry.previousHash, hash: entry.hash)
    }

    /// The time an entry records, from its milliseconds.
    public static func date(millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// A time rounded to the millisecond, as an entry will record it.
    public static func truncated(_ date: Date) -> Date {
        self.date(millis: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// SHA-256 over a domain tag and every field of the entry but its own hash: sequence, time,
    /// change and version as 8 bytes big endian, the actor as a presence byte and 8 bytes, the kind
    /// and payload each after their byte count, then the previous hash.
    public static func computeHash(of entry: EncodedEntry) -> JournalHash {
        computeHash(of: entry, assumingSequence: entry.sequence)
    }

    /// The hash `entry` would have at position `sequence`; verification uses it to tell a moved
    /// entry from a changed one.
    static func computeHash(of entry: EncodedEntry, assumingSequence sequence: Int64) -> JournalHash {
        var hasher = SHA256()
        hasher.update(data: domainTag)
        var fixed = [UInt8]()
        fixed.reserveCapacity(40)
        append(UInt64(bitPattern: sequence), to: &fixed)
        append(UInt64(bitPattern: entry.timeMillis), to: &fixed)
        append(UInt64(bitPattern: entry.change), to: &fixed)
        fixed.append(entry.actor == nil ? 0 : 1)
        append(UInt64(bitPattern: Int64(entry.actor ?? 0)), to: &fixed)
        append(UInt64(bitPattern: Int64(entry.version)), to: &fixed)
        append(UInt64(entry.kind.utf8.count), to: &fixed)
        hasher.update(data: fixed)
        hasher.update(data: Array(entry.kind.utf8))
        fixed.removeAll(keepingCapacity: true)
        append(UInt64(entry.payload.count), to: &fixed)
        hasher.update(data: fixed)
        hasher.update(data: entry.payload)
        hasher.update(data: entry.previousHash.bytes)
        return JournalHash(digest: hasher.finalize())
    }

    private static let domainTag = Array("charrette.journal.v1\u{0}".utf8)

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
