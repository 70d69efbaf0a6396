import CharretteSupport

/// PrefLib files (preflib.org, the 2022 format): a `#` header then one line per distinct order,
/// `COUNT: 1,2,{3,4},5`, alternatives numbered from 1, braces around tied alternatives.
///
/// `.soc` and `.soi` hold strict orders (complete, incomplete), `.toc` and `.toi` orders with
/// ties, and `.cat` categories (`COUNT: {1,2},{3},{}`), best category first. Candidates are named
/// by their numbers, as strings.
public enum PrefLib {
    /// The most voters one line, or a whole file, may count.
    public static let largestCount = 1_000_000_000
    /// The most ranks (alternatives × orders) a file may hold: 2 GB of memory.
    public static let largestSize = 1_000_000_000

    /// The kind of data a file holds, from its `# DATA TYPE` or extension.
    public enum DataType: String, Sendable, CaseIterable {
        case soc, soi, toc, toi, cat
        var allowsTies: Bool { self == .toc || self == .toi || self == .cat }
        var isComplete: Bool { self == .soc || self == .toc }
    }

    /// Reads a PrefLib file into an election whose ballots have `shape`: `.ranking` from any
    /// type (categories become tiers), `.approval` from `.cat` (the first category is approved).
    public static func read(_ bytes: [UInt8], dataType fallback: DataType? = nil, as shape: BallotShape) throws(BallotFileError) -> Election {
        // Lines end at LF (a CR before it is blank space to the reader); old Mac files end them at CR.
        var reader = Reader(bytes: LineBreaks.withLoneCarriageReturnsAsLineFeeds(bytes))
        var dataType = fallback, alternatives: Int?, names: [Int: String] = [:]
        var declared: [(key: String, number: Int, line: Int)] = []
        // Header.
        while let line = reader.peekLine(), line.first == UInt8(ascii: "#") {
            reader.skipLine()
            let text = String(decoding: line.dropFirst(), as: UTF8.self).trimmingSpaces
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmingSpaces.uppercased(), value = text[text.index(after: colon)...].trimmingSpaces
            if key == "DATA TYPE" {
                guard let type = DataType(rawValue: value.lowercased()) else {
                    throw BallotFileError(line: reader.line - 1, "unknown PrefLib data type '\(value)'")
                }
                dataType = type
            } else if key == "NUMBER ALTERNATIVES" {
                guard let n = Int(value), n > 0, n < Int(UInt16.max) else {
                    throw BallotFileError(line: reader.line - 1, "NUMBER ALTERNATIVES must be a positive number, not '\(value)'")
                }
                alternatives = n
            } else if key == "NUMBER VOTERS" || key == "NUMBER UNIQUE ORDERS" || key == "NUMBER UNIQUE RESPONSES" || key == "NUMBER RESPONSES" {
                // Checked once the orders are read: a file cut short must not count as complete.
                guard let number = Int(value), number >= 0 else { throw BallotFileError(line: reader.line - 1, "\(key) must be a number, not '\(value)'") }
                declared.append((key, number, reader.line - 1))
            } else if key.hasPrefix("ALTERNATIVE NAME "), let number = Int(key.dropFirst("ALTERNATIVE NAME ".count)) {
                names[number] = value
            }
        }
        guard let type = dataType else {
            throw BallotFileError(line: 0, "not a PrefLib file: no '# DATA TYPE' line and no .soc, .soi, .toc, .toi or .cat extension")
        }
        guard let n = alternatives else { throw BallotFileError(line: reader.line, "the header does not give '# NUMBER ALTERNATIVES'") }
        let candidates = (1...n).map(String.init)
        let displayNames = (1...n).map { names[$0] }
        switch shape {
        case .ranking:
            let (ranks, counts, lines) = try reader.readOrders(alternatives: n, type: type)
            try check(declared, voters: counts.reduce(0, +), orders: counts.count)
            var election = Election(
                candidates: candidates, names: displayNames,
                ballots: .ranked(RankedBallots(candidateCount: n, ranks: ranks, counts: counts)))
            election.ballotLabels = lines.map { "line \($0)" }
            return election
        case .approval:
            guard type == .cat else {
                throw BallotFileError(
                    line: 0, "a .\(type.rawValue) file holds orders; approval methods read .cat files (the first category is approved) or .pb files")
            }
            var ballots = ApprovalBallots(candidateCount: n)
            let (ranks, counts, lines) = try reader.readOrders(alternatives: n, type: type)
            try check(declared, voters: counts.reduce(0, +), orders: counts.count)
            for (b, count) in counts.enumerated() {
                ballots.append((0..<n).filter { ranks[b * n + $0] == 0 }, count: count)
            }
            var election = Election(candidates: candidates, names: displayNames, ballots: .approval(ballots))
            election.ballotLabels = lines.map { "line \($0)" }
            return election
        default:
            throw BallotFileError(line: 0, "PrefLib files hold rankings and categories; \(shape.rawValue) ballots come in .pb or .jsonl files")
        }
    }

