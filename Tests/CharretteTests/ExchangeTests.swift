import CharretteSession
import Foundation
import Testing

@testable import Charrette

@Suite("Consultation dumps and the agenda")
struct ExchangeTests {
    /// A consultation using every part of a dump: boards, personal data, every idea status, a
    /// theme, card sorts, votes of several ballot kinds with settings, a language and a phase.
    static func richFixture() throws -> Fixture {
        let f = try Fixture()
        try f.workspace.perform { tx in
            let night = try tx.submitIdea("Night buses \"after 11\", please", by: f.amira, to: f.consultation).id
            let passes = try tx.submitIdea("Free passes\r\nfor all", by: f.jon, to: f.consultation).id
            let again = try tx.submitIdea("Free passes for everyone", by: f.amira, to: f.consultation).id
            let light = try tx.submitIdea("Lighting at stops", by: f.lea, to: f.consultation).id
            let spam = try tx.submitIdea("=HYPERLINK(\"http://x\")", by: f.jon, to: f.consultation).id
            let gone = try tx.submitIdea("Wifi", by: f.amira, to: f.consultation).id
            try tx.setLanguage(of: f.consultation, to: "en")
            _ = try tx.changePhase(of: f.consultation, to: .clustering)
            let safety = try tx.createTheme("Safety", description: "After dark", in: f.consultation).id
            try tx.moveIdea(night, to: safety)
            try tx.moveIdea(light, to: safety)
            _ = try tx.submitCardSort(
                [.init(label: "Night", ideas: [night, light]), .init(label: "Money", ideas: [passes, again])],
                by: f.jon, in: f.consultation)
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            let ranked = try tx.openVote(
                "Final", on: f.consultation, method: VotingMethod(rawValue: "schulze")!,
                settings: VoteSettings(seed: 42), candidates: [night, passes, light])
            try tx.castBallot(.ranking([[night], [passes, light]]), by: f.amira, in: ranked.id)
            try tx.castBallot(.ranking([[light]]), by: f.jon, in: ranked.id)
            try tx.closeVote(ranked.id)
            let dots = try tx.openVote(
                "Dots", on: f.consultation, method: VotingMethod(rawValue: "dots")!,
                settings: VoteSettings(budget: 5, capPerIdea: 3), candidates: [night, passes, light])
            try tx.castBallot(.dots([night: 3, light: 2]), by: f.amira, in: dots.id)
            let budget = try tx.openVote(
                "Budget", on: f.consultation, method: VotingMethod(rawValue: "pb-greedy")!,
                settings: VoteSettings(budget: 100, costs: [night: 60, light: 30]), candidates: [night, light])
            try tx.castBallot(.budget([night, light]), by: f.lea, in: budget.id)
            try tx.closeVote(budget.id)
            let reactions = try tx.openVote(
                "Reactions", on: f.consultation, method: VotingMethod(rawValue: "reactions")!,
                candidates: [night, passes, light])
            try tx.castBallot(.reactions([night: .agree, passes: .disagree, light: .pass]), by: f.jon, in: reactions.id)
            try tx.closeVote(reactions.id)
            try tx.mergeIdea(again, into: passes)
            try tx.hideIdea(spam, reason: "spam")
            try tx.withdrawIdea(gone)
        }
        return f
    }

    /// The dump without what an import cannot keep: times, and the journal it came from.
    static func timeless(_ dump: ConsultationDump) -> ConsultationDump {
        let epoch = Date(timeIntervalSince1970: 0)
        var d = dump
        d.consultation.createdAt = epoch
        d.ideas = d.ideas.map {
            var i = $0; i.submittedAt = epoch; return i
        }
        d.votes = d.votes.map { v in
            var v = v
            v.openedAt = epoch
            v.closedAt = v.closedAt.map { _ in epoch }
            v.ballots = v.ballots.map {
                var b = $0; b.castAt = epoch; return b
            }
            return v
        }
        d.cardSorts = d.cardSorts.map {
            var s = $0; s.submittedAt = epoch; return s
        }
        d.agenda = []
        d.journal = .init(entries: 0, head: "")
        return d
    }

    @Test func aDumpImportedIntoAnEmptyWorkspaceGivesTheSameConsultation() throws {
        let f = try Self.richFixture()
        let dump = ConsultationDump(f.workspace.state, consultation: f.consultation, options: .init(includePersonalData: true))
        // Through the bytes, as a file would carry it.
        let read = try ConsultationDump.read(try dump.json())
        #expect(read == dump)

        let other = try Workspace(storage: InMemoryStorage())
        let rebuilt = try other.perform { tx in try tx.importConsultation(read) }
        let again = ConsultationDump(other.state, consultation: rebuilt.id, options: .init(includePersonalData: true))
        #expect(Self.timeless(again) == Self.timeless(dump))
        // Counting the rebuilt votes gives the same results.
        for (a, b) in zip(f.workspace.state.votes.values.sorted { $0.id < $1.id }, other.state.votes.values.sorted { $0.id < $1.id }) {
            #expect(try f.workspace.state.tally(a).elected == other.state.tally(b).elected)
        }
    }

