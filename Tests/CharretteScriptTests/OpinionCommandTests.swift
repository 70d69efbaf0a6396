import Charrette
import CharretteScript
import Foundation
import Testing

/// Reactions in a session, the opinion map of them, and of a Pol.is export folder.
@Suite("Opinion commands")
struct OpinionCommandTests {
    static let session = """
        board add youth
        participant add sam --role facilitator
        for h in [a1, a2, a3, a4, a5, a6, a7, a8, b1, b2, b3, b4, b5, b6, b7, b8] { participant add $h --board youth }
        consultation open "Buses" --question "What first?"
        for t in ["Free passes", "Night buses", "Cameras", "Lower fares", "Bike racks", "Wifi"] { idea add $t --by sam }
        consultation phase voting
        vote open "Reactions" --method reactions
        for h in [a1, a2, a3, a4, a5, a6, a7, a8] { react $h #1 agree; react $h #2 agree; react $h #3 disagree; react $h #4 agree; react $h #6 pass; react $h #5 pass }
        for h in [b1, b2, b3, b4, b5, b6, b7, b8] { react $h #1 disagree; react $h #2 disagree; react $h #3 agree; react $h #4 agree; react $h #5 agree; react $h #6 pass }
        """

    func interpreter() throws -> Interpreter {
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        _ = try interpreter.run(Source(name: "test", text: Self.session))
        return interpreter
    }

    @Test func twoCampsAndWhatEveryoneAgreesOn() throws {
        let i = try interpreter()
        guard case .record(let map) = try i.run(Source(name: "test", text: "opinions --positions")) else { Issue.record("no map"); return }
        #expect(map["k"] == .integer(2) && map["clustered"] == .integer(16))
        guard case .table(let consensus)? = map["consensus"], case .table(let divisive)? = map["divisive"],
            case .table(let positions)? = map["positions"]
        else { Issue.record("no tables"); return }
        #expect(consensus.rows.map { $0["statement"] } == [.idea(4)])  // lower fares, everyone
        #expect(Set(divisive.rows.compactMap { $0["statement"] }) == [.idea(1), .idea(2), .idea(3), .idea(5)])
        let group = Dictionary(uniqueKeysWithValues: positions.rows.map { ($0["participant"]!, $0["group"]!) })
        #expect(group[.participant("a1")] == group[.participant("a8")] && group[.participant("b1")] == group[.participant("b8")])
        #expect(group[.participant("a1")] != group[.participant("b1")])
    }