    /// Refuses a file whose header announces more or fewer voters or orders than it holds.
    static func check(_ declared: [(key: String, number: Int, line: Int)], voters: Int, orders: Int) throws(BallotFileError) {
        for (key, number, line) in declared {
            let found = key.hasPrefix("NUMBER UNIQUE") ? orders : voters
            guard number == found else {
                throw BallotFileError(line: line, "the header says \(key.lowercased()) \(number), but the file holds \(found): is it cut short?")
            }
        }
    }

    /// Writes ranked ballots as `.soc`, `.soi`, `.toc` or `.toi` (whichever fits), or approval
    /// ballots as `.cat` with the categories "approved" and "not approved". Returns the type and the text.
    /// `requested` asks for a type that can hold the ballots (`.toi` holds any orders); the
    /// narrowest type that fits is written otherwise.
    public static func write(
        _ election: Election, title: String = "", fileName: String = "ballots", as requested: DataType? = nil
    ) -> (type: DataType, text: String) {
        var header: [String] = []
        var body: [String] = []
        var type: DataType
        switch election.ballots {
        case .ranked(let ballots):
            type = ballots.hasTies ? (ballots.isTruncated ? .toi : .toc) : (ballots.isTruncated ? .soi : .soc)
            if let requested, requested != .cat, (!type.allowsTies || requested.allowsTies), (type.isComplete || !requested.isComplete) {
                type = requested
            }
            var lines: [[[Int]]: Int] = [:], order: [[[Int]]] = []
            for b in 0..<ballots.ballotCount {
                let tiers = ballots.tiers(of: b)
                if lines[tiers] == nil { order.append(tiers) }
                lines[tiers, default: 0] += ballots.counts[b]
            }
            order.sort { lines[$0]! > lines[$1]! }
            body = order.map { tiers in
                "\(lines[tiers]!): "
                    + tiers.map { $0.count == 1 ? "\($0[0] + 1)" : "{" + $0.map { "\($0 + 1)" }.joined(separator: ",") + "}" }.joined(separator: ",")
            }
            header.append("# NUMBER UNIQUE ORDERS: \(order.count)")
        case .approval(let ballots):
            type = .cat
            let n = election.candidates.count
            var lines: [[Int]: Int] = [:], order: [[Int]] = []
            for b in 0..<ballots.ballotCount {
                let approved = ballots.approved(by: b).map(Int.init).sorted()
                if lines[approved] == nil { order.append(approved) }
                lines[approved, default: 0] += ballots.counts[b]
            }
            order.sort { lines[$0]! > lines[$1]! }
            body = order.map { approved in
                let rest = (0..<n).filter { !approved.contains($0) }
                return "\(lines[approved]!): {" + approved.map { "\($0 + 1)" }.joined(separator: ",") + "},{" + rest.map { "\($0 + 1)" }.joined(separator: ",")
                    + "}"
            }
            header += ["# NUMBER CATEGORIES: 2", "# CATEGORY NAME 1: approved", "# CATEGORY NAME 2: not approved", "# NUMBER UNIQUE RESPONSES: \(order.count)"]
        default:
            preconditionFailure("PrefLib holds rankings and approvals only")
        }
        var lines =
            [
                "# FILE NAME: \(fileName).\(type.rawValue)", "# TITLE: \(title)", "# DESCRIPTION: ballots exported by Charrette",
                "# DATA TYPE: \(type.rawValue)", "# MODIFICATION TYPE: original", "# RELATES TO: ", "# RELATED FILES: ",
                "# PUBLICATION DATE: ", "# MODIFICATION DATE: ",
                "# NUMBER ALTERNATIVES: \(election.candidates.count)", "# NUMBER VOTERS: \(election.ballots.voterCount)",
            ] + header
        for (i, id) in election.candidates.enumerated() {
            lines.append("# ALTERNATIVE NAME \(i + 1): \(election.names[i] ?? id)")
        }
        return (type, (lines + body).joined(separator: "\n") + "\n")
    }
}

