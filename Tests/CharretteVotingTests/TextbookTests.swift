import CharretteVoting
import Testing

/// The worked examples of docs/voting.md, each showing what a method rewards.
@Suite("Textbook cases")
struct TextbookTests {
    /// Tennessee's capital (the classic example): Memphis has the most first choices but most
    /// voters rank it last; Nashville beats every other city head to head.
    static let tennessee = Profiles.ranked(
        ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
        [
            (42, "Memphis>Nashville>Chattanooga>Knoxville"), (26, "Nashville>Chattanooga>Knoxville>Memphis"),
            (15, "Chattanooga>Knoxville>Nashville>Memphis"), (17, "Knoxville>Chattanooga>Nashville>Memphis"),
        ])

    @Test func tennesseeMethodsDisagree() throws {
        #expect(try Profiles.tally("plurality", Self.tennessee).winnerIDs == ["Memphis"])
        #expect(try Profiles.tally("irv", Self.tennessee).winnerIDs == ["Knoxville"])
        for method in ["borda", "schulze", "ranked-pairs", "copeland", "minimax", "condorcet"] {
            #expect(try Profiles.tally(method, Self.tennessee).winnerIDs == ["Nashville"], "\(method)")
        }
        let irv = try Profiles.tally("irv", Self.tennessee)
        // Round 1 eliminates Chattanooga (15), round 2 Nashville (26), then Knoxville has 58.
        #expect(irv.rankingIDs == [["Knoxville"], ["Memphis"], ["Nashville"], ["Chattanooga"]])
        #expect(irv.working[0].rows.count == 4)
        let borda = try Profiles.tally("borda", Self.tennessee)
        #expect(borda.scores?.values == [126, 194, 173, 107])
    }

    /// IRV and Condorcet disagree: B is everyone's compromise but few people's first choice.
    @Test func irvMissesTheCondorcetWinner() throws {
        let election = Profiles.ranked(["A", "B", "C"], [(4, "A>B>C"), (3, "C>B>A"), (2, "B>A>C")])
        #expect(try Profiles.tally("irv", election).winnerIDs == ["A"])
        #expect(try Profiles.tally("condorcet", election).winnerIDs == ["B"])
        #expect(try Profiles.tally("schulze", election).winnerIDs == ["B"])
    }

    /// Ballots that tie ideas share their vote among them, and move on whole once the tied partner is out.
    @Test func irvSharesTiedBallots() throws {
        let election = Profiles.ranked(["A", "B", "C"], [(3, "A>B>C"), (2, "B=C>A"), (2, "C>B")])
        let result = try Profiles.tally("irv", election)
        #expect(result.winnerIDs == ["C"])
        // Round 1: A 3, B 1 (two halves), C 3 (two halves and two whole); B is out and C reaches 4 of 7.
        #expect(result.working[0].rows[0][1...3] == [.number(3), .number(1), .number(3)])
        #expect(result.working[0].rows[1][3] == .number(4))
    }

    /// A Condorcet cycle: each candidate beats one and loses to another, so the pairwise methods tie
    /// all three; the lot settles it, the same way for the same seed, and says so.
    @Test func condorcetCycleIsSettledByASeededLot() throws {
        let election = Profiles.ranked(["A", "B", "C"], [(1, "A>B>C"), (1, "B>C>A"), (1, "C>A>B")])
        let condorcet = try Profiles.tally("condorcet", election)
        #expect(condorcet.winners.isEmpty)
        #expect(condorcet.notes.contains { $0.contains("no Condorcet winner") })
        for method in ["schulze", "copeland", "minimax", "ranked-pairs", "borda"] {
            let result = try Profiles.tally(method, election)
            #expect(result.winnerIDs.sorted() == ["A", "B", "C"], "\(method)")
            let lot = try #require(result.lot, "\(method) reports no lot")
            #expect(lot.seed == TallyRules.defaultSeed)
            #expect(lot.winners.count == 1)
            #expect(try Profiles.tally(method, election).electedIDs == result.electedIDs, "\(method) is not reproducible")
        }
        // Different seeds give different draws (not always the same candidate).
        var reseeded = election
        let picks = Set(
            (0..<20).map { seed -> [Int] in
                reseeded.rules.seed = UInt64(seed)
                return (try? Profiles.tally("schulze", reseeded))?.elected ?? []
            })
        #expect(picks.count > 1)
    }

