import CharretteSupport
import Foundation

/// pabulib files (pabulib.org): participatory budgeting instances with sections `META`,
/// `PROJECTS` and `VOTES`, fields separated by `;`.
///
/// `vote_type` approval gives approval ballots (projects chosen), ordinal gives rankings,
/// cumulative gives amounts (points) and scoring gives grades. Candidates are the project ids;
/// costs and the budget come from the file, and so does equal shares' completion when the META
/// `rule` is `equalshares/add1` (add-one alone, raised until the next raise would overspend).
public enum Pabulib {
    /// Reads a pabulib file; every problem is reported with its line.
    public static func read(_ text: String) throws(BallotFileError) -> Election {
        var section = "", header: [String] = [], meta: [String: String] = [:]
        var projects: [String] = [], costs: [Int] = [], names: [String?] = [], index: [String: Int] = [:]
        var votes: [(line: Int, fields: [String: String])] = []
        var lineNumber = 0
        for line in LineBreaks.lines(text) {
            lineNumber += 1
            if line.trimmingSpaces.isEmpty { continue }
            let upper = line.trimmingSpaces.uppercased()
            if ["META", "PROJECTS", "VOTES"].contains(upper) { section = upper; header = []; continue }
            let fields = try splitFields(line, line: lineNumber)
            guard !section.isEmpty else { throw BallotFileError(line: lineNumber, "a line before the META section") }
            if header.isEmpty { header = fields.map { $0.lowercased() }; continue }
            guard fields.count == header.count else {
                throw BallotFileError(line: lineNumber, "expected \(header.count) fields (\(header.joined(separator: ";"))), found \(fields.count)")
            }
            let row = Dictionary(zip(header, fields), uniquingKeysWith: { a, _ in a })
            switch section {
            case "META":
                if fields.count >= 2 { meta[fields[0].lowercased()] = fields[1] }
            case "PROJECTS":
                guard let id = row["project_id"], !id.isEmpty else { throw BallotFileError(line: lineNumber, "a project needs a project_id") }
                guard let cost = row["cost"].flatMap(Self.amount), cost >= 0 else {
                    throw BallotFileError(line: lineNumber, "project \(id) needs a cost that is a number from 0 to \(Self.largestAmount)")
                }
                guard index[id] == nil else { throw BallotFileError(line: lineNumber, "project \(id) appears twice") }
                index[id] = projects.count
                projects.append(id); costs.append(cost); names.append(row["name"])
            case "VOTES":
                votes.append((lineNumber, row))
            default:
                throw BallotFileError(line: lineNumber, "a line before the META section")
            }
        }
        guard !projects.isEmpty else { throw BallotFileError(line: 0, "no PROJECTS section with projects") }
        guard let budgetText = meta["budget"] else { throw BallotFileError(line: 0, "the META section gives no budget") }
        guard let budget = Self.amount(budgetText), budget >= 0 else {
            throw BallotFileError(line: 0, "the budget must be a number from 0 to \(Self.largestAmount), not '\(budgetText)'")
        }
        let type = meta["vote_type"]?.lowercased() ?? "approval"
        let n = projects.count
        func projectList(_ row: [String: String], _ line: Int) throws(BallotFileError) -> [Int] {
            guard let vote = row["vote"] else { throw BallotFileError(line: line, "a vote needs a 'vote' field") }
            var seen = Set<Int>(), list: [Int] = []
            for id in vote.split(separator: ",").map({ $0.trimmingSpaces }) where !id.isEmpty {
                guard let p = index[id] else { throw BallotFileError(line: line, "project \(id) is not in the PROJECTS section") }
                guard seen.insert(p).inserted else { throw BallotFileError(line: line, "project \(id) appears twice in one vote") }
                list.append(p)
            }
            return list
        }
        func points(_ row: [String: String], _ line: Int, count: Int) throws(BallotFileError) -> [Int] {
            guard let text = row["points"] else { throw BallotFileError(line: line, "a \(type) vote needs a 'points' field") }
            let values = text.split(separator: ",").map { Int($0.trimmingSpaces).flatMap { abs($0) <= 1_000_000 ? $0 : nil } }
            guard values.count == count, values.allSatisfy({ $0 != nil }) else {
                throw BallotFileError(line: line, "'points' must give a whole number from -1000000 to 1000000 for each of the \(count) projects voted for")
            }
            return values.map { $0! }
        }
        let ballots: Ballots
        switch type {
        case "approval", "choose-1":
            var b = ApprovalBallots(candidateCount: n)
            for (line, row) in votes { b.append(try projectList(row, line)) }
            ballots = .approval(b)
        case "ordinal":
            var b = RankedBallots(candidateCount: n)
            for (line, row) in votes { b.append(tiers: try projectList(row, line).map { [$0] }) }
            ballots = .ranked(b)
        case "cumulative", "scoring":
            var amounts = AmountBallots(candidateCount: n), grades = GradeBallots(candidateCount: n)
            for (line, row) in votes {
                let list = try projectList(row, line)
                let map = Dictionary(uniqueKeysWithValues: zip(list, try points(row, line, count: list.count)))
                if type == "cumulative" { amounts.append(map) } else { grades.append(map) }
            }
            ballots = type == "cumulative" ? .amounts(amounts) : .grades(grades)
        default:
            throw BallotFileError(line: 0, "unknown vote_type '\(type)': expected approval, ordinal, cumulative or scoring")
        }
        var rules = TallyRules(budget: budget, costs: costs)
        // The rule the city counted with, when the file names equal shares completed by add-one
        // alone: raised until the next raise would overspend, which gives Wieliczka's published
        // selection (Tests/Data/pabulib).
        if meta["rule"]?.lowercased() == "equalshares/add1" { rules.completion = EqualSharesCompletion(.addOne, stop: .overBudget) }
        var election = Election(candidates: projects, names: names, ballots: ballots, rules: rules)
        election.ballotLabels = votes.map { "line \($0.line)" }
        return election
    }