    @Test func reactionsAreChecked() throws {
        let i = try interpreter()
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "react @a1 #1 maybe")) }
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "react @a1 #99 agree")) }
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "opinions --groups 0")) }
        // A later reaction replaces the earlier one.
        try i.run(Source(name: "test", text: "react @a1 #1 disagree"))
        guard case .reactions(let r)? = i.workspace.state.ballots.values.first?[i.workspace.state.participant(handle: "a1")!.id] else {
            Issue.record("no reactions"); return
        }
        #expect(r[1] == .disagree && r[2] == .agree)
    }

    @Test func theNextIdeaIsOneNotYetReactedTo() throws {
        let i = try interpreter()
        try i.run(Source(name: "test", text: "react @b1 #3 pass\nreact @b1 #4 pass"))
        // Someone who reacted to everything has nothing left; a newcomer gets an idea, the same
        // for the same seed.
        #expect(try i.run(Source(name: "test", text: "opinions next @a1")) == .null)
        try i.run(Source(name: "test", text: "participant add c1 --board youth"))
        let first = try i.run(Source(name: "test", text: "opinions next @c1 --seed 3"))
        #expect(try i.run(Source(name: "test", text: "opinions next @c1 --seed 3")) == first)
        guard case .idea(let id) = first else { Issue.record("no idea"); return }
        #expect((1...6).contains(id.rawValue))
    }

    @Test func aPolisFolderGivesEachParticipantsPlaceAndGroup() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("Data/polis-opendata/brexit-consensus").path
        let i = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        guard case .string(let json) = try i.run(Source(name: "test", text: "opinions \"\(folder)\" --groups 2 | to json")) else {
            Issue.record("no json"); return
        }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let positions = object["positions"] as! [[String: Any]]
        #expect(positions.count == 204)
        #expect(positions.allSatisfy { $0["participant"] is Int && $0["x"] is Double && $0["y"] is Double })
        #expect((object["published_agreement"] as! Double) > 0.85)
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "opinions \"\(root.path)\"")) }
    }

    /// A session written as a Pol.is folder maps exactly as the session does.
    @Test func anExportedFolderMapsAsTheSessionDoes() throws {
        let i = try interpreter()
        try i.run(Source(name: "test", text: "vote close\nidea hide #6 --reason \"off topic\""))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-polis-export-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try i.run(Source(name: "test", text: "opinions export \"\(folder.path)\""))
        guard case .record(let session) = try i.run(Source(name: "test", text: "opinions --positions")),
            case .record(let file) = try i.run(Source(name: "test", text: "opinions \"\(folder.path)\"")),
            case .table(let a)? = session["positions"], case .table(let b)? = file["positions"]
        else { Issue.record("no maps"); return }
        #expect(a.rows.count == b.rows.count && session["k"] == file["k"])
        for (x, y) in zip(a.rows, b.rows) {
            #expect(x["x"] == y["x"] && x["y"] == y["y"] && x["group"] == y["group"])
        }
        // The hidden idea is marked moderated out, its text withheld unless asked for, and the
        // groups come back as published.
        let comments = try String(contentsOf: folder.appendingPathComponent("comments.csv"), encoding: .utf8)
        #expect(comments.contains(",-1,\(Idea.hiddenText)") && !comments.contains("Wifi"))
        #expect(file["published_agreement"] == .decimal(1))
        try i.run(Source(name: "test", text: "opinions export \"\(folder.path)\" --hidden"))
        #expect(try String(contentsOf: folder.appendingPathComponent("comments.csv"), encoding: .utf8).contains(",-1,Wifi"))
    }

    /// What a command writes lands in the output directory (the working directory in the shell),
    /// what it reads is found beside the script: the same rule for `opinions export` as for `export`.
    @Test func writtenFoldersGoWhereTheScriptRunsNotBesideIt() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-output-\(UUID().uuidString)")
        let scripts = scratch.appendingPathComponent("scripts"), runs = scratch.appendingPathComponent("runs")
        for folder in [scripts, runs] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let i = try interpreter()
        i.directory = scripts.path
        i.outputDirectory = runs.path
        try i.run(Source(name: "test", text: "opinions export polis/buses\nexport ideas ideas.csv"))
        #expect(FileManager.default.fileExists(atPath: runs.appendingPathComponent("polis/buses/votes.csv").path))
        #expect(FileManager.default.fileExists(atPath: runs.appendingPathComponent("ideas.csv").path))
        #expect(!FileManager.default.fileExists(atPath: scripts.appendingPathComponent("polis").path))
        // And it is read back from beside the script: there is nothing there.
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "opinions polis/buses")) }
    }

    /// A public conversation loaded into a workspace maps as the folder does, once moderated-out
    /// statements (whose reactions are not imported) are set aside.
    @Test func aPolisConversationLoadsIntoAConsultation() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("Data/polis-opendata/brexit-consensus").path
        let i = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        try i.run(Source(name: "test", text: #"consultation open "Brexit" --question "Labour and Brexit?""#))
        guard case .record(let summary) = try i.run(Source(name: "test", text: "import polis \"\(folder)\"")) else { Issue.record("no summary"); return }
        #expect(summary["ideas"] == .integer(50) && summary["hidden"] == .integer(0))
        guard case .record(let session) = try i.run(Source(name: "test", text: "opinions --groups 2 --positions")),
            case .record(let file) = try i.run(Source(name: "test", text: "opinions \"\(folder)\" --groups 2")),
            case .table(let a)? = session["positions"], case .table(let b)? = file["positions"]
        else { Issue.record("no maps"); return }
        #expect(a.rows.count == b.rows.count)
        for (x, y) in zip(a.rows, b.rows) {
            guard case .decimal(let ax)? = x["x"], case .decimal(let bx)? = y["x"] else { continue }
            #expect(abs(ax - bx) < 1e-9 && x["group"] == y["group"])
        }
        // Loading twice is refused, and nothing of the second attempt is written.
        let head = i.workspace.state.headSequence
        #expect(throws: ScriptError.self) { try i.run(Source(name: "test", text: "import polis \"\(folder)\"")) }
        #expect(i.workspace.state.headSequence == head)
    }
}
