import Charrette
import CharretteScript
import Foundation
import Testing

/// Runs the scripts under `Golden/` and compares what they print, their exit status and how many
/// journal entries they wrote with the `.expected` file beside each.
///
/// A `.chr` file holds cases, each headed `### NAME`; a case headed `### prelude` runs first in
/// every case's fresh workspace. Set `UPDATE_GOLDEN=1` to rewrite the expected files (then read
/// the diff before committing it).
@Suite("Golden scripts")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".chr") }.sorted()
    }

    @Test(arguments: scripts)
    func script(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name)
        let text = try String(contentsOf: path, encoding: .utf8)
        let cases = Self.cases(in: text)
        let prelude = cases.first { $0.name == "prelude" }?.body ?? ""
        var report = ""
        for testCase in cases where testCase.name != "prelude" {
            report += "### \(testCase.name)\n" + (try Self.run(prelude: prelude, script: testCase.body, name: name))
        }
        let expectedPath = path.deletingPathExtension().appendingPathExtension("expected")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try report.write(to: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedPath, encoding: .utf8)
        let got = report.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, pair) in zip(got, want).enumerated() where pair.0 != pair.1 {
            Issue.record("\(name), line \(index + 1) of the report:\n  got:  \(pair.0)\n  want: \(pair.1)")
            return
        }
        #expect(got.count == want.count, "\(name): the report has \(got.count) lines, the expected file \(want.count)")
    }

    /// Runs `script` on a fresh in-memory workspace after `prelude`; reports output, status and entries written.
    static func run(prelude: String, script: String, name: String) throws -> String {
        let clock = Calendar(identifier: .gregorian).startOfDay(for: Date()).addingTimeInterval(14 * 3600)
        let storage = InMemoryStorage()
        let workspace = try Workspace(storage: storage, clock: { clock })
        var output: [String] = []
        var answers = ["Amira", "yes"]
        let interpreter = Interpreter(
            workspace: workspace, directory: folder.path, output: { output.append($0) },
            input: { answers.isEmpty ? nil : answers.removeFirst() })
        interpreter.width = 80
        interpreter.groupsChanges = true
        try interpreter.run(Source(name: "prelude", text: prelude))
        output.removeAll()
        let before = try storage.recordedHead()?.sequence ?? 0
        var status = 0
        do {
            try interpreter.run(Source(name: name, text: script))
        } catch let error as ScriptError {
            output.append(error.render())
            status = 1
        }
        // Counted in storage, so that a change shown but never written would show here.
        let written = (try storage.recordedHead()?.sequence ?? 0) - before
        #expect(workspace.state.headSequence - before == written, "\(name): state and storage disagree")
        return output.map { $0 + "\n" }.joined() + "exit: \(status), entries written: \(written)\n"
    }

    static func cases(in text: String) -> [(name: String, body: String)] {
        var cases: [(name: String, body: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") {
                cases.append((String(line.dropFirst(4)), ""))
            } else if !cases.isEmpty {
                cases[cases.count - 1].body += line + "\n"
            }
        }
        return cases
    }
}
