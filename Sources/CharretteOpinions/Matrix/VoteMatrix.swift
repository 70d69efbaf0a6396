/// Who reacted how to what: participants by statements, agree +1, disagree −1, pass 0, and
/// missing where a participant never reacted (the Pol.is export convention). Stored by rows, only
/// the reactions that exist, so a conversation of 50,000 people and 2,000 statements where each
/// saw a hundred takes a hundredth of a dense matrix.
public struct VoteMatrix: Sendable, Equatable {
    /// One reaction as recorded: `value` is +1, −1 or 0, `time` orders repeated reactions.
    public struct Vote: Sendable, Equatable, BitwiseCopyable {
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
        let rows = IdIndex(votes.lazy.map(\.participant)), columns = IdIndex(votes.lazy.map(\.statement))
        participants = rows.ids
        statements = columns.ids
        // Two stable counting sorts, by column then by row, leave the votes by row and column
        // with each cell's repeats in input order: linear, whatever the size.
        let byColumn = Self.countingSort(votes.indices, key: columns.positions, keys: statements.count)
        let order = Self.countingSort(byColumn, key: rows.positions, keys: participants.count)
        var rowStart = [Int](repeating: 0, count: participants.count + 1)
        var cellColumns: [Int32] = [], values: [Double] = []
        cellColumns.reserveCapacity(votes.count)
        values.reserveCapacity(votes.count)
        var k = 0
        while k < order.count {
            let first = order[k], row = rows.positions[first], column = columns.positions[first]
            // The latest of the cell's repeats: by time, then the later in the input.
            var latest = first
            k += 1
            while k < order.count, rows.positions[order[k]] == row, columns.positions[order[k]] == column {
                if votes[order[k]].time >= votes[latest].time { latest = order[k] }
                k += 1
            }
            cellColumns.append(column)
            values.append(votes[latest].value)
            // Every participant has a cell, so every row's end is set.
            rowStart[Int(row) + 1] = cellColumns.count
        }
        self.rowStart = rowStart
        self.columns = cellColumns
        self.values = values
    }

    /// `items` reordered by `key[item]` (from 0 to `keys` − 1), keeping the order of equal keys.
    private static func countingSort(_ items: some Collection<Int>, key: [Int32], keys: Int) -> [Int] {
        var next = [Int](repeating: 0, count: keys + 1)
        for item in items { next[Int(key[item]) + 1] += 1 }
        for k in 0..<keys { next[k + 1] += next[k] }
        var sorted = [Int](repeating: 0, count: items.count)
        for item in items {
            let k = Int(key[item])
            sorted[next[k]] = item
            next[k] += 1
        }
        return sorted
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
        let zeroed = statements.indices.filter { removed.contains(statements[$0]) }.map(Int32.init)
        guard !zeroed.isEmpty else { return self }
        var copy = self
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        columns.reserveCapacity(self.columns.count + participants.count * zeroed.count)
        values.reserveCapacity(columns.capacity)
        // Each row's columns and the zeroed ones are both ascending: merged in one pass.
        for r in participants.indices {
            var k = self.rowStart[r], z = 0
            let end = self.rowStart[r + 1]
            while k < end || z < zeroed.count {
                if z == zeroed.count || (k < end && self.columns[k] < zeroed[z]) {
                    columns.append(self.columns[k])
                    values.append(self.values[k])
                    k += 1
                } else {
                    if k < end && self.columns[k] == zeroed[z] { k += 1 }
                    columns.append(zeroed[z])
                    values.append(0)
                    z += 1
                }
            }
            rowStart.append(columns.count)
        }
        copy.rowStart = rowStart
        copy.columns = columns
        copy.values = values
        return copy
    }
}
