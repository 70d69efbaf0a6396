import Foundation

/// The interface texts of the room's pages, by language: one file per language in `Catalogue/`
/// (`en.txt`, `es.txt`), each line `key = text`. English is complete and is the fallback; a page
/// follows the browser's `Accept-Language`.
public struct Catalogue: Sendable {
    /// The texts of each language, by key.
    public let languages: [String: [String: String]]

    /// The catalogue shipped with the room.
    public static let shipped: Catalogue = {
        var languages: [String: [String: String]] = [:]
        let files = Bundle.module.urls(forResourcesWithExtension: "txt", subdirectory: "Catalogue") ?? []
        for file in files {
            let url = file as URL
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            languages[url.deletingPathExtension().lastPathComponent] = parse(text)
        }
        return Catalogue(languages: languages)
    }()

    /// `key = text` lines; blank lines and lines starting with `#` are skipped.
    static func parse(_ text: String) -> [String: String] {
        var texts: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            texts[line[..<equals].trimmingCharacters(in: .whitespaces)] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return texts
    }

    /// The language of `acceptLanguage` (`es-ES,es;q=0.9,en;q=0.8`) that the catalogue has, by the
    /// browser's order of preference; English otherwise.
    public func language(for acceptLanguage: String?) -> String {
        let ranked = (acceptLanguage ?? "").split(separator: ",").enumerated().compactMap { index, item -> (String, Double, Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (String(tag.lowercased().split(separator: "-")[0]), quality, index)
        }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        return ranked.first { languages[$0.0] != nil && $0.1 > 0 }?.0 ?? "en"
    }

    /// The texts of `language`, falling back to English key by key.
    public func texts(_ language: String) -> Texts { Texts(language: language, own: languages[language] ?? [:], english: languages["en"] ?? [:]) }

    /// One language's texts.
    public struct Texts: Sendable {
        public let language: String
        let own: [String: String], english: [String: String]

        /// The text of `key`; the key itself if no catalogue has it (which a test forbids).
        public subscript(key: String) -> String { own[key] ?? english[key] ?? key }

        /// The text of `key` with each `{name}` in it replaced by `values[name]`, or `nil` if no
        /// catalogue has the key.
        public func filling(_ key: String, _ values: [String: String]) -> String? {
            guard var text = own[key] ?? english[key] else { return nil }
            for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }
    }
}
