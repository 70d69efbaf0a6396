import Charrette
import CharretteScript
import Foundation
import Testing

/// What the room sees, what a facilitator publishes and what a script reports, as the shell runs
/// them: hidden ideas stay hidden, an outcome stays the one voted on, a broken journal fails the
/// script, and a change made elsewhere is never undone unseen.
@Suite("Trust in the shell")
struct TrustCommandTests {
    typealias Shell = OutcomeCommandTests.Shell
    typealias Scratch = OutcomeCommandTests.Scratch

    @Test func aHiddenIdeaShowsNowhereUnlessAsked() throws {
        let shell = try Shell(), files = try Scratch()
        #expect(shell.refusal(#"idea hide #2"#).contains("'idea hide' needs the reason it is hidden"))
        #expect(shell.refusal(#"idea hide #2 "x" --reason "y""#).contains("give the reason once"))
        try shell.run(#"idea hide #2 "names a person""#)
        guard case .table(let ideas) = try shell.run("ideas"), case .table(let all) = try shell.run("ideas --hidden") else {
            Issue.record("ideas gave no table"); return
        }
        #expect(ideas.rows[1]["text"] == .null && ideas.rows[1]["status"] == .string("hidden: names a person"))
        #expect(all.rows[1]["text"] == .string("Free passes"))
        #expect(!Rendering.text(.table(ideas), width: 100).contains("Free passes"))

        try shell.run("export \(files.path("c.json"))\nexport \(files.path("c-hidden.json")) --hidden")
        let json = try files.read("c.json")
        #expect(!json.contains("Free passes") && json.contains(#""text_withheld" : true"#))
        #expect(try files.read("c-hidden.json").contains("Free passes"))
        // The ballots of the closed vote still name the idea, as hidden.
        try shell.run("export \(files.path("dots.jsonl"))")
        #expect(!(try files.read("dots.jsonl")).contains("Free passes"))
    }

    @Test func resultsAndBallotFilesNameTheTextVotedOn() throws {
        let shell = try Shell(), files = try Scratch()
        try shell.run(#"idea edit #1 "Night buses every hour""#)
        guard case .record(let results) = try shell.run("vote results"), case .table(let scores)? = results["scores"],
            case .list(let notes)? = results["notes"]
        else { Issue.record("no results"); return }
        #expect(scores.rows.first { $0["candidate"] == .string("#1") }?["name"] == .string(#"Night buses, "late""#))
        #expect(notes.contains(.string(#"#1 was edited after the vote: it now reads "Night buses every hour""#)))
        try shell.run("export \(files.path("dots.jsonl"))")
        #expect(try files.read("dots.jsonl").contains(#"Night buses, \"late\""#))
    }

    @Test func settingsACountCannotTakeAreRefusedWhereTyped() throws {
        let shell = try Shell(), files = try Scratch()
        #expect(
            shell.refusal(#"vote open "Scores" --method score --max 5000000000"#).contains(
                "test:1:41: error: --max must be at most 1000000, the highest score a count takes, not 5000000000"))
        try files.write("g.jsonl", #"{"candidates": ["a", "b"]}"# + "\n" + #"{"grades": {"a": 3}}"# + "\n")
        #expect(
            shell.refusal("tally \(files.path("g.jsonl")) --method score --min 0 --max 5000000000").contains(
                "--max must be at most 1000000, the highest score a count takes, not 5000000000"))
    }

    @Test func aJournalThatDoesNotVerifyFailsTheScript() throws {
        let storage = InMemoryStorage()
        let interpreter = Interpreter(workspace: try Workspace(storage: storage), output: { _ in }, input: { nil })
        try interpreter.run(Source(name: "test", text: OutcomeCommandTests.session))
        storage.tamper { $0[4].payload[3] ^= 1 }
        #expect(throws: ScriptError.self) { try interpreter.run(Source(name: "test", text: "journal verify")) }
        do {
            try interpreter.run(Source(name: "test", text: "journal verify"))
        } catch let error as ScriptError {
            #expect(error.message == "the journal does not verify: entry 5 was changed after it was written: its content no longer matches its hash")
        }
    }

    @Test func undoNamesWhoseChangeItRevertsAndAsksBeforeRevertingAnotherSessions() throws {
        let storage = InMemoryStorage()
        let here = Interpreter(workspace: try Workspace(storage: storage), output: { _ in }, input: { nil })
        try here.run(Source(name: "test", text: OutcomeCommandTests.session + "\nparticipant add kim --role facilitator"))
        let elsewhere = Interpreter(workspace: try Workspace(storage: storage), output: { _ in }, input: { nil })
        elsewhere.actor = elsewhere.workspace.state.participant(handle: "kim")!.id
        try elsewhere.run(Source(name: "other", text: "consultation phase ideation"))
        try elsewhere.run(Source(name: "other", text: #"idea add "From the other shell" --by amira"#))
        let change = elsewhere.workspace.state.headSequence

        do {
            try here.run(Source(name: "test", text: "journal undo"))
            Issue.record("another session's change was undone unasked")
        } catch let error as ScriptError {
            #expect(error.message.hasPrefix("the latest change, change \(change) (ideaSubmitted), made at "))
            #expect(error.message.hasSuffix("by @kim, was made in another session while this one was open: to undo it, say journal undo --change \(change)"))
        }
        #expect(here.workspace.state.ideas.count == 4)
        let said = try here.run(Source(name: "test", text: "journal undo --change \(change)"))
        #expect(said.text.hasPrefix("undone: change \(change) (ideaSubmitted), made at ") && said.text.hasSuffix("by @kim in another session"))
        #expect(here.workspace.state.ideas.count == 3)
        // Asked for a change that is no longer the latest, it refuses.
        #expect(throws: ScriptError.self) { try here.run(Source(name: "test", text: "journal undo --change \(change)")) }
    }

    @Test func aWriteThatFailsNamesTheLineFromWhichNothingWasWritten() throws {
        let storage = FailingStorage()
        let interpreter = Interpreter(workspace: try Workspace(storage: storage), output: { _ in }, input: { nil })
        interpreter.groupsChanges = true
        try interpreter.run(Source(name: "setup", text: OutcomeCommandTests.session))
        storage.failCommits = true
        do {
            try interpreter.run(Source(name: "script.chr", text: #"consultation phase ideation\#nidea add "One" --by amira\#nidea add "Two" --by jon"#))
            Issue.record("the failed write was not reported")
        } catch let error as ScriptError {
            #expect(error.render().hasPrefix("script.chr:1:1: error: the changes made from here on could not be written, so none of them was: "))
        }
        #expect(interpreter.workspace.state.ideas.count == 3)
        #expect(interpreter.workspace.state.consultations.values.first?.phase == .voting)
    }

    @Test func aRunStopsWhereItIsInterrupted() throws {
        let shell = try Shell()
        // Ctrl-C pressed while the second round's say prints.
        shell.interpreter.interruption = { shell.output.contains("2") ? "interrupted (Ctrl-C)" : nil }
        do {
            try shell.run("for n in [1, 2, 3, 4, 5, 6] {\n  say \"{$n}\"\n}")
            Issue.record("the run was not stopped")
        } catch let error as ScriptError {
            #expect(error.render().hasPrefix("test:1:1: error: stopped: interrupted (Ctrl-C)"))
        }
        #expect(shell.output.suffix(2) == ["1", "2"])
    }

    @Test func aPolisConversationLosesItsControlCharactersOnTheWayIn() throws {
        let shell = try Shell(), files = try Scratch()
        try files.write(
            "comments.csv",
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                + "1,x,0,1,1,0,1,\"Buses \u{1B}]0;owned\u{07}at night\"\n1,x,1,2,0,1,1,Cheaper fares\n")
        try files.write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n1,x,1,2,-1\n")
        try shell.run("consultation phase ideation")
        guard case .record(let summary) = try shell.run("import polis \(files.url.path)") else { Issue.record("no summary"); return }
        #expect(summary["control_characters_removed_from"] == .integer(1))
        #expect(shell.interpreter.workspace.state.ideas.values.contains { $0.text == "Buses ]0;ownedat night" })
    }
}

/// An in-memory store whose commits can fail, as on a full disk.
final class FailingStorage: JournalStorage, @unchecked Sendable {
    let base = InMemoryStorage()
    var failCommits = false
    struct DiskFull: Error, CustomStringConvertible { var description: String { "the disk is full" } }

    func readEntries(after sequence: Int64, _ body: (EncodedEntry) throws -> Void) throws { try base.readEntries(after: sequence, body) }
    func entry(at sequence: Int64) throws -> EncodedEntry? { try base.entry(at: sequence) }
    func personalRecords() throws -> [SealedPersonalRecord] { try base.personalRecords() }
    func recordedHead() throws -> (sequence: Int64, hash: JournalHash)? { try base.recordedHead() }
    func hasChangedElsewhere() throws -> Bool { true }
    func serverValue(_ key: String) throws -> Data? { try base.serverValue(key) }
    func keepServerValue(_ value: Data?, for key: String) throws { try base.keepServerValue(value, for: key) }
    func beginWrite() throws { try base.beginWrite() }
    func abandonWrite() { base.abandonWrite() }
    func commit(_ batch: CommitBatch) throws {
        guard !failCommits else {
            base.abandonWrite()
            throw DiskFull()
        }
        try base.commit(batch)
    }
}
