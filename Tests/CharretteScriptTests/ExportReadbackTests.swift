import Charrette
import CharretteScript
import CharretteSession
import Foundation
import Testing

/// The PrefLib and pabulib files Charrette writes are the committed ones in `Tests/Data/exports`,
/// which pref_voting, abcvoting and pabutools read back (`scripts/reference/export_readback.py`
/// recorded what they read and counted in `readback.json`): the same voters, and the same
/// outcome as Charrette's own count of the vote.
@Suite("Ballot files read back by the reference libraries")
struct ExportReadbackTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/exports")

    @Test func theExportsAreTheFilesTheReferencesReadAndCountAlike() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let script = try String(contentsOf: Self.folder.appendingPathComponent("make.chr"), encoding: .utf8)
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { _ in }, input: { nil })
        try interpreter.run(Source(name: "make.chr", text: "let dir = \"\(output.path)\"\n" + script))

        let readback = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent("readback.json"))) as! [String: Any]
        let files = readback["files"] as! [String: [String: Any]]
        #expect(files.keys.sorted() == ["approvals.cat", "approvals.pb", "budget.pb", "complete.pb", "complete.soc", "ranked.toi"])
        for name in files.keys {
            let written = try Data(contentsOf: output.appendingPathComponent(name))
            #expect(written == (try Data(contentsOf: Self.folder.appendingPathComponent(name))), "\(name) is not the file the references read")
            #expect(files[name]?["voters"] as? Int == 9, "\(name)")
        }

        let state = interpreter.workspace.state
        func elected(_ title: String) throws -> [String] {
            let vote = try #require(state.votes.values.first { $0.title == title })
            return try state.tally(vote).winners.map { "#\(vote.candidates[$0].rawValue)" }.sorted()
        }
        #expect(try elected("Ranked with ties") == files["ranked.toi"]?["winners_ideas"] as? [String])
        #expect(try elected("Complete orders") == files["complete.soc"]?["winners_ideas"] as? [String])
        #expect(try [elected("Approvals")] == files["approvals.cat"]?["committees_ideas"] as? [[String]])
        // pb-equal-shares completes the method of equal shares (see docs/voting.md), as the
        // reference's completed allocation does.
        #expect(try [elected("Budget")] == files["budget.pb"]?["completed_allocations"] as? [[String]])

        // The ballots as the references parsed them are the ballots cast.
        let approvals = try #require(state.votes.values.first { $0.title == "Approvals" })
        let cast = (state.ballots[approvals.id] ?? [:]).sorted { $0.key < $1.key }.map { _, ballot in ballot.ideas.map { "#\($0.rawValue)" } }
        #expect(cast == files["approvals.pb"]?["ballots"] as? [[String]])
        #expect((files["budget.pb"]?["costs"] as? [String: Int]) == ["#1": 50, "#2": 40, "#3": 40, "#4": 20, "#5": 10])
    }
}
