/// A word being stemmed: its letters (Unicode scalars) and the regions R1, R2 and RV the Snowball
/// algorithms test suffixes against, each stored as the position where the region starts.
///
/// Positions count letters from the start of the word. A region that does not exist starts at the
/// end of the word. Regions are found once, before any suffix is removed, and keep their positions
/// as the word gets shorter, as in the Snowball definitions.
struct SnowballWord {
    /// The letters, some of them possibly replaced by the markers a stemmer uses (`Y`, `U`, ...).
    var letters: [Unicode.Scalar]
    /// Where R1 starts.
    var r1: Int
    /// Where R2 starts.
    var r2: Int
    /// Where RV starts.
    var rv: Int

    /// The letters of `word`, with no regions yet.
    init(_ word: String) {
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.utf8.count)
        for letter in word.unicodeScalars { letters.append(letter) }
        self.letters = letters
        r1 = letters.count
        r2 = letters.count
        rv = letters.count
    }

    /// The word as a string.
    var text: String {
        // Encoding the UTF-8 by hand is several times faster than appending scalars to a string.
        String(unsafeUninitializedCapacity: letters.count * 4) { bytes in
            var count = 0
            for letter in letters {
                let value = letter.value
                if value < 0x80 {
                    bytes[count] = UInt8(value)
                    count += 1
                } else if value < 0x800 {
                    bytes[count] = UInt8(0xC0 | value >> 6)
                    bytes[count + 1] = UInt8(0x80 | value & 0x3F)
                    count += 2
                } else if value < 0x10000 {
                    bytes[count] = UInt8(0xE0 | value >> 12)
                    bytes[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[count + 2] = UInt8(0x80 | value & 0x3F)
                    count += 3
                } else {
                    bytes[count] = UInt8(0xF0 | value >> 18)
                    bytes[count + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    bytes[count + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[count + 3] = UInt8(0x80 | value & 0x3F)
                    count += 4
                }
            }
            return count
        }
    }

    /// The number of letters.
    var count: Int { letters.count }

    /// The letter at `position`.
    subscript(position: Int) -> Unicode.Scalar {
        get { letters[position] }
        set { letters[position] = newValue }
    }

    /// The letter just before `position`, or `nil` at the start of the word.
    @inline(__always) func letter(before position: Int) -> Unicode.Scalar? {
        position > 0 && position <= letters.count ? letters[position - 1] : nil
    }

    /// The last letter, or `nil` for an empty word.
    var last: Unicode.Scalar? { letters.last }

    // MARK: Regions

    /// The start of the region after the first non-vowel that follows a vowel, searching from
    /// `start`: R1 when `start` is 0, R2 when `start` is R1. The end of the word when there is none.
    func region(after start: Int, vowels: LetterSet) -> Int {
        var position = start
        while position < count && !vowels.contains(letters[position]) { position += 1 }
        position += 1
        while position < count && vowels.contains(letters[position]) { position += 1 }
        return min(position + 1, count)
    }

    /// RV as Spanish and Portuguese define it: after the third letter when the second is a vowel
    /// following a consonant; otherwise after the next vowel when the second letter is a
    /// consonant, or after the next consonant when the first two letters are vowels.
    func romanceRV(vowels: LetterSet) -> Int {
        guard count >= 2 else { return count }
        let firstIsVowel = vowels.contains(letters[0]), secondIsVowel = vowels.contains(letters[1])
        if !secondIsVowel {
            return next(from: 2, where: { vowels.contains($0) }).map { $0 + 1 } ?? count
        }
        if firstIsVowel {
            return next(from: 2, where: { !vowels.contains($0) }).map { $0 + 1 } ?? count
        }
        return count >= 3 ? 3 : count
    }

    /// The first position at or after `start` whose letter satisfies `test`.
    func next(from start: Int, where test: (Unicode.Scalar) -> Bool) -> Int? {
        var position = start
        while position < count {
            if test(letters[position]) { return position }
            position += 1
        }
        return nil
    }

    // MARK: Searching

    /// The longest suffix from `table` that ends at `end` (the end of the word by default) and
    /// starts no earlier than `lowerBound`: where it starts and its action.
    @inline(__always)
    func longestSuffix<Action>(in table: SuffixTable<Action>, endingAt end: Int? = nil, notBefore lowerBound: Int = 0) -> (start: Int, action: Action)? {
        table.longestMatch(in: letters, end: end ?? count, lowerBound: lowerBound)
    }

    /// Where `suffix` starts when the letters before `end` (the end of the word by default) spell
    /// it, or `nil`.
    func start(ofSuffix suffix: String, endingAt end: Int? = nil) -> Int? {
        var position = end ?? count
        for letter in suffix.unicodeScalars.reversed() {
            guard position > 0, letters[position - 1] == letter else { return nil }
            position -= 1
        }
        return position
    }

    /// Whether the letters before `end` (the end of the word by default) spell `suffix`.
    func hasSuffix(_ suffix: String, endingAt end: Int? = nil) -> Bool {
        start(ofSuffix: suffix, endingAt: end) != nil
    }

    /// Whether the word starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool {
        var position = 0
        for letter in prefix.unicodeScalars {
            guard position < count, letters[position] == letter else { return false }
            position += 1
        }
        return true
    }

    /// Whether any letter before `end` is in `set`.
    func contains(_ set: LetterSet, before end: Int) -> Bool {
        var position = 0
        while position < end {
            if set.contains(letters[position]) { return true }
            position += 1
        }
        return false
    }

    // MARK: Editing

    /// Replaces the letters from `start` to the end of the word with `replacement`.
    mutating func replaceSuffix(from start: Int, with replacement: String) {
        letters.removeSubrange(start...)
        letters.append(contentsOf: replacement.unicodeScalars)
    }

    /// Removes the letters from `start` to the end of the word.
    mutating func deleteSuffix(from start: Int) {
        letters.removeSubrange(start...)
    }

    /// Removes the last letter.
    mutating func deleteLast() {
        letters.removeLast()
    }

    /// Adds `ending` at the end of the word.
    mutating func append(_ ending: String) {
        letters.append(contentsOf: ending.unicodeScalars)
    }
}
