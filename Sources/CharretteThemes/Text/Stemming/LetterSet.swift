/// A set of letters, such as a stemmer's vowels or the letters a suffix may follow (a Snowball
/// "grouping"). Membership is a bit test, as stemming asks it for nearly every letter.
struct LetterSet: Sendable {
    // One bit per scalar below U+0100: every grouping of the supported languages is Latin-1.
    private var low: UInt64 = 0, high: UInt64 = 0, latinLow: UInt64 = 0, latinHigh: UInt64 = 0

    /// The set of the letters in `letters`.
    init(_ letters: String) {
        for scalar in letters.unicodeScalars {
            let value = scalar.value
            precondition(value < 0x100, "letter sets hold Latin-1 letters only")
            let bit = UInt64(1) << UInt64(value & 63)
            switch value >> 6 {
            case 0: low |= bit
            case 1: high |= bit
            case 2: latinLow |= bit
            default: latinHigh |= bit
            }
        }
    }

    /// Whether `letter` is in the set.
    @inline(__always) func contains(_ letter: Unicode.Scalar) -> Bool {
        let value = letter.value
        let bit = UInt64(1) << UInt64(value & 63)
        switch value >> 6 {
        case 0: return low & bit != 0
        case 1: return high & bit != 0
        case 2: return latinLow & bit != 0
        case 3: return latinHigh & bit != 0
        default: return false
        }
    }

    /// Whether `letter` is a letter and in the set; `nil` (no letter there) is not.
    @inline(__always) func contains(_ letter: Unicode.Scalar?) -> Bool {
        guard let letter else { return false }
        return contains(letter)
    }
}
