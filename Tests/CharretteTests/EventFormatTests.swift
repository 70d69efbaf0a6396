import Foundation
import Testing

@testable import Charrette

/// The journal format held by tests, not by care: every event kind has a sample, and the bytes a
/// version wrote stay readable by every later one.
@Suite("Event format")
struct EventFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The case numbers the decoder knows: a tag it does not know is refused as an unknown case,
    /// any other as cut short.
    static var knownTags: Set<UInt8> {
        Set(
            (0...255).map(UInt8.init).filter { tag in
                do {
                    _ = try BinaryCoding.decode(Event.self, from: [tag])
                    return true
                } catch let error as BinaryFormatError {
                    return error.description != "unknown event case \(tag) at byte 0"
                } catch {
                    return true
                }
            })
    }

    /// Adding a case to `Event` means giving it a case number (the writer's switch is exhaustive)
    /// and a decoder case; this fails until `BinaryCodingTests.events` has a sample of it too.
    @Test func everyEventKindHasASample() {
        let sampled = Set(BinaryCodingTests.events.map { BinaryCoding.encode($0)[0] })
        #expect(sampled == Self.knownTags, "kinds without a sample: \(Self.knownTags.subtracting(sampled).sorted())")
        #expect(Self.knownTags.count == 34)
    }

    /// A journal of one entry per sample, as layout version 2 wrote it (Fixtures/journal-v2.jsonl):
    /// every hash and link verifies and every entry decodes to its sample, in every later version.
    /// The file is never rewritten; a new layout version adds a file of its own.
    @Test func versionTwoJournalStillReadsAndVerifies() throws {
        let file = Self.fixtures.appendingPathComponent("journal-v2.jsonl")
        if ProcessInfo.processInfo.environment["WRITE_JOURNAL_FIXTURE"] == "2" {
            try Self.writeFixture(to: file)
        }
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        // Samples added since (a kind added later, at the end of the list) are not in the file.
        #expect(lines.count == BinaryCodingTests.events.count - Self.samplesAfterVersionTwo)
        var previous = JournalHash.genesis
        for (index, line) in lines.enumerated() {
            let stored = try JSONDecoder().decode(StoredEntry.self, from: Data(line.utf8))
            let entry = try stored.entry()
            #expect(entry.version == 2 && entry.previousHash == previous, "entry \(index + 1)")
            #expect(EntryCoding.computeHash(of: entry) == entry.hash, "entry \(index + 1): its hash")
            let decoded = try EntryCoding.decode(entry)
            #expect(decoded.event == BinaryCodingTests.events[index], "entry \(index + 1) (\(entry.kind))")
            #expect(decoded.event.kind == entry.kind)
            previous = entry.hash
        }
    }

    /// The samples at the end of `BinaryCodingTests.events` added after the version-2 file was written.
    static let samplesAfterVersionTwo = 4

    /// The kinds added after layout version 1: a version-1 journal cannot hold them (a kind added
    /// later goes here too).
    static let kindsAfterVersionOne: Set<String> = ["authorsRequired", "invitationIssued", "invitationRevoked", "ideaModerationChanged"]

    /// Whether version 1 could write `event`: not a kind added later, not an anonymous idea, not a
    /// vote with a setting added later (`maxCost`, the equal shares completion).
    static func versionOneHolds(_ event: Event) -> Bool {
        switch event {
        case .ideaSubmitted(let idea): idea.author != nil && idea.status != .held
        case .ideaStatusChanged(_, let from, let to): from != .held && to != .held
        case .voteOpened(let vote): vote.settings.maxCost == nil && vote.settings.completion == nil && vote.settings.addOneStop == nil
        default: !kindsAfterVersionOne.contains(event.kind)
        }
    }

    /// A journal of one entry per sample that version 1 can hold, written by the code of version 1
    /// (Fixtures/journal-v1.jsonl, by `scripts/reference/write_journal_v1.sh`): every kind but
    /// those added later is there, every hash and link verifies, and every entry decodes to its
    /// sample.
    @Test func versionOneJournalStillReadsAndVerifies() throws {
        let lines = try String(contentsOf: Self.fixtures.appendingPathComponent("journal-v1.jsonl"), encoding: .utf8).split(separator: "\n")
        let expected = BinaryCodingTests.events.filter(Self.versionOneHolds)
        #expect(lines.count == expected.count)
        var previous = JournalHash.genesis, kinds = Set<String>()
        for (index, line) in zip(expected.indices, lines) {
            let entry = try JSONDecoder().decode(StoredEntry.self, from: Data(line.utf8)).entry()
            #expect(entry.version == 1 && entry.previousHash == previous, "entry \(index + 1)")
            #expect(EntryCoding.computeHash(of: entry) == entry.hash, "entry \(index + 1): its hash")
            let decoded = try EntryCoding.decode(entry)
            #expect(decoded.event == expected[index], "entry \(index + 1) (\(entry.kind))")
            kinds.insert(entry.kind)
            previous = entry.hash
        }
        let every = Set(BinaryCodingTests.events.map(\.kind))
        #expect(
            kinds == every.subtracting(Self.kindsAfterVersionOne), "kinds missing: \(every.subtracting(Self.kindsAfterVersionOne).subtracting(kinds).sorted())")
    }

    /// An entry as the fixture keeps it: the stored columns, bytes in hexadecimal.
    struct StoredEntry: Codable {
        let sequence: Int64, timeMillis: Int64, change: Int64, actor: Int?, version: Int, kind: String
        let payload: String, previousHash: String, hash: String

        init(_ entry: EncodedEntry) {
            (sequence, timeMillis, change, actor, version, kind) = (entry.sequence, entry.timeMillis, entry.change, entry.actor, entry.version, entry.kind)
            payload = entry.payload.map { String(format: "%02x", $0) }.joined()
            (previousHash, hash) = (entry.previousHash.hex, entry.hash.hex)
        }

        func entry() throws -> EncodedEntry {
            func bytes(_ hex: String) -> [UInt8] {
                let digits = Array(hex.utf8)
                return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
            }
            return EncodedEntry(
                sequence: sequence, timeMillis: timeMillis, change: change, actor: actor, version: version, kind: kind,
                payload: bytes(payload), previousHash: try #require(JournalHash(bytes: bytes(previousHash))),
                hash: try #require(JournalHash(bytes: bytes(hash))))
        }
    }

    /// Writes the fixture from the samples (run once per layout version, by hand).
    static func writeFixture(to file: URL) throws {
        var previous = JournalHash.genesis, lines: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (index, event) in BinaryCodingTests.events.enumerated() {
            let entry = EntryCoding.encode(
                event, sequence: Int64(index + 1), change: Int64(index + 1), time: BinaryCodingTests.date,
                actor: index % 2 == 0 ? 2 : nil, previousHash: previous)
            lines.append(String(decoding: try encoder.encode(StoredEntry(entry)), as: UTF8.self))
            previous = entry.hash
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
