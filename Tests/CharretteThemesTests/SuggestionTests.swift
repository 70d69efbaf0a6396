import Testing

@testable import CharretteThemes

@Suite("Suggested themes")
struct SuggestionTests {
    /// Three clear topics, six texts each, with the words shuffled between texts.
    static let texts: [String] = [
        "cheaper bus fares for students", "bus fares are too expensive", "free fares for teenagers on the bus",
        "student discount on bus fares", "lower fares in the holidays", "fares cost too much for young people",
        "better lighting at night stops", "safe night buses after dark", "cameras on night routes for safety",
        "feel unsafe waiting at night", "night safety at the stops", "a safe place to wait at night",
        "real-time arrival screens", "an app with arrival times", "screens showing arrival information",
        "clear information about arrival delays", "arrival times on the app", "information screens at every stop",
    ]
    static let truth = (0..<18).map { $0 / 6 }

    static func partition(_ labels: [Int]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: labels.indices.filter { labels[$0] >= 0 }, by: { labels[$0] }).values.map(Set.init))
    }

    @Test func findsTheTopicsWithKGiven() throws {
        for method in ThemeSuggestionSettings.Method.allCases {
            let s = try ThemeSuggestion(texts: Self.texts, settings: .init(count: .fixed(3), method: method, language: .english))
            #expect(Self.partition(s.labels) == Self.partition(Self.truth), "\(method)")
            #expect(s.k == 3 && s.reason == "k = 3, as asked")
        }
    }

    @Test func choosesKBySilhouetteAndSaysWhy() throws {
        // Three topics with words of their own: three themes fit best.
        let texts = [
            "fare price cheap", "fare price ticket", "cheap ticket price", "fare ticket cheap",
            "night dark safety", "dark lighting night", "safety lighting dark", "night safety lighting",
            "arrival screen app", "app arrival time", "screen time arrival", "app screen time",
        ]
        let s = try ThemeSuggestion(texts: texts, settings: .init(count: .automatic(2...6), language: .english))
        #expect(s.k == 3)
        #expect(Self.partition(s.labels) == Self.partition((0..<12).map { $0 / 4 }))
        #expect(s.silhouettes.map(\.k) == [2, 3, 4, 5, 6])
        #expect(s.silhouettes.max { $0.score < $1.score }!.k == 3)
        #expect(s.reason.hasPrefix("k = 3: the best silhouette"))
        // On the looser texts the choice is still the count with the best silhouette.
        let loose = try ThemeSuggestion(texts: Self.texts, settings: .init(count: .automatic(2...6), language: .english))
        #expect(loose.k == loose.silhouettes.max { $0.score < $1.score }!.k)
    }

    @Test func labelsComeFromDistinctiveTermsAndExamplesFromTheCentre() throws {
        let s = try ThemeSuggestion(texts: Self.texts, settings: .init(count: .fixed(3), language: .english))
        let labels = s.themes.map(\.terms.first!)
        #expect(Set(labels) == ["fares", "night", "arrival"])
        for theme in s.themes {
            #expect(theme.members.contains(theme.example))
            #expect(theme.label == theme.terms.joined(separator: ", "))
        }
    }

    @Test func theSameSeedGivesTheSameSuggestion() throws {
        let settings = ThemeSuggestionSettings(count: .fixed(4), seed: 11, restarts: 3)
        let a = try ThemeSuggestion(texts: Self.texts, settings: settings)
        let b = try ThemeSuggestion(texts: Self.texts, settings: settings)
        #expect(a.labels == b.labels && a.themes == b.themes)
    }

    @Test func textsWithoutWordsAreLeftOutAndNamed() throws {
        let s = try ThemeSuggestion(texts: Self.texts + ["", "the and of", "?!"], settings: .init(count: .fixed(3), language: .english))
        #expect(s.labels.suffix(3) == [-1, -1, -1])
        #expect(s.themes.reduce(0) { $0 + $1.members.count } == 18)
    }

    @Test func fewerDistinctTextsThanKMakeFewerThemesAndSaySo() throws {
        let texts = ["night buses", "night buses", "cheap fares", "cheap fares", "night buses"]
        let fixed = try ThemeSuggestion(texts: texts, settings: .init(count: .fixed(3), language: .english))
        #expect(fixed.k == 2 && Set(fixed.labels) == [0, 1])
        #expect(fixed.reason == "k = 2: 3 were asked, but the texts fall into only 2 distinct groups")
        let automatic = try ThemeSuggestion(texts: texts, settings: .init(language: .english))
        #expect(automatic.k == 2 && automatic.silhouettes.map(\.k) == [2])
        let one = try ThemeSuggestion(texts: ["same text", "same text", "same text"], settings: .init(language: .english))
        #expect(one.k == 1 && one.reason.hasPrefix("k = 1: too few distinct texts"))
    }

    @Test func textsTheComponentsDoNotReachAreLeftOut() throws {
        // One component follows the larger topic; the texts sharing no word with it are not
        // reached, and stay out instead of being clustered on rounding noise.
        let texts = ["bus fare bus fare", "bus fare price", "fare bus", "gamma delta", "epsilon zeta"]
        let s = try ThemeSuggestion(texts: texts, settings: .init(count: .fixed(1), language: .english, components: 1))
        #expect(s.labels == [0, 0, 0, -1, -1])
        #expect(s.components == 1)
    }

    @Test func refusesWhatCannotBeDone() {
        #expect(throws: ThemeSuggestionError.noWords) { try ThemeSuggestion(texts: ["the", ""], settings: .init(language: .english)) }
        #expect(throws: ThemeSuggestionError.countOutOfRange(asked: 19, texts: 18)) {
            try ThemeSuggestion(texts: Self.texts, settings: .init(count: .fixed(19), language: .english))
        }
    }

    @Test func latentSemanticAnalysisStillFindsTheTopics() throws {
        let s = try ThemeSuggestion(texts: Self.texts, settings: .init(count: .fixed(3), language: .english, components: 3))
        #expect(Self.partition(s.labels) == Self.partition(Self.truth))
    }

    @Test func nearDuplicatesAreFoundAndRanked() {
        let texts = ["Free bus passes for everyone under 18", "Night buses at weekends", "free bus passes for under-18s", "Benches at stops"]
        let pairs = NearDuplicates.pairs(texts, threshold: 0.5, language: .english)
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 2]])
        #expect(pairs[0].similarity > 0.5 && pairs[0].similarity <= 1)
        #expect(NearDuplicates.pairs(texts, threshold: 0.99, language: .english).isEmpty)
    }
}
