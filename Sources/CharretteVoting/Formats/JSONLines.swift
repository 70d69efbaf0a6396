import Foundation

/// JSON Lines ballots: one JSON object per line.
///
/// An optional first line describes the vote: `{"candidates": ["a", "b"], "names": {"a": "…"},
/// "costs": {"a": 120}, "budget": 500}`. Every other line is one ballot, with an optional
/// `"count"` (default 1) and one of:
/// `{"ranking": [["a"], ["b", "c"]]}` (tiers, best first; a bare id is a tier of one),
/// `{"approve": ["a", "c"]}`, `{"grades": {"a": 4, "b": 0}}`, `{"amounts": {"a": 3}}`,
/// `{"positions": {"a": "agree"}}` (consent or reactions).
/// Without a header, candidates are taken in the order they first appear.
public enum JSONLines {
    public static func read(_ text: String) throws(BallotFileError) -> Election {
        var candidates: [String] = [], index: [String: Int] = [:], names: [String: String] = [:]
        var costs: [String: Int]?, budget: Int?, declared = false
        var parsed: [(line: Int, object: [String: Any])] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !raw.trimmingSpaces.isEmpty else { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] else {
                throw BallotFileError(line: lineNumber, "not a JSON object")
            }
            if let list = object["candidates"] {
                guard parsed.isEmpty, !declared else { throw BallotFileError(line: lineNumber, "the candidates line must come first") }
                guard let ids = list as? [Any], let strings = Optional(ids.compactMap(idString)), strings.count == ids.count, !strings.isEmpty else {
                    throw BallotFileError(line: lineNumber, "'candidates' must be a list of ids")
                }
                for id in strings {
                    guard index[id] == nil else { throw BallotFileError(line: lineNumber, "candidate \(id) appears twice") }
                    index[id] = candidates.count; candidates.append(id)
                }
                names = (object["names"] as? [String: String]) ?? [:]
                costs = (object["costs"] as? [String: Any])?.compactMapValues { ($0 as? NSNumber)?.intValue }
                budget = (object["budget"] as? NSNumber)?.intValue
                declared = true
                continue
            }
            parsed.append((lineNumber, object))
        }
        guard let first = parsed.first else { throw BallotFileError(line: 0, "no ballots") }
        let kinds = ["ranking", "approve", "grades", "amounts", "positions"]
        guard let kind = kinds.first(where: { first.object[$0] != nil }) else {
            throw BallotFileError(line: first.line, "a ballot needs one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        // Without a header, collect candidates in the order they appear.
        func candidate(_ value: Any, _ line: Int) throws(BallotFileError) -> Int {
            guard let id = idString(value) else { throw BallotFileError(line: line, "a candidate must be a string or a number") }
            if let c = index[id] { return c }
            guard !declared else { throw BallotFileError(line: line, "candidate \(id) is not in the candidates line") }
            index[id] = candidates.count; candidates.append(id)
            return candidates.count - 1
        }
        var rankings: [(Int, [[Int]])] = [], sets: [(Int, [Int])] = [], maps: [(Int, [Int: Int])] = []
        var positionNames: [String] = []
        for (line, object) in parsed {
            guard let body = object[kind] else { throw BallotFileError(line: line, "every ballot in a file must be of one kind; the first is \"\(kind)\"") }
            let count: Int
            if let c = object["count"] {
                guard let n = (c as? NSNumber)?.intValue, n >= 1 else { throw BallotFileError(line: line, "'count' must be a whole number of at least 1") }
                count = n
            } else { count = 1 }
            switch kind {
            case "ranking":
                guard let tiers = body as? [Any] else { throw BallotFileError(line: line, "'ranking' must be a list of tiers") }
                var seen = Set<Int>(), result: [[Int]] = []
                for tier in tiers {
                    let members = (tier as? [Any]) ?? [tier]
                    var list: [Int] = []
                    for m in members {
                        let c = try candidate(m, line)
                        guard seen.insert(c).inserted else { throw BallotFileError(line: line, "candidate \(candidates[c]) appears twice") }
                        list.append(c)
                    }
                    result.append(list)
                }
                rankings.append((count, result))
            case "approve":
                guard let list = body as? [Any] else { throw BallotFileError(line: line, "'approve' must be a list") }
                var seen = Set<Int>()
                for m in list { guard seen.insert(try candidate(m, line)).inserted else { throw BallotFileError(line: line, "a candidate appears twice") } }
                sets.append((count, Array(seen)))
            default:
                guard let dict = body as? [String: Any] else { throw BallotFileError(line: line, "'\(kind)' must be an object from candidate to value") }
                var map: [Int: Int] = [:]
                for (key, value) in dict.sorted(by: { $0.key < $1.key }) {
                    let c = try candidate(key, line)
                    if kind == "positions" {
                        guard let text = value as? String else { throw BallotFileError(line: line, "a position must be a word such as \"agree\"") }
                        if !positionNames.contains(text) { positionNames.append(text) }
                        map[c] = positionNames.firstIndex(of: text)!
                    } else {
                        guard let number = value as? NSNumber, Double(number.intValue) == number.doubleValue else {
                            throw BallotFileError(line: line, "the value for \(key) must be a whole number")
                        }
                        map[c] = number.intValue
                    }
                }
                maps.append((count, map))
            }
        }
        let n = candidates.count
        let ballots: Ballots
        switch kind {
        case "ranking":
            var b = RankedBallots(candidateCount: n)
            for (count, tiers) in rankings { b.append(tiers: tiers, count: count) }
            ballots = .ranked(b)
        case "approve":
            var b = ApprovalBallots(candidateCount: n)
            for (count, set) in sets { b.append(set.sorted(), count: count) }
            ballots = .approval(b)
        case "grades":
            var b = GradeBallots(candidateCount: n)
            for (count, map) in maps { b.append(map, count: count) }
            ballots = .grades(b)
        case "amounts":
            var b = AmountBallots(candidateCount: n)
            for (count, map) in maps { b.append(map, count: count) }
            ballots = .amounts(b)
        default:
            // Known vocabularies keep their order, so tallies find each position where they expect it.
            let vocabulary = Set(positionNames).isSubset(of: PositionBallots.reactions) ? PositionBallots.reactions
                : Set(positionNames).isSubset(of: PositionBallots.consent) ? PositionBallots.consent : positionNames
            var b = PositionBallots(candidateCount: n, positions: vocabulary)
            for (count, map) in maps { b.append(map.mapValues { vocabulary.firstIndex(of: positionNames[$0])! }, count: count) }
            ballots = .positions(b)
        }
        var rules = TallyRules(budget: budget)
        if let costs { rules.costs = candidates.map { costs[$0] ?? 0 } }
        return Election(candidates: candidates, names: candidates.map { names[$0] }, ballots: ballots, rules: rules)
    }

    /// Writes the election as JSON Lines: a candidates line, then one line per stored ballot.
    public static func write(_ election: Election) -> String {
        var header: [String: Any] = ["candidates": election.candidates]
        let named = Dictionary(uniqueKeysWithValues: election.candidates.indices.compactMap { c in election.names[c].map { (election.candidates[c], $0) } })
        if !named.isEmpty { header["names"] = named }
        if let costs = election.rules.costs { header["costs"] = Dictionary(uniqueKeysWithValues: zip(election.candidates, costs)) }
        if let budget = election.rules.budget { header["budget"] = budget }
        var lines = [line(header)]
        let id = { (c: Int) in election.candidates[c] }
        func ballot(_ key: String, _ value: Any, _ count: Int) -> String {
            line(count == 1 ? [key: value] : [key: value, "count": count])
        }
        switch election.ballots {
        case .ranked(let b):
            for i in 0..<b.ballotCount { lines.append(ballot("ranking", b.tiers(of: i).map { $0.map(id) }, b.counts[i])) }
        case .approval(let b):
            for i in 0..<b.ballotCount { lines.append(ballot("approve", b.approved(by: i).map { id(Int($0)) }, b.counts[i])) }
        case .grades(let b):
            for i in 0..<b.ballotCount {
                let map = Dictionary(uniqueKeysWithValues: (0..<b.candidateCount).compactMap { c in b.grade(i, c).map { (id(c), $0) } })
                lines.append(ballot("grades", map, b.counts[i]))
            }
        case .amounts(let b):
            for i in 0..<b.ballotCount {
                let map = Dictionary(uniqueKeysWithValues: (0..<b.candidateCount).filter { b.amount(i, $0) != 0 }.map { (id($0), b.amount(i, $0)) })
                lines.append(ballot("amounts", map, b.counts[i]))
            }
        case .positions(let b):
            for i in 0..<b.ballotCount {
                let map = Dictionary(uniqueKeysWithValues: (0..<b.candidateCount).compactMap { c -> (String, String)? in
                    let code = b.codes[i * b.candidateCount + c]
                    return code < 0 ? nil : (id(c), b.positions[Int(code)])
                })
                lines.append(ballot("positions", map, b.counts[i]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func idString(_ value: Any) -> String? {
        if let s = value as? String { return s }
        if let n = value as? NSNumber, Double(n.intValue) == n.doubleValue { return String(n.intValue) }
        return nil
    }
}