/// A byte-level reader for PrefLib's order lines: fast enough for millions of lines.
private struct Reader {
    let bytes: [UInt8]
    var position = 0
    var line = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    func peekLine() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var slice = bytes[position..<end]
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        return slice
    }

    mutating func skipLine() {
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        position += 1
        line += 1
    }

    /// Lines left that hold something (an upper bound on the orders to come).
    var remainingLines: Int {
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            var blank = true
            for i in position..<buffer.count {
                let c = buffer[i]
                if c == 10 { if !blank { count += 1 }; blank = true } else if c != 32 && c != 9 && c != 13 { blank = false }
            }
            if !blank { count += 1 }
        }
        return count
    }

    /// Reads every order line into a flat array of ranks (`alternatives` per line, tier numbers,
    /// ``RankedBallots/unranked`` for alternatives a line leaves out) and the line's count.
    /// For categories the tier is the category's index.
    mutating func readOrders(alternatives n: Int, type: PrefLib.DataType) throws(BallotFileError) -> (ranks: [UInt16], counts: [Int], lines: [Int32]) {
        let capacity = remainingLines
        guard capacity.multipliedReportingOverflow(by: n).partialValue <= PrefLib.largestSize, capacity < Int.max / max(n, 1) else {
            throw BallotFileError(line: line, "too large to count: \(n) alternatives on up to \(capacity) lines (at most \(PrefLib.largestSize) ranks in all)")
        }
        var ranks = [UInt16](repeating: RankedBallots.unranked, count: capacity * n)
        var counts = [Int](repeating: 0, count: capacity)
        var lines = [Int32](repeating: 0, count: capacity)
        var seen = [Int](repeating: 0, count: n)  // the line number that last used each alternative
        var stored = 0, voters = 0
        let isCat = type == .cat
        var line = self.line
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(BallotFileError) in
            try ranks.withUnsafeMutableBufferPointer { (ranks: inout UnsafeMutableBufferPointer<UInt16>) throws(BallotFileError) in
                try seen.withUnsafeMutableBufferPointer { (seen: inout UnsafeMutableBufferPointer<Int>) throws(BallotFileError) in
                    var i = position
                    let end = buffer.count
                    while i < end {
                        let lineStart = i
                        func fail(_ message: String) -> BallotFileError { BallotFileError(line: line, column: i - lineStart + 1, message) }
                        // Skip blank lines.
                        while i < end && (buffer[i] == 32 || buffer[i] == 9 || buffer[i] == 13) { i += 1 }
                        if i == end { break }
                        if buffer[i] == 10 { i += 1; line += 1; continue }
                        if buffer[i] == UInt8(ascii: "#") {
                            throw fail("a '#' header line after the orders have begun")
                        }
                        // COUNT:
                        let countStart = i
                        var count = 0, digits = 0
                        while i < end, buffer[i] >= 48, buffer[i] <= 57 { count = count &* 10 &+ Int(buffer[i] - 48); digits += 1; i += 1 }
                        guard digits > 0, digits < 16 else { throw fail("expected the number of voters at the start of the line, such as '3: 1,2,4'") }
                        while i < end && buffer[i] == 32 { i += 1 }
                        guard i < end, buffer[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the number of voters") }
                        i += 1
                        func failAtCount(_ message: String) -> BallotFileError { BallotFileError(line: line, column: countStart - lineStart + 1, message) }
                        guard count > 0 else { throw failAtCount("the number of voters must be at least 1") }
                        guard count <= PrefLib.largestCount else { throw failAtCount("the number of voters must be at most \(PrefLib.largestCount)") }
                        voters += count
                        guard voters <= PrefLib.largestCount else { throw failAtCount("more than \(PrefLib.largestCount) voters in all") }
                        let base = stored * n
                        var ranked = 0
                        var tier: UInt16 = 0, inBraces = false, expectItem = true, emptyBraces = false
                        while i < end && buffer[i] != 10 {
                            let c = buffer[i]
                            if c == 32 || c == 9 || c == 13 { i += 1; continue }
                            if c == UInt8(ascii: "{") {
                                guard !inBraces, expectItem else { throw fail("unexpected '{'") }
                                guard type.allowsTies else { throw fail("ties ('{') are not allowed in a .\(type.rawValue) file") }
                                inBraces = true; emptyBraces = true; i += 1; continue
                            }
                            if c == UInt8(ascii: "}") {
                                guard inBraces else { throw fail("'}' without '{'") }
                                guard !expectItem || emptyBraces else { throw fail("expected an alternative before '}'") }
                                inBraces = false; expectItem = false
                                if !emptyBraces || isCat {
                                    guard tier < RankedBallots.unranked - 1 else { throw fail("too many categories") }
                                    tier += 1
                                }
                                i += 1; continue
                            }
                            if c == UInt8(ascii: ",") {
                                guard !expectItem else { throw fail("expected an alternative before ','") }
                                expectItem = true; i += 1; continue
                            }
                            guard c >= 48 && c <= 57 else {
                                throw fail("unexpected '\(Character(Unicode.Scalar(c)))': orders are alternative numbers separated by ',' with ties in '{}'")
                            }
                            guard expectItem else { throw fail("expected ',' between alternatives") }
                            let column = i
                            var a = 0
                            while i < end, buffer[i] >= 48, buffer[i] <= 57, a < 1_000_000 { a = a * 10 + Int(buffer[i] - 48); i += 1 }
                            guard a >= 1 && a <= n else {
                                throw BallotFileError(line: line, column: column - lineStart + 1, "alternative \(a) is not among the \(n) alternatives")
                            }
                            guard seen[a - 1] != line else {
                                throw BallotFileError(line: line, column: column - lineStart + 1, "alternative \(a) appears twice in one order")
                            }
                            seen[a - 1] = line
                            ranks[base + a - 1] = tier
                            ranked += 1
                            expectItem = false
                            if inBraces { emptyBraces = false } else { tier += 1 }
                        }
                        guard !inBraces else { throw fail("'{' is not closed") }
                        guard !expectItem || ranked == 0 else { throw fail("the order ends with ','") }
                        if type.isComplete && ranked != n {
                            throw fail(
                                "a .\(type.rawValue) order must rank all \(n) alternatives; this one ranks \(ranked) (use .\(type == .soc ? "soi" : "toi") for incomplete orders)"
                            )
                        }
                        counts[stored] = count
                        lines[stored] = Int32(truncatingIfNeeded: line)
                        stored += 1
                        if i < end { i += 1 }
                        line += 1
                    }
                    position = end
                }
            }
        }
        self.line = line
        ranks.removeLast((capacity - stored) * n)
        counts.removeLast(capacity - stored)
        lines.removeLast(capacity - stored)
        return (ranks, counts, lines)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
