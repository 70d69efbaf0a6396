import CharretteSupport
import CharretteVoting
import Foundation
import Testing

@Suite("Ballot files")
struct BallotFileTests {
    static let toi = """
        # FILE NAME: sample.toi
        # DATA TYPE: toi
        # NUMBER ALTERNATIVES: 4
        # ALTERNATIVE NAME 1: Bus
        # ALTERNATIVE NAME 2: Tram
        # ALTERNATIVE NAME 3: Bike
        # ALTERNATIVE NAME 4: Walk
        3: 1,{2,3},4
        2: 4,2
        1: {1,2,3,4}

        """

    static func ranked(_ election: Election) throws -> RankedBallots {
        guard case .ranked(let b) = election.ballots else { throw TallyError.setting("not ranked") }
        return b
    }

    @Test func prefLibOrdersWithTiesAndTruncation() throws {
        let election = try PrefLib.read(Array(Self.toi.utf8), as: .ranking)
        #expect(election.candidates == ["1", "2", "3", "4"])
        #expect(election.names == ["Bus", "Tram", "Bike", "Walk"])
        let b = try Self.ranked(election)
        #expect(b.counts == [3, 2, 1])
        #expect(b.tiers(of: 0) == [[0], [1, 2], [3]])
        #expect(b.tiers(of: 1) == [[3], [1]])
        #expect(b.tiers(of: 2) == [[0, 1, 2, 3]])
        // Written back, it is a .toi file that reads to the same ballots.
        let (type, text) = PrefLib.write(election)
        #expect(type == .toi)
        #expect(try Self.ranked(PrefLib.read(Array(text.utf8), as: .ranking)) == b)
    }

    @Test func prefLibStrictCompleteOrdersAreSoc() throws {
        var b = RankedBallots(candidateCount: 3)
        b.append(tiers: [[2], [0], [1]], count: 5)
        b.append(tiers: [[1], [2], [0]], count: 2)
        let election = Election(candidates: ["1", "2", "3"], ballots: .ranked(b))
        let (type, text) = PrefLib.write(election)
        #expect(type == .soc)
        #expect(text.contains("\n5: 3,1,2\n2: 2,3,1\n"))
        #expect(try Self.ranked(PrefLib.read(Array(text.utf8), as: .ranking)) == b)
    }

    @Test func prefLibCategoriesGiveApprovals() throws {
        let text = "# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER CATEGORIES: 2\n4: {1,3},{2}\n1: {},{1,2,3}\n"
        let election = try PrefLib.read(Array(text.utf8), as: .approval)
        guard case .approval(let b) = election.ballots else { Issue.record("not approval"); return }
        #expect(b.approvalCounts() == [4, 0, 4])
        #expect(b.voterCount == 5)
        let written = PrefLib.write(election)
        #expect(written.type == .cat)
        guard case .approval(let again) = try PrefLib.read(Array(written.text.utf8), as: .approval).ballots else { return }
        #expect(again.approvalCounts() == [4, 0, 4])
    }

    @Test(arguments: [
        ("4: 1,5,2", 3, 6, "alternative 5 is not among the 4 alternatives"),
        ("4: 1,2,2", 3, 8, "alternative 2 appears twice in one order"),
        ("x: 1,2", 3, 1, "expected the number of voters at the start of the line, such as '3: 1,2,4'"),
        ("4: 1,{2,3", 3, 10, "'{' is not closed"),
        ("4: 1,2,", 3, 8, "the order ends with ','"),
        ("0: 1,2", 3, 1, "the number of voters must be at least 1"),
    ])
    func prefLibErrorsNameTheirPlace(_ line: String, _ lineNumber: Int, _ column: Int, _ message: String) {
        let text = "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n\(line)\n"
        #expect(throws: BallotFileError(line: lineNumber, column: column, message)) { try PrefLib.read(Array(text.utf8), as: .ranking) }
    }

