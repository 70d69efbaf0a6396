import Charrette
import CharretteScript
import Foundation
import Testing

/// Every command's example, as `help` shows it, runs: in a workspace like the one a facilitator
/// has when they would type it, with the files it names beside it. And every flag a command
/// cannot do without is declared required, so usage, completion and the reference say so.
@Suite("Command examples")
struct CommandExampleTests {
    /// A consultation under way: two boards, a facilitator and three young people, seventeen ideas,
    /// a theme with three of them and an empty one.
    static func prelude(without left: Set<String> = []) -> String {
        var lines = [
            #"board add exec --title "Transport Executive Board""#,
            #"board add youth --title "Youth Shadow Board" --shadows exec"#,
            "board add public",
            "participant add sam --role facilitator",
            "participant add amira --board youth --age 16-17 --district north",
            "participant add jon --board youth --age 14-15 --district east",
            "participant add lena --board youth --age 16-17 --district south",
            #"consultation open "Buses at night" --question "What would make night buses work for you?""#,
        ]
        let ideas = [
            "Free bus passes for under-18s", "Night buses every half hour", "Lighting at every stop", "Cheaper monthly passes",
            "Buses that wait for the last train", "Wifi on the bus", "Safer stops near the park", "A bus app that works offline",
            "Student discounts on fares", "Free bus passes for students", "Cameras at the bus station", "Quiet buses for studying",
            "More night lines to the suburbs", "Drivers who wait for young people", "Bike racks on buses", "Heated shelters", "A stop by the school",
        ]
        lines += ideas.enumerated().map { #"idea add "\#($1)" --by \#(["amira", "jon", "lena"][$0 % 3])"# }
        lines += [#"theme new "Cost""#, "idea move #1 --to Cost", "idea move #4 --to Cost", "idea move #9 --to Cost", #"theme new "Misc""#]
        return lines.filter { line in !left.contains { line.contains($0) } }.joined(separator: "\n")
    }

    /// What a command's example needs beyond the prelude: lines run before it, or a prelude without
    /// what the example makes itself.
    static let setups: [String: (without: Set<String>, before: String)] = [
        "ballot": ([], "consultation phase voting\nvote open \"Priorities\" --method dots --budget 5"),
        "ballots": ([], "consultation phase voting\nvote open \"Priorities\" --method dots --budget 5\nballot @amira #4:3 #9:2"),
        "board add": (["board add youth", "--board youth", "idea add", "idea move"], ""),
        "consultation use": (
            [],
            #"consultation open "Getting around at 16" --question "What would make buses work for you?""# + "\n"
                + #"consultation open "Another" --question "Anything else?""#
        ),
        "export polis": ([], reactions),
        "idea move": ([], #"theme new "Safety at night""#),
        "idea restore": ([], #"idea hide #12 --reason "names a person""#),
        "idea approve": ([], "room moderation on"),
        "import consultation": (["board", "participant", "consultation", "idea", "theme"], ""),
        "import polis": ([], ""),
        "opinions": ([], reactions),
        "opinions export": ([], reactions),
        "opinions map": ([], reactions),
        "opinions next": ([], reactions),
        "participant add": (["amira"], ""),
        "react": ([], "consultation phase voting\nvote open \"Reactions\" --method reactions"),
        "room close": ([], "room open --port 0"),
        "room invite": ([], "room open --port 0"),
        "room invites": ([], "room open --port 0"),
        "room revoke": ([], "room open --port 0\nroom invite @amira"),
        "room status": ([], "room open --port 0"),
        "room walk-ins": ([], "room open --port 0"),
        "room reveal": ([], "room open --port 0\nconsultation phase voting\nvote open \"Priorities\" --method dots --budget 5"),
        "room conceal": ([], "room open --port 0\nconsultation phase voting\nvote open \"Priorities\" --method dots --budget 5\nroom reveal"),
        "say": ([], #"let name = "Amira""#),
        "themes accept": ([], "themes suggest --k 3"),
        "themes consensus": (
            [],
            #"sort submit @amira {"Cost": [#1, #4], "Safety": [#2, #3]}"# + "\n"
                + #"sort submit @jon {"Cost": [#1, #4, #9], "Safety": [#2, #3]}"#
        ),
        "theme merge": ([], #"theme new "Fares""#),
        "vote close": ([], "consultation phase voting\nvote open \"Priorities\" --method dots --budget 5"),
        "vote results": ([], "consultation phase voting\nvote open \"Priorities\" --method dots --budget 5\nballot @amira #4:3 #9:2"),
    ]

    /// A reactions vote in which the room has reacted, enough for an opinion map.
    static let reactions = """
        consultation phase voting
        vote open "Reactions" --method reactions --ideas [#1, #2, #3, #4, #5, #6, #12]
        react @amira #1 agree
        react @amira #2 disagree
        react @amira #3 agree
        react @jon #1 disagree
        react @jon #2 agree
        react @jon #4 agree
        react @lena #1 agree
        react @lena #3 agree
        react @lena #5 pass
        """

    /// The files examples name, written beside the script that runs them.
    static func writeFixtures(in folder: URL) throws {
        func write(_ name: String, _ text: String) throws {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write(
            "answers.txt",
            "Free bus passes\nCheaper passes for students\nNight buses every half hour\nMore night buses\nLighting at stops\nSafer stops at night\n")
        try write("answers.csv", "Timestamp,Your idea,Handle\n2026-11-20,Buses that wait,amira\n2026-11-20,A quiet bus for studying,jon\n")
        try write("panel.csv", "handle,name,age,district\nmei,Mei,14-15,west\nkwame,Kwame,18-19,centre\n")
        try write("census.csv", "attribute,value,share\ndistrict,north,0.4\ndistrict,east,0.3\ndistrict,south,0.3\n")
        try write("agenda.chr", "say \"The agenda starts\"\n")
        try write("ballots.soc", "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n4: 1,2,3\n3: 2,3,1\n2: 3,1,2\n")
        let polis = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/polis-opendata/brexit-consensus")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("polis"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: polis, to: folder.appendingPathComponent("polis/brexit-consensus"))
        // The JSON an earlier session exported, for import consultation.
        let earlier = Interpreter(
            workspace: try Workspace(storage: InMemoryStorage()), directory: folder.path, outputDirectory: folder.path, output: { _ in }, input: { nil })
        try earlier.run(Source(name: "earlier", text: prelude() + "\nexport \"\(folder.appendingPathComponent("outcome/youth-transport.json").path)\""))
    }

    static let specs = CommandRegistry.standard().names.map { CommandRegistry.standard().spec(named: $0)! }

    /// The room's examples wait for a server, which needs a thread of Swift's shared pool: they
    /// run one at a time in `RoomCommandTests.theRoomExamplesRun`, so that waiting examples never
    /// hold every thread of the pool.
    static let examplesRunAlone: Set<String> = Set(specs.map(\.name).filter { $0.hasPrefix("room ") })

    @Test(arguments: specs.map(\.name).filter { !examplesRunAlone.contains($0) })
    func theExampleRuns(_ name: String) throws { try Self.runExample(name) }

    /// Runs the example of the command `name` after the prelude and its setup.
    static func runExample(_ name: String) throws {
        let spec = try #require(CommandRegistry.standard().spec(named: name))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeFixtures(in: folder)
        let interpreter = Interpreter(
            workspace: try Workspace(storage: InMemoryStorage()), directory: folder.path, outputDirectory: folder.path, output: { _ in }, input: { nil })
        let setup = setups[name] ?? ([], "")
        try interpreter.run(Source(name: "prelude", text: prelude(without: setup.without) + "\n" + setup.before))
        if name == "idea approve" {
            // Ideas wait for a moderator only when a participant sends them (from the room).
            let workspace = interpreter.workspace, amira = try #require(workspace.state.participant(handle: "amira")?.id)
            let consultation = try #require(workspace.state.consultations.keys.max())
            try workspace.perform(by: amira) { tx in _ = try tx.submitIdea("Night buses on Fridays", by: amira, to: consultation) }
        }
        // Files written go where the shell's working directory would be: here, the folder.
        var example = spec.example
        for written in ["outcome.json", "outcome/", "my-report.mustache"] {
            example = example.replacingOccurrences(of: written, with: folder.appendingPathComponent(written).path + (written.hasSuffix("/") ? "/" : ""))
        }
        do {
            try interpreter.run(Source(name: "example", text: example))
        } catch let error as ScriptError {
            Issue.record("the example of '\(name)' fails:\n\(error.render())")
        }
        if interpreter.room?.joinAddress != nil { try interpreter.run(Source(name: "after", text: "room close")) }
    }

    /// A flag a command cannot do without is declared required: its usage shows it without
    /// brackets, and the interpreter names it when it is left out.
    @Test(arguments: specs.map(\.name))
    func requiredFlagsAreDeclared(_ name: String) throws {
        let spec = try #require(CommandRegistry.standard().spec(named: name))
        for flag in spec.signature.flags {
            let shown = spec.usage.contains("[\(flag.usage)]")
            #expect(shown == !(flag.required || spec.signature.oneOf.joined().contains(flag.name)), "\(name): \(spec.usage)")
        }
        // Leaving out each flag the example gives: a command that then asks for it must say so
        // in its signature.
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        try interpreter.run(Source(name: "prelude", text: Self.prelude()))
        for flag in spec.signature.flags where spec.example.contains("--\(flag.name)") {
            let without = Self.removing(flag, from: spec.example)
            do {
                try interpreter.run(Source(name: "example", text: without))
            } catch let error as ScriptError where error.message.hasPrefix("'\(name)' needs --\(flag.name)") {
                // (A flag some settings need, such as --budget for dots, is asked for otherwise.)
                #expect(flag.required || spec.signature.oneOf.joined().contains(flag.name), "\(name) asks for --\(flag.name) but does not declare it")
            } catch {}
        }
    }

    /// The example without `--flag` and its value.
    static func removing(_ flag: Signature.Flag, from example: String) -> String {
        guard let range = example.range(of: "--\(flag.name)") else { return example }
        var rest = example[range.upperBound...]
        if flag.takesValue {
            rest = rest.drop { $0 == " " }
            if rest.first == "\"" {
                rest = rest.dropFirst()
                rest = rest.drop { $0 != "\"" }.dropFirst()
            } else {
                rest = rest.drop { $0 != " " }
            }
        }
        return String(example[..<range.lowerBound] + rest)
    }
}
