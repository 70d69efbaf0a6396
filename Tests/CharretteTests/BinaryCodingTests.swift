import CharretteSupport
import Foundation
import Testing

@testable import Charrette

@Suite("Binary coding of events")
struct BinaryCodingTests {
    static let date = Date(timeIntervalSince1970: 1_795_442_400.123)
    static let idea = Idea(
        id: 3, consultation: 1, text: "Night buses “on weekends” 🚌", author: 2, submittedAt: date,
        status: .hidden(reason: "off topic"), theme: 4)
    static let participant = Participant(id: 2, handle: "amira", role: .observer, boards: [1, 2], consent: [.participation, .followUp])
    static let theme = Theme(id: 4, consultation: 1, label: "Night", description: "After dark", createdBy: 2, createdAt: date)
    static let vote = Vote(
        id: 5, consultation: 1, title: "Fares", method: VotingMethod(rawValue: "pb-greedy")!,
        settings: VoteSettings(budget: 5, capPerIdea: 3, credits: 9, scoreRange: -2...2, seats: 2, costs: [3: 10, 1: 4], seed: .max),
        candidates: [3, 1], openedBy: nil, openedAt: date, closedAt: date)
    static let commitment = PersonalDataCommitment(digest: JournalHash(hex: String(repeating: "ab", count: 32))!)

    /// One event of every case, with every kind of ballot.
    static let events: [Event] = [
        .boardCreated(Board(id: 1, name: "youth", title: "Youth board", shadows: 2)),
        .boardRemoved(Board(id: 2, name: "exec")),
        .participantRegistered(participant, personalData: commitment),
        .participantUpdated(before: participant, after: Participant(id: 2, handle: "amira")),
        .participantRemoved(participant, personalData: nil),
        .personalDataChanged(2, before: nil, after: commitment),
        .personalDataErased(2),
        .consultationOpened(
            Consultation(
                id: 1, title: "Bus fares", question: "Why?", phase: .voting,
                eligibility: .boards([1, 2]), createdAt: date)),
        .consultationRemoved(Consultation(id: 1, title: "T", question: "Q", createdAt: date)),
        .consultationPhaseChanged(1, from: .ideation, to: .closed, at: date, previouslyAt: date - 60),
        .ideaSubmitted(idea),
        .ideaRemoved(idea),
        .ideaStatusChanged(3, from: .open, to: .merged(into: 9)),
        .ideaTextChanged(3, from: "a", to: ""),
        .ideaMoved(3, from: nil, to: 4),
        .themeCreated(theme),
        .themeRemoved(theme),
        .themeChanged(before: theme, after: theme),
        .voteOpened(vote),
        .voteRemoved(vote),
        .voteClosed(5, at: date),
        .voteReopened(5, closedAt: date),
        .ballotCast(5, voter: 2, ballot: .dots([3: 2, 1: 1]), at: date, replacing: CastBallot(.dots([:]), at: date - 5)),
        .ballotCast(5, voter: 2, ballot: .ranking([[3, 4], [5]]), at: date, replacing: CastBallot(.approval([1, 2]), at: date)),
        .ballotCast(5, voter: 2, ballot: .scores([3: -2]), at: date, replacing: CastBallot(.quadratic([1: -3]), at: date)),
        .ballotCast(5, voter: 2, ballot: .reactions([3: .pass, 1: .agree]), at: date, replacing: CastBallot(.budget([3]), at: date)),
        .ballotWithdrawn(5, voter: 2, withdrawn: CastBallot(.consent([3: .block, 4: .abstain]), at: date), restoring: nil),
        .undone(entry: 12, change: 11, compensation: .ideaMoved(3, from: 4, to: nil)),
        .ideaSubmitted(Idea(id: 6, consultation: 1, text: "From the suggestion box", author: nil, submittedAt: date)),
        .voteOpened(
            Vote(
                id: 6, consultation: 1, title: "Capped", method: VotingMethod(rawValue: "pb-greedy")!,
                settings: VoteSettings(budget: 5, costs: [3: 2], maxCost: 4, completion: .addOne, addOneStop: .overBudget),
                candidates: [3], openedBy: 2, openedAt: date)),
        .cardSortSubmitted(CardSort(consultation: 1, sorter: 2, groups: [.init(label: "Cost", ideas: [3, 1])], submittedAt: date), replacing: nil),
        .cardSortWithdrawn(
            CardSort(consultation: 1, sorter: 2, groups: [], submittedAt: date),
            restoring: CardSort(consultation: 1, sorter: 2, groups: [.init(label: "A", ideas: [1])], submittedAt: date - 1)),
        .consultationLanguageChanged(1, from: nil, to: "es"),
        .agendaStepRecorded(AgendaStep(name: "Welcome", plannedSeconds: 600, startedAt: date - 700, endedAt: date, consultation: 1)),
        .agendaStepRemoved(AgendaStep(name: "Welcome", plannedSeconds: 600, startedAt: date - 700, endedAt: date, consultation: nil)),
        .authorsRequired(1, from: false, to: true),
        .invitationIssued(
            Invitation(participant: 2, secretDigest: commitment.digest, issuedAt: date),
            replacing: Invitation(participant: 2, secretDigest: .genesis, issuedAt: date - 60)),
        .invitationRevoked(Invitation(participant: 2, secretDigest: commitment.digest, issuedAt: date)),
        .ideaModerationChanged(1, from: false, to: true),
        .ideaStatusChanged(7, from: .held, to: .open),
    ]

