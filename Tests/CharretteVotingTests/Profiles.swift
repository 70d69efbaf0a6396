import CharretteVoting

/// Small elections written the way textbooks write them: `[(4, "A>B>C"), (3, "C>B=A")]`.
enum Profiles {
    /// Ranked ballots from strings such as "A>B=C" (B and C tied) over the candidates named.
    static func ranked(_ candidates: [String], _ ballots: [(Int, String)], rules: TallyRules = TallyRules()) -> Election {
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var b = RankedBallots(candidateCount: candidates.count)
        for (count, text) in ballots {
            let tiers = text.split(separator: ">").map { $0.split(separator: "=").map { index[String($0)]! } }
            b.append(tiers: tiers, count: count)
        }
        return Election(candidates: candidates, ballots: .ranked(b), rules: rules)
    }

    /// Approval ballots from sets of names.
    static func approval(_ candidates: [String], _ ballots: [(Int, [String])], rules: TallyRules = TallyRules()) -> Election {
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var b = ApprovalBallots(candidateCount: candidates.count)
        for (count, set) in ballots { b.append(set.map { index[$0]! }, count: count) }
        return Election(candidates: candidates, ballots: .approval(b), rules: rules)
    }

    /// Grade ballots from name-to-grade maps.
    static func graded(_ candidates: [String], _ ballots: [(Int, [String: Int])], rules: TallyRules = TallyRules()) -> Election {
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var b = GradeBallots(candidateCount: candidates.count)
        for (count, grades) in ballots { b.append(Dictionary(uniqueKeysWithValues: grades.map { (index[$0.key]!, $0.value) }), count: count) }
        return Election(candidates: candidates, ballots: .grades(b), rules: rules)
    }

    static func tally(_ method: String, _ election: Election) throws -> TallyResult {
        guard let m = TallyMethods.named(method) else { throw TallyError.setting("no method \(method)") }
        return try m.tally(election)
    }
}

extension TallyResult {
    var winnerIDs: [String] { winners.map(id) }
    var electedIDs: [String] { elected.map(id) }
    var rankingIDs: [[String]]? { ranking?.map { $0.map(id) } }
}
