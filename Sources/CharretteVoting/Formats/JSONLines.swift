import CharretteSupport
import Foundation

/// JSON Lines ballots: one JSON object per line.
///
/// An optional first line describes the vote: `{"candidates": ["a", "b"], "names": {"a": "…"},
/// "costs": {"a": 120}, "budget": 500, "seats": 2, "credits": 9, "cap": 3, "min": 0, "max": 5,
/// "seed": 7}` (all but the candidates optional). Every other line is one ballot, with an
/// optional `"count"` (default 1) and one of:
/// `{"ranking": [["a"], ["b", "c"]]}` (tiers, best first; a bare id is a tier of one),
/// `{"approve": ["a", "c"]}`, `{"grades": {"a": 4, "b": 0}}`, `{"amounts": {"a": 3}}`,
/// `{"positions": {"a": "agree"}}` (consent or reactions).
/// Without a header, the candidates are every id the ballots name, sorted (as numbers when they
/// all are), so the order of the ballots never matters.
public enum JSONLines {
    /// The largest count (and number of voters in all) a file may give, and the largest grade or
    /// amount: within these, no sum can overflow.
    static let largestNumber = TallyRules.largestVoterCount
    static let largestValue = TallyRules.largestValue

    /// Reads JSON Lines ballots; every problem is reported with its line.
    public static func read(_ text: String) throws(BallotFileError) -> Election {
        var candidates: [String] = [], names: [String: String] = [:]
        var header: (line: Int, object: [String: Any])?
        var parsed: [(line: Int, object: [String: Any])] = []
        var lineNumber = 0
        for raw in LineBreaks.lines(text) {
            lineNumber += 1
            guard !raw.trimmingSpaces.isEmpty else { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] else {
                throw BallotFileError(line: lineNumber, "not a JSON object")
            }
            if let list = object["candidates"] {
                guard parsed.isEmpty, header == nil else { throw BallotFileError(line: lineNumber, "the candidates line must come first") }
                guard let ids = list as? [Any], case let strings = ids.compactMap(idString), strings.count == ids.count, !strings.isEmpty else {
                    throw BallotFileError(line: lineNumber, "'candidates' must be a list of ids")
                }
                guard Set(strings).count == strings.count else {
                    throw BallotFileError(line: lineNumber, "candidate \(strings.first { id in strings.filter { $0 == id }.count > 1 }!) appears twice")
                }
                candidates = strings
                names = (object["names"] as? [String: String]) ?? [:]
                header = (lineNumber, object)
                continue
            }
            parsed.append((lineNumber, object))
        }
        guard let first = parsed.first else { throw BallotFileError(line: 0, "no ballots") }
        let kinds = ["ranking", "approve", "grades", "amounts", "positions"]
        guard let kind = kinds.first(where: { first.object[$0] != nil }) else {
            throw BallotFileError(line: first.line, "a ballot needs one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        if header == nil { candidates = try collectCandidates(parsed, kind: kind) }
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        func candidate(_ value: Any, _ line: Int) throws(BallotFileError) -> Int {
            guard let id = idString(value) else { throw BallotFileError(line: line, "a candidate must be a string or a whole number") }
            guard let c = index[id] else { throw BallotFileError(line: line, "candidate \(id) is not in the candidates line") }
            return c
        }
        var rankings: [(Int, [[Int]])] = [], sets: [(Int, [Int])] = [], maps: [(Int, [Int: Int])] = []
        var positionNames: [String] = []
        for (line, object) in parsed {
            guard let body = object[kind] else { throw BallotFileError(line: line, "every ballot in a file must be of one kind; the first is \"\(kind)\"") }
            let count: Int
            if let c = object["count"] {
                guard let n = wholeNumber(c), n >= 1 else { throw BallotFileError(line: line, "'count' must be a whole number from 1 to \(largestNumber)") }
                count = n
            } else {
                count = 1
            }
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
                for m in list {
                    let c = try candidate(m, line)
                    guard seen.insert(c).inserted else { throw BallotFileError(line: line, "candidate \(candidates[c]) appears twice") }
                }
                sets.append((count, seen.sorted()))
            default:
                guard let dict = body as? [String: Any] else { throw BallotFileError(line: line, "'\(kind)' must be an object from candidate to value") }
                var map: [Int: Int] = [:]
                for (key, value) in dict.sorted(by: { $0.key < $1.key }) {
                    let c = try candidate(key, line)
                    if kind == "positions" {
                        guard let text = value as? String else { throw BallotFileError(line: line, "a position must be a word such as \"agree\"") }
                        if !positionNames.contains(text) {
                            guard positionNames.count < PositionBallots.maximumPositions else {
                                throw BallotFileError(line: line, "more than \(PositionBallots.maximumPositions) different positions")
                            }
                            positionNames.append(text)
                        }
                        map[c] = positionNames.firstIndex(of: text)!
                    } else {
                        guard let number = wholeNumber(value), abs(number) <= largestValue else {
                            throw BallotFileError(line: line, "the value for \(key) must be a whole number between -\(largestValue) and \(largestValue)")
                        }
                        map[c] = number
                    }
                }
                maps.append((count, map))
            }
        }
        let rankedVoters: Int = rankings.reduce(0) { $0 + $1.0 }
        let otherVoters: Int = sets.reduce(0) { $0 + $1.0 } + maps.reduce(0) { $0 + $1.0 }
        let voters = rankedVoters + otherVoters
        guard voters <= largestNumber else { throw BallotFileError(line: 0, "more than \(largestNumber) voters in all") }
        let n = candidates.count
        let ballots: Ballots
        switch kind {
        case "ranking":
            var b = RankedBallots(candidateCount: n)
            for (count, tiers) in rankings { b.append(tiers: tiers, count: count) }
            ballots = .ranked(b)
        case "approve":
            var b = ApprovalBallots(candidateCount: n)
            for (count, set) in sets { b.append(set, count: count) }
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
            // The file's own words; consent and reactions check them against theirs.
            var b = PositionBallots(candidateCount: n, positions: positionNames)
            for (count, map) in maps { b.append(map, count: count) }
            ballots = .positions(b)
        }
        var rules = TallyRules()
        if let header { rules = try self.rules(header.object, candidates: candidates, line: header.line) }
        var election = Election(candidates: candidates, names: candidates.map { names[$0] }, ballots: ballots, rules: rules)
        election.ballotLabels = parsed.map { "line \($0.line)" }
        return election
    }

    /// Every id the ballots name, sorted: as numbers when all are whole numbers.
    static func collectCandidates(_ parsed: [(line: Int, object: [String: Any])], kind: String) throws(BallotFileError) -> [String] {
        var ids = Set<String>()
        for (line, object) in parsed {
            let body = object[kind]
            var values: [Any] = []
            if let dict = body as? [String: Any] {
                values = Array(dict.keys)
            } else if let list = body as? [Any] {
                values = list.flatMap { ($0 as? [Any]) ?? [$0] }
            }
            for value in values {
                guard let id = idString(value) else { throw BallotFileError(line: line, "a candidate must be a string or a whole number") }
                ids.insert(id)
            }
        }
        if ids.allSatisfy({ Int($0) != nil }) { return ids.sorted { Int($0)! < Int($1)! } }
        return ids.sorted()
    }

    /// The rules a header line gives: costs (for every candidate), budget, seats and the rest.
    static func rules(_ object: [String: Any], candidates: [String], line: Int) throws(BallotFileError) -> TallyRules {
        var rules = TallyRules()
        func setting(_ key: String, minimum: Int = 0) throws(BallotFileError) -> Int? {
            guard let value = object[key] else { return nil }
            guard let number = wholeNumber(value), number >= minimum else {
                let bound = minimum > Int.min + 1 ? " of at least \(minimum)" : ""
                throw BallotFileError(line: line, "'\(key)' must be a whole number\(bound)")
            }
            return number
        }
        if let costs = object["costs"] {
            guard let map = costs as? [String: Any] else { throw BallotFileError(line: line, "'costs' must be an object from candidate to cost") }
            rules.costs = try candidates.map { id throws(BallotFileError) in
                guard let value = map[id] else { throw BallotFileError(line: line, "'costs' gives no cost for \(id)") }
                guard let cost = wholeNumber(value), cost >= 0 else {
                    throw BallotFileError(line: line, "the cost of \(id) must be a whole number of at least 0")
                }
                return cost
            }
            if let extra = map.keys.sorted().first(where: { !candidates.contains($0) }) {
                throw BallotFileError(line: line, "'costs' names \(extra), which is not a candidate")
            }
        }
        rules.budget = try setting("budget")
        rules.seats = try setting("seats", minimum: 1)
        rules.credits = try setting("credits")
        rules.capPerCandidate = try setting("cap")
        if let seed = try setting("seed") { rules.seed = UInt64(seed) }
        switch (try setting("min", minimum: Int.min + 1), try setting("max", minimum: Int.min + 1)) {
        case (let low?, let high?):
            guard low < high else { throw BallotFileError(line: line, "'max' must be above 'min'") }
            rules.gradeRange = low...high
        case (nil, nil): break
        default: throw BallotFileError(line: line, "give 'min' and 'max' together")
        }
        return rules
    }

    /// A JSON whole number (not a boolean, not a fraction) within ±``largestNumber``.
    static func wholeNumber(_ value: Any) -> Int? {
        // JSON booleans arrive as numbers of type "c"; 0 and 1 would otherwise pass for them.
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
            let whole = value as? Int, abs(whole) <= largestNumber
        else { return nil }
        return whole
    }

    /// Writes the election as JSON Lines: a candidates line, then one line per stored ballot.
    public static func write(_ election: Election) -> String {
        var header: [String: Any] = ["candidates": election.candidates]
        let named = Dictionary(uniqueKeysWithValues: election.candidates.indices.compactMap { c in election.names[c].map { (election.candidates[c], $0) } })
        if !named.isEmpty { header["names"] = named }
        if let costs = election.rules.costs { header["costs"] = Dictionary(uniqueKeysWithValues: zip(election.candidates, costs)) }
        let rules = election.rules
        if let budget = rules.budget { header["budget"] = budget }
        if let seats = rules.seats { header["seats"] = seats }
        if let credits = rules.credits { header["credits"] = credits }
        if let cap = rules.capPerCandidate { header["cap"] = cap }
        if let range = rules.gradeRange { header["min"] = range.lowerBound; header["max"] = range.upperBound }
        if rules.seed != TallyRules.defaultSeed, rules.seed <= UInt64(largestNumber) { header["seed"] = Int(rules.seed) }
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
                let map = Dictionary(
                    uniqueKeysWithValues: (0..<b.candidateCount).compactMap { c -> (String, String)? in
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
        return wholeNumber(value).map(String.init)
    }
}
