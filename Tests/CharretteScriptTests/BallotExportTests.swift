import Charrette
import CharretteScript
import Foundation
import Testing

/// A vote's ballots written to a file count exactly as the vote does.
@Suite("Ballot exports")
struct BallotExportTests {
    static let setup = """
        board add youth
        participant add sam --role facilitator
        consultation open "Buses" --question "What first?"
        idea add "Free passes" --by sam
        idea add "Night buses" --by sam
        idea add "Lighting" --by sam
        idea add "Bike racks" --by sam
        for h in [amira, jon, lena, tariq, mei, olek, ines] { participant add $h --board youth }
        consultation phase voting
        """

    static let votes: [(method: String, options: String, ballots: [String], files: [String])] = [
        ("schulze", "", ["#1 #2 #3", "#2 [#3, #1]", "#3 #1", "#2 #1 #4 #3", "#4", "#1 #4", "#3 #2 #1"], ["toi", "jsonl"]),
        ("schulze", "", ["#1 #2 #3", "#2 #3 #1", "#3 #1", "#2 #1 #4 #3", "#4", "#1 #4", "#3 #2 #1"], ["soi", "toi", "jsonl", "pb"]),
        ("quadratic", "--credits 9", ["#1:2 #2:-2", "#2:3", "#3:1 #4:2", "#1:-1", "#4:3", "#1:2 #3:2", "#2:1"], ["jsonl"]),
        ("star", "--min 1 --max 5", ["#1:5 #2:1", "#2:4 #3:2", "#3:5", "#1:1 #4:2", "#4:3", "#1:2 #3:2", "#2:1 #1:5"], ["jsonl"]),
        (
            "irv", "", ["#1 #2 #3 #4", "#2 #1 #3 #4", "#3 #1 #2 #4", "#2 #3 #1 #4", "#4 #3 #2 #1", "#1 #4 #2 #3", "#3 #2 #1 #4"],
            ["soc", "soi", "toi", "jsonl", "pb"]
        ),
        ("pav", "--seats 2", ["#1 #2", "#1", "#3 #4", "#3", "#2 #3", "#4", "#1 #2 #3"], ["cat", "jsonl", "pb"]),
        ("pb-equal-shares", "--budget 100 --costs [#1:50, #2:40, #3:40, #4:20]", ["#1 #2", "#1 #2", "#1", "#3", "#3 #4", "#2", "#1 #4"], ["jsonl", "pb"]),
        ("dots", "--budget 4", ["#1:3 #2:1", "#2:4", "#3:2 #4:2", "#1:1", "#4:3", "#1:2 #3:2", "#2:1"], ["jsonl", "pb"]),
        (
            "majority-judgment", "",
            [
                "#1:3 #2:1 #3:0 #4:2", "#1:2 #2:4 #3:1 #4:2", "#1:5 #2:0 #3:3 #4:1", "#1:1 #2:2 #3:2 #4:2",
                "#1:4 #2:3 #3:0 #4:5", "#1:2 #2:2 #3:4 #4:1", "#1:0 #2:5 #3:2 #4:3",
            ], ["jsonl", "pb"]
        ),
        ("consent", "", ["#1:agree #2:block", "#1:agree #2:agree", "#1:abstain", "#1:disagree #2:agree", "#3:agree", "#4:disagree", "#1:agree"], ["jsonl"]),
    ]

    func run(_ text: String) throws -> [String] {
        var output: [String] = []
        let interpreter = Interpreter(workspace: try Workspace(storage: InMemoryStorage()), output: { output.append($0) }, input: { nil })
        try interpreter.run(Source(name: "test", text: text))
        return output
    }

    @Test(arguments: votes.indices)
    func exportedBallotsCountTheSame(_ index: Int) throws {
        let vote = Self.votes[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-ballots-\(getpid())-\(index)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let handles = ["amira", "jon", "lena", "tariq", "mei", "olek", "ines"]
        var script = Self.setup + "\nvote open \"V\" --method \(vote.method) \(vote.options)\n"
        for (handle, ballot) in zip(handles, vote.ballots) { script += "ballot @\(handle) \(ballot)\n" }
        script += "vote close\nsay (vote results | select winners elected ranking committees | to json)\n"
        for ext in vote.files {
            let file = folder.appendingPathComponent("v.\(ext)").path
            // JSON Lines keeps every setting of the vote; PrefLib and pabulib files need --seats given again.
            let extra = vote.method == "pav" && ext != "jsonl" ? " --seats 2" : ""
            script += "export \(file)\nsay (tally \(file) --method \(vote.method)\(extra) | select winners elected ranking committees | to json)\n"
        }
        let lines = try run(script).filter { $0.hasPrefix("[{") || $0.hasPrefix("{") }
        #expect(lines.count == vote.files.count + 1)
        guard let fromVote = lines.first else { return }
        for (ext, line) in zip(vote.files, lines.dropFirst()) {
            // PrefLib numbers the ideas 1, 2, 3, 4 in the vote's order: here #1…#4.
            let named =
                ["soc", "soi", "toc", "toi", "cat"].contains(ext)
                ? line.replacingOccurrences(of: "\"([1-4])\"", with: "\"#$1\"", options: .regularExpression) : line
            #expect(named == fromVote, "\(vote.method) from .\(ext)")
        }
    }
}
