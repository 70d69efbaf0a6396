import Foundation
import Testing

@testable import CharretteOpinions

@Suite("Representativeness and consensus")
struct StatisticsTests {
    struct Reference: Decodable {
        struct Groups: Decodable {
            let participants: [Int]
            let labels: [Int]
            let statistics: [[String: [Double]]]
            let consensusAgree: [Double]
            let consensusDisagree: [Double]
            let representative: [[[Pick]]]
            let agreed: [Int]
            let disagreed: [Int]

            enum CodingKeys: String, CodingKey {
                case participants, labels, statistics, representative, agreed, disagreed
                case consensusAgree = "consensus_agree", consensusDisagree = "consensus_disagree"
            }
        }
        /// A `[statement id, "agree" | "disagree"]` pair.
        enum Pick: Decodable, Equatable {
            case id(Int), direction(String)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let i = try? c.decode(Int.self) { self = .id(i) } else { self = .direction(try c.decode(String.self)) }
            }
        }
        let statements: [Int]
        let moderatedOut: [Int]
        let groups: Groups

        enum CodingKeys: String, CodingKey {
            case statements, groups
            case moderatedOut = "moderated_out"
        }
    }

    @Test(arguments: ProjectionTests.conversations)
    func statisticsAndPicksMatchRedDwarf(_ name: String) throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: ProjectionTests.folder.appendingPathComponent("Vectors/\(name).json")))
        let export = try PolisExport(folder: ProjectionTests.data.appendingPathComponent(name))
        let raw = VoteMatrix(votes: export.votes)
        let group = Dictionary(uniqueKeysWithValues: zip(reference.groups.participants, reference.groups.labels))
        let labels = raw.participants.map { group[$0] ?? -1 }
        let stats = GroupStatistics(raw, labels: labels)
        let fields: [(String, (StatementStatistics) -> Double)] = [
            ("na", { Double($0.agrees) }), ("nd", { Double($0.disagrees) }), ("ns", { Double($0.seen) }),
            ("pa", \.agreeProbability), ("pd", \.disagreeProbability), ("pat", \.agreeTest), ("pdt", \.disagreeTest),
            ("ra", \.agreeRepresentativeness), ("rd", \.disagreeRepresentativeness),
            ("rat", \.agreeRepresentativenessTest), ("rdt", \.disagreeRepresentativenessTest),
        ]
        #expect(stats.groups.count == reference.groups.statistics.count)
        for (g, expected) in reference.groups.statistics.enumerated() {
            for (field, value) in fields {
                let worst = zip(stats.groups[g].map(value), expected[field]!).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-12, "group \(g) \(field)")
            }
        }
        #expect(zip(stats.agreeConsensus, reference.groups.consensusAgree).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(stats.disagreeConsensus, reference.groups.consensusDisagree).allSatisfy { abs($0 - $1) < 1e-15 })

        let excluded = Set(raw.statements.indices.filter { export.moderatedOut.contains(raw.statements[$0]) })
        let picks = stats.representative(excluded: excluded).map {
            $0.map { [Reference.Pick.id(raw.statements[$0.column]), .direction($0.direction.rawValue)] }
        }
        #expect(picks == reference.groups.representative)
        let consensus = RoomConsensus(raw, excluded: excluded)
        #expect(consensus.agreed.map { raw.statements[$0] } == reference.groups.agreed)
        #expect(consensus.disagreed.map { raw.statements[$0] } == reference.groups.disagreed)
    }

    /// Two groups of two, one statement, worked by hand.
    @Test func theFormulasByHand() {
        // Group 0: both agree. Group 1: one disagrees, one passes.
        let votes = [(1, 1.0), (2, 1), (3, -1), (4, 0)].enumerated().map { i, v in
            VoteMatrix.Vote(participant: v.0, statement: 1, value: v.1, time: Int64(i))
        }
        let stats = GroupStatistics(VoteMatrix(votes: votes), labels: [0, 0, 1, 1])
        let g0 = stats.groups[0][0]
        #expect(g0.agrees == 2 && g0.seen == 2)
        #expect(g0.agreeProbability == 3.0 / 4)  // (2 + 1) / (2 + 2)
        #expect(abs(g0.agreeTest - 2 * 3.0.squareRoot() * (1 - 0.5)) < 1e-15)  // 2·sqrt(3)·(3/3 − 1/2)
        #expect(g0.agreeRepresentativeness == (3.0 / 4) / (1.0 / 4))  // the rest: (0 + 1) / (2 + 2)
        // Two-proportion test on (3/3) against (1/3), pooled 4/6.
        let pooled = 4.0 / 6, expected = (1 - 1.0 / 3) / (pooled * (1 - pooled) * (2.0 / 3)).squareRoot()
        #expect(abs(g0.agreeRepresentativenessTest - expected) < 1e-12)
        #expect(stats.agreeConsensus[0] == (3.0 / 4) * (1.0 / 4))
        #expect(GroupStatistics.twoProportionTest(3, 3, 3, 3) == 0)  // pooled proportion 1
    }

    /// The Pol.is priority of what to show next, by hand.
    @Test func routingPrioritiesByHand() {
        // Statement 1: two agrees and a pass; statement 2: nobody yet but one disagree.
        let votes = [(1, 1, 1.0), (2, 1, 1), (3, 1, 0), (1, 2, -1)].enumerated().map { i, v in
            VoteMatrix.Vote(participant: v.0, statement: v.1, value: v.2, time: Int64(i))
        }
        let matrix = VoteMatrix(votes: votes)
        let priorities = Routing.priorities(matrix, statementPositions: [[3, 4], [0, 0]])
        // S = 3, P = 1, A = 2, E = 5: p = 2/5, a = 3/5, importance = (3/5)(6)(3/5).
        let importance = (1 - 2.0 / 5) * 6 * (3.0 / 5), boost = 1 + 8 * pow(2, -3.0 / 5)
        #expect(abs(priorities[0] - (importance * boost) * (importance * boost)) < 1e-12)
        // Participant 2 has not reacted to statement 2: it is the only choice.
        #expect(Routing.next(for: 1, in: matrix, priorities: priorities, draw: 0.99) == 1)
        #expect(Routing.next(for: 0, in: matrix, priorities: priorities, draw: 0.5) == nil)
    }

    /// Two camps of four: camp 0 agrees with s1 and disagrees with s2, camp 1 the reverse; camp 0
    /// splits on s3, camp 1 passes it; everyone agrees with s4. Worked by hand: s1 and s2 are
    /// significant for both camps with equal metrics (5 · 2.58 · 5/6 · 2.24), so each camp shows
    /// its best-agreed statement first, then the other; only s4 is agreed across the room.
    @Test func picksByHand() {
        var votes: [VoteMatrix.Vote] = []
        for p in 0..<8 {
            let camp0 = p < 4
            votes.append(.init(participant: p, statement: 1, value: camp0 ? 1 : -1, time: 0))
            votes.append(.init(participant: p, statement: 2, value: camp0 ? -1 : 1, time: 0))
            votes.append(.init(participant: p, statement: 3, value: camp0 ? (p % 2 == 0 ? 1 : -1) : 0, time: 0))
            votes.append(.init(participant: p, statement: 4, value: 1, time: 0))
        }
        let matrix = VoteMatrix(votes: votes)
        let stats = GroupStatistics(matrix, labels: (0..<8).map { $0 < 4 ? 0 : 1 })
        let s1 = stats.groups[0][0]
        #expect(abs(s1.agreeRepresentativeness - 5) < 1e-12 && abs(s1.agreeTest - 5.0.squareRoot()) < 1e-12)
        #expect(abs(s1.agreeRepresentativenessTest - 0.8 / (0.6 * 0.4 * 0.4).squareRoot()) < 1e-12)
        let picks = stats.representative()
        #expect(
            picks[0] == [PickedStatement(column: 0, direction: .agree, bestAgree: true), PickedStatement(column: 1, direction: .disagree, bestAgree: false)])
        #expect(
            picks[1] == [PickedStatement(column: 1, direction: .agree, bestAgree: true), PickedStatement(column: 0, direction: .disagree, bestAgree: false)])
        let consensus = RoomConsensus(matrix)
        #expect(consensus.agreed == [3] && consensus.disagreed.isEmpty)
        // Moderated out, s1 is never picked.
        #expect(!stats.representative(excluded: [0]).flatMap { $0 }.contains { $0.column == 0 })
        // s3 divides too: half of camp 0 agrees (3/6) against none of camp 1 (1/6).
        #expect(OpinionMap.divisive(stats).map(\.column) == [0, 1, 2])
    }

    /// A camp that disagrees with everything has no best-agreed statement, yet what it rejects is
    /// significant: Pol.is shows it (red-dwarf shows nothing).
    @Test func aGroupThatOnlyDisagreesStillShowsItsStatements() {
        var votes: [VoteMatrix.Vote] = []
        for p in 0..<8 { for s in 1...3 { votes.append(.init(participant: p, statement: s, value: p < 4 ? 1 : -1, time: 0)) } }
        let picks = GroupStatistics(VoteMatrix(votes: votes), labels: (0..<8).map { $0 < 4 ? 0 : 1 }).representative()
        #expect(picks[1].map(\.column) == [0, 1, 2] && picks[1].allSatisfy { $0.direction == .disagree && !$0.bestAgree })
    }
}
