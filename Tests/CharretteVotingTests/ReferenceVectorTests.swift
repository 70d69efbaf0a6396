import CharretteVoting
import Foundation
import Testing

/// Checks every method against outcomes computed by the reference implementations
/// (pref_voting, abcvoting, pabutools) on random profiles. `scripts/reference/voting_vectors.py`
/// wrote the files under `Vectors/`; each names the reference function and its conventions.
@Suite("Reference vectors")
struct ReferenceVectorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    struct File: Decodable {
        let method: String
        let reference: String
        let cases: [Case]
    }

    struct Case: Decodable {
        struct Ranking: Decodable { let count: Int; let tiers: [[String]] }
        struct Approval: Decodable { let count: Int; let approved: [String] }
        struct Grades: Decodable { let count: Int; let grades: [String: Int] }
        struct Expected: Decodable {
            let winners: [String]?
            let scores: [String: Double]?
            let ranking: [[String]]?
            let committees: [[String]]?
            let elected: [String]?
            let condorcetWinner: String?
            let condorcetLoser: String?
        }

        let name: String?
        let candidates: [String]
        let rankings: [Ranking]?
        let approvals: [Approval]?
        let grades: [Grades]?
        let gradeRange: [Int]?
        let costs: [String: Int]?
        let budget: Int?
        let seats: Int?
        /// Equal shares' completion and its stopping rule, when not the standard one.
        let completion: String?
        let addOneStop: String?
        let expected: Expected

        func election() -> Election {
            let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
            let n = candidates.count
            let ballots: Ballots
            if let rankings {
                var b = RankedBallots(candidateCount: n)
                for r in rankings { b.append(tiers: r.tiers.map { $0.map { index[$0]! } }, count: r.count) }
                ballots = .ranked(b)
            } else if let approvals {
                var b = ApprovalBallots(candidateCount: n)
                for a in approvals { b.append(a.approved.map { index[$0]! }, count: a.count) }
                ballots = .approval(b)
            } else {
                var b = GradeBallots(candidateCount: n)
                for g in grades ?? [] { b.append(Dictionary(uniqueKeysWithValues: g.grades.map { (index[$0.key]!, $0.value) }), count: g.count) }
                ballots = .grades(b)
            }
            var rules = TallyRules(seats: seats, budget: budget)
            if let costs { rules.costs = candidates.map { costs[$0] ?? 0 } }
            if let range = gradeRange, range.count == 2 { rules.gradeRange = range[0]...range[1] }
            if let completion { rules.completion.rule = EqualSharesCompletion.Rule(rawValue: completion)! }
            if let addOneStop { rules.completion.stop = EqualSharesCompletion.Stop(rawValue: addOneStop)! }
            return Election(candidates: candidates, ballots: ballots, rules: rules)
        }
    }

    @Test(arguments: files)
    func matchesReference(_ file: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let vectors = try JSONDecoder().decode(File.self, from: data)
        let method = try #require(TallyMethods.named(vectors.method), "no method \(vectors.method)")
        #expect(vectors.cases.count >= 200, "\(file): only \(vectors.cases.count) cases")
        var failures = 0
        for (i, vector) in vectors.cases.enumerated() where failures < 5 {
            let label = "\(file) case \(i) \(vector.name ?? "")"
            let election = vector.election()
            let result: TallyResult
            do { result = try method.tally(election) } catch {
                Issue.record("\(label): \(error)"); failures += 1; continue
            }
            let problems = Self.problems(vectors.method, vector, election, result)
            if !problems.isEmpty {
                Issue.record("\(label): \(problems.joined(separator: "; "))")
                failures += 1
            }
        }
    }

    /// What differs between our result and the reference's.
    static func problems(_ method: String, _ vector: Case, _ election: Election, _ result: TallyResult) -> [String] {
        var problems: [String] = []
        let ids = { (list: [Int]) in list.map { result.candidates[$0] } }
        let expected = vector.expected
        if let committees = expected.committees {
            let ours = Set((result.committees ?? [result.elected.sorted()]).map { ids($0).sorted() })
            if ours != Set(committees.map { $0.sorted() }) {
                problems.append("committees \(ours.sorted { $0.lexicographicallyPrecedes($1) }), reference \(committees)")
            }
            if !committees.map({ $0.sorted() }).contains(ids(result.elected).sorted()) {
                problems.append("the lot's committee \(ids(result.elected)) is not the reference's")
            }
        } else if let elected = expected.elected {
            if Set(ids(result.elected)) != Set(elected) { problems.append("elected \(ids(result.elected)), reference \(elected)") }
        } else if method == "condorcet", case .ranked(let ballots) = election.ballots {
            let pairwise = PairwiseMatrix(ballots)
            if pairwise.condorcetWinner.map({ vector.candidates[$0] }) != expected.condorcetWinner { problems.append("Condorcet winner") }
            if pairwise.condorcetLoser.map({ vector.candidates[$0] }) != expected.condorcetLoser { problems.append("Condorcet loser") }
            if ids(result.winners) != (expected.condorcetWinner.map { [$0] } ?? []) { problems.append("winners \(ids(result.winners))") }
        }
        if let winners = expected.winners, expected.committees == nil, Set(ids(result.winners)) != Set(winners) {
            problems.append("winners \(ids(result.winners).sorted()), reference \(winners.sorted())")
        }
        if let ranking = expected.ranking, let ours = result.ranking, ours.map({ Set(ids($0)) }) != ranking.map(Set.init) {
            problems.append("ranking \(ours.map(ids)), reference \(ranking)")
        }
        if let scores = expected.scores {
            for (c, id) in vector.candidates.enumerated() {
                guard let reference = scores[id] else { continue }
                guard let mine = result.scores?.values[c] else { problems.append("no score for \(id)"); continue }
                if abs(comparable(method, mine, election) - reference) > 1e-6 { problems.append("score of \(id) is \(mine), reference \(reference)") }
            }
        }
        return problems
    }

    /// Our score in the reference's units, where the two differ by a documented transformation.
    static func comparable(_ method: String, _ score: Double, _ election: Election) -> Double {
        switch method {
        case "borda":
            // Averaged Borda points = (symmetric score + voters × (candidates − 1)) / 2.
            2 * score - Double(election.ballots.voterCount * (election.candidates.count - 1))
        case "minimax":
            -score
        default:
            score
        }
    }
}
