/// Everything a tally needs: the candidates, the ballots and the rules of the count.
///
/// Candidates are addressed by index (`0..<candidates.count`) inside the voting module; the
/// identifiers are only for reading and writing files and results.
public struct Election: Sendable {
    /// Each candidate's identifier, as a file or the consultation names it (`"3"`, `"#12"`).
    public var candidates: [String]
    /// A display name per candidate, when the source gives one.
    public var names: [String?]
    /// The ballots, of one kind.
    public var ballots: Ballots
    /// Seats, budget, costs and the seed for lots.
    public var rules: TallyRules
    /// Where each stored ballot came from ("line 12", "@amira"), for error messages; empty if unknown.
    public var ballotLabels: [String] = []

    /// An election; `names` defaults to none, `rules` to one seat and the default seed.
    public init(candidates: [String], names: [String?]? = nil, ballots: Ballots, rules: TallyRules = TallyRules()) {
        self.candidates = candidates
        self.names = names ?? Array(repeating: nil, count: candidates.count)
        self.ballots = ballots
        self.rules = rules
    }

}

/// The ballots of an election, stored compactly by kind.
public enum Ballots: Sendable {
    case ranked(RankedBallots)
    case approval(ApprovalBallots)
    case grades(GradeBallots)
    /// Dots or quadratic votes: an amount per candidate.
    case amounts(AmountBallots)
    /// Consent positions or reactions: one position code per candidate.
    case positions(PositionBallots)

    /// What the ballots look like to a method.
    public var shape: BallotShape {
        switch self {
        case .ranked: .ranking
        case .approval: .approval
        case .grades: .grades
        case .amounts: .amounts
        case .positions: .positions
        }
    }

    /// Whether some ballot gives some candidate anything: a rank, an approval, a grade, a dot or a
    /// vote, a position other than a pass. Blank ballots alone elect nobody.
    public var supportAnyCandidate: Bool {
        switch self {
        case .ranked(let b): b.ranks.contains { $0 != RankedBallots.unranked }
        case .approval(let b): !b.approved.isEmpty
        case .grades(let b): b.grades.contains { $0 != GradeBallots.ungraded }
        case .amounts(let b): b.amounts.contains { $0 != 0 }
        case .positions(let b):
            b.codes.contains { $0 >= 0 && !(b.positions == PositionBallots.reactions && b.positions[Int($0)] == "pass") }
        }
    }

    /// Voters in all, counting each ballot's multiplicity.
    public var voterCount: Int {
        switch self {
        case .ranked(let b): b.voterCount
        case .approval(let b): b.voterCount
        case .grades(let b): b.voterCount
        case .amounts(let b): b.voterCount
        case .positions(let b): b.voterCount
        }
    }
}

/// What a ballot looks like to a method.
public enum BallotShape: String, Sendable, CaseIterable {
    /// Tiers of preference; unranked candidates tie below all ranked ones.
    case ranking
    /// A set of approved candidates (also the projects chosen in participatory budgeting).
    case approval
    /// A grade or score per candidate; a missing grade is allowed where the method says so.
    case grades
    /// An amount per candidate: dots, or quadratic votes (negative against).
    case amounts
    /// A position per candidate: consent (agree, abstain, disagree, block) or reactions.
    case positions
}

/// The settings of a count beyond its ballots.
public struct TallyRules: Sendable, Hashable {
    /// Winners to elect (multi-winner methods); 1 if unset.
    public var seats: Int?
    /// Money to spend (participatory budgeting), or dots per voter.
    public var budget: Int?
    /// What each candidate costs, by index (participatory budgeting).
    public var costs: [Int]?
    /// The most dots one voter may put on one candidate.
    public var capPerCandidate: Int?
    /// Voice credits per voter (quadratic voting).
    public var credits: Int?
    /// The lowest and highest grade.
    public var gradeRange: ClosedRange<Int>?
    /// The seed for ties broken by lot.
    public var seed: UInt64
    /// How equal shares for budgets spends what its first count leaves (`pb-equal-shares`).
    public var completion: EqualSharesCompletion = .standard

    /// The seed used when none is given, printed with every result.
    public static let defaultSeed: UInt64 = 2026

    /// Rules with only what is given set.
    public init(
        seats: Int? = nil, budget: Int? = nil, costs: [Int]? = nil, capPerCandidate: Int? = nil,
        credits: Int? = nil, gradeRange: ClosedRange<Int>? = nil, seed: UInt64 = TallyRules.defaultSeed
    ) {
        self.seats = seats
        self.budget = budget
        self.costs = costs
        self.capPerCandidate = capPerCandidate
        self.credits = credits
        self.gradeRange = gradeRange
        self.seed = seed
    }
}

extension TallyRules {
    /// The largest grade, score, number of dots, votes or voice credits a count takes, either way
    /// of zero: with up to ``largestVoterCount`` voters, no sum can overflow or lose precision.
    public static let largestValue = 1_000_000
    /// The largest budget or cost a count takes, in money (participatory budgeting).
    public static let largestMoney = 1_000_000_000_000
    /// The most voters a count takes.
    public static let largestVoterCount = 1_000_000_000

    /// The first setting beyond what a count can take, with why; `nil` when all are within.
    /// Counting a file (`tally`) and opening a vote check the same limits. Budgets and costs are
    /// money when the rules give costs, dots otherwise.
    public var limitProblem: (setting: String, reason: String)? {
        let value = Self.largestValue, money = Self.largestMoney
        if let range = gradeRange {
            if range.lowerBound < -value { return ("min", "must be at least -\(value), the lowest score a count takes, not \(range.lowerBound)") }
            if range.upperBound > value { return ("max", "must be at most \(value), the highest score a count takes, not \(range.upperBound)") }
        }
        let isMoney = costs != nil
        if let budget, budget > (isMoney ? money : value) {
            return ("budget", "must be at most \(isMoney ? money : value), the largest budget of \(isMoney ? "money" : "dots") a count takes, not \(budget)")
        }
        if let cap = capPerCandidate, cap > value { return ("cap", "must be at most \(value), the most dots a count takes, not \(cap)") }
        if let credits, credits > value { return ("credits", "must be at most \(value), the most voice credits a count takes, not \(credits)") }
        if let costs, let cost = costs.first(where: { $0 > money }) {
            return ("costs", "must each be at most \(money), the largest cost a count takes, not \(cost)")
        }
        return nil
    }
}

/// Ballots stored once with how many voters cast each.
public protocol WeightedBallots {
    /// How many voters cast each stored ballot.
    var counts: [Int] { get }
}

extension WeightedBallots {
    /// The number of stored ballots (each with its count).
    public var ballotCount: Int { counts.count }
    /// Voters in all.
    public var voterCount: Int { counts.reduce(0, +) }
}

extension RankedBallots: WeightedBallots {}
extension ApprovalBallots: WeightedBallots {}
extension GradeBallots: WeightedBallots {}
extension AmountBallots: WeightedBallots {}
extension PositionBallots: WeightedBallots {}
