import Charrette
import CharretteScript
import Foundation
import Testing

/// Exports, imports and the report as the shell runs them: files written and read back, bad
/// files refused with their line, and hostile text made safe in every output.
@Suite("Outcome commands")
struct OutcomeCommandTests {
    static let session = """
        board add youth
        participant add sam --role facilitator
        participant add amira --board youth --name "Amira K." --age 16-17 --district north
        participant add jon --board youth --name "Jon B." --age 14-15 --district east
        participant add lena --board youth --district south
        consultation open "Buses" --question "What would make buses work for you?"
        idea add "Night buses, \\"late\\"" --by amira
        idea add "Free passes" --by jon
        idea add "Lighting" --by lena
        consultation phase voting
        vote open "Dots" --method dots --budget 3
        ballot @amira #1:2 #3:1
        ballot @jon #2:3
        vote close
        """

    /// A folder of its own, removed when the test ends.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-outcome-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
    }

    final class Shell {
        let interpreter: Interpreter
        let lines = Lines()
        final class Lines: @unchecked Sendable { var all: [String] = [] }
        var output: [String] { lines.all }

        init(_ text: String = OutcomeCommandTests.session) throws {
            let lines = self.lines
            interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { lines.all.append($0) }, input: { nil })
            try run(text)
        }

        @discardableResult
        func run(_ text: String) throws -> Value { try interpreter.run(Source(name: "test", text: text)) }

        /// The error a command gives, with the state and journal left as they were.
        func refusal(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
            let before = interpreter.workspace.state
            do {
                try run(text)
                Issue.record("'\(text)' was accepted", sourceLocation: sourceLocation)
                return ""
            } catch {
                #expect(interpreter.workspace.state == before, "'\(text)' changed the workspace", sourceLocation: sourceLocation)
                return "\(error)"
            }
        }
    }

    @Test func csvTablesLeavePersonalDataOutUnlessAsked() throws {
        let shell = try Shell(), files = try Scratch()
        try shell.run(
            """
            export participants \(files.path("people.csv"))
            export participants \(files.path("people-personal.csv")) --personal
            export ideas \(files.path("ideas.csv"))
            export themes \(files.path("themes.csv"))
            export ballots \(files.path("ballots.csv"))
            """)
        let people = try files.read("people.csv")
        #expect(people.hasPrefix("handle,role,boards,consent,ideas,ballots,card_sort\r\n"))
        #expect(people.contains("amira,participant,youth,participation;analytics,1,1,false\r\n"))
        #expect(!people.contains("Amira K.") && !people.contains("north"))
        let personal = try files.read("people-personal.csv")
        #expect(personal.hasPrefix("handle,name,role,boards,consent,ideas,ballots,card_sort,age,district\r\n"))
        #expect(personal.contains("amira,Amira K.,participant,youth,participation;analytics,1,1,false,16-17,north\r\n"))
        let ideas = try files.read("ideas.csv")
        #expect(ideas.contains("1,\"Night buses, \"\"late\"\"\",amira,open,,,,"))
        #expect(try files.read("ballots.csv").contains("Dots,dots,amira,1,2,"))
        #expect(shell.refusal("export ideas \(files.path("ideas.txt"))").contains("name a .csv file"))
        // An empty table keeps its header; a hidden idea's text stays out unless asked for.
        try shell.run("export reactions \(files.path("none.csv"))\nidea hide #2 --reason \"a phone number\"")
        #expect(try files.read("none.csv") == "vote,voter,idea,reaction,cast_at\r\n")
        try shell.run("export ideas \(files.path("hidden.csv"))\nexport ideas \(files.path("all.csv")) --hidden")
        #expect(try files.read("hidden.csv").contains("\r\n2,,jon,hidden,,a phone number,,"))
        #expect(try files.read("all.csv").contains("\r\n2,Free passes,jon,hidden,,a phone number,,"))
    }

    @Test func participantsAndIdeasComeBackThroughTheirCSVExports() throws {
        let shell = try Shell(), files = try Scratch()
        // A text that starts with a quote before a formula sign comes back whole too.
        try shell.run("consultation phase ideation\nidea add \"'=not a formula\" --by lena\nidea add \"-1 fare\" --by lena")
        try shell.run("export participants \(files.path("people.csv")) --personal\nexport ideas \(files.path("ideas.csv"))")
        let other = try Shell("board add youth\nconsultation open \"Buses\" --question \"What would make buses work for you?\"")
        try other.run(
            """
            import participants \(files.path("people.csv")) --attributes [age, district]
            import ideas \(files.path("ideas.csv")) --by author
            export participants \(files.path("people-again.csv")) --personal
            export ideas \(files.path("ideas-again.csv"))
            """)
        #expect(
            try files.read("people-again.csv").replacingOccurrences(of: ",1,false", with: ",0,false")
                == (try files.read("people.csv")).replacingOccurrences(of: ",1,false", with: ",0,false"))  // no ballots in the copy
        func withoutTimes(_ text: String) -> [String] { text.components(separatedBy: "\r\n").map { $0.components(separatedBy: ",20")[0] } }
        #expect(withoutTimes(try files.read("ideas-again.csv")) == withoutTimes(try files.read("ideas.csv")))
        #expect(other.interpreter.workspace.state.ideas.values.map(\.text).contains("'=not a formula"))
        #expect(other.interpreter.workspace.state.ideas.values.map(\.text).contains("-1 fare"))
    }

    @Test func aFormExportIsReadWhateverItsEncoding() throws {
        let files = try Scratch()
        let header = "Handle,Your idea\r\n"
        let rows = "amira,\"Caf\u{E9} stops,\r\nwith seats\"\r\njon,Free passes\r\n"
        try files.write("bom.csv", [0xEF, 0xBB, 0xBF] + Array((header + rows).utf8))
        try files.write("utf16.csv", [0xFF, 0xFE] + (header + rows).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try files.write("cp1252.csv", Array((header + rows).unicodeScalars.map { UInt8($0.value) }))
        for (file, flags) in [("bom.csv", ""), ("utf16.csv", ""), ("cp1252.csv", "--encoding windows-1252")] {
            let shell = try Shell()
            try shell.run("consultation phase ideation\nimport ideas \(files.path(file)) --text \"your idea\" --by handle \(flags)")
            let texts = shell.interpreter.workspace.state.ideas.values.sorted { $0.id < $1.id }.map(\.text)
            // A line break inside a cell is kept, as a line feed (a carriage return could rewrite a terminal's line).
            #expect(texts.suffix(2) == ["Caf\u{E9} stops,\nwith seats", "Free passes"], "\(file)")
        }
        // Old Mac files end rows with a lone CR.
        try files.write("mac.csv", "text,by\rNight buses,amira\rBenches,jon\r")
        let mac = try Shell()
        try mac.run("consultation phase ideation\nimport ideas \(files.path("mac.csv"))")
        #expect(mac.interpreter.workspace.state.ideas.values.sorted { $0.id < $1.id }.map(\.text).suffix(2) == ["Night buses", "Benches"])
        // A byte-order mark does not excuse bytes that are not UTF-8.
        try files.write("bad-bom.csv", [0xEF, 0xBB, 0xBF] + Array("text,by\r\nCaf".utf8) + [0xE9] + Array(",amira\r\n".utf8))
        #expect(mac.refusal("import ideas \(files.path("bad-bom.csv"))").contains("bad-bom.csv:2:4: not UTF-8 text"))
        #expect(mac.refusal("import ideas \(files.path("bom.csv")) --encoding ebcdic").contains("unknown encoding 'ebcdic'"))
        // Without the encoding, a Windows file is refused at the line and column of its first odd byte.
        let shell = try Shell()
        try shell.run("consultation phase ideation")
        #expect(shell.refusal("import ideas \(files.path("cp1252.csv")) --text \"your idea\" --by handle").contains("cp1252.csv:2:11: not UTF-8 text"))
    }

    @Test func aBadRowNamesItsLineAndImportsNothingUnlessSkipped() throws {
        let files = try Scratch()
        try files.write("answers.csv", "text,by\r\nNight buses,amira\r\n\"A quoted\nline break\",jon\r\nWifi,nobody\r\nBenches,lena\r\n")
        let shell = try Shell()
        try shell.run("consultation phase ideation")
        let message = shell.refusal("import ideas \(files.path("answers.csv"))")
        #expect(message.contains("answers.csv:5: participant @nobody does not exist; nothing was imported"))
        // A dry run shows what would be added and writes nothing.
        let before = shell.interpreter.workspace.state
        guard case .table(let dry) = try shell.run("import ideas \(files.path("answers.csv")) --dry-run --skip-bad-rows") else {
            Issue.record("no table"); return
        }
        #expect(dry.rows.count == 3)
        #expect(shell.interpreter.workspace.state == before)
        #expect(shell.output.contains { $0.contains("would skip") && $0.contains("answers.csv:5") })
        // Without --skip-bad-rows a dry run lists the refused rows and says nothing would be imported.
        guard case .table(let strict) = try shell.run("import ideas \(files.path("answers.csv")) --dry-run") else { Issue.record("no table"); return }
        #expect(strict.rows.count == 3)
        #expect(shell.output.contains { $0.contains("1 row refused, so nothing would be imported") }, "\(shell.output.suffix(3))")
        #expect(shell.interpreter.workspace.state == before)
        // Skipping bad rows adds the others in one change.
        try shell.run("import ideas \(files.path("answers.csv")) --skip-bad-rows")
        let texts = shell.interpreter.workspace.state.ideas.values.sorted { $0.id < $1.id }.map(\.text)
        #expect(texts.suffix(3) == ["Night buses", "A quoted\nline break", "Benches"])
        try files.write("no-author.csv", "text,who\r\nBenches,lena\r\n")
        #expect(
            shell.refusal("import ideas \(files.path("no-author.csv"))").contains(
                "has no column 'by' or 'author' for the authors' handles: name it with --by COLUMN, or add --anonymous to take every idea without a name; the columns are text, who"
            ))
        try files.write("people.csv", "handle,role\r\nmei,participant\r\nkwame,chief\r\n")
        #expect(shell.refusal("import participants \(files.path("people.csv"))").contains("people.csv:3: the row gives the role 'chief'"))
    }

    @Test func theJSONDumpComesBackAsTheSameConsultation() throws {
        let shell = try Shell(), files = try Scratch()
        try shell.run("export \(files.path("buses.json")) --personal")
        let other = try Shell("participant add sam --role facilitator")
        try other.run("import consultation \(files.path("buses.json"))\nexport \(files.path("again.json")) --personal")
        func timeless(_ text: String) -> String {
            text.replacingOccurrences(of: #""[0-9]{4}-[0-9]{2}-[0-9]{2}T[^"]*""#, with: "TIME", options: .regularExpression)
                .replacingOccurrences(of: #""head" : "[0-9a-f]+""#, with: "HEAD", options: .regularExpression)
                .replacingOccurrences(of: #""entries" : [0-9]+"#, with: "ENTRIES", options: .regularExpression)
        }
        #expect(timeless(try files.read("again.json")) == timeless(try files.read("buses.json")))
        try files.write("broken.json", #"{"format": "charrette-consultation", "version": 1, "consultation": {}}"#)
        #expect(other.refusal("import consultation \(files.path("broken.json"))").contains("broken.json: consultation.title is missing"))
    }

    @Test func hostileTextExportsSafelyEverywhere() throws {
        let long = String(repeating: "x", count: 10_000)
        let shell = try Shell(
            """
            participant add sam --role facilitator
            participant add eve --name "<script>alert('n')</script>"
            consultation open "<b>Buses</b>" --question "\\"><img src=x onerror=alert(1)>"
            idea add "<script>alert(1)</script>" --by eve
            idea add "\\"><img src=x onerror=alert(2)>" --by eve
            idea add "=HYPERLINK(\\"http://evil\\",\\"click\\")" --by eve
            idea add "Free \u{202E}gnp.exe\u{202C} passes" --by eve
            idea add "\(long)" --by eve
            """)
        let files = try Scratch()
        try shell.run(
            """
            export report \(files.path("r.html")) --names
            export report \(files.path("r.md")) --names
            export ideas \(files.path("ideas.csv"))
            export \(files.path("all.json")) --personal
            """)
        let html = try files.read("r.html"), markdown = try files.read("r.md"), csv = try files.read("ideas.csv")
        for output in [html, markdown] {
            #expect(!output.contains("<script>") && !output.contains("<img") && !output.contains("<b>Buses"))
            #expect(output.contains(long))  // nothing cut from the text itself
        }
        #expect(html.contains("<bdi>Free \u{202E}gnp.exe\u{202C} passes</bdi>"))
        #expect(markdown.contains("\u{2068}Free \u{202E}gnp.exe\u{202C} passes\u{2069}"))
        // In CSV the formula is defused and the override kept as data, inside its own cell.
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(csv.contains(long))
        // JSON keeps every text exactly, escaped as JSON.
        let dump = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files.path("all.json")))) as! [String: Any]
        let texts = (dump["ideas"] as! [[String: Any]]).map { $0["text"] as! String }
        #expect(
            texts == [
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "=HYPERLINK(\"http://evil\",\"click\")",
                "Free \u{202E}gnp.exe\u{202C} passes", long,
            ])
    }

    @Test func reportCommandsCheckWhatTheyAreGiven() throws {
        let shell = try Shell(), files = try Scratch()
        #expect(shell.refusal("export report \(files.path("r.pdf"))").contains("writes .html or .md"))
        try files.write("census.csv", "attribute,value,share\r\ndistrict,north,0.5\r\ndistrict,south,lots\r\n")
        #expect(
            shell.refusal("export report \(files.path("r.html")) --population \(files.path("census.csv"))").contains("census.csv:3: 'lots' is not a number"))
        try files.write("bad.mustache", "<h1>{{title}}</h1>\n{{#votes}}\n{{/themes}}\n")
        #expect(shell.refusal("export report \(files.path("r.html")) --template \(files.path("bad.mustache"))").contains("bad.mustache:3:"))
        try files.write("census.csv", "attribute,value,count\r\ndistrict,north,50\r\ndistrict,south,30\r\ndistrict,east,20\r\n")
        try shell.run("export report \(files.path("r.md")) --population \(files.path("census.csv"))")
        let markdown = try files.read("r.md")
        // Each district has one of the three who took part: north, half the population, is under.
        #expect(markdown.contains("| north | 1 | 1 | 33% | 50% (under-represented) |"))
        #expect(markdown.contains("| east | 1 | 1 | 33% | 20% |"))
        try shell.run("export template markdown \(files.path("t.mustache"))")
        try shell.run("export report \(files.path("r2.md")) --template \(files.path("t.mustache")) --population \(files.path("census.csv"))")
        func withoutTime(_ text: String) -> String { text.replacingOccurrences(of: #"made [0-9T:Z-]+"#, with: "", options: .regularExpression) }
        #expect(withoutTime(try files.read("r2.md")) == withoutTime(markdown))
    }
}
