import CharretteSupport

/// Draws by lot from a seed, so that the same ballots and seed always give the same result.
///
/// SplitMix64: small, fast and fully specified, so any other implementation can replay a draw.
public struct Lot: Sendable {
    /// The seed the draws come from.
    public let seed: UInt64
    private var generator: SplitMix64
    /// Every draw made so far, in order.
    public private(set) var draws: [LotOutcome.Draw] = []

    /// A lot that has drawn nothing yet.
    public init(seed: UInt64) {
        self.seed = seed
        generator = SplitMix64(seed: seed)
    }

    private mutating func next() -> UInt64 { generator.next() }

    /// A number in `0..<bound`, without modulo bias.
    private mutating func below(_ bound: Int) -> Int {
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let x = next()
            if x < limit { return Int(x % b) }
        }
    }

    /// Picks `count` of the tied candidates (sorted first, so the order they arrive in does not
    /// matter) and records the draw.
    public mutating func pick(_ count: Int, from tied: [Int], reason: String) -> [Int] {
        var pool = tied.sorted()
        for i in 0..<min(count, pool.count) {
            pool.swapAt(i, i + below(pool.count - i))
        }
        let chosen = Array(pool.prefix(count))
        draws.append(.init(reason: reason, among: tied.sorted(), chosen: chosen))
        return chosen
    }

    /// Picks one of the tied candidates.
    public mutating func pickOne(from tied: [Int], reason: String) -> Int {
        pick(1, from: tied, reason: reason)[0]
    }

    /// Picks one of several options (such as tied committees) and records it by their indices.
    public mutating func pickOption(_ count: Int, reason: String) -> Int {
        pick(1, from: Array(0..<count), reason: reason)[0]
    }
}