    /// Entries written in layout version 1, as a journal of the example session holds them, byte
    /// for byte: they must read and verify in every later version.
    @Test func versionOneEntriesStillReadAndVerify() throws {
        func bytes(_ hex: String) -> [UInt8] {
            stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }
        }
        let voteOpened = EncodedEntry(
            sequence: 137, timeMillis: 1_796_214_921_955, change: 137, actor: nil, version: 1, kind: "voteOpened",
            payload: bytes("120202095265616374696F6E73097265616374696F6E73000000000000000A0206080C142E34383A3E00703DFA042460C84100"),
            previousHash: JournalHash(bytes: bytes("AABA6A032DF3DA8070FB63A73BB24E88A05F077144F04DF26278E59CF564FB3A"))!,
            hash: JournalHash(bytes: bytes("2E11B2F62426CB74E77D7507D34C328654362E3393DF3402C4ADC8D935A711F7"))!)
        #expect(EntryCoding.computeHash(of: voteOpened) == voteOpened.hash)
        guard case .voteOpened(let vote) = try EntryCoding.decode(voteOpened).event else { Issue.record("not a vote"); return }
        #expect(vote.title == "Reactions" && vote.method.rawValue == "reactions" && vote.settings == VoteSettings())
        #expect(vote.candidates.map(\.rawValue) == [1, 3, 4, 6, 10, 23, 26, 28, 29, 31])

        let ideaSubmitted = EncodedEntry(
            sequence: 27, timeMillis: 1_796_214_921_937, change: 27, actor: nil, version: 1, kind: "ideaSubmitted",
            payload: bytes("0A02022546726565206275732070617373657320666F722065766572796F6E6520756E646572203138069EEFF7042460C8410000"),
            previousHash: JournalHash(bytes: bytes("3682F0B05BFB7B8C495118FCE5801805F8B1C38075781B0AED62D651A3CE7D62"))!,
            hash: JournalHash(bytes: bytes("52EE510BB8EA0E84151B129FDBB52EA1F2120292AD3383A3A759C68BE17CB538"))!)
        #expect(EntryCoding.computeHash(of: ideaSubmitted) == ideaSubmitted.hash)
        guard case .ideaSubmitted(let idea) = try EntryCoding.decode(ideaSubmitted).event else { Issue.record("not an idea"); return }
        #expect(idea.text == "Free bus passes for everyone under 18" && idea.author == 3 && idea.id == 1)
    }

    @Test func everyEventRoundTrips() throws {
        for event in Self.events {
            #expect(try BinaryCoding.decode(Event.self, from: BinaryCoding.encode(event)) == event)
        }
    }

    @Test func theSameValueAlwaysGivesTheSameBytes() {
        let ballot = Event.ballotCast(
            1, voter: 1, ballot: .dots(Dictionary(uniqueKeysWithValues: (1...50).map { (Idea.ID($0), $0) })), at: Self.date, replacing: nil)
        let copy = Event.ballotCast(
            1, voter: 1, ballot: .dots(Dictionary(uniqueKeysWithValues: (1...50).reversed().map { (Idea.ID($0), $0) })), at: Self.date, replacing: nil)
        #expect(BinaryCoding.encode(ballot) == BinaryCoding.encode(copy))
    }

    @Test func strayOrMissingBytesAreRefused() {
        let bytes = BinaryCoding.encode(Event.ideaSubmitted(Self.idea))
        #expect(throws: BinaryFormatError.self) { try BinaryCoding.decode(Event.self, from: bytes + [0]) }
        #expect(throws: BinaryFormatError.self) { try BinaryCoding.decode(Event.self, from: Array(bytes.dropLast())) }
        #expect(throws: BinaryFormatError.self) { try BinaryCoding.decode(Event.self, from: [200]) }
    }

    @Test func nestingIsBounded() {
        // An undo of an undo of an undo ... as damaged bytes could claim.
        let bytes = [UInt8](repeating: 24, count: 1) + Array(repeating: [2, 24], count: 10_000).flatMap { $0 }
        #expect(throws: BinaryFormatError.self) { try BinaryCoding.decode(Event.self, from: bytes) }
    }

    @Test func damagedBytesNeverCrash() {
        var generator = SeededGenerator(seed: 11)
        let samples = Self.events.map { BinaryCoding.encode($0) }
        for round in 0..<50_000 {
            var bytes = samples[round % samples.count]
            for _ in 0...Int.random(in: 0...3, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &generator)] = .random(in: 0...255, using: &generator)
                case 1: bytes.insert(.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
                default: if !bytes.isEmpty { bytes.removeLast(Int.random(in: 1...bytes.count, using: &generator)) }
                }
            }
            _ = try? BinaryCoding.decode(Event.self, from: bytes)
        }
    }
}

/// The project's one seeded generator, under the name these tests use.
typealias SeededGenerator = SplitMix64
