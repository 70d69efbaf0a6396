/// Graded ballots: a grade (or score) per candidate; a voter may leave a candidate ungraded.
public struct GradeBallots: Sendable, Hashable {
    /// The grade of a candidate the ballot leaves out.
    public static let ungraded = Int32.min

    /// The number of candidates each ballot covers.
    public let candidateCount: Int
    /// `grades[b * candidateCount + c]`, or ``ungraded``.
    public private(set) var grades: [Int32]
    /// How many voters cast each stored ballot.
    public private(set) var counts: [Int]

    /// No ballots yet, over `candidateCount` candidates.
    public init(candidateCount: Int) {
        self.candidateCount = candidateCount
        grades = []
        counts = []
    }

    /// Adds a ballot; candidates missing from `grades` are ungraded.
    public mutating func append(_ grades: [Int: Int], count: Int = 1) {
        let start = self.grades.count
        self.grades.append(contentsOf: repeatElement(Self.ungraded, count: candidateCount))
        for (c, grade) in grades { self.grades[start + c] = Int32(grade) }
        counts.append(count)
    }

    /// Ballot b's grade for candidate c, or nil.
    @inlinable public func grade(_ b: Int, _ c: Int) -> Int? {
        let g = grades[b * candidateCount + c]
        return g == Self.ungraded ? nil : Int(g)
    }
}
