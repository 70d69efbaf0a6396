/// The make-up of the population a consultation should hear from, such as a census's shares of
/// each age band and district, to compare who took part against.
public struct PopulationTargets: Sendable {
    /// One attribute's values and their shares of the population, which add up to 1.
    public struct Attribute: Sendable {
        public let name: String
        public let shares: [(value: String, share: Double)]
    }

    /// A value whose weight is not a positive finite number, or that is given twice.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public let row: Int
        public let description: String
    }

    /// The attributes in the order first given.
    public let attributes: [Attribute]
    /// Where the figures come from, shown in the report (a file name, "Census 2021").
    public let source: String

    /// Targets from rows of attribute, value and weight: a share or a head count, scaled so each
    /// attribute's weights add up to 1. `row` numbers the rows in errors (from 1).
    public init(rows: [(attribute: String, value: String, weight: Double)], source: String) throws(Error) {
        var order: [String] = []
        var firstRow: [String: Int] = [:]
        var weights: [String: [(String, Double)]] = [:]
        for (index, row) in rows.enumerated() {
            guard row.weight.isFinite, row.weight >= 0 else {
                throw Error(row: index + 1, description: "the weight of \(row.attribute) = \(row.value) must be a number of 0 or more")
            }
            if weights[row.attribute] == nil { order.append(row.attribute); firstRow[row.attribute] = index + 1 }
            guard !(weights[row.attribute] ?? []).contains(where: { $0.0 == row.value }) else {
                throw Error(row: index + 1, description: "\(row.attribute) = \(row.value) is given twice")
            }
            weights[row.attribute, default: []].append((row.value, row.weight))
        }
        attributes = try order.map { (name) throws(Error) in
            let values = weights[name]!
            let total = values.reduce(0) { $0 + $1.1 }
            guard total > 0 else { throw Error(row: firstRow[name]!, description: "the weights of \(name) add up to 0") }
            return Attribute(name: name, shares: values.map { ($0.0, $0.1 / total) })
        }
        self.source = source
    }

    /// The share of `value` for `attribute`, if the population gives one.
    public func share(of attribute: String, _ value: String) -> Double? {
        attributes.first { $0.name == attribute }?.shares.first { $0.value == value }?.share
    }
}