    /// Scottish STV on the usual food example: 20 voters, 3 seats, quota 6.
    @Test func stvFoodElection() throws {
        let election = Profiles.ranked(
            ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"],
            [
                (4, "Oranges"), (2, "Pears>Oranges"), (8, "Chocolate>Strawberries"), (4, "Chocolate>Hamburgers"),
                (1, "Strawberries"), (1, "Hamburgers"),
            ], rules: TallyRules(seats: 3))
        let result = try Profiles.tally("stv", election)
        #expect(result.winnerIDs == ["Chocolate", "Oranges", "Strawberries"])
        #expect(result.notes.contains { $0.hasPrefix("quota: 6 ") })
        #expect(result.lot == nil)
        // Every stage accounts for all 20 votes: those held plus those set aside.
        for row in result.working[0].rows {
            let held = row[1...6].reduce(0.0) { total, cell in if case .number(let x) = cell { total + x } else { total } }
            #expect(abs(held - 20) < 1e-6, "stage \(row[0]) holds \(held) votes")
        }
    }

    /// Equal shares funds the minority's project; greedy spends everything on the majority's.
    @Test func equalSharesAndGreedyDiffer() throws {
        let election = Profiles.approval(
            ["A", "B", "C"], [(5, ["A", "B"]), (1, ["A"]), (4, ["C"])],
            rules: TallyRules(budget: 100, costs: [50, 40, 40]))
        #expect(try Profiles.tally("pb-greedy", election).electedIDs == ["A", "B"])
        #expect(try Profiles.tally("pb-greedy-cost", election).electedIDs == ["B", "A"])
        #expect(try Profiles.tally("pb-equal-shares", election).electedIDs == ["A", "C"])
    }

    /// Proportional committees: a 60/40 split gets a 3/2 committee from PAV, Phragmén and equal
    /// shares, where approval voting alone would give the majority every seat.
    @Test func proportionalCommittees() throws {
        let election = Profiles.approval(
            ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3"],
            [(6, ["a1", "a2", "a3", "a4", "a5"]), (4, ["b1", "b2", "b3"])], rules: TallyRules(seats: 5))
        for method in ["pav", "phragmen", "equal-shares"] {
            let result = try Profiles.tally(method, election)
            let bSeats = result.elected.filter { $0 >= 5 }.count
            #expect(bSeats == 2, "\(method) gives the minority \(bSeats) seats")
            #expect(result.elected.count == 5)
        }
        let approval = try Profiles.tally("approval", election)
        #expect(approval.rankingIDs?.first == ["a1", "a2", "a3", "a4", "a5"])
    }

    /// Majority judgment: the best median wins, and ties on the median are broken by removing medians.
    @Test func majorityJudgmentBreaksMedianTies() throws {
        let election = Profiles.graded(["X", "Y"], [(1, ["X": 3, "Y": 2]), (1, ["X": 2, "Y": 2]), (1, ["X": 1, "Y": 5])])
        // Both medians are 2; removing them leaves X {1, 3} → 1 and Y {2, 5} → 2: Y wins.
        let result = try Profiles.tally("majority-judgment", election)
        #expect(result.winnerIDs == ["Y"])
        #expect(result.ties.count == 1)
        // STAR sends both to the runoff, where X is scored higher by 1 voter and Y by 1: both win (as
        // in pref_voting), and the lot picks one.
        let star = try Profiles.tally("star", election)
        #expect(star.winnerIDs == ["X", "Y"])
        #expect(star.lot?.winners.count == 1)
    }

