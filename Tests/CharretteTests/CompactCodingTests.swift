import Foundation
import Testing
@testable import Charrette

@Suite("Compact binary coding")
struct CompactCodingTests {
    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var flag: Bool
        var note: String?
        var tags: [String]
        var nested: [[Int]]
        var map: [String: Int]
        var ids: [Idea.ID: Int]
        var bytes: Data
        var status: Idea.Status
        var statuses: [Idea.Status]
        var negative: Int64
        var big: UInt64
    }

    let sample = Sample(
        name: "naïve “quotes” 🚌", count: -42, ratio: 0.1, flag: true, note: nil, tags: ["a", "", "ß"],
        nested: [[1, 2], [], [3]], map: ["x": 1, "y": -2], ids: [7: 3, 9: 1], bytes: Data([0, 255, 7]),
        status: .hidden(reason: "off topic"), statuses: [.open, .merged(into: 4), .withdrawn],
        negative: .min, big: .max)

    @Test func roundTripsEveryKindOfValue() throws {
        let bytes = try CompactEncoder().encode(sample)
        #expect(try CompactDecoder().decode(Sample.self, from: bytes) == sample)
    }

    @Test func roundTripsEveryEvent() throws {
        let idea = Idea(id: 3, consultation: 1, text: "Night buses", author: 2, submittedAt: Date(timeIntervalSince1970: 1_700_000_000.123))
        let vote = Vote(id: 1, consultation: 1, title: "Fares", method: VotingMethod(rawValue: "dots")!,
                        settings: VoteSettings(budget: 5, capPerIdea: 3, costs: [3: 10]), candidates: [3], openedBy: nil, openedAt: .now)
        let events: [Event] = [
            .ideaSubmitted(idea),
            .ballotCast(1, voter: 2, ballot: .dots([3: 2]), replacing: nil),
            .ballotCast(1, voter: 2, ballot: .ranking([[3, 4], [5]]), replacing: .approval([1, 2])),
            .voteOpened(vote),
            .undone(entry: 4, compensation: .ideaMoved(3, from: nil, to: 2)),
            .participantRegistered(Participant(id: 1, handle: "a", boards: [1, 2]), personalData: nil),
        ]
        for event in events {
            #expect(try CompactDecoder().decode(Event.self, from: CompactEncoder().encode(event)) == event)
        }
    }

    @Test func readsValuesWrittenBeforeAFieldWasAdded() throws {
        struct Old: Codable { var name: String }
        struct New: Codable { var name: String; var added: Int? }
        let decoded = try CompactDecoder().decode(New.self, from: CompactEncoder().encode(Old(name: "x")))
        #expect(decoded.name == "x" && decoded.added == nil)
    }

    @Test func rejectsDamagedBytesWithoutCrashing() throws {
        let bytes = try CompactEncoder().encode(sample)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            var damaged = bytes
            let position = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[position] = UInt8.random(in: 0...255, using: &generator)
            if Bool.random(using: &generator) { damaged.removeLast(Int.random(in: 0...damaged.count, using: &generator)) }
            _ = try? CompactDecoder().decode(Sample.self, from: damaged)
        }
        #expect(throws: (any Error).self) { try CompactDecoder().decode(Sample.self, from: Array(bytes.dropLast())) }
    }
}

/// A small deterministic generator (SplitMix64) for reproducible random tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
