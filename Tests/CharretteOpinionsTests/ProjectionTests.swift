import CharretteNumerics
import Foundation
import Testing

@testable import CharretteOpinions

@Suite("Opinion map projection")
struct ProjectionTests {
    struct Reference: Decodable {
        let participants: [Int]
        let statements: [Int]
        let moderatedOut: [Int]
        let participantPositions: [[Double]]
        let statementPositions: [[Double]]
        let explainedVariance: [Double]

        enum CodingKeys: String, CodingKey {
            case participants, statements
            case moderatedOut = "moderated_out", participantPositions = "participant_positions"
            case statementPositions = "statement_positions", explainedVariance = "explained_variance"
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let data = folder.deletingLastPathComponent().appendingPathComponent("Data/polis-opendata")
    static let conversations = ["15-per-hour-seattle", "brexit-consensus", "canadian-electoral-reform"]

    /// The largest difference between two lists of points, each component compared up to its sign.
    static func worstDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
        guard let width = a.first?.count else { return 0 }
        return (0..<width).map { k in
            let same = zip(a, b).map { abs($0[k] - $1[k]) }.max() ?? 0
            let flipped = zip(a, b).map { abs($0[k] + $1[k]) }.max() ?? 0
            return min(same, flipped)
        }.max() ?? 0
    }

    @Test(arguments: conversations)
    func positionsMatchRedDwarf(_ name: String) throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Self.folder.appendingPathComponent("Vectors/\(name).json")))
        let export = try PolisExport(folder: Self.data.appendingPathComponent(name))
        let matrix = export.matrix()
        #expect(matrix.participants == reference.participants)
        #expect(matrix.statements == reference.statements)
        #expect(export.moderatedOut.intersection(matrix.statements).sorted() == reference.moderatedOut)
        let pca = OpinionPCA(matrix)
        #expect(Self.worstDifference(pca.positions, reference.participantPositions) < 1e-6)
        #expect(Self.worstDifference(pca.statementPositions, reference.statementPositions) < 1e-6)
        for (got, expected) in zip(pca.explainedVariance, reference.explainedVariance) { #expect(abs(got - expected) < 1e-9 * max(1, expected)) }
    }

    /// Three participants, two statements, worked by hand.
    @Test func aSmallMapByHand() {
        // p1 agrees with both, p2 disagrees with both, p3 agrees with s1 only (s2 missing).
        let votes = [(1, 1, 1.0), (1, 2, 1), (2, 1, -1), (2, 2, -1), (3, 1, 1)].enumerated().map { i, v in
            VoteMatrix.Vote(participant: v.0, statement: v.1, value: v.2, time: Int64(i))
        }
        let matrix = VoteMatrix(votes: votes)
        #expect(matrix[2, 1] == nil && matrix.reactionCount(row: 2) == 1)
        let pca = OpinionPCA(matrix, components: 1)
        // Means: s1 = 1/3, s2 = 0. Centred: p1 (2/3, 1), p2 (−4/3, −1), p3 (2/3, 0).
        #expect(abs(pca.means[0] - 1.0 / 3) < 1e-12 && pca.means[1] == 0)
        // Covariance (× 2): [[8/3, 2], [2, 2]]: top eigenvalue (14/3 + sqrt(4/9 + 16)) / 2.
        let top = (14.0 / 3 + (4.0 / 9 + 16).squareRoot()) / 2
        #expect(abs(pca.explainedVariance[0] - top / 2) < 1e-12)
        let pc = pca.components[0]
        #expect(abs(pc[0] * pc[0] + pc[1] * pc[1] - 1) < 1e-12)
        // p3 reacted once out of two: scale sqrt(2).
        #expect(abs(pca.positions[2][0] - (2.0 / 3 * pc[0]) * 2.0.squareRoot()) < 1e-12)
        #expect(abs(pca.positions[0][0] - (2.0 / 3 * pc[0] + pc[1])) < 1e-12)
    }

    @Test func laterReactionsReplaceEarlierOnesAndModerationZeroes() {
        let votes = [
            VoteMatrix.Vote(participant: 7, statement: 3, value: 1, time: 20),
            VoteMatrix.Vote(participant: 7, statement: 3, value: -1, time: 10),
            VoteMatrix.Vote(participant: 8, statement: 4, value: 0, time: 5),
        ]
        let matrix = VoteMatrix(votes: votes)
        #expect(matrix[0, 0] == 1)  // the vote at time 20 counts, though it comes first
        #expect(matrix[1, 0] == nil)
        let zeroed = matrix.zeroing([3])
        #expect(zeroed[0, 0] == 0 && zeroed[1, 0] == 0 && zeroed[1, 1] == 0)
    }

    @Test func writtenFoldersReadBackTextsWithCommasQuotesAndLineBreaks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-polis-write-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "first line\r\nsecond, with \"quotes\"\nthird"
        let writer = PolisWriter(
            statements: [.init(id: 3, author: 9, text: text, moderation: 1, time: Date(timeIntervalSince1970: 0))],
            votes: [.init(participant: 9, statement: 3, value: 1, time: 5)], groups: [9: 0],
            topic: "A, \"topic\"", description: "line\r\nbreak")
        try writer.write(to: folder)
        let back = try PolisExport(folder: folder)
        // A line break inside a cell reads as one LF, whichever the file used (the CSV rules).
        #expect(back.statements.map(\.text) == [text.replacingOccurrences(of: "\r\n", with: "\n")])
        #expect(back.votes == [.init(participant: 9, statement: 3, value: 1, time: 5)])
        #expect(back.publishedGroups == [9: 0])
    }

    /// A statement a spreadsheet would run as a formula is written as text (a leading '), and read
    /// back as it was; a writer asked not to leaves it alone.
    @Test func formulaTextsAreNeutralisedAndComeBackWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-polis-formula-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = ["=HYPERLINK(\"http://x\")", "+1 for buses", "'=already quoted", "plain"]
        var writer = PolisWriter(
            statements: texts.enumerated().map { .init(id: $0, author: 1, text: $1, moderation: 1, time: Date(timeIntervalSince1970: 0)) },
            votes: [.init(participant: 1, statement: 0, value: 1, time: 5)], groups: [:], topic: "@topic", description: "")
        try writer.write(to: folder)
        let comments = try String(contentsOf: folder.appendingPathComponent("comments.csv"), encoding: .utf8)
        #expect(comments.contains(",'+1 for buses") && comments.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") && comments.contains(",''=already quoted"))
        #expect(try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8).contains("topic,'@topic"))
        #expect(try PolisExport(folder: folder).statements.map(\.text) == texts)
        #expect(comments.contains(",1970-01-01T00:00:00Z,"), "the datetime column in ISO 8601, UTC")
        writer.neutralisesFormulas = false
        try writer.write(to: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent("comments.csv"), encoding: .utf8).contains(",+1 for buses"))
    }

    @Test func badFilesAreRefusedWithTheirLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-polis-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "comment-id,author-id,moderated,comment-body\n1,5,1,\"Free, \"\"fast\"\"\nbuses\"\n".write(
            to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
        try "timestamp,comment-id,voter-id,vote\n1,1,9,1\n2,1,10,2\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "votes.csv", line: 3, message: "vote 2 is not 1 (agree), -1 (disagree) or 0 (pass)")) {
            try PolisExport(folder: folder)
        }
        try "timestamp,comment-id,voter-id,vote\n1,1,9,1\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        let export = try PolisExport(folder: folder)
        #expect(export.statements.first?.text == "Free, \"fast\"\nbuses")
        try "timestamp,comment-id,voter,vote\n".write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        #expect(throws: PolisFileError(file: "votes.csv", line: 1, message: "has no 'voter-id' column")) { try PolisExport(folder: folder) }
    }
}

