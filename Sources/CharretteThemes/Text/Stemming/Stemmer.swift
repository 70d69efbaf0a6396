import CharretteSupport

/// Reduces a word to its stem with the Snowball stemmer of a language, so that "consultation",
/// "consultations" and "consulting" meet as "consult".
///
/// The output is exactly what the Snowball project's stemmer for the language gives. Snowball
/// stemmers expect one lowercase word, with its accents.
public struct Stemmer: Sendable {
    /// The language whose rules are applied.
    public let language: Language

    /// A stemmer for `language`.
    public init(_ language: Language) {
        self.language = language
    }

    /// The stem of `word`, one lowercase word with its accents.
    public func stem(_ word: String) -> String {
        switch language {
        case .english: EnglishStemmer.stem(word)
        case .spanish: SpanishStemmer.stem(word)
        case .french: FrenchStemmer.stem(word)
        case .portuguese: PortugueseStemmer.stem(word)
        case .german: GermanStemmer.stem(word)
        }
    }
}
