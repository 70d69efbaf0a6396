import Foundation

/// Term frequency–inverse document frequency weights: each text becomes a unit-length vector
/// whose entries say how much each term tells that text apart from the rest.
///
/// The weighting is scikit-learn's `TfidfVectorizer(sublinear_tf=True)`: a term written `tf`
/// times weighs `1 + ln(tf)` (sublinear, so repeating a word does not drown the others), times its
/// smoothed inverse document frequency `ln((1 + n) / (1 + df)) + 1` over `n` texts of which `df`
/// contain it; then the vector is scaled to length 1, so cosine similarity is a dot product.
public struct TFIDF: Sendable {
    /// Each text's unit-length weights, in input order (zero for a text without terms).
    public let vectors: [SparseVector]
    /// Each term's inverse document frequency.
    public let inverseDocumentFrequency: [Float]
    /// How many texts contain each term.
    public let documentFrequency: [Int]

    /// Weighs `documents`, each a list of term numbers below `termCount` (repeats counted).
    /// Terms in fewer than `minimumDocumentFrequency` texts are left out.
    public init(documents: [[Int32]], termCount: Int, sublinear: Bool = true, minimumDocumentFrequency: Int = 1) {
        var frequency = [Int](repeating: 0, count: termCount)
        var counted: [[(term: Int32, count: Int)]] = []
        counted.reserveCapacity(documents.count)
        for document in documents {
            let runs = Self.runs(document)
            for run in runs { frequency[Int(run.term)] += 1 }
            counted.append(runs)
        }
        let n = Float(documents.count)
        let idf = frequency.map { logf((1 + n) / (1 + Float($0))) + 1 }
        vectors = counted.map { runs in
            var indices: [Int32] = [], values: [Float] = []
            indices.reserveCapacity(runs.count)
            values.reserveCapacity(runs.count)
            var squares: Float = 0
            for run in runs where frequency[Int(run.term)] >= minimumDocumentFrequency {
                let tf = sublinear ? 1 + logf(Float(run.count)) : Float(run.count)
                let weight = tf * idf[Int(run.term)]
                indices.append(run.term)
                values.append(weight)
                squares += weight * weight
            }
            if squares > 0 {
                let scale = 1 / squares.squareRoot()
                for i in values.indices { values[i] *= scale }
            }
            return SparseVector(ascending: indices, values: values)
        }
        inverseDocumentFrequency = idf
        documentFrequency = frequency
    }

    /// The distinct terms of a document, ascending, with how often each occurs.
    static func runs(_ document: [Int32]) -> [(term: Int32, count: Int)] {
        let sorted = document.sorted()
        var runs: [(term: Int32, count: Int)] = []
        for term in sorted {
            if let last = runs.last, last.term == term { runs[runs.count - 1].count += 1 } else { runs.append((term, 1)) }
        }
        return runs
    }
}
