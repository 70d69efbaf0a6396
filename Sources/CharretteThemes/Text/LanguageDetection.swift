import CharretteSupport

/// Telling which language texts are written in, by their stop words.
extension Language {
    /// The language most of `texts` are written in, by counting stop words (nil when none is recognised);
    /// over ``sampleSize`` texts, an evenly spread sample of that many.
    ///
    /// Each word that is a stop word of a language counts one for it; so does a word like "l'état"
    /// whose part before the apostrophe is one (an elided article or pronoun). The language with
    /// the highest count wins, ties going to the first in `allCases`. Only the Snowball lists
    /// count, so English's longer list does not tip the balance.
    public static func detect<S: Sequence>(_ texts: S) -> Language? where S.Element == String {
        var counts = Array(repeating: 0, count: allCases.count)
        let lists = allCases.map(StopWords.snowballList(for:))
        // A large corpus is judged on an evenly spread sample of `sampleSize` texts.
        let all = Array(texts)
        let step = max(1, (all.count + sampleSize - 1) / sampleSize)
        for text in stride(from: 0, to: all.count, by: step).map({ all[$0] }) {
            for word in words(text.lowercased()) {
                let elided = word.firstIndex(of: "'").map { String(word[..<$0]) }
                for (index, list) in lists.enumerated()
                where list.contains(word) || elided.map(list.contains) == true {
                    counts[index] += 1
                }
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
            counts[best] > 0
        else { return nil }
        return allCases[best]
    }

    /// How many texts, at most, ``detect(_:)`` reads.
    public static let sampleSize = 2_000

    /// The runs of letters and apostrophes in `text` (a typographic apostrophe read as `'`).
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isLetter =
                scalar.value < 0x80
                ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
                : scalar.properties.isAlphabetic
            if isLetter {
                current.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}") && !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