    /// The largest cost or budget a file may give (a thousand billion): sums stay exact.
    static let largestAmount = TallyRules.largestMoney

    /// A whole or decimal amount (decimals rounded down, as pabulib budgets are), within range.
    static func amount(_ text: String) -> Int? {
        if let whole = Int(text) { return abs(whole) <= largestAmount ? whole : nil }
        guard let real = Double(text), real.isFinite, abs(real) <= Double(largestAmount) else { return nil }
        return Int(real.rounded(.down))
    }

    /// Writes an election with costs and a budget as a pabulib file.
    public static func write(_ election: Election, description: String = "") -> String {
        let costs = election.rules.costs ?? Array(repeating: 0, count: election.candidates.count)
        var voteType = "approval", votes: [String] = []
        let id = { (c: Int) in election.candidates[c] }
        func expand<T>(_ counts: [Int], _ line: (Int) -> T) -> [T] { counts.indices.flatMap { b in repeatElement(line(b), count: counts[b]) } }
        switch election.ballots {
        case .approval(let b):
            votes = expand(b.counts) { b.approved(by: $0).map { id(Int($0)) }.joined(separator: ",") }
        case .ranked(let b):
            voteType = "ordinal"
            votes = expand(b.counts) { b.tiers(of: $0).flatMap { $0 }.map(id).joined(separator: ",") }
        case .amounts(let b):
            voteType = "cumulative"
            votes = expand(b.counts) { ballot in
                let given = (0..<b.candidateCount).filter { b.amount(ballot, $0) != 0 }
                return given.map(id).joined(separator: ",") + ";" + given.map { String(b.amount(ballot, $0)) }.joined(separator: ",")
            }
        case .grades(let b):
            voteType = "scoring"
            votes = expand(b.counts) { ballot in
                let given = (0..<b.candidateCount).filter { b.grade(ballot, $0) != nil }
                return given.map(id).joined(separator: ",") + ";" + given.map { String(b.grade(ballot, $0)!) }.joined(separator: ",")
            }
        case .positions:
            preconditionFailure("pabulib has no positions")
        }
        let hasPoints = voteType == "cumulative" || voteType == "scoring"
        var lines = [
            "META", "key;value", "description;\(field(description))", "country;", "unit;", "instance;",
            "num_projects;\(election.candidates.count)", "num_votes;\(votes.count)",
            "budget;\(election.rules.budget ?? costs.reduce(0, +))", "vote_type;\(voteType)", "rule;", "PROJECTS", "project_id;cost;name",
        ]
        for c in election.candidates.indices {
            lines.append("\(field(id(c)));\(costs[c]);\(field(election.names[c] ?? id(c)))")
        }
        lines.append(hasPoints ? "VOTES\nvoter_id;vote;points" : "VOTES\nvoter_id;vote")
        for (i, vote) in votes.enumerated() { lines.append("\(i + 1);\(vote)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field, quoted when it holds the separator or a quote.
    static func field(_ text: String) -> String {
        text.contains(";") || text.contains("\"") || text.contains("\n") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Splits on `;`, honouring double quotes.
    static func splitFields(_ line: Substring, line number: Int) throws(BallotFileError) -> [String] {
        var fields: [String] = [], current = "", quoted = false, chars = Array(line), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.isEmpty {
                quoted = true
            } else if c == ";" {
                fields.append(current.trimmingSpaces); current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        guard !quoted else { throw BallotFileError(line: number, "a quoted field is not closed") }
        fields.append(current.trimmingSpaces)
        return fields
    }
}
