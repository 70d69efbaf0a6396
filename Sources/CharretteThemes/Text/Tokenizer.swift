import CharretteSupport
import Foundation

/// Turns a text into the terms clustering compares: words split on Unicode letters and digits,
/// lowercased, stop words dropped, stemmed (Snowball), then folded to plain letters (accents
/// removed, `ß` as `ss`), so "Sécurité", "securite" and "sécurités" meet as one term.
///
/// Stemming comes before accent folding because the Snowball rules read accents. Words shorter
/// than two letters are dropped, as in scikit-learn's default token pattern. A tokenizer caches
/// what each distinct word becomes, so it is meant to be kept for a whole corpus.
public struct Tokenizer {
    /// The language whose stop words and stemmer are used; `nil` folds and lowercases only.
    public let language: Language?
    private let stopWords: Set<String>
    private let stemmer: Stemmer?
    /// Each distinct word seen, by its index in `distinctWords`.
    private var wordIndex: [Substring: Int] = [:]
    /// Each distinct word: the term it became (-1 for a stop word), its lowercase spelling and
    /// how often it was read.
    private var distinctWords: [(term: Int32, spelling: String, count: Int)] = []
    /// The terms met so far, numbered in order of first use.
    public private(set) var terms: [String] = []
    private var termIndex: [String: Int32] = [:]

    public init(language: Language?, stemming: Bool = true) {
        self.language = language
        stopWords = language.map(StopWords.words(for:)) ?? []
        stemmer = stemming ? language.map(Stemmer.init) : nil
    }

    /// The terms of `text` as numbers into ``terms``, in order, repeats kept.
    public mutating func termNumbers(_ text: String) -> [Int32] {
        var numbers: [Int32] = []
        for word in Self.words(text) {
            let index: Int
            if let known = wordIndex[word] {
                index = known
            } else {
                let spelling = word.lowercased()
                var number: Int32 = -1
                if let term = term(spelling) {
                    if let existing = termIndex[term] {
                        number = existing
                    } else {
                        number = Int32(terms.count)
                        termIndex[term] = number
                        terms.append(term)
                    }
                }
                index = distinctWords.count
                distinctWords.append((number, spelling, 0))
                wordIndex[word] = index
            }
            distinctWords[index].count += 1
            if distinctWords[index].term >= 0 { numbers.append(distinctWords[index].term) }
        }
        return numbers
    }

    /// The terms of `text`, in order, repeats kept.
    public mutating func terms(_ text: String) -> [String] {
        termNumbers(text).map { terms[Int($0)] }
    }

    /// For each term, the spelling people used most (ties to the shortest, then alphabetical).
    public func commonSpellings() -> [String] {
        var counts = Array(repeating: [String: Int](), count: terms.count)
        for word in distinctWords where word.term >= 0 { counts[Int(word.term)][word.spelling, default: 0] += word.count }
        return counts.enumerated().map { term, forms in
            forms.max { a, b in
                a.value != b.value ? a.value < b.value : a.key.count != b.key.count ? a.key.count > b.key.count : a.key > b.key
            }?.key ?? terms[term]
        }
    }

    /// The term one word becomes, or `nil` when it is a stop word or too short.
    func term(_ lower: String) -> String? {
        guard lower.unicodeScalars.count >= 2, !stopWords.contains(lower) else { return nil }
        let stem = stemmer?.stem(lower) ?? lower
        let folded = Self.fold(stem)
        guard folded.unicodeScalars.count >= 2, !stopWords.contains(folded) else { return nil }
        return folded
    }

    /// The runs of letters and digits in `text` (an apostrophe or hyphen between letters splits
    /// the word, as in scikit-learn).
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begin = start {
                words.append(Substring(scalars[begin..<index]))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(Substring(scalars[begin..<scalars.endIndex])) }
        return words
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Lowercase letters without accents: canonical decomposition, combining marks dropped,
    /// and the few letters that do not decompose spelled out.
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var out = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "ø": out.append("o")
            case "ł": out.append("l")
            case "đ": out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
