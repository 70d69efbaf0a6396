import Foundation
import Testing

@testable import CharretteOpinions

@Suite("Opinion groups")
struct GroupTests {
    @Test func kMeansStartsFromTheFirstDistinctPoints() {
        let points: [[Double]] = [[0, 0], [0, 0], [0, 1], [10, 10], [10, 11], [0.5, 0.5]]
        let km = PolisKMeans(points: points, k: 2)
        // Seeds (0,0) and (0,1): both start in the left camp, and the right camp pulls one away.
        #expect(km.labels[3] == km.labels[4] && km.labels[0] == km.labels[1] && km.labels[0] != km.labels[3])
        #expect(km.centres.count == 2)
    }

    @Test func weightsPullTheCentre() {
        let km = PolisKMeans(points: [[0, 0], [3, 0]], weights: [2, 1], k: 1)
        #expect(km.centres == [[1, 0]])
    }

    @Test func adjustedRandIndexByHand() {
        #expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 7, 7]) == 1)
        // scikit-learn's adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 4/7.
        #expect(abs(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 4.0 / 7) < 1e-12)
        #expect(adjustedRandIndex([0, 0, -1, 1, 1], [1, 1, 0, 0, 0]) == 1)  // -1 left out
    }

    /// Two camps of twenty who agree within and disagree across, plus two who reacted once.
    @Test func twoCampsMakeTwoGroups() {
        var votes: [VoteMatrix.Vote] = []
        for p in 0..<40 {
            for s in 0..<10 {
                // Camp A (p < 20) agrees with s < 5 and disagrees with the rest; camp B the reverse;
                // everyone skips one statement so rows differ.
                guard s != p % 10 else { continue }
                let agrees = (p < 20) == (s < 5)
                votes.append(.init(participant: p, statement: s, value: agrees ? 1 : -1, time: 0))
            }
        }
        votes.append(.init(participant: 40, statement: 0, value: 1, time: 0))
        votes.append(.init(participant: 41, statement: 9, value: 0, time: 0))
        let matrix = VoteMatrix(votes: votes)
        let pca = OpinionPCA(matrix)
        let groups = OpinionGroups(matrix, positions: pca.positions)
        #expect(groups.clustered == Array(0..<40))  // one reaction is below min(7, 10)
        #expect(groups.labels[40] == -1 && groups.labels[41] == -1)
        #expect(groups.count == 2)
        #expect(adjustedRandIndex(Array(groups.labels[0..<40]), (0..<40).map { $0 < 20 ? 0 : 1 }) == 1)
    }

    /// One farthest-point start can settle in a worse split (an outlier alone); restarting from
    /// every point keeps the split of least weighted inertia.
    @Test func restartsKeepTheBestSplit() throws {
        let points: [[Double]] = [[2, 8], [1, 2], [0, 0], [9, 2], [4, 7], [7, 9]]
        let weights: [Double] = [3, 3, 2, 1, 1, 3]
        let single = PolisKMeans(points: points, weights: weights, k: 2, seeding: .farthest)
        #expect(single.labels == [0, 0, 0, 1, 0, 0] && abs(single.inertia - 236.3) < 0.1)
        let best = try #require(PolisKMeans.best(points: points, weights: weights, k: 2))
        #expect(best.labels == [1, 0, 0, 1, 1, 1] && abs(best.inertia - 100) < 0.1)
    }

    @Test func fewActiveParticipantsAreToppedUpToFifteen() {
        var votes: [VoteMatrix.Vote] = []
        for p in 0..<20 { for s in 0..<(p < 5 ? 8 : 1 + p % 3) { votes.append(.init(participant: p, statement: s, value: 1, time: 0)) } }
        let matrix = VoteMatrix(votes: votes)
        let groups = OpinionGroups(matrix, positions: OpinionPCA(matrix).positions)
        #expect(groups.clustered.count == 15)
        #expect(Set(0..<5).isSubset(of: groups.clustered))
    }

    /// red-dwarf's agreement with the groups Pol.is published, per public conversation
    /// (`scripts/reference/polis_agreement.py` wrote it).
    struct Agreement: Decodable {
        struct Conversation: Decodable {
            let publishedGroups: Int, reddwarfGroups: Int, reddwarfClustered: Int, reddwarfAgreement: Double

            enum CodingKeys: String, CodingKey {
                case publishedGroups = "published_groups", reddwarfGroups = "reddwarf_groups"
                case reddwarfClustered = "reddwarf_clustered", reddwarfAgreement = "reddwarf_agreement"
            }
        }
        let reference: String
        let conversations: [String: Conversation]
    }

    static let agreement: Agreement = {
        let url = ProjectionTests.folder.appendingPathComponent("Vectors/agreement.json")
        return try! JSONDecoder().decode(Agreement.self, from: Data(contentsOf: url))
    }()

    /// Charrette's groups on every conversation, worked out once for the tests that need them.
    static let charrette: [String: (groups: OpinionGroups, agreement: Double)] = {
        Dictionary(uniqueKeysWithValues: agreement.conversations.keys.map { ($0, try! charretteAgreement($0)) })
    }()

    /// Charrette's groups, built from scratch, against those Pol.is published: the adjusted Rand
    /// index over the participants both clustered, as `opinions FOLDER` reports it.
    static func charretteAgreement(_ name: String) throws -> (groups: OpinionGroups, agreement: Double) {
        let export = try PolisExport(folder: ProjectionTests.data.appendingPathComponent(name))
        let matrix = VoteMatrix(votes: export.votes)
        let groups = OpinionGroups(matrix, positions: OpinionPCA(export.matrix()).positions)
        let published = matrix.participants.map { export.publishedGroups[$0] ?? -1 }
        return (groups, adjustedRandIndex(groups.labels, published))
    }

    /// On every public conversation Charrette clusters the people red-dwarf does (the same rule:
    /// seven reactions or more, topped up to fifteen), chooses the fewest groups within the margin
    /// of the best silhouette, and agrees with what Pol.is published no less than 0.05 below
    /// red-dwarf.
    @Test(arguments: agreement.conversations.keys.sorted())
    func groupsAgreeWithWhatPolisPublished(_ name: String) throws {
        let reference = try #require(Self.agreement.conversations[name])
        let (groups, agreement) = try #require(Self.charrette[name])
        #expect(groups.clustered.count == reference.reddwarfClustered)
        #expect(agreement >= reference.reddwarfAgreement - 0.05, "\(name): \(agreement) against red-dwarf's \(reference.reddwarfAgreement)")
        let best = try #require(groups.silhouettes.map(\.score).max())
        #expect(groups.count == groups.silhouettes.filter { $0.score >= best - OpinionGroups.silhouetteMargin }.map(\.k).min())
    }

    /// Over all of them, Charrette's groups agree with Pol.is's better than red-dwarf's do.
    @Test func onAverageGroupsAgreeBetterThanRedDwarf() throws {
        let names = Self.agreement.conversations.keys.sorted()
        let ours = names.map { Self.charrette[$0]!.agreement }.reduce(0, +) / Double(names.count)
        let theirs = names.map { Self.agreement.conversations[$0]!.reddwarfAgreement }.reduce(0, +) / Double(names.count)
        #expect(names.count == 12)
        #expect(ours > theirs, "mean \(ours) against red-dwarf's \(theirs)")
    }
}
