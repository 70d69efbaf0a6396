import Foundation

/// SplitMix64 (Steele, Lea and Flood): the one seeded generator of Charrette, for lots, seeding,
/// restarts, samples and sketches. Small, fast and fully specified, so that any program can replay
/// the same sequence from the same seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A standard normal number (Box–Muller).
    public mutating func gaussian() -> Double {
        let u = max(unit(), Double.leastNonzeroMagnitude)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }
}
