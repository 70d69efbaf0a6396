/// Who reacted how to what: participants by statements, agree +1, disagree −1, pass 0, and
/// missing where a participant never reacted (the Pol.is export convention). Stored by rows, only
/// the reactions that exist, so a conversation of 50,000 people and 2,000 statements where each
/// saw a hundred takes a hundredth of a dense matrix.
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
    /// Row r's reactions are at `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`, by
    /// ascending column.
    public private(set) var rowStart: [Int]
    public private(set) var columns: [Int32]
    public private(set) var values: [Double]

    /// The matrix of everyone who reacted and everything reacted to; a later reaction to the same
    /// statement replaces an earlier one (by time, then by order in `votes`).
    public init(votes: [Vote]) {
        participants = Array(Set(votes.map(\.participant))).sorted()
        statements = Array(Set(votes.map(\.statement))).sorted()
        let row = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1, $0) })
        let column = Dictionary(uniqueKeysWithValues: statements.enumerated().map { ($1, $0) })
        // Bucket the votes by row (a counting sort), then settle each row's repeats.
        var starts = [Int](repeating: 0, count: participants.count + 1)
        let rows = votes.map { row[$0.participant]! }
        for r in rows { starts[r + 1] += 1 }
        for r in participants.indices { starts[r + 1] += starts[r] }
        var next = starts, order = [Int](repeating: 0, count: votes.count)
        for (i, r) in rows.enumerated() { order[next[r]] = i; next[r] += 1 }
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        columns.reserveCapacity(votes.count)
        values.reserveCapacity(votes.count)
        for r in participants.indices {
            // By column, then time, then input order: the last of each column wins.
            let cells = order[starts[r]..<starts[r + 1]].map { (column: column[votes[$0].statement]!, time: votes[$0].time, index: $0) }
                .sorted { ($0.column, $0.time, $0.index) < ($1.column, $1.time, $1.index) }
            for (k, cell) in cells.enumerated() where k == cells.count - 1 || cells[k + 1].column != cell.column {
                columns.append(Int32(cell.column))
                values.append(votes[cell.index].value)
            }
            rowStart.append(columns.count)
        }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
    }

    /// The reaction of row `r` to column `c`, or `nil` when missing.
    public subscript(r: Int, c: Int) -> Double? {
        var low = rowStart[r], high = rowStart[r + 1]
        while low < high {
            let mid = (low + high) / 2
            if Int(columns[mid]) < c { low = mid + 1 } else { high = mid }
        }
        return low < rowStart[r + 1] && Int(columns[low]) == c ? values[low] : nil
    }

    /// Row `r`'s reactions as (column, value), by ascending column.
    public func reactions(row r: Int) -> [(column: Int, value: Double)] {
        (rowStart[r]..<rowStart[r + 1]).map { (Int(columns[$0]), values[$0]) }
    }

    /// How many cells of row `r` are not missing.
    public func reactionCount(row r: Int) -> Int { rowStart[r + 1] - rowStart[r] }

    /// The matrix with these statements' columns set to 0 in every row, missing cells included:
    /// how Pol.is takes moderated-out statements out of the map without changing its shape.
    public func zeroing(_ removed: Set<Int>) -> VoteMatrix {
        let zeroed = Set(statements.indices.filter { removed.contains(statements[$0]) })
        guard !zeroed.isEmpty else { return self }
        var copy = self
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        for r in participants.indices {
            var cells = Dictionary(uniqueKeysWithValues: reactions(row: r).map { ($0.column, $0.value) })
            for c in zeroed { cells[c] = 0 }
            for c in cells.keys.sorted() { columns.append(Int32(c)); values.append(cells[c]!) }
            rowStart.append(columns.count)
        }
        copy.rowStart = rowStart
        copy.columns = columns
        copy.values = values
        return copy
    }
}
