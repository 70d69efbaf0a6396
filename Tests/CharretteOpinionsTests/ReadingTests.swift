import Foundation
import Testing

@testable import CharretteOpinions

@Suite("Reading Pol.is files")
struct ReadingTests {
    @Test func csvSyntaxErrorsNameTheFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-syntax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "comment-id,author-id,moderated,comment-body\n1,5,1,\"Buses \"at\" night\"\n".write(
            to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
        try "timestamp,comment-id,voter-id,vote\n1,1,9,1\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "comments.csv", line: 2, column: 15, message: "text after a closing quote: double a quote inside a quoted cell")) {
            try PolisExport(folder: folder)
        }
        #expect(PolisFileError(file: "comments.csv", line: 2, column: 15, message: "m").description == "comments.csv:2:15: m")
    }

    @Test func shortRowsAndBadNumbersNameTheColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "comment-id,author-id,moderated,comment-body\n1,5,1,Buses\n".write(
            to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
        try "timestamp,comment-id,voter-id,vote\n1,1,9\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "votes.csv", line: 2, message: "'vote' is empty")) { try PolisExport(folder: folder) }
        try "Timestamp , comment-id,voter-id,vote\n1,1,x9,1\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "votes.csv", line: 2, message: "'voter-id' is 'x9', not a whole number")) { try PolisExport(folder: folder) }
        try "".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "votes.csv", line: 0, message: "is empty")) { try PolisExport(folder: folder) }
    }

    /// The matrix against its definition, written the slow way: on random votes with repeats,
    /// equal times, and ids both dense and spread wide (negative too).
    @Test(arguments: [false, true])
    func matrixMatchesItsDefinition(_ spread: Bool) {
        var state: UInt64 = spread ? 7 : 3
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let votes = (0..<3_000).map { _ in
            let p = next(60), s = next(25)
            return VoteMatrix.Vote(
                participant: spread ? p * 1_000_003 - 20_000_000 : p, statement: spread ? s * 99_991 : s,
                value: Double(next(3) - 1), time: Int64(next(40)))
        }
        let matrix = VoteMatrix(votes: votes)
        var latest: [[Int]: Int] = [:]
        for (i, vote) in votes.enumerated() {
            let key = [vote.participant, vote.statement]
            if let j = latest[key], votes[j].time > vote.time { continue }
            latest[key] = i
        }
        #expect(matrix.participants == Set(votes.map(\.participant)).sorted())
        #expect(matrix.statements == Set(votes.map(\.statement)).sorted())
        #expect(matrix.values.count == latest.count)
        for (r, p) in matrix.participants.enumerated() {
            for (c, s) in matrix.statements.enumerated() {
                #expect(matrix[r, c] == latest[[p, s]].map { votes[$0].value })
            }
        }
        let removed: Set<Int> = [matrix.statements[2], matrix.statements[9], 123]
        let zeroed = matrix.zeroing(removed)
        for r in matrix.participants.indices {
            #expect(zeroed.reactions(row: r).map(\.column) == zeroed.reactions(row: r).map(\.column).sorted())
            for (c, s) in matrix.statements.enumerated() {
                #expect(zeroed[r, c] == (removed.contains(s) ? 0 : matrix[r, c]))
            }
        }
    }

    /// A large votes file is read in runs at once (one per core): the reactions come out as a
    /// single pass reads them, in file order, whatever ends the lines, and an error in a later
    /// run names the line of the whole file. A quote anywhere makes the reading a single pass,
    /// which gives the reference here.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func largeFilesReadInRunsAsInOnePass(_ end: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "comment-id,author-id,moderated,comment-body\n1,5,1,Buses\n".write(
            to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
        var lines = [String]()
        lines.reserveCapacity(260_001)
        for k in 0..<260_000 { lines.append("\(1_700_000_000 + k),\(k % 97),\(k / 3),\(k % 3 - 1)") }
        func read(header: String, _ body: [String]) throws -> [VoteMatrix.Vote] {
            try ([header] + body).joined(separator: end).write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
            return try PolisExport(folder: folder).votes
        }
        let inRuns = try read(header: "timestamp,comment-id,voter-id,vote", lines)
        let onePass = try read(header: "timestamp,comment-id,voter-id,\"vote\"", lines)
        #expect(inRuns.count == 260_000)
        #expect(inRuns == onePass)
        #expect(inRuns.last == VoteMatrix.Vote(participant: 86_666, statement: 259_999 % 97, value: 0, time: 1_700_259_999))
        var broken = lines
        broken[250_000] = "1,2,3,7"
        #expect(throws: PolisFileError(file: "votes.csv", line: 250_002, message: "vote 7 is not 1 (agree), -1 (disagree) or 0 (pass)")) {
            try read(header: "timestamp,comment-id,voter-id,vote", broken)
        }
    }
}
