import CharretteSupport

/// Pairs of texts that say nearly the same thing: cosine similarity of their TF-IDF vectors (after
/// stop words, stemming and accent folding) at or above a threshold.
public enum NearDuplicates {
    /// The default threshold: texts sharing most of their distinctive words.
    public static let defaultThreshold = 0.5

    /// One likely duplicate: two texts by their index in the input, `first < second`.
    public struct Pair: Sendable, Equatable {
        public let first: Int
        public let second: Int
        public let similarity: Double
    }

    /// Every pair at or above `threshold`, most similar first (ties in input order).
    public static func pairs(_ texts: [String], threshold: Double = defaultThreshold, language: Language? = nil) -> [Pair] {
        var tokenizer = Tokenizer(language: language ?? Language.detect(texts))
        let documents = texts.map { tokenizer.termNumbers($0) }
        let vectors = TFIDF(documents: documents, termCount: tokenizer.terms.count).vectors
        // Only texts sharing a term can be similar: walk each term's texts instead of all pairs.
        var postings = Array(repeating: [Int](), count: tokenizer.terms.count)
        for (i, v) in vectors.enumerated() { for t in v.indices { postings[Int(t)].append(i) } }
        var pairs: [Pair] = []
        for (i, v) in vectors.enumerated() where !v.values.isEmpty {
            var candidates = Set<Int>()
            for t in v.indices { for j in postings[Int(t)] where j > i { candidates.insert(j) } }
            for j in candidates {
                let similarity = Double(v.dot(vectors[j]))
                if similarity >= threshold - 1e-6 { pairs.append(Pair(first: i, second: j, similarity: min(1, similarity))) }
            }
        }
        return pairs.sorted {
            $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.first, $0.second) < ($1.first, $1.second)
        }
    }
}
