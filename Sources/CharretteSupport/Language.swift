/// The languages Charrette knows: the text pipeline's stop words and stemmers, and a
/// consultation's language (`consultation language es`).
public enum Language: String, CaseIterable, Sendable, Codable {
    /// English, "en".
    case english = "en"
    /// Spanish, "es".
    case spanish = "es"
    /// French, "fr".
    case french = "fr"
    /// Portuguese, "pt".
    case portuguese = "pt"
    /// German, "de".
    case german = "de"

    /// The language named by its code ("en") or English name ("English"), in any case.
    public init?(named name: String) {
        let lowered = name.lowercased()
        guard let language = Self.allCases.first(where: { $0.rawValue == lowered || "\($0)" == lowered }) else {
            return nil
        }
        self = language
    }
}
