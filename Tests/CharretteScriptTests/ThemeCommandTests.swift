import Charrette
import CharretteScript
import Foundation
import Testing

/// The themes commands: suggestions never touch what people made, accepting is a change people
/// own, card sorts combine, and `cluster` reads files.
@Suite("Theme commands")
struct ThemeCommandTests {
    static let setup = """
        participant add sam --role facilitator
        board add youth
        for h in [amira, jon, lena] { participant add $h --board youth }
        consultation open "Buses" --question "What first?"
        for t in ["cheaper bus fares for students", "bus fares are too expensive", "free fares for teenagers on the bus",
                  "student discount on bus fares", "safe night buses after dark", "better lighting at night stops",
                  "cameras on night routes for safety", "feel unsafe waiting at night", "real-time arrival screens",
                  "an app with arrival times", "screens showing arrival information", "arrival times on the app"] {
            idea add $t --by amira
        }
        consultation phase clustering
        """

    final class Session {
        let interpreter: Interpreter
        var output: [String] = []
        init() throws {
            var lines: [String] = []
            interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { lines.append($0) }, input: { nil })
            _ = try run(ThemeCommandTests.setup)
            output = lines
        }
        @discardableResult func run(_ text: String) throws -> Value { try interpreter.run(Source(name: "test", text: text)) }
        var state: WorkspaceState { interpreter.workspace.state }
        func themeOf(_ idea: Int) -> String? { state.ideas[Idea.ID(idea)]?.theme.flatMap { state.themes[$0]?.label } }
    }

    @Test func suggestingNeverTouchesPeoplesThemes() throws {
        let s = try Session()
        try s.run(#"theme new "Night" --description "ours""#)
        try s.run("for i in [#5, #6, #9] { idea move $i --to Night }")
        let before = s.state.ideas.mapValues(\.theme)
        let head = s.state.headSequence
        try s.run("themes suggest --k 3 --language en")
        #expect(s.state.headSequence == head)  // a suggestion writes nothing
        try s.run("themes accept")
        // The ideas people sorted, including #9 which is about arrivals, stayed where they were.
        for i in [5, 6, 9] { #expect(s.themeOf(i) == "Night") }
        #expect(s.state.themes.values.first { $0.label == "Night" }?.description == "ours")
        // Every other open idea now has exactly one theme.
        for (id, theme) in before where theme == nil { #expect(s.state.ideas[id]?.theme != nil) }
        #expect(s.state.themes.count == 4)
    }

    @Test func acceptingPartOfASuggestionUnderAnotherName() throws {
        let s = try Session()
        let value = try s.run("themes suggest --k 3 --language en")
        guard case .record(let record) = value, case .table(let themes)? = record["themes"] else { Issue.record("no themes"); return }
        #expect(themes.rows.map { $0["theme"] } == [.integer(1), .integer(2), .integer(3)])
        // Each proposed theme lists its ideas, so the room sees what it accepts.
        let listed = themes.rows.flatMap { row -> [Value] in if case .list(let ideas)? = row["ideas"] { ideas } else { [] } }
        #expect(Set(listed) == Set((1...12).map { Value.idea(Idea.ID($0)) }))
        try s.run(#"themes accept 2 --as "Chosen""#)
        #expect(s.state.themes.count == 1 && s.state.themes.values.first?.label == "Chosen")
        #expect(throws: ScriptError.self) { try s.run("themes accept 2") }  // already accepted
        #expect(throws: ScriptError.self) { try s.run("themes accept 7") }  // no such theme
        try s.run("themes accept")
        #expect(s.state.themes.count == 3)
        #expect(s.state.ideas.values.allSatisfy { $0.theme != nil })
        // Undo takes back the last acceptance as a whole, and the proposal can be accepted again.
        try s.run("journal undo")
        #expect(s.state.themes.count == 1)
        try s.run("themes accept 1")
        #expect(s.state.themes.count == 2)
    }

    @Test func mergeSplitAndUndoKeepEveryIdeaInOnePlace() throws {
        let s = try Session()
        try s.run("themes suggest --k 3 --language en")
        try s.run("themes accept")
        let labels = s.state.themes.values.sorted { $0.id < $1.id }.map(\.label)
        let snapshot = s.state.ideas.mapValues(\.theme)
        try s.run("theme merge \"\(labels[1])\" --into \"\(labels[0])\"")
        #expect(s.state.themes.count == 2)
        let moved = s.state.ideas.values.filter { $0.theme == nil }
        #expect(moved.isEmpty)
        try s.run("journal undo")
        #expect(s.state.ideas.mapValues(\.theme) == snapshot)
        let members = s.state.ideas(in: s.state.themes.values.first { $0.label == labels[0] }!.id)
        try s.run("theme split \"\(labels[0])\" #\(members[0].id.rawValue) --into Apart")
        #expect(s.themeOf(members[0].id.rawValue) == "Apart")
        try s.run("journal undo")
        #expect(s.state.ideas.mapValues(\.theme) == snapshot)
    }

    @Test func cardSortConsensusProposesThemesToAccept() throws {
        let s = try Session()
        try s.run(#"sort submit @amira {"Money": [#1, #2, #3], "Night": [#5, #6, #7]}"#)
        try s.run(#"sort submit @jon {"Cost": [#1, #2, #3, #4], "Safety": [#5, #6, #7]}"#)
        try s.run(#"sort submit @lena {"Cost": [#1, #2], "Safety": [#3, #5, #6, #7]}"#)
        let value = try s.run("themes consensus")
        guard case .record(let record) = value, case .table(let themes)? = record["themes"], case .table(let disputed)? = record["disputed"] else {
            Issue.record("no consensus"); return
        }
        #expect(record["sorters"] == .integer(3))
        // #1–#4 go together for most sorters (#3 for two of three), #5–#7 for all; "Cost" and
        // "Safety" are the names most sorters gave those groups.
        #expect(themes.rows.map { $0["label"] } == [.string("Cost"), .string("Safety")])
        #expect(themes.rows.map { $0["agreement"] } == [.string("89%"), .string("100%")])
        #expect(themes.rows.map { $0["ideas"] } == [.list([.idea(1), .idea(2), .idea(3), .idea(4)]), .list([.idea(5), .idea(6), .idea(7)])])
        #expect(disputed.rows.isEmpty)
        try s.run("themes accept 2")
        #expect(s.themeOf(5) == "Safety" && s.themeOf(6) == "Safety" && s.themeOf(7) == "Safety")
        #expect(throws: ScriptError.self) { try s.run(#"sort submit @jon {"A": [#1], "B": [#1]}"#) }
        #expect(throws: ScriptError.self) { try s.run(#"sort submit @jon {"A": ["x"]}"#) }
    }

    @Test func theConsultationsLanguageIsUsedUnlessAFlagSaysOtherwise() throws {
        let s = try Session()
        func language(_ command: String) throws -> Value? {
            guard case .record(let record) = try s.run(command) else { return nil }
            return record["language"]
        }
        #expect(try language("themes suggest --k 2") == .string("en"))  // detected
        try s.run("consultation language de")
        #expect(try language("themes suggest --k 2") == .string("de"))
        #expect(try language("themes suggest --k 2 --language pt") == .string("pt"))
        try s.run("consultation language auto")
        #expect(try language("themes suggest --k 2") == .string("en"))
        #expect(throws: ScriptError.self) { try s.run("consultation language xx") }
    }

    @Test func duplicatesAreListedMostSimilarFirst() throws {
        let s = try Session()
        // "an app with arrival times" and "arrival times on the app" share every word that counts.
        let value = try s.run("idea duplicates --threshold 0.9")
        guard case .table(let table) = value else { Issue.record("no table"); return }
        #expect(table.rows.map { [$0["idea"], $0["duplicate"]] } == [[.idea(10), .idea(12)]])
        #expect(throws: ScriptError.self) { try s.run("idea duplicates --threshold 2") }
    }

    @Test func clusterReadsAFileAndGivesEachLineItsTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-cluster-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ["cheap fares", "fares too high", "", "night safety", "safe at night", "arrival app", "app arrival times"]
        let file = folder.appendingPathComponent("texts.txt")
        try ("\u{FEFF}" + lines.joined(separator: "\r\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let s = try Session()
        let json = try s.run("cluster \"\(file.path)\" --k 3 --seed 4 | to json")
        guard case .string(let text) = json else { Issue.record("no json"); return }
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["k"] as? Int == 3)
        let labels = object["labels"] as! [Int]
        #expect(labels.count == 7 && labels[2] == -1)
        #expect(labels[0] == labels[1] && labels[3] == labels[4] && labels[5] == labels[6])
        #expect(Set([labels[0], labels[3], labels[5]]).count == 3)
        let themes = object["themes"] as! [[String: Any]]
        #expect(themes.map { $0["size"] as! Int } == [2, 2, 2])
        #expect(themes.allSatisfy { ($0["label"] as? String)?.isEmpty == false })

        try Data([0x66, 0x61, 0x72, 0x65, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: file)
        #expect(throws: ScriptError.self) { try s.run("cluster \"\(file.path)\"") }
        do { try s.run("cluster \"\(file.path)\"") } catch { #expect("\(error)".contains("texts.txt:2: not UTF-8")) }
        #expect(throws: ScriptError.self) { try s.run("cluster missing.txt") }
        #expect(throws: ScriptError.self) { try s.run("cluster \"\(file.path)\" --k 0") }
        #expect(throws: ScriptError.self) { try s.run("cluster \"\(file.path)\" --method dbscan") }
    }
}
