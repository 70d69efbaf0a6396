import Charrette
import CharretteScript
import Foundation
import Testing

/// What a facilitator types and the files the field publishes, as a new user meets them.
@Suite("Usability")
struct UsabilityTests {
    typealias Shell = OutcomeCommandTests.Shell
    typealias Scratch = OutcomeCommandTests.Scratch

    /// CSV imports and `cluster` read a file the same whatever ends its lines.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func filesReadWhateverEndsTheirLines(_ end: String) throws {
        let shell = try Shell(), files = try Scratch()
        try files.write("ideas.csv", "text,by\nNight buses,amira\n\"Cheaper,\nfares\",jon\n".replacingOccurrences(of: "\n", with: end))
        try files.write("texts.txt", "Night buses\nCheaper fares\nSafer stops\n".replacingOccurrences(of: "\n", with: end))
        try shell.run("consultation phase ideation\nimport ideas \(files.path("ideas.csv"))")
        let texts = shell.interpreter.workspace.state.ideas.values.sorted { $0.id < $1.id }.suffix(2).map(\.text)
        #expect(texts == ["Night buses", "Cheaper,\nfares"], "\(end.debugDescription)")
        guard case .record(let clustered) = try shell.run("cluster \(files.path("texts.txt")) --k 2"),
            case .list(let labels)? = clustered["labels"]
        else { Issue.record("cluster gave no labels"); return }
        #expect(labels.count == 3, "\(end.debugDescription): one text a line")
    }

    /// What help says works: bare words on the right of ==, comma lists, naming one of two open votes.
    @Test func whatHelpSaysWorks() throws {
        let shell = try Shell()
        #expect(try shell.run("ideas | where status == open | count") == .integer(3))
        #expect(try shell.run("participants | where role == facilitator | count") == .integer(1))
        try shell.run("board add exec\nparticipant add mei --board youth,exec")
        #expect(shell.interpreter.workspace.state.participant(handle: "mei")?.boards.count == 2)
        try shell.run(#"vote open "A" --method approval --ideas [#1, #2]"# + "\n" + #"vote open "B" --method approval --ideas [#1, #3]"#)
        #expect(shell.refusal("vote close").contains("2 votes are open ('A', 'B'): name one, as in vote close TITLE"))
        #expect(shell.refusal("ballot @amira #1").contains("name one, as in --vote TITLE"))
        try shell.run("vote close B\nballot @amira #1 --vote A")
    }

    /// A flag a command cannot do without shows in its usage without brackets, is named when it
    /// is left out, and is what Tab offers once the arguments before it are typed.
    @Test func requiredFlagsSaySo() throws {
        let shell = try Shell()
        let registry = shell.interpreter.registry
        #expect(registry.spec(named: "consultation open")!.usage.hasPrefix("consultation open TITLE --question TEXT [--boards NAMES]"))
        #expect(registry.spec(named: "idea move")!.usage == "idea move IDEA (--to THEME | --out)")
        #expect(shell.refusal(#"consultation open "Trains""#).contains("'consultation open' needs --question TEXT: the question put to the people it affects"))
        #expect(shell.refusal("idea move #1").contains("'idea move' needs --to THEME or --out"))
        let completer = Completer(interpreter: shell.interpreter)
        #expect(completer.completions(for: #"consultation open "Trains" "#) == ["--question"])
        #expect(completer.completions(for: "idea move #1 ").contains("--to"))
        #expect(completer.completions(for: "consultation open ").isEmpty, "the title comes first")
    }

    /// Ideas from a suggestion box or a form without names come in anonymous, counted as such.
    @Test func anonymousIdeasAreTakenCountedAndReported() throws {
        let shell = try Shell(), files = try Scratch()
        try shell.run("consultation phase ideation\n" + #"idea add "A quiet carriage""#)
        let state = shell.interpreter.workspace.state
        let idea = try #require(state.ideas.values.first { $0.text == "A quiet carriage" })
        #expect(idea.author == nil)
        guard case .table(let ideas) = try shell.run("ideas") else { Issue.record("no table"); return }
        #expect(ideas.rows.last?["author"] == .string("anonymous"))
        try files.write("box.csv", "text,by\nMore benches,\nLate trains,jon\n")
        try shell.run("import ideas \(files.path("box.csv"))")
        #expect(shell.interpreter.workspace.state.ideas.values.filter { $0.author == nil }.count == 2)
        try files.write("form.csv", "Your idea\nBike racks\n")
        #expect(shell.refusal("import ideas \(files.path("form.csv")) --text \"Your idea\"").contains("add --anonymous"))
        try shell.run("import ideas \(files.path("form.csv")) --text \"Your idea\" --anonymous")
        try shell.run("export report \(files.path("r.md"))")
        let report = try files.read("r.md")
        #expect(report.contains("3 ideas came in without a name"))
        #expect(report.contains("More benches — anonymous"))
        // A consultation that requires authors says so when it opens, and refuses anonymous ideas.
        try shell.run(#"consultation open "Named only" --question "Who had which idea?" --require-authors"#)
        #expect(shell.output.last == "'Named only' takes only ideas that say who had them: anonymous ones are refused")
        #expect(shell.refusal(#"idea add "Nameless""#).contains("takes ideas with their author only"))
        try shell.run(#"idea add "Named" --by amira"#)
    }

    /// The shell makes its changes as a named facilitator, and the report says who made them.
    @Test func changesAreMadeByWhoTheShellActsAs() throws {
        let files = try Scratch()
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        interpreter.actorHandle = "sam"
        try interpreter.run(Source(name: "test", text: OutcomeCommandTests.session))
        guard case .table(let log) = try interpreter.run(Source(name: "test", text: "journal log --last 30")) else { Issue.record("no log"); return }
        let by = log.rows.map { $0["by"] ?? .null }
        // Registering sam is made by no one named; everything after, by @sam.
        #expect(by.first == .null && by.last == .participant("sam"))
        #expect(by.filter { $0 == .participant("sam") }.count == by.count - 2)
        try interpreter.run(Source(name: "test", text: "export report \(files.path("r.md"))"))
        #expect(try files.read("r.md").contains("Changes were made by @sam (12 changes), no one named (2 changes)."))
    }

    /// Consultations and votes are found again by title or number, and titles are not reused.
    @Test func consultationsAndVotesAreFoundAgain() throws {
        let shell = try Shell()
        try shell.run(#"consultation open "Second" --question "And trains?""#)
        #expect(shell.refusal(#"consultation open "buses" --question "Again?""#).contains("a consultation titled 'buses' already exists"))
        try shell.run("consultation use Buses")
        guard case .table(let votes) = try shell.run("votes") else { Issue.record("no votes"); return }
        #expect(votes.rows.map { $0["title"] } == [.string("Dots")])
        #expect(shell.refusal(#"vote open "Dots" --method approval"#).contains("consultation 'Buses' already has a vote titled 'Dots'"))
        guard case .record(let byNumber) = try shell.run("vote results 1"), case .record(let byTitle) = try shell.run("vote results dots") else {
            Issue.record("no results"); return
        }
        #expect(byNumber["winners"] == byTitle["winners"] && byNumber["voters"] == .integer(2))
        try shell.run("consultation use 2")
        #expect(shell.refusal("vote results 1").contains("vote 1 belongs to consultation 'Buses': consultation use \"Buses\" first"))
        guard case .table(let all) = try shell.run("consultations") else { Issue.record("no consultations"); return }
        #expect(all.rows.map { $0["current"] } == [.bool(false), .bool(true)])

        // A new session on a workspace of several consultations says which one it acts on.
        let later = Interpreter(workspace: shell.interpreter.workspace, output: { shell.lines.all.append($0) }, input: { nil })
        try later.run(Source(name: "later", text: "ideas | count"))
        #expect(shell.output.suffix(2) == ["note: acting on consultation 2 'Second', the newest of 2; consultation use TITLE chooses another", "0"])
    }

    /// Excel in most of Europe separates cells with semicolons.
    @Test func semicolonFilesAreRead() throws {
        let shell = try Shell(), files = try Scratch()
        try files.write("panel.csv", "handle;name;age\r\nmei;Mei;14-15\r\nkwame;Kwame;18-19\r\n")
        try shell.run("import participants \(files.path("panel.csv")) --attributes age")
        #expect(shell.interpreter.workspace.state.personalRecords.values.contains { $0.attributes["age"] == "18-19" })
        try files.write("tabs.csv", "handle\tname\nola\tOla\n")
        try shell.run("import participants \(files.path("tabs.csv"))")
        #expect(shell.interpreter.workspace.state.participant(handle: "ola") != nil)
        #expect(
            shell.refusal("import participants \(files.path("panel.csv")) --delimiter \",\"").contains(
                "reads as one column, 'handle;name;age', which holds \";\" separators: say --delimiter \";\""))
    }

    /// A budget ballot may choose more than the budget, as pabulib and most cities count, unless
    /// the vote sets a limit; costs name ideas on the ballot.
    @Test func budgetBallotsFollowTheVotesSettings() throws {
        let shell = try Shell()
        try shell.run(#"vote open "PB" --method pb-greedy --budget 100 --costs [#1:60, #2:50, #3:40]"#)
        try shell.run("ballot @amira #1 #2 #3 --vote PB")
        try shell.run(#"vote open "Capped" --method pb-greedy --budget 100 --costs [#1:60, #2:50, #3:40] --max-cost 100"#)
        #expect(
            shell.refusal("ballot @amira #1 #2 --vote Capped").contains(
                "@amira chose projects costing 110 together, over the 100 this vote lets one voter choose"))
        #expect(
            shell.refusal(#"vote open "Stray" --method pb-greedy --budget 100 --costs [#1:60, #2:50, #3:40, #9:10]"#).contains(
                "give a cost for #9, which is not on the ballot"))
    }

    /// A setting the method does not read is refused at its flag, by `vote open` and by `tally`,
    /// with the settings the method does take; the library refuses it too.
    @Test func aSettingTheMethodDoesNotReadIsRefusedAtItsFlag() throws {
        let shell = try Shell()
        let refusal = shell.refusal(#"vote open "Final" --method schulze --budget 5"#)
        #expect(refusal.contains("--budget is not a setting of schulze, which takes --seed"), "\(refusal)")
        #expect(refusal.contains(":1:45:"), "the caret is under the flag's value: \(refusal)")
        let error = try #require(
            {
                do { try shell.run(#"vote open "Final" --method score --cap 2"#) } catch let error as ScriptError { return error } catch {}
                return nil
            }())
        #expect(error.underlying as? CharretteError == .settingNotTaken(setting: .cap, method: "score", takes: [.range, .seed]))
        #expect(shell.refusal("tally ballots.soc --method irv --seats 2").contains("--seats is not a setting of irv, which takes --seed"))
    }

    /// Equal shares' completion is a setting of the vote: kept with it, named in its result, and
    /// refused where it means nothing.
    @Test func equalSharesCompletionIsAVoteSetting() throws {
        let shell = try Shell()
        try shell.run(#"vote open "PB" --method pb-equal-shares --budget 100 --costs [#1:60, #2:50, #3:40] --completion add-one --add-one-stop over-budget"#)
        let vote = try #require(shell.interpreter.workspace.state.votes.values.first { $0.title == "PB" })
        #expect(vote.settings.completion == .addOne && vote.settings.addOneStop == .overBudget)
        try shell.run("ballot @amira #1 #2 --vote PB\nvote close PB")
        let before = shell.output.count
        try shell.run("say (vote results PB | to json)")
        #expect(shell.output[before...].joined(separator: "\n").contains("completion: add-one (stopping only before the budget is overspent)"))
        #expect(
            shell.refusal(#"vote open "G" --method pb-greedy --budget 100 --costs [#1:60, #2:50, #3:40] --completion add-one"#).contains(
                "--completion is not a setting of pb-greedy, which takes --budget, --costs, --max-cost, --seed"))
        #expect(
            shell.refusal(#"vote open "N" --method pb-equal-shares --budget 100 --costs [#1:60, #2:50, #3:40] --completion none --add-one-stop exhaustive"#)
                .contains(
                    "--add-one-stop is for the add-one completions, not --completion none"))
        #expect(
            shell.refusal(#"vote open "T" --method pb-equal-shares --budget 100 --costs [#1:60, #2:50, #3:40] --completion add-on"#).contains(
                "--completion takes add-one-greedy, add-one, greedy, none, not 'add-on'; did you mean 'add-one'?"))
    }

    /// A refusal by a rule reaches a caller of the command language as the case it is, not only as text.
    @Test func scriptErrorsKeepTheLibraryErrorTheyWrap() throws {
        let shell = try Shell()
        do {
            try shell.run("idea add \"Night buses\" --by @nobody")
            Issue.record("accepted")
        } catch let error as ScriptError {
            #expect(error.underlying as? CharretteError == .unknownParticipant("nobody"))
            #expect(error.localizedDescription.contains("nobody"))
        }
    }
}
