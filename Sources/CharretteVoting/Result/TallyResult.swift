/// The outcome of a count, with everything needed to explain it.
///
/// Candidates are indices into ``candidates``. ``winners`` holds every candidate the method
/// itself makes a winner: more than ``seats`` when the method ties them. Where a lot breaks
/// such a tie, ``lot`` holds the draws and the winners after them, so the method's own outcome
/// and the lot's are never confused.
public struct TallyResult: Sendable {
    /// The method's name, as the shell spells it (`schulze`).
    public var method: String
    /// The candidates' identifiers, by index.
    public var candidates: [String]
    /// Seats to fill: 1 for single-winner methods; for budgeting, how many projects were funded.
    public var seats: Int
    /// Voters counted, with each ballot's multiplicity.
    public var voters: Int
    /// Every candidate the method makes a winner, in the order the method elects them where it
    /// has one, else by index.
    public var winners: [Int]
    /// The full order as tiers of tied candidates, best first, where the method gives one.
    public var ranking: [[Int]]?
    /// For multi-winner methods that tie whole committees: every tied committee.
    public var committees: [[Int]]?
    /// The method's score per candidate and what the score means, where it has one.
    public var scores: Scores?
    /// Every tie met during the count and how it was settled, in plain words.
    public var ties: [String]
    /// Sentences a facilitator reads out: what decided the outcome.
    public var notes: [String]
    /// The count's working: rounds, matrices, locked pairs.
    public var working: [TallyTable]
    /// The draws that settled ties the method leaves open, if any.
    public var lot: LotOutcome?
    /// The seed any lot used (or would use).
    public var seed: UInt64
    /// Whether no ballot supported any candidate (every ballot blank): the method's ties stand
    /// as it leaves them, but nothing is elected and no lot is drawn.
    public var isUnsupported = false

    /// A result with its winners; methods fill in the rest.
    public init(method: String, candidates: [String], seats: Int = 1, voters: Int, winners: [Int], seed: UInt64) {
        self.method = method
        self.candidates = candidates
        self.seats = seats
        self.voters = voters
        self.winners = winners
        self.ranking = nil
        self.committees = nil
        self.scores = nil
        self.ties = []
        self.notes = []
        self.working = []
        self.lot = nil
        self.seed = seed
    }

    /// The winners after any lot: what the room acts on. None when no ballot supported anyone.
    public var elected: [Int] { isUnsupported ? [] : lot?.winners ?? winners }

    /// A candidate's identifier.
    public func id(_ c: Int) -> String { candidates[c] }
}

/// A score per candidate and its meaning (such as "Borda points").
public struct Scores: Sendable {
    /// What the score means, such as "Borda points".
    public var label: String
    /// `nil` where the method gives the candidate no score (such as a candidate eliminated first).
    public var values: [Double?]

    /// Scores by candidate index.
    public init(_ label: String, _ values: [Double?]) {
        self.label = label
        self.values = values
    }
}

/// The draws of a lot and the winners they give.
public struct LotOutcome: Sendable {
    /// One draw: why, among whom, and whom it picked.
    public struct Draw: Sendable {
        /// Why the lot was needed, in plain words.
        public var reason: String
        /// The tied candidates, by index.
        public var among: [Int]
        /// The candidates the lot picked, in order.
        public var chosen: [Int]
    }

    /// The seed of the draws.
    public var seed: UInt64
    /// The draws, in the order they were made.
    public var draws: [Draw]
    /// The winners once the lot has settled every tie.
    public var winners: [Int]
}

/// A table of the count's working, such as IRV's rounds or Schulze's strongest paths.
public struct TallyTable: Sendable {
    /// One cell: text, a number, a candidate (by index) or nothing.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case number(Double)
        case candidate(Int)
        case empty
    }

    /// The table's heading, such as "Rounds".
    public var title: String
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[Cell]]
    /// What the table shows, for someone who has not seen one before.
    public var note: String?

    /// A table of working.
    public init(_ title: String, columns: [String], rows: [[Cell]] = [], note: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.note = note
    }
}
