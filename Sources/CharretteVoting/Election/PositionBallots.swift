/// Ballots that take a position on each candidate: consent or reactions.
public struct PositionBallots: Sendable, Hashable {
    /// The positions a ballot can take, in the order results list them.
    public let positions: [String]
    /// The number of candidates each ballot covers.
    public let candidateCount: Int
    /// `codes[b * candidateCount + c]` is an index into ``positions``, or -1 for none.
    public private(set) var codes: [Int8]
    /// How many voters cast each stored ballot.
    public private(set) var counts: [Int]

    /// No ballots yet; `positions` are the words ballots use (at most ``maximumPositions``).
    public init(candidateCount: Int, positions: [String]) {
        self.candidateCount = candidateCount
        self.positions = positions
        codes = []
        counts = []
    }

    /// The most distinct positions a set of ballots can use.
    public static let maximumPositions = 127

    /// Adds a ballot; `positions` maps candidates to indices into ``positions``.
    public mutating func append(_ positions: [Int: Int], count: Int = 1) {
        let start = codes.count
        codes.append(contentsOf: repeatElement(-1, count: candidateCount))
        for (c, p) in positions { codes[start + c] = Int8(p) }
        counts.append(count)
    }

    /// How many voters took each position of `vocabulary` on each candidate:
    /// `[candidate][position in vocabulary]`. A position outside the vocabulary is refused with
    /// the words the method takes, whatever order the ballots' own positions come in.
    public func tallies(in vocabulary: [String], method: String) throws(TallyError) -> [[Int]] {
        var index: [Int] = []
        for word in positions {
            guard let i = vocabulary.firstIndex(of: word) else {
                throw .setting("\(method) ballots take \(vocabulary.joined(separator: ", ")); these ballots also say '\(word)'")
            }
            index.append(i)
        }
        var totals = Array(repeating: Array(repeating: 0, count: vocabulary.count), count: candidateCount)
        for b in 0..<ballotCount {
            for c in 0..<candidateCount {
                let p = codes[b * candidateCount + c]
                if p >= 0 { totals[c][index[Int(p)]] += counts[b] }
            }
        }
        return totals
    }

    /// The positions of consent decision making.
    public static let consent = ["agree", "abstain", "disagree", "block"]
    /// The reactions to single ideas, as in Pol.is.
    public static let reactions = ["agree", "disagree", "pass"]
}
