import CharretteSupport
import Foundation
import Testing

@testable import CharretteThemes

/// The stemmers against the Snowball project's own (scripts/reference/stemming_vectors.py wrote
/// the `Vectors/stems-*.tsv` files), the stop word lists, and language detection.
@Suite("Stemming, stop words and language detection")
struct StemmerTests {
    /// The word–stem pairs of the vectors file for `language`.
    static func vectors(_ language: Language) throws -> [(word: String, stem: String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Vectors/stems-\(language.rawValue).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields.count > 1 ? fields[1] : ""))
        }
    }

    @Test(arguments: Language.allCases)
    func stemsAsSnowballDoes(_ language: Language) throws {
        let pairs = try Self.vectors(language)
        #expect(pairs.count > 5000)
        let stemmer = Stemmer(language)
        let mismatches = pairs.filter { stemmer.stem($0.word) != $0.stem }
        let shown = mismatches.prefix(20).map { "\($0.word) → \(stemmer.stem($0.word)), not \($0.stem)" }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) words differ: \(shown.joined(separator: "; "))")
    }

    @Test func stemsTheExamplesOfTheSnowballPages() {
        #expect(Stemmer(.english).stem("generously") == "generous")
        #expect(Stemmer(.english).stem("consultations") == "consult")
        #expect(Stemmer(.spanish).stem("comiéndoselo") == "com")
        #expect(Stemmer(.french).stem("continuellement") == "continuel")
        #expect(Stemmer(.portuguese).stem("informações") == "inform")
        #expect(Stemmer(.german).stem("aufeinanderfolgenden") == "aufeinanderfolg")
    }

    @Test func leavesShortAndEmptyWordsAlone() {
        for language in Language.allCases {
            #expect(Stemmer(language).stem("") == "")
        }
        #expect(Stemmer(.english).stem("is") == "is")
    }

    @Test func stopWordsHoldKnownMembers() {
        let english = StopWords.words(for: .english)
        // Snowball's list, and scikit-learn's.
        #expect(english.isSuperset(of: ["the", "and", "of", "don't", "ourselves", "whereupon", "nevertheless", "amongst"]))
        #expect(!english.contains("policy"))
        #expect(StopWords.words(for: .spanish).isSuperset(of: ["de", "que", "también", "estábamos", "él"]))
        #expect(StopWords.words(for: .french).isSuperset(of: ["les", "nous", "étaient", "à", "qu"]))
        #expect(StopWords.words(for: .portuguese).isSuperset(of: ["não", "você", "às", "também", "houvéssemos"]))
        #expect(StopWords.words(for: .german).isSuperset(of: ["und", "über", "daß", "während", "würden"]))
        for language in Language.allCases {
            #expect(StopWords.words(for: language).allSatisfy { $0 == $0.lowercased() })
        }
    }

    @Test func detectsTheLanguageOfAFewSentences() {
        let samples: [Language: [String]] = [
            .english: ["We should open the library on Sundays.", "The park needs more trees and benches for the children."],
            .spanish: ["Queremos que la biblioteca abra los domingos.", "El parque necesita más árboles y bancos para los niños."],
            .french: ["Nous voulons que la bibliothèque ouvre le dimanche.", "Le parc a besoin d'arbres et de bancs pour les enfants."],
            .portuguese: ["Queremos que a biblioteca abra aos domingos.", "O parque precisa de mais árvores e bancos para as crianças."],
            .german: ["Wir wollen, dass die Bibliothek sonntags geöffnet ist.", "Der Park braucht mehr Bäume und Bänke für die Kinder."],
        ]
        for (language, texts) in samples {
            #expect(Language.detect(texts) == language, "\(texts)")
        }
        #expect(Language.detect(["1234 5678"]) == nil)
        #expect(Language.detect([String]()) == nil)
    }

    @Test func namesALanguageByCodeOrEnglishName() {
        #expect(Language(named: "en") == .english)
        #expect(Language(named: "French") == .french)
        #expect(Language(named: "PT") == .portuguese)
        #expect(Language(named: "klingon") == nil)
    }
}