    @Test func socRefusesTiesAndIncompleteOrders() {
        let tie = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n1: 1,{2,3}\n"
        #expect(throws: BallotFileError(line: 3, column: 6, "ties ('{') are not allowed in a .soc file")) { try PrefLib.read(Array(tie.utf8), as: .ranking) }
        let short = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n1: 1,2\n"
        #expect(throws: BallotFileError(line: 3, column: 7, "a .soc order must rank all 3 alternatives; this one ranks 2 (use .soi for incomplete orders)")) {
            try PrefLib.read(Array(short.utf8), as: .ranking)
        }
    }

    static let pb = """
        META
        key;value
        description;"Parks; and paths"
        num_projects;3
        num_votes;3
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost;name
        p1;50;Skate park
        p2;40;Bike lanes
        p3;40;"Library ""late"" hours"
        VOTES
        voter_id;age;vote
        1;16;p1,p2
        2;17;p1
        3;15;p3

        """

    @Test func pabulibApprovalInstance() throws {
        let election = try Pabulib.read(Self.pb)
        #expect(election.candidates == ["p1", "p2", "p3"])
        #expect(election.names == ["Skate park", "Bike lanes", "Library \"late\" hours"])
        #expect(election.rules.costs == [50, 40, 40])
        #expect(election.rules.budget == 100)
        guard case .approval(let b) = election.ballots else { Issue.record("not approval"); return }
        #expect(b.approvalCounts() == [2, 1, 1])
        let again = try Pabulib.read(Pabulib.write(election))
        #expect(again.rules.costs == [50, 40, 40])
        #expect(again.names == election.names)
        guard case .approval(let b2) = again.ballots else { return }
        #expect(b2.approvalCounts() == [2, 1, 1])
    }

    @Test func pabulibErrorsNameTheirLine() {
        let unknown = Self.pb.replacingOccurrences(of: "3;15;p3", with: "3;15;p9")
        #expect(throws: BallotFileError(line: 17, "project p9 is not in the PROJECTS section")) { try Pabulib.read(unknown) }
        let short = Self.pb.replacingOccurrences(of: "p2;40;Bike lanes", with: "p2;40")
        #expect(throws: BallotFileError(line: 11, "expected 3 fields (project_id;cost;name), found 2")) { try Pabulib.read(short) }
    }

    @Test func jsonLinesRoundTrip() throws {
        let text = """
            {"candidates": ["x", "y", "z"], "names": {"x": "Bus"}}
            {"ranking": [["x"], ["y", "z"]], "count": 2}
            {"ranking": ["z", "x"]}

            """
        let election = try JSONLines.read(text)
        let b = try Self.ranked(election)
        #expect(b.tiers(of: 0) == [[0], [1, 2]])
        #expect(b.counts == [2, 1])
        #expect(b.tiers(of: 1) == [[2], [0]])
        #expect(election.names == ["Bus", nil, nil])
        let again = try JSONLines.read(JSONLines.write(election))
        #expect(try Self.ranked(again) == b)
        #expect(again.names == election.names)
    }

    @Test func jsonLinesErrors() throws {
        #expect(throws: BallotFileError(line: 2, "candidate w is not in the candidates line")) {
            try JSONLines.read("{\"candidates\": [\"x\"]}\n{\"approve\": [\"w\"]}\n")
        }
        #expect(throws: BallotFileError(line: 2, "every ballot in a file must be of one kind; the first is \"approve\"")) {
            try JSONLines.read("{\"approve\": [\"x\"]}\n{\"ranking\": [\"x\"]}\n")
        }
        #expect(throws: BallotFileError(line: 1, "not a JSON object")) { try JSONLines.read("[1, 2]\n") }
        #expect(throws: BallotFileError(line: 1, "'count' must be a whole number from 1 to 1000000000")) {
            try JSONLines.read("{\"approve\": [\"x\"], \"count\": true}\n")
        }
        #expect(throws: BallotFileError(line: 1, "'count' must be a whole number from 1 to 1000000000")) {
            try JSONLines.read("{\"approve\": [\"x\"], \"count\": 2.5}\n")
        }
        #expect(throws: BallotFileError(line: 1, "the value for x must be a whole number between -1000000 and 1000000")) {
            try JSONLines.read("{\"grades\": {\"x\": 3000000000}}\n")
        }
        #expect(throws: BallotFileError(line: 1, "'costs' gives no cost for y")) {
            try JSONLines.read("{\"candidates\": [\"x\", \"y\"], \"costs\": {\"x\": 5}}\n{\"approve\": [\"x\"]}\n")
        }
        // Numbers that JSON could read as booleans are still numbers.
        let ones = try JSONLines.read("{\"grades\": {\"x\": 1, \"y\": 0}, \"count\": 1}\n")
        guard case .grades(let grades) = ones.ballots else { Issue.record("not grades"); return }
        #expect(grades.grade(0, 0) == 1 && grades.grade(0, 1) == 0)
        #expect(throws: BallotFileError(line: 1, "'count' must be a whole number from 1 to 1000000000")) {
            try JSONLines.read("{\"approve\": [\"x\"], \"count\": 0}\n")
        }
    }

    /// Without a candidates line, the order of the ballots does not change the candidates' order (nor any lot).
    @Test func headerlessCandidatesAreSorted() throws {
        let one = try JSONLines.read("{\"approve\": [\"x\"]}\n{\"approve\": [\"y\"]}\n")
        let other = try JSONLines.read("{\"approve\": [\"y\"]}\n{\"approve\": [\"x\"]}\n")
        #expect(one.candidates == ["x", "y"] && other.candidates == ["x", "y"])
        #expect(try Profiles.tally("approval", one).electedIDs == Profiles.tally("approval", other).electedIDs)
        #expect(try JSONLines.read("{\"approve\": [10, 9]}\n").candidates == ["9", "10"])
    }

    /// Consent and reactions refuse words that are not theirs rather than miscount them.
    @Test func positionsMustBeTheMethodsWords() throws {
        let yes = try JSONLines.read("{\"positions\": {\"a\": \"yes\"}}\n")
        #expect(throws: TallyError.setting("reactions ballots take agree, disagree, pass; these ballots also say 'yes'")) {
            try Profiles.tally("reactions", yes)
        }
        let reactions = try JSONLines.read("{\"positions\": {\"a\": \"agree\", \"b\": \"disagree\"}}\n")
        let consent = try Profiles.tally("consent", reactions)
        #expect(consent.winnerIDs == ["a"])
        let abstain = try JSONLines.read("{\"positions\": {\"a\": \"abstain\"}}\n")
        #expect(throws: TallyError.self) { try Profiles.tally("reactions", abstain) }
    }

    @Test func aFileCutShortIsRefused() {
        let cut = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 5\n# NUMBER UNIQUE ORDERS: 2\n3: 1,2\n"
        #expect(throws: BallotFileError(line: 3, "the header says number voters 5, but the file holds 3: is it cut short?")) {
            try PrefLib.read(Array(cut.utf8), as: .ranking)
        }
        #expect(throws: BallotFileError(line: 1, "a line before the META section")) { try Pabulib.read("stray\n" + Self.pb) }
    }

    @Test func hostileFilesAreRefusedNotCrashed() {
        let tooMany = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 60000\n" + String(repeating: "1: 1\n", count: 20_000)
        #expect(throws: BallotFileError.self) { try PrefLib.read(Array(tooMany.utf8), as: .ranking) }
        let huge = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n" + String(repeating: "999999999999999: 1,2\n", count: 3)
        #expect(throws: BallotFileError(line: 3, column: 1, "the number of voters must be at most 1000000000")) {
            try PrefLib.read(Array(huge.utf8), as: .ranking)
        }
        let nan = Self.pb.replacingOccurrences(of: "p1;50;Skate park", with: "p1;nan;Skate park")
        #expect(throws: BallotFileError(line: 10, "project p1 needs a cost that is a number from 0 to 1000000000000")) { try Pabulib.read(nan) }
        let infinite = Self.pb.replacingOccurrences(of: "budget;100", with: "budget;inf")
        #expect(throws: BallotFileError(line: 0, "the budget must be a number from 0 to 1000000000000, not 'inf'")) { try Pabulib.read(infinite) }
    }

    /// The same ballots tally the same from each format.
    @Test func everyFormatTalliesAlike() throws {
        let election = try PrefLib.read(Array(Self.toi.utf8), as: .ranking)
        let fromJSON = try JSONLines.read(JSONLines.write(election))
        let fromPrefLib = try PrefLib.read(Array(PrefLib.write(election).text.utf8), as: .ranking)
        for method in ["irv", "schulze", "borda"] {
            let a = try Profiles.tally(method, election), b = try Profiles.tally(method, fromJSON), c = try Profiles.tally(method, fromPrefLib)
            #expect(a.winnerIDs == b.winnerIDs && a.winnerIDs == c.winnerIDs)
            #expect(a.rankingIDs == b.rankingIDs && a.rankingIDs == c.rankingIDs)
        }
    }

    /// Every reader takes every line-ending convention: LF, CR LF (Windows, as two thirds of
    /// pabulib's files) and a lone CR (old Mac), and reads the same ballots from each.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyReaderTakesEveryLineEnding(_ end: String) throws {
        func withEnds(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: end) }
        let pb = """
            META
            key;value
            description;Line ends
            num_projects;2
            num_votes;2
            budget;100
            vote_type;approval
            PROJECTS
            project_id;cost;name
            1;60;Benches
            2;50;Lights
            VOTES
            voter_id;vote
            a;1,2
            b;2

            """
        let pabulib = try Pabulib.read(withEnds(pb))
        #expect(pabulib.candidates == ["1", "2"] && pabulib.rules.budget == 100 && pabulib.ballots.voterCount == 2, "\(end.debugDescription)")
        let jsonl = try JSONLines.read(withEnds(#"{"candidates": ["a", "b"]}"# + "\n" + #"{"ranking": ["b", "a"], "count": 2}"# + "\n"))
        #expect(jsonl.ballots.voterCount == 2, "\(end.debugDescription)")
        let toi = try PrefLib.read(Array(withEnds(Self.toi).utf8), as: .ranking)
        #expect(try Self.ranked(toi).counts == [3, 2, 1] && toi.names == ["Bus", "Tram", "Bike", "Walk"], "\(end.debugDescription)")
        #expect(LineBreaks.lines(withEnds("a\nb\n")) == ["a", "b", ""])
    }
}
