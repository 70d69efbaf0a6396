/// Who reacted how to what: participants by statements, agree +1, disagree −1, pass 0, and
/// missing where a participant never reacted (the Pol.is export convention).
public struct VoteMatrix: Sendable, Equatable {
    /// One reaction as recorded: `value` is +1, −1 or 0, `time` orders repeated reactions.
    public struct Vote: Sendable, Equatable {
        public let participant: Int
        public let statement: Int
        public let value: Double
        public let time: Int64

        public init(participant: Int, statement: Int, value: Double, time: Int64) {
            self.participant = participant
            self.statement = statement
            self.value = value
            self.time = time
        }
    }

    /// The rows: participant ids, ascending.
    public let participants: [Int]
    /// The columns: statement ids, ascending.
    public let statements: [Int]
    /// Row-major values; `nan` marks a missing reaction.
    public private(set) var values: [Double]

    /// The matrix of everyone who reacted and everything reacted to; a later reaction to the same
    /// statement replaces an earlier one (by time, then by order in `votes`).
    public init(votes: [Vote]) {
        participants = Array(Set(votes.map(\.participant))).sorted()
        statements = Array(Set(votes.map(\.statement))).sorted()
        let row = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1, $0) })
        let column = Dictionary(uniqueKeysWithValues: statements.enumerated().map { ($1, $0) })
        values = Array(repeating: .nan, count: participants.count * statements.count)
        var when = Array(repeating: Int64.min, count: values.count)
        for vote in votes {
            let cell = row[vote.participant]! * statements.count + column[vote.statement]!
            if vote.time >= when[cell] { values[cell] = vote.value; when[cell] = vote.time }
        }
    }

    /// The reaction of row `r` to column `c`, or `nil` when missing.
    public subscript(r: Int, c: Int) -> Double? {
        let v = values[r * statements.count + c]
        return v.isNaN ? nil : v
    }

    /// The matrix with these statements' columns set to 0 in every row, missing cells included:
    /// how Pol.is takes moderated-out statements out of the map without changing its shape.
    public func zeroing(_ removed: Set<Int>) -> VoteMatrix {
        var copy = self
        for (c, statement) in statements.enumerated() where removed.contains(statement) {
            for r in participants.indices { copy.values[r * statements.count + c] = 0 }
        }
        return copy
    }

    /// How many cells of row `r` are not missing.
    public func reactionCount(row r: Int) -> Int {
        (0..<statements.count).reduce(0) { $0 + (values[r * statements.count + $1].isNaN ? 0 : 1) }
    }
}
