import Charrette
import CharretteScript
import CharretteSupport
import Foundation
import Testing

@Suite("Language details")
struct LanguageTests {
    func run(_ text: String) throws -> [String] {
        var output: [String] = []
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { output.append($0) }, input: { nil })
        try interpreter.run(Source(name: "test", text: text))
        return output
    }

    @Test func windowsLineEndingsReadLikeUnixOnes() throws {
        #expect(try run("# a comment\r\nsay one\r\nsay two\r\n") == ["one", "two"])
        #expect(throws: ScriptError.self) { try run("say one\r\nidae\r\n") }
        do {
            _ = try run("say one\r\nidae\r\n")
        } catch let error as ScriptError {
            #expect(error.range?.start.line == 2)
        }
    }

    /// CSV cells holding a Windows line break are quoted (Swift reads "\r\n" as one character),
    /// and cells starting with a formula character are neutralised.
    @Test func csvQuotesEveryLineBreakAndDefusesFormulas() {
        let table = Value.table(Table(records: [Record([("text", .string("one\r\ntwo")), ("f", .string("=HYPERLINK(\"x\")"))])]))
        #expect(Rendering.csv(table) == "text,f\r\n\"one\r\ntwo\",\"'=HYPERLINK(\"\"x\"\")\"\r\n")
    }

    @Test func theShellKnowsWhenAStatementIsOpen() {
        #expect(Parser.needsMoreInput("for i in [1, 2] {"))
        #expect(Parser.needsMoreInput("say \"unfinished"))
        #expect(Parser.needsMoreInput("say 'unfinished"))
        #expect(Parser.needsMoreInput("idea add \"x\" \\"))
        #expect(!Parser.needsMoreInput("if $n == #3 { say yes }"))
        #expect(!Parser.needsMoreInput("vote open \"V\" --method approval --ideas [#1, #4]"))
        #expect(!Parser.needsMoreInput("say hi # a comment with ( and {"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        #expect(throws: ScriptError.self) { try run("say " + String(repeating: "(", count: 10_000)) }
        #expect(throws: ScriptError.self) { try run(String(repeating: "not ", count: 10_000) + "true") }
        #expect(throws: ScriptError.self) { try run("def f [] { f }\nf") }
    }

    @Test func fieldPathsKeepTheirDigits() throws {
        let list = "[" + (0...10).map { "[\($0), \($0 * 10)]" }.joined(separator: ", ") + "]"
        #expect(try run("let a = \(list)\nsay $a.10.1") == ["100"])
    }

    @Test func completionFollowsTheSignatures() throws {
        let workspace = try Workspace(storage: InMemoryStorage())
        let interpreter = Interpreter(workspace: workspace, output: { _ in }, input: { nil })
        try interpreter.run(
            Source(
                name: "setup",
                text: """
                    board add youth
                    participant add amira --board youth
                    participant add amadou --board youth
                    consultation open "Bus fares" --question "Why?"
                    idea add "Night buses" --by amira
                    theme new "Safety at night"
                    theme new Cost
                    """))
        let completer = Completer(interpreter: interpreter)
        #expect(completer.completions(for: "ide") == ["idea", "ideas"])
        #expect(completer.completions(for: "idea mo") == ["move"])
        #expect(completer.completions(for: "idea move #1 --t") == ["--to"])
        #expect(completer.completions(for: "idea move #1 --to S") == ["\"Safety at night\""])
        #expect(completer.completions(for: "theme show C") == ["Cost"])
        #expect(completer.completions(for: "idea add \"x\" --by @am") == ["@amadou", "@amira"])
        #expect(completer.completions(for: "idea withdraw #") == ["#1"])
        #expect(completer.completions(for: "consultation phase vo") == ["voting"])
        #expect(completer.completions(for: "vote open \"V\" --method sch") == ["schulze"])
        #expect(completer.completions(for: "ideas | where author == @amad") == ["@amadou"])
    }
}

@Suite("Exports")
struct ExportTests {
    @Test func theJSONExportHoldsTheConsultationAndTheWrittenHead() throws {
        let storage = InMemoryStorage()
        let workspace = try Workspace(storage: storage)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-export-\(UUID().uuidString).json")
        let interpreter = Interpreter(workspace: workspace, output: { _ in }, input: { nil })
        interpreter.groupsChanges = true
        try interpreter.run(
            Source(
                name: "export",
                text: """
                    board add youth
                    participant add amira --board youth --name "Amira K." --age 16-17
                    consultation open "Bus fares" --question "What would make buses work for you?"
                    idea add "Night buses <script>alert(1)</script>" --by amira
                    theme new Night
                    idea move #1 --to Night
                    export \(file.path)
                    """))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        #expect(json["format"] as? String == "charrette-consultation")
        #expect((json["consultation"] as? [String: Any])?["title"] as? String == "Bus fares")
        let ideas = json["ideas"] as! [[String: Any]]
        #expect(ideas.map { $0["text"] as? String } == ["Night buses <script>alert(1)</script>"])
        #expect((json["themes"] as! [[String: Any]]).first?["label"] as? String == "Night")
        // The head in the file is the head of the journal as written, so it can be verified.
        let head = (json["journal"] as! [String: Any])["head"] as? String
        #expect(head == (try storage.recordedHead())?.hash.hex)
        // Personal data stays out: the display name is nowhere in the file.
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("Amira K."))
        try? FileManager.default.removeItem(at: file)
    }
}
