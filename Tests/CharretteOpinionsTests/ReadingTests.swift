import Foundation
import Testing
@testable import CharretteOpinions

@Suite("Reading Pol.is files")
struct ReadingTests {
    /// Every record of `text` as (line, fields as text).
    static func records(_ text: String) throws(PolisFileError) -> [(line: Int, fields: [String])] {
        var found: [(line: Int, fields: [String])] = []
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(PolisFileError) in
            try CSVRecords.forEach(in: bytes, name: "test.csv") { record in
                found.append((record.line, record.fields.indices.map { record.text($0) ?? "<not UTF-8>" }))
            }
        }
        return found
    }

    @Test func quotedFieldsLineEndsAndLines() throws {
        let text = "\u{FEFF}a,\"b, \"\"c\"\"\",d\r\n"
            + "\"two\nlines\",\"cr lf\r\nkept\",\"lone\rcr\"\r"
            + "\r"
            + "last,,"
        let found = try Self.records(text)
        #expect(found.map(\.line) == [1, 2, 6, 7])
        #expect(found[0].fields == ["a", "b, \"c\"", "d"])
        #expect(found[1].fields == ["two\nlines", "cr lf\r\nkept", "lone\ncr"])
        #expect(found[2].fields == [""])
        #expect(found[3].fields == ["last", "", ""])
        #expect(try Self.records("").isEmpty && Self.records("x\n").count == 1)
    }

    @Test func brokenQuotesAreLocated() {
        #expect(throws: PolisFileError(file: "test.csv", line: 2, message: "a quoted field is never closed")) {
            try Self.records("a,b\n\"never\nclosed\n")
        }
        #expect(throws: PolisFileError(file: "test.csv", line: 3, message: "text after a closing quote; double a quote inside a quoted field")) {
            try Self.records("a\nb,\"x\ny\"z\n")
        }
    }

    @Test func wholeNumbers() {
        func int(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { CSVRecords.int($0, 0..<$0.count) }
        }
        #expect(int(" 42\t") == 42 && int("+7") == 7 && int("-1") == -1 && int("007") == 7)
        #expect(int("999999999999999999") == 999_999_999_999_999_999)
        #expect(int("9223372036854775807") == Int.max && int("9223372036854775808") == nil)
        #expect(int("") == nil && int(" ") == nil && int("-") == nil && int("12a") == nil && int("1 2") == nil && int("1.0") == nil)
    }

    @Test func shortRowsAndBadNumbersNameTheColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "comment-id,author-id,moderated,comment-body\n1,5,1,Buses\n".write(to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
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
            return VoteMatrix.Vote(participant: spread ? p * 1_000_003 - 20_000_000 : p, statement: spread ? s * 99_991 : s,
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
        try "comment-id,author-id,moderated,comment-body\n1,5,1,Buses\n".write(to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
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
