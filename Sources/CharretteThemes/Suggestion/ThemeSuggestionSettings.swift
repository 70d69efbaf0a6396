import CharretteSupport

/// How ``ThemeSuggestion`` clusters texts.
public struct ThemeSuggestionSettings: Sendable, Equatable {
    /// How many themes to make.
    public enum Count: Sendable, Equatable {
        /// This many, or fewer when the texts fall into fewer distinct groups (the suggestion's
        /// reason says so).
        case fixed(Int)
        /// The count in this range with the best silhouette; `nil` is 2 to 12, or fewer for few
        /// texts.
        case automatic(ClosedRange<Int>?)
    }

    /// The clustering algorithm.
    public enum Method: String, Sendable, CaseIterable {
        /// Spherical k-means, k-means++ seeding, best of several restarts.
        case kmeans
        /// Average-linkage agglomerative clustering on cosine distance (at most
        /// ``ThemeSuggestion/agglomerativeLimit`` texts).
        case agglomerative
    }

    public var count: Count
    public var method: Method
    /// Seeds k-means++, the restarts, the latent semantic sketch and the silhouette's sample.
    public var seed: UInt64
    /// How many k-means runs to keep the best of.
    public var restarts: Int
    /// The texts' language; `nil` detects it from their stop words.
    public var language: Language?
    /// Latent semantic analysis to this many components before clustering (at most
    /// ``maximumComponents``); 0 clusters the TF-IDF vectors themselves.
    public var components: Int
    /// The most latent semantic components (the decomposition grows with their cube).
    public static let maximumComponents = 300

    public init(
        count: Count = .automatic(nil), method: Method = .kmeans, seed: UInt64 = 2026, restarts: Int = 10,
        language: Language? = nil, components: Int = 0
    ) {
        self.count = count
        self.method = method
        self.seed = seed
        self.restarts = restarts
        self.language = language
        self.components = components
    }
}

/// Why texts could not be clustered as asked.
public enum ThemeSuggestionError: Error, Equatable, CustomStringConvertible {
    case noWords
    case countOutOfRange(asked: Int, texts: Int)
    case tooManyForAgglomerative(texts: Int, limit: Int)

    public var description: String {
        switch self {
        case .noWords: "there is nothing to cluster: no text has a word that is not a stop word"
        case .countOutOfRange(let asked, let texts):
            "cannot make \(asked) themes from \(texts) texts with words: ask for 1 to \(texts)"
        case .tooManyForAgglomerative(let texts, let limit):
            "agglomerative clustering compares every pair of texts, so it takes at most \(limit) texts (here \(texts)): use k-means"
        }
    }
}