@Suite("Lanczos")
struct LanczosTests {
    /// On a symmetric matrix with a known spread of eigenvalues, Lanczos finds the top two as the
    /// full Jacobi decomposition does.
    @Test func agreesWithTheFullDecomposition() {
        let n = 220
        var state: UInt64 = 42
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) - 0.5 }
        let b = (0..<(n * 30)).map { _ in next() }  // n × 30 factor: a low-rank-ish covariance
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { m[i * n + j] = (0..<30).reduce(0.0) { $0 + b[i * 30 + $1] * b[j * 30 + $1] } } }
        let (values, vectors) = SymmetricEigen.decompose(m)
        let order = values.indices.sorted { values[$0] > values[$1] }
        let fast = Lanczos.largest(count: 2, size: n, steps: 120) { v in (0..<n).map { i in (0..<n).reduce(0.0) { $0 + m[i * n + $1] * v[$1] } } }
        for k in 0..<2 {
            #expect(abs(fast.values[k] - values[order[k]]) < 1e-9 * values[order[0]])
            let exact = (0..<n).map { vectors[$0 * n + order[k]] }
            let same = zip(fast.vectors[k], exact).map { abs($0 - $1) }.max()!, flipped = zip(fast.vectors[k], exact).map { abs($0 + $1) }.max()!
            #expect(min(same, flipped) < 1e-8)
        }
    }

    /// A Pol.is folder reads the same whatever ends its lines: LF, CR LF or a lone CR.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func foldersReadWhateverEndsTheirLines(_ end: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-line-ends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let comments =
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
            + "1,x,0,1,1,0,1,\"Night buses,\nplease\"\n2,x,1,2,0,1,1,Cheaper fares\n"
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,1,1,-1\n3,x,0,2,-1\n"
        try comments.replacingOccurrences(of: "\n", with: end).write(to: folder.appendingPathComponent("comments.csv"), atomically: true, encoding: .utf8)
        try votes.replacingOccurrences(of: "\n", with: end).write(to: folder.appendingPathComponent("votes.csv"), atomically: true, encoding: .utf8)
        let export = try PolisExport(folder: folder)
        #expect(export.statements.map(\.id) == [0, 1] && export.votes.count == 3, "\(end.debugDescription)")
        #expect(export.statements[1].text == "Cheaper fares")
    }
}
