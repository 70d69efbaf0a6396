import Charrette
import CharretteSession
import CharretteSupport
import CharretteThemes

/// The clustering flags `cluster` and `themes suggest` share.
enum SuggestionFlags {
    static let signature: [Signature.Flag] = [
        .init("k", "N", "how many themes, or auto to choose by silhouette (default auto)"),
        .init("method", "NAME", "kmeans (spherical k-means, the default) or agglomerative (average linkage)"),
        .init("seed", "N", "the seed for k-means++, its restarts, the LSA sketch and the silhouette's sample (default 2026)"),
        .init("restarts", "N", "k-means runs to keep the best of (default 10)"),
        .init("language", "CODE", "the texts' language for stop words and stemming: en, es, fr, pt or de (default: the consultation's, or detected)"),
        .init("lsa", "N", "latent semantic analysis to N components before clustering (default off)"),
    ]

    /// The settings the flags of `call` ask for; the language of `consultation`, if it has one,
    /// is used when no `--language` is given, and the texts' own language is detected when neither is.
    static func settings(_ call: Invocation) throws -> ThemeSuggestionSettings {
        var settings = ThemeSuggestionSettings()
        switch call.flag("k") {
        case nil: break
        case .string(let word) where word.lowercased() == "auto": settings.count = .automatic(nil)
        case .integer(let k):
            guard k >= 1 else { throw call.flagError("k", "--k must be at least 1") }
            settings.count = .fixed(k)
        case let other?: throw call.flagError("k", "--k takes a whole number or auto, not \(other.withArticle)")
        }
        if let name = try call.flagString("method") {
            guard let method = ThemeSuggestionSettings.Method(rawValue: name.lowercased()) else {
                throw call.flagError("method", "unknown clustering method '\(name)': use kmeans or agglomerative")
            }
            settings.method = method
        }
        if let seed = try call.flagInt("seed") {
            guard seed >= 0 else { throw call.flagError("seed", "--seed must not be negative") }
            settings.seed = UInt64(seed)
        }
        if let restarts = try call.flagInt("restarts") {
            guard (1...1_000).contains(restarts) else { throw call.flagError("restarts", "--restarts must be from 1 to 1000") }
            settings.restarts = restarts
        }
        if let language = try Self.language(call) { settings.language = language }
        if let components = try call.flagInt("lsa") {
            let most = ThemeSuggestionSettings.maximumComponents
            guard (0...most).contains(components) else { throw call.flagError("lsa", "--lsa must be from 0 (off) to \(most)") }
            settings.components = components
        }
        return settings
    }

    /// The language `--language` names, if given; commands that take only that flag read it here.
    static func language(_ call: Invocation) throws -> Language? {
        guard let name = try call.flagString("language") else { return nil }
        guard let language = Language(named: name) else {
            let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
            throw call.flagError("language", "unknown language '\(name)': use one of \(known)")
        }
        return language
    }

    /// The language of `consultation` unless `--language` names one.
    static func language(_ call: Invocation, consultation: Consultation.ID) throws -> Language? {
        try language(call) ?? call.interpreter.workspace.state.language(of: consultation)
    }

    /// A suggestion as a record: k, each text's theme, the themes and why k.
    static func value(_ suggestion: ThemeSuggestion, texts: [String], settings: ThemeSuggestionSettings, reference: (Int) -> Value) -> Value {
        let themes = suggestion.themes.enumerated().map { index, theme in
            Record([
                ("theme", .integer(index)), ("label", .string(theme.label)), ("size", .integer(theme.members.count)),
                ("terms", .list(theme.terms.map(Value.string))),
                ("example", reference(theme.example)), ("example_text", .string(texts[theme.example])),
            ])
        }
        var fields: [(String, Value)] = [
            ("k", .integer(suggestion.k)), ("labels", .list(suggestion.labels.map(Value.integer))),
            ("themes", Rows.table(themes)),
            ("method", .string(settings.method.rawValue)), ("seed", .integer(Int(settings.seed))),
            ("language", suggestion.language.map { .string($0.rawValue) } ?? .null),
            ("lsa", .integer(suggestion.components)), ("reason", .string(suggestion.reason)),
            ("unplaced", .list(suggestion.labels.indices.filter { suggestion.labels[$0] < 0 }.map(reference))),
        ]
        if !suggestion.silhouettes.isEmpty {
            fields.append(
                (
                    "silhouettes",
                    Rows.table(
                        suggestion.silhouettes.map {
                            Record([("k", .integer($0.k)), ("silhouette", .decimal(($0.score * 1000).rounded() / 1000))])
                        })
                ))
        }
        return .record(Record(fields))
    }
}