    @Test func mergeChainsAndMergesIntoIdeasHiddenLaterComeBack() throws {
        let f = try Fixture()
        try f.workspace.perform { tx in
            let ids = try ["one", "two", "three", "four", "five"].map { try tx.submitIdea($0, by: f.amira, to: f.consultation).id }
            try tx.mergeIdea(ids[2], into: ids[1])
            try tx.mergeIdea(ids[1], into: ids[0])  // a chain: three into two into one
            try tx.mergeIdea(ids[4], into: ids[3])
            try tx.hideIdea(ids[3], reason: "names a person")  // four, which five was merged into, hidden later
            try tx.withdrawIdea(ids[0])
        }
        let dump = ConsultationDump(f.workspace.state, consultation: f.consultation)
        let other = try Workspace(storage: InMemoryStorage())
        let rebuilt = try other.perform { tx in try tx.importConsultation(try ConsultationDump.read(try dump.json())) }
        #expect(Self.timeless(ConsultationDump(other.state, consultation: rebuilt.id)) == Self.timeless(dump))
    }

    @Test func personalDataIsLeftOutUnlessAskedFor() throws {
        let f = try Self.richFixture()
        let text = String(decoding: try ConsultationDump(f.workspace.state, consultation: f.consultation).json(), as: UTF8.self)
        #expect(!text.contains("Amira K."))
        #expect(!text.contains("north"))
        #expect(text.contains("\"handle\" : \"amira\""))
        let personal = String(
            decoding: try ConsultationDump(
                f.workspace.state, consultation: f.consultation,
                options: .init(includePersonalData: true)
            ).json(), as: UTF8.self)
        #expect(personal.contains("Amira K."))
    }

    @Test func aBrokenDumpIsRefusedWithWhereAndWhyAndChangesNothing() throws {
        let f = try Self.richFixture()
        let good = try ConsultationDump.read(try ConsultationDump(f.workspace.state, consultation: f.consultation).json())
        #expect(throws: DumpError.notADump(found: nil)) { try ConsultationDump.read(Data(#"{"title": "x"}"#.utf8)) }
        #expect(throws: DumpError.broken("version: a whole number from 1 is needed")) {
            try ConsultationDump.read(Data(#"{"format": "charrette-consultation"}"#.utf8))
        }
        #expect(throws: DumpError.laterVersion(9)) { try ConsultationDump.read(Data(#"{"format": "charrette-consultation", "version": 9}"#.utf8)) }

        var unknownAuthor = good
        unknownAuthor.ideas[2].author = "nobody"
        unknownAuthor.participants.removeAll { $0.handle == "nobody" }
        var unknownIdea = good
        unknownIdea.votes[0].candidates.append(99)
        var twiceTheme = good
        twiceTheme.themes.append(twiceTheme.themes[0])
        twiceTheme.themes[1].label = "Other"
        for broken in [unknownAuthor, unknownIdea, twiceTheme] {
            let other = try Workspace(storage: InMemoryStorage())
            #expect(throws: DumpError.self) { try other.perform { tx in try tx.importConsultation(broken) } }
            #expect(other.state == WorkspaceState())
        }
        let other = try Workspace(storage: InMemoryStorage())
        #expect(throws: DumpError.broken("ideas[2].author: @nobody is not among the participants")) {
            try other.perform { tx in try tx.importConsultation(unknownAuthor) }
        }
    }

    @Test func agendaStepsAreRecordedInOrderAndUndoPassesThemBy() throws {
        let f = try Fixture()
        let start = f.workspace.now
        f.clock.advance(minutes: 12)
        try f.workspace.perform { tx in
            try tx.recordAgendaStep("  Collect ideas ", plannedSeconds: 600, startedAt: start, consultation: f.consultation)
        }
        let step = try #require(f.workspace.state.agenda.last)
        #expect(step.name == "Collect ideas")
        #expect(step.endedAt.timeIntervalSince(step.startedAt) == 720)
        #expect(step.consultation == f.consultation)
        // The step is a record of the session, not a change: undo takes back the last real one.
        let ideas = try f.ideas("Night buses")
        try f.workspace.perform { tx in
            try tx.recordAgendaStep("Vote", plannedSeconds: 300, startedAt: f.workspace.now, consultation: nil)
        }
        _ = try f.workspace.perform { tx in try tx.undo() }
        #expect(f.workspace.state.ideas[ideas[0]] == nil)
        #expect(f.workspace.state.agenda.map(\.name) == ["Collect ideas", "Vote"])
        try expectRefusal(f, .emptyText("agenda step's name")) { tx in
            try tx.recordAgendaStep(" ", plannedSeconds: 60, startedAt: f.workspace.now, consultation: nil)
        }
        // A step that ended before a consultation was opened goes with the one opened next, and
        // steps are shown in the order they started (an outer step finishes after its inner one).
        let welcome = f.workspace.now
        try f.workspace.perform { tx in try tx.recordAgendaStep("Welcome", plannedSeconds: 60, startedAt: welcome, consultation: nil) }
        f.clock.advance(minutes: 1)
        let (first, second) = try f.workspace.perform { tx in
            (try tx.openConsultation(title: "First", question: "Q?").id, try tx.openConsultation(title: "Second", question: "Q?").id)
        }
        let outer = f.workspace.now
        f.clock.advance(minutes: 1)
        try f.workspace.perform { tx in try tx.recordAgendaStep("Inner", plannedSeconds: 60, startedAt: f.workspace.now, consultation: second) }
        f.clock.advance(minutes: 1)
        try f.workspace.perform { tx in try tx.recordAgendaStep("Outer", plannedSeconds: 60, startedAt: outer, consultation: second) }
        // ("Vote" above also ended with no consultation in hand, before First was opened.)
        #expect(f.workspace.state.agenda(of: first).map(\.name) == ["Vote", "Welcome"])
        #expect(f.workspace.state.agenda(of: second).map(\.name) == ["Outer", "Inner"])
        // A reopened workspace folds the same agenda.
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
    }
}
