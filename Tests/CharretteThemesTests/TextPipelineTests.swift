import CharretteNumerics
import Foundation
import Testing

@testable import CharretteThemes

@Suite("Text pipeline")
struct TextPipelineTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let documents: [[String]]
            let terms: [String]
            let tfidf: [[Double]]
            let singularValues: [Double]

            enum CodingKeys: String, CodingKey {
                case documents, terms, tfidf
                case singularValues = "singular_values"
            }
        }
        let cases: [Case]
    }

    static let reference: Reference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/tfidf.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func numbered(_ c: Reference.Case) -> [[Int32]] {
        let index = Dictionary(uniqueKeysWithValues: c.terms.enumerated().map { ($1, Int32($0)) })
        return c.documents.map { $0.map { index[$0]! } }
    }

    static func dense(_ v: SparseVector, _ n: Int) -> [Double] {
        var d = [Double](repeating: 0, count: n)
        for (i, x) in zip(v.indices, v.values) { d[Int(i)] = Double(x) }
        return d
    }

    @Test func tfidfMatchesScikitLearn() {
        for (n, c) in Self.reference.cases.enumerated() {
            let weights = TFIDF(documents: Self.numbered(c), termCount: c.terms.count)
            for (row, expected) in zip(weights.vectors, c.tfidf) {
                let got = Self.dense(row, c.terms.count)
                let worst = zip(got, expected).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-5, "case \(n): \(got) against \(expected)")
            }
        }
    }

    @Test func singularValuesMatchScikitLearn() {
        for (n, c) in Self.reference.cases.enumerated() where !c.singularValues.isEmpty {
            let weights = TFIDF(documents: Self.numbered(c), termCount: c.terms.count)
            let lsa = LatentSemanticAnalysis(weights.vectors, dimensions: c.terms.count, components: c.singularValues.count)
            for (got, expected) in zip(lsa.singularValues, c.singularValues) {
                #expect(abs(got - expected) < 1e-4, "case \(n): \(lsa.singularValues) against \(c.singularValues)")
            }
            for v in lsa.vectors where !v.values.isEmpty { #expect(abs(v.norm - 1) < 1e-4) }
        }
    }

    /// Texts sharing no word come out close after LSA when they share neighbours: the point of it.
    @Test func latentSemanticAnalysisBridgesSynonyms() {
        // 0: "bus fare", 1: "bus ticket", 2: "fare ticket price": 0 and 1 share "bus"; "fare" and
        // "ticket" co-occur in 2. 3 and 4 are about something else.
        let docs: [[Int32]] = [[0, 1], [0, 2], [1, 2, 3], [4, 5], [4, 5, 6]]
        let weights = TFIDF(documents: docs, termCount: 7)
        let lsa = LatentSemanticAnalysis(weights.vectors, dimensions: 7, components: 2)
        #expect(lsa.vectors[0].dot(lsa.vectors[1]) > 0.9)
        #expect(abs(lsa.vectors[0].dot(lsa.vectors[3])) < 0.2)
    }

    @Test func eigenDecompositionReconstructs() {
        let m: [Double] = [4, 1, 2, 1, 3, 0, 2, 0, 5]
        let (values, vectors) = SymmetricEigen.decompose(m)
        for c in 0..<3 {
            for r in 0..<3 {
                let av = (0..<3).reduce(0.0) { $0 + m[r * 3 + $1] * vectors[$1 * 3 + c] }
                #expect(abs(av - values[c] * vectors[r * 3 + c]) < 1e-9)
            }
        }
        #expect(abs(values.reduce(0, +) - 12) < 1e-9)  // the trace
    }

    @Test func foldsAccentsAndSpecialLetters() {
        #expect(Tokenizer.fold("sécurité") == "securite")
        #expect(Tokenizer.fold("straße") == "strasse")
        #expect(Tokenizer.fold("cœur") == "coeur")
        #expect(Tokenizer.fold("ação") == "acao")
        #expect(Tokenizer.fold("plain") == "plain")
    }

    @Test func splitsOnUnicodeWordBoundaries() {
        #expect(
            Tokenizer.words("Bus-stop lighting: 24/7, ¿por qué? Größe…").map(String.init)
                == ["Bus", "stop", "lighting", "24", "7", "por", "qué", "Größe"])
        #expect(Tokenizer.words("東京 bus").map(String.init) == ["東京", "bus"])
        #expect(Tokenizer.words("").isEmpty)
    }

    @Test func termsDropStopWordsStemAndFold() {
        var english = Tokenizer(language: .english)
        #expect(english.terms("The riders are running late at night") == ["rider", "run", "late", "night"])
        var french = Tokenizer(language: .french)
        // Stemming makes "sécurité" and "sécurités" one term; "la" is a stop word.
        let a = french.terms("la sécurité"), b = french.terms("Sécurités")
        #expect(a.count == 1 && a == b)
        var spanish = Tokenizer(language: .spanish)
        // An accent the stemmer leaves is folded after it: "árbol" and "arbol" meet.
        #expect(spanish.terms("el árbol") == spanish.terms("arbol"))
        var none = Tokenizer(language: nil)
        #expect(none.terms("The Buses") == ["the", "buses"])
    }

    @Test func commonSpellingIsTheMostUsed() {
        var tokenizer = Tokenizer(language: .english)
        _ = tokenizer.termNumbers("stops stops stop running")
        let spellings = tokenizer.commonSpellings()
        #expect(spellings[Int(tokenizer.termNumbers("stop")[0])] == "stops")
    }
}