    @Test func ballotsOverTheirLimitsAreRefused() throws {
        var dots = AmountBallots(candidateCount: 2)
        dots.append([0: 3, 1: 3])
        let election = Election(candidates: ["a", "b"], ballots: .amounts(dots), rules: TallyRules(budget: 5, capPerCandidate: 4))
        #expect(throws: TallyError.invalidBallot(index: 0, reason: "spends 6 dots, over the budget of 5")) { try Profiles.tally("dots", election) }
        var capped = election
        capped.rules.budget = 10
        capped.rules.capPerCandidate = 2
        #expect(throws: TallyError.invalidBallot(index: 0, reason: "a gets 3 dots, over the cap of 2")) { try Profiles.tally("dots", capped) }
        var quadratic = election
        quadratic.rules.credits = 17
        #expect(throws: TallyError.invalidBallot(index: 0, reason: "costs 18 credits, over the 17 each voter has")) {
            try Profiles.tally("quadratic", quadratic)
        }
        quadratic.rules.credits = 18
        #expect(try Profiles.tally("quadratic", quadratic).scores?.values == [3, 3])
    }

    @Test func aBlockIsShownAndStopsAProposal() throws {
        var b = PositionBallots(candidateCount: 2, positions: PositionBallots.consent)
        b.append([0: 0, 1: 0])
        b.append([0: 0, 1: 3])
        b.append([0: 1, 1: 0])
        let result = try Profiles.tally("consent", Election(candidates: ["p1", "p2"], ballots: .positions(b)))
        #expect(result.winnerIDs == ["p1"])
        #expect(result.notes == ["p2 is blocked by 1 person: it does not pass until the objection is resolved"])
    }
}

/// A vote nobody voted in elects nobody, whatever the method: no lot among ideas no one chose.
@Suite("No ballots")
struct NoBallotTests {
    static func empty(_ shape: BallotShape, candidates n: Int) -> Ballots {
        switch shape {
        case .ranking: .ranked(RankedBallots(candidateCount: n))
        case .approval: .approval(ApprovalBallots(candidateCount: n))
        case .grades: .grades(GradeBallots(candidateCount: n))
        case .amounts: .amounts(AmountBallots(candidateCount: n))
        case .positions: .positions(PositionBallots(candidateCount: n, positions: PositionBallots.reactions))
        }
    }

    @Test(arguments: TallyMethods.names)
    func noBallotsNoWinner(_ name: String) throws {
        let method = try #require(TallyMethods.named(name))
        var ballots = Self.empty(method.shape, candidates: 3)
        if name == "consent" { ballots = .positions(PositionBallots(candidateCount: 3, positions: PositionBallots.consent)) }
        let rules = TallyRules(seats: method.isMultiWinner ? 2 : nil, budget: 10, costs: [3, 4, 5], credits: 9, gradeRange: 0...5)
        let result = try method.tally(Election(candidates: ["#1", "#2", "#3"], ballots: ballots, rules: rules))
        #expect(result.voters == 0)
        #expect(result.winners.isEmpty && result.elected.isEmpty && result.lot == nil, "\(name) elected \(result.elected)")
        #expect(result.notes.contains("no ballots were cast: there is no winner"))
    }

    /// Blank ballots (nothing approved, no dot given, every statement passed) support nobody either.
    @Test func blankBallotsElectNobody() throws {
        var approvals = ApprovalBallots(candidateCount: 3)
        approvals.append([Int](), count: 4)
        var dots = AmountBallots(candidateCount: 3)
        dots.append([0: 0], count: 2)
        var passes = PositionBallots(candidateCount: 3, positions: PositionBallots.reactions)
        passes.append([0: 2, 1: 2, 2: 2], count: 5)
        for (name, ballots) in [("approval", Ballots.approval(approvals)), ("dots", .amounts(dots)), ("reactions", .positions(passes))] {
            let result = try Profiles.tally(name, Election(candidates: ["#1", "#2", "#3"], ballots: ballots, rules: TallyRules(budget: 5)))
            #expect(result.elected.isEmpty && result.lot == nil && result.ties.isEmpty && result.voters > 0, "\(name) elected \(result.elected)")
            #expect(result.notes.contains("every ballot is blank: there is no winner"))
        }
        // One ballot with a real choice is counted as usual.
        approvals.append([1])
        #expect(try Profiles.tally("approval", Election(candidates: ["#1", "#2", "#3"], ballots: .approval(approvals))).elected == [1])
    }
}
