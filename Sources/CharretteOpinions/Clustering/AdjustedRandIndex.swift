/// The adjusted Rand index of two labellings of the same items: 1 for the same partition, about 0
/// for chance agreement (Hubert and Arabie, 1985). Items labelled -1 in either are left out.
public func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
    precondition(a.count == b.count, "two labellings of the same items")
    let pairs = zip(a, b).filter { $0.0 >= 0 && $0.1 >= 0 }
    var table: [Int: [Int: Int]] = [:], rows: [Int: Int] = [:], columns: [Int: Int] = [:]
    for (x, y) in pairs {
        table[x, default: [:]][y, default: 0] += 1
        rows[x, default: 0] += 1
        columns[y, default: 0] += 1
    }
    func choose2(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
    let index = table.values.flatMap(\.values).reduce(0.0) { $0 + choose2($1) }
    let sumRows = rows.values.reduce(0.0) { $0 + choose2($1) }, sumColumns = columns.values.reduce(0.0) { $0 + choose2($1) }
    let expected = sumRows * sumColumns / max(choose2(pairs.count), 1)
    let maximum = (sumRows + sumColumns) / 2
    guard maximum != expected else { return 1 }
    return (index - expected) / (maximum - expected)
}
