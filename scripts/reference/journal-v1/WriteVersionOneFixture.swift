import Foundation
import Testing

@testable import Charrette

/// Writes the journal fixture of layout version 1 with the code that wrote version 1: one entry per
/// sample of main's `BinaryCodingTests.events` that version 1 can hold (every kind but those added
/// later). Not part of the project: run once, by hand, in a checkout of the last version-1 commit.
@Suite struct WriteVersionOneFixture {
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
        .cardSortSubmitted(CardSort(consultation: 1, sorter: 2, groups: [.init(label: "Cost", ideas: [3, 1])], submittedAt: date), replacing: nil),
        .cardSortWithdrawn(
            CardSort(consultation: 1, sorter: 2, groups: [], submittedAt: date),
            restoring: CardSort(consultation: 1, sorter: 2, groups: [.init(label: "A", ideas: [1])], submittedAt: date - 1)),
        .consultationLanguageChanged(1, from: nil, to: "es"),
        .agendaStepRecorded(AgendaStep(name: "Welcome", plannedSeconds: 600, startedAt: date - 700, endedAt: date, consultation: 1)),
        .agendaStepRemoved(AgendaStep(name: "Welcome", plannedSeconds: 600, startedAt: date - 700, endedAt: date, consultation: nil)),
    ]


    struct StoredEntry: Codable {
        let sequence: Int64, timeMillis: Int64, change: Int64, actor: Int?, version: Int, kind: String
        let payload: String, previousHash: String, hash: String
    }

    @Test func write() throws {
        var previous = JournalHash.genesis, lines: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (index, event) in Self.events.enumerated() {
            let entry = EntryCoding.encode(
                event, sequence: Int64(index + 1), change: Int64(index + 1), time: Self.date,
                actor: index % 2 == 0 ? 2 : nil, previousHash: previous)
            #expect(entry.version == 1)
            let stored = StoredEntry(
                sequence: entry.sequence, timeMillis: entry.timeMillis, change: entry.change, actor: entry.actor, version: entry.version,
                kind: entry.kind, payload: entry.payload.map { String(format: "%02x", $0) }.joined(),
                previousHash: entry.previousHash.hex, hash: entry.hash.hex)
            lines.append(String(decoding: try encoder.encode(stored), as: UTF8.self))
            previous = entry.hash
        }
        let output = try #require(ProcessInfo.processInfo.environment["JOURNAL_V1_OUTPUT"])
        try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
    }
}
