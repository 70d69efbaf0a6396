import CharretteSession
import CharretteVoting
import Foundation
import Testing

@testable import Charrette

/// What a facilitator saved, saw and published must be what happened: the outcome of a vote
/// stays the one voted on, hidden ideas stay hidden, settings stay countable, and no participant's
/// text can drive a terminal.
@Suite("Trust")
struct TrustTests {
    /// A closed plurality vote on three ideas that amira and jon voted in.
    func closedVote(_ f: Fixture) throws -> (vote: Vote.ID, ideas: [Idea.ID]) {
        let ideas = try f.ideas("Free passes under 18", "Night buses", "Safer stops")
        let vote = try f.workspace.perform { tx in
            try tx.changePhase(of: f.consultation, to: .voting)
            let vote = try tx.openVote("Pick", on: f.consultation, method: VotingMethod(rawValue: "plurality")!)
            try tx.castBallot(.ranking([[ideas[0]]]), by: f.amira, in: vote.id)
            try tx.castBallot(.ranking([[ideas[0]]]), by: f.jon, in: vote.id)
            try tx.closeVote(vote.id)
            return vote.id
        }
        return (vote, ideas)
    }

    @Test func anEditAfterTheVoteLeavesTheOutcomeAsVotedOn() throws {
        let f = try Fixture()
        let (vote, ideas) = try closedVote(f)
        try f.workspace.perform { try $0.editIdea(ideas[0], text: "Free passes for everyone") }
        let state = f.workspace.state
        let election = try state.election(for: state.votes[vote]!)
        #expect(election.names[0] == "Free passes under 18")
        #expect(state.ideas[ideas[0]]?.text == "Free passes for everyone")
        #expect(state.textVotedOn(ideas[0], in: state.votes[vote]!) == "Free passes under 18")
        // The texts voted on survive reopening the workspace, and the edit is undone cleanly.
        #expect(try Workspace(storage: f.storage).state == state)
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.ideas[ideas[0]]?.text == "Free passes under 18")
        // A hidden idea is named as hidden, even in a count.
        try f.workspace.perform(by: f.sam) { try $0.hideIdea(ideas[0], reason: "names a person") }
        #expect(try f.workspace.state.election(for: state.votes[vote]!).names[0] == Idea.hiddenText)
    }

    @Test func aHiddenIdeasTextIsWithheldFromTheDumpUnlessAsked() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Call 0612345678 for a lift")
        try f.workspace.perform(by: f.sam) { try $0.hideIdea(ideas[1], reason: "personal details") }
        let dump = ConsultationDump(f.workspace.state, consultation: f.consultation)
        let hidden = try #require(dump.ideas.first { $0.id == ideas[1].rawValue })
        #expect(hidden.text == nil && hidden.textWithheld == true && hidden.hiddenReason == "personal details")
        #expect(!String(decoding: try dump.json(), as: UTF8.self).contains("0612345678"))
        let full = ConsultationDump(f.workspace.state, consultation: f.consultation, options: .init(includeHiddenTexts: true))
        #expect(full.ideas.first { $0.id == ideas[1].rawValue }?.text == "Call 0612345678 for a lift")

        // Imported elsewhere, the withheld idea keeps its place and stays hidden.
        let other = try Workspace(storage: InMemoryStorage())
        let copy = try other.perform { try $0.importConsultation(try ConsultationDump.read(try dump.json())) }
        let imported = other.state.ideas(of: copy.id)
        #expect(imported.map(\.isHidden) == [false, true])
        #expect(imported[1].text == Idea.hiddenText)
    }

    @Test func votesTakeOnlySettingsACountCanTake() throws {
        let f = try Fixture()
        _ = try f.ideas("A", "B")
        try f.workspace.perform { try $0.changePhase(of: f.consultation, to: .voting) }
        let score = VotingMethod(rawValue: "score")!
        try expectRefusal(f, .invalidSetting(setting: "max", reason: "must be at most 1000000, the highest score a count takes, not 5000000000")) {
            try $0.openVote("S", on: f.consultation, method: score, settings: VoteSettings(scoreRange: 0...5_000_000_000))
        }
        try expectRefusal(f, .invalidSetting(setting: "budget", reason: "must be at most 1000000, the largest budget of dots a count takes, not 2000000")) {
            try $0.openVote("D", on: f.consultation, method: VotingMethod(rawValue: "dots")!, settings: VoteSettings(budget: 2_000_000))
        }
        // A journal written before votes were checked may hold such a vote: it cannot be counted,
        // and says why, rather than stopping the program.
        let wide = try f.workspace.perform { tx in
            let vote = Vote(
                id: tx.state.nextVote, consultation: f.consultation, title: "Wide", method: score,
                settings: VoteSettings(scoreRange: 0...5_000_000_000), candidates: [1, 2], openedBy: nil, openedAt: tx.time)
            try tx.record(.voteOpened(vote))
            try tx.record(.ballotCast(vote.id, voter: f.amira, ballot: .scores([1: 3_000_000_000]), at: tx.time, replacing: nil))
            return vote
        }
        #expect(throws: TallyError.setting("its --max must be at most 1000000, the highest score a count takes, not 5000000000")) {
            try f.workspace.state.election(for: wide)
        }
        #expect(throws: SessionError.cannotCount(wide, reason: "its --max must be at most 1000000, the highest score a count takes, not 5000000000")) {
            try f.workspace.state.tally(wide)
        }
    }

    @Test func textThatCouldDriveATerminalIsRefused() throws {
        let f = try Fixture()
        try expectRefusal(f, .controlCharacter(kind: "idea", name: "escape (U+001B)", position: 6)) {
            try $0.submitIdea("Free \u{1B}]0;pwned\u{07} buses", by: f.amira, to: f.consultation)
        }
        try expectRefusal(f, .controlCharacter(kind: "theme label", name: "escape (U+001B)", position: 1)) {
            try $0.createTheme("\u{1B}[2JCost", in: f.consultation)
        }
        try expectRefusal(f, .controlCharacter(kind: "idea", name: "control sequence introducer (U+009B)", position: 3)) {
            try $0.submitIdea("ok\u{9B}2J", by: f.amira, to: f.consultation)
        }
        try expectRefusal(f, .controlCharacter(kind: "display name", name: "bell (U+0007)", position: 4)) {
            try $0.registerParticipant(handle: "bel", personalData: PersonalRecord(displayName: "Bel\u{07}"))
        }
        // Line breaks and tabs are text; a Windows line break is kept as a line feed.
        let idea = try f.workspace.perform { try $0.submitIdea("Two lines,\r\nwith\ta tab", by: f.amira, to: f.consultation) }
        #expect(idea.text == "Two lines,\nwith\ta tab")
    }

    @Test func terminalTextShowsControlCharactersWithoutObeyingThem() {
        #expect(TerminalText.neutralised("Free \u{1B}]0;pwned\u{07} buses") == "Free \u{241B}]0;pwned\u{2407} buses")
        #expect(TerminalText.neutralised("a\rb\u{7F}c\u{9B}d") == "a\u{240D}b\u{2421}c\u{FFFD}d")
        #expect(TerminalText.neutralised("two\nlines\tand é ✓") == "two\nlines\tand é ✓")
        // CSV lines end with CR LF, which a terminal shows as it should; a direction override could
        // reorder what the projector shows.
        #expect(TerminalText.neutralised("a,b\r\nc,d\r\n") == "a,b\r\nc,d\r\n")
        #expect(TerminalText.neutralised("Free \u{202E}sessap\u{202C}") == "Free \u{FFFD}sessap\u{FFFD}")
        #expect(TerminalText.stripped("a\u{1B}[2Jb\r\nc") == "a[2Jb\nc")
        #expect(TerminalText.stripped("plain") == nil)
    }

    @Test func undoRevertsOnlyTheChangeItWasAskedTo() throws {
        let f = try Fixture()
        let first = try f.ideas("First")
        let change = f.workspace.state.nextUndoableChange!
        _ = try f.ideas("Made meanwhile")
        try expectRefusal(f, .notTheLatestChange(expected: change, latest: change + 1)) { _ = try $0.undo(change: change) }
        try f.workspace.perform { _ = try $0.undo(change: change + 1) }
        try f.workspace.perform { _ = try $0.undo(change: change) }
        #expect(f.workspace.state.ideas[first[0]] == nil)
    }

    /// The query tables are compared as text across processes: a vote's costs must always be
    /// written in the same order, whatever order a dictionary keeps them in.
    @Test func voteSettingsEncodeTheirCostsInIdeaOrder() throws {
        let costs = Dictionary(uniqueKeysWithValues: (1...40).map { (Idea.ID(rawValue: $0), $0 * 10) })
        let json = String(decoding: try JSONEncoder().encode(VoteSettings(budget: 100, costs: costs)), as: UTF8.self)
        #expect(json.contains("\"costs\":[" + (1...40).map { "\($0),\($0 * 10)" }.joined(separator: ",") + "]"))
        #expect(try JSONDecoder().decode(VoteSettings.self, from: Data(json.utf8)).costs == costs)
    }

    /// Exported and imported elsewhere, a vote still names and counts the texts it was cast on.
    @Test func anEditAfterTheVoteSurvivesTheJSONRoundTrip() throws {
        let f = try Fixture()
        let (vote, ideas) = try closedVote(f)
        try f.workspace.perform { try $0.editIdea(ideas[0], text: "Free passes for ministers only") }
        let dump = ConsultationDump(f.workspace.state, consultation: f.consultation)
        let other = try Workspace(storage: InMemoryStorage())
        let copy = try other.perform { try $0.importConsultation(try ConsultationDump.read(try dump.json())) }
        let state = other.state
        let rebuilt = try #require(state.votes.values.first { $0.consultation == copy.id })
        #expect(try state.election(for: rebuilt).names.first == "Free passes under 18")
        #expect(state.ideas[rebuilt.candidates[0]]?.text == "Free passes for ministers only")
        #expect(try state.tally(rebuilt).elected == (try f.workspace.state.tally(f.workspace.state.votes[vote]!)).elected)
    }
}
