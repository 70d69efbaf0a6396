import CharretteSupport

/// A first pass at themes for a set of texts, for the room to accept, change or set aside.
///
/// The texts go through the ``Tokenizer`` (stop words, stemming, accent folding) and ``TFIDF``,
/// optionally ``LatentSemanticAnalysis``, then ``SphericalKMeans`` or ``AverageLinkage``. Each
/// theme is labelled with its most distinctive terms (highest mean weight inside the theme minus
/// outside it) and shows its most central text. The same texts and settings always give the same
/// suggestion.
public struct ThemeSuggestion: Sendable {
    /// The largest number of texts agglomerative clustering takes (it compares every pair).
    public static let agglomerativeLimit = 2_000

    /// One suggested theme.
    public struct Theme: Sendable, Equatable {
        /// A short label from its most distinctive terms, such as "bus, night, safe".
        public let label: String
        /// Those terms, most distinctive first, as people spelled them most.
        public let terms: [String]
        /// The texts in it, by their index in the input, ascending.
        public let members: [Int]
        /// Its most central text: the member closest to the theme's centre.
        public let example: Int
    }

    /// The number of themes made.
    public var k: Int { themes.count }
    /// Each text's theme, an index into ``themes``, in input order; -1 for a text with no word
    /// to cluster on (empty, or stop words only), or that latent semantic analysis's components do
    /// not reach.
    public let labels: [Int]
    /// The themes, largest first.
    public let themes: [Theme]
    /// The language used for stop words and stemming (`nil`: none recognised, words only folded).
    public let language: Language?
    /// How the number of themes was chosen, in a sentence.
    public let reason: String
    /// The silhouette of each count tried, when the count was chosen automatically.
    public let silhouettes: [(k: Int, score: Double)]
    /// The latent semantic components clustered in (0: the TF-IDF vectors themselves).
    public let components: Int

    public init(texts: [String], settings: ThemeSuggestionSettings = .init()) throws {
        let language = settings.language ?? Language.detect(texts)
        var tokenizer = Tokenizer(language: language)
        let documents = texts.map { tokenizer.termNumbers($0) }
        let weights = TFIDF(documents: documents, termCount: tokenizer.terms.count)
        let withWords = weights.vectors.indices.filter { !weights.vectors[$0].values.isEmpty }
        guard !withWords.isEmpty else { throw ThemeSuggestionError.noWords }

        // The space clustered in: TF-IDF, or its latent semantic components, where a text the
        // components do not reach is left out like a text without words.
        var space: [SparseVector], dimensions: Int, placed: [Int]
        if settings.components > 0 {
            let lsa = LatentSemanticAnalysis(
                withWords.map { weights.vectors[$0] }, dimensions: tokenizer.terms.count,
                components: settings.components, seed: settings.seed)
            dimensions = lsa.singularValues.count
            let reached = lsa.vectors.indices.filter { !lsa.vectors[$0].values.isEmpty }
            placed = reached.map { withWords[$0] }
            space = reached.map { lsa.vectors[$0] }
        } else {
            dimensions = tokenizer.terms.count
            placed = withWords
            space = withWords.map { weights.vectors[$0] }
        }
        components = settings.components > 0 ? dimensions : 0
        guard !placed.isEmpty else { throw ThemeSuggestionError.noWords }
        let tfidf = placed.map { weights.vectors[$0] }
        if settings.method == .agglomerative && placed.count > Self.agglomerativeLimit {
            throw ThemeSuggestionError.tooManyForAgglomerative(texts: placed.count, limit: Self.agglomerativeLimit)
        }
        let clusterer = Clusterer(vectors: space, dimensions: dimensions, settings: settings)
        let made = { (labels: [Int]) in Set(labels).count }

        let chosen: [Int]
        switch settings.count {
        case .fixed(let k):
            guard k >= 1 && k <= placed.count else { throw ThemeSuggestionError.countOutOfRange(asked: k, texts: placed.count) }
            chosen = clusterer.labels(k: k)
            reason =
                made(chosen) == k
                ? "k = \(k), as asked"
                : "k = \(made(chosen)): \(k) were asked, but the texts fall into only \(made(chosen)) distinct groups"
            silhouettes = []
        case .automatic(let asked):
            let upper = min(asked?.upperBound ?? 12, placed.count - 1)
            let lower = max(asked?.lowerBound ?? 2, 2)
            var tried: [(k: Int, score: Double, labels: [Int])] = []
            if upper >= lower {
                for k in lower...upper {
                    let labels = clusterer.labels(k: k)
                    // Fewer distinct texts than k: larger counts cannot make more themes.
                    guard made(labels) == k else { break }
                    tried.append((k, Silhouette.score(space, labels: labels, seed: settings.seed), labels))
                }
            }
            if let best = tried.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.k > $1.k) }) {
                chosen = best.labels
                silhouettes = tried.map { ($0.k, $0.score) }
                let runnersUp = tried.filter { $0.k != best.k }.sorted { $0.score > $1.score }.prefix(2)
                    .map { "k = \($0.k): \(Self.format($0.score))" }.joined(separator: ", ")
                reason =
                    "k = \(best.k): the best silhouette (\(Self.format(best.score))) of k = \(lower) to \(tried.last!.k)"
                    + (runnersUp.isEmpty ? "" : "; next \(runnersUp)")
            } else {
                chosen = clusterer.labels(k: min(max(asked?.lowerBound ?? 1, 1), placed.count))
                reason = "k = \(made(chosen)): too few distinct texts with words (\(placed.count)) to compare counts"
                silhouettes = []
            }
        }

        let summary = ThemeSummary(labels: chosen, space: space, dimensions: dimensions, tfidf: tfidf, terms: tokenizer.commonSpellings())
        var labels = Array(repeating: -1, count: texts.count)
        for (position, text) in placed.enumerated() { labels[text] = summary.renumbered[chosen[position]] }
        self.labels = labels
        self.language = language
        themes = summary.themes.map { theme in
            Theme(label: theme.label, terms: theme.terms, members: theme.members.map { placed[$0] }, example: placed[theme.example])
        }
    }

    static func format(_ score: Double) -> String {
        let rounded = (score * 100).rounded() / 100
        return "\(rounded)"
    }
}

/// Clusters one set of vectors for any k, keeping what can be shared between counts.
struct Clusterer {
    let vectors: [SparseVector]
    let dimensions: Int
    let settings: ThemeSuggestionSettings
    private let linkage: AverageLinkage?

    init(vectors: [SparseVector], dimensions: Int, settings: ThemeSuggestionSettings) {
        self.vectors = vectors
        self.dimensions = dimensions
        self.settings = settings
        if settings.method == .agglomerative && vectors.count <= ThemeSuggestion.agglomerativeLimit {
            linkage = AverageLinkage(DistanceMatrix(count: vectors.count) { i, j in max(0, 1 - Double(vectors[i].dot(vectors[j]))) })
        } else {
            linkage = nil
        }
    }

    /// Each vector's cluster, numbered from 0.
    func labels(k: Int) -> [Int] {
        switch settings.method {
        case .kmeans:
            return SphericalKMeans(vectors, dimensions: dimensions, k: k, seed: settings.seed, restarts: settings.restarts).labels
        case .agglomerative:
            var labels = Array(repeating: 0, count: vectors.count)
            for (cluster, members) in linkage!.clusters(count: k).enumerated() { for m in members { labels[m] = cluster } }
            return labels
        }
    }
}
