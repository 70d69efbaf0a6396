import CharretteScript
import CharretteSupport
import Foundation
import Testing

/// The lexer and parser survive any input: random and mutated scripts give a value or a located
/// error, never a crash or a hang.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    static let fragments = [
        "idea", "add", "\"", "'", "{", "}", "(", ")", "[", "]", "|", ",", ":", ".", "$x", "$", "#12", "#", "@amira", "@",
        "--by", "-", "--", "let", "=", "==", "if", "else", "for", "in", "def", "10m", "1h30m", "3.5", "-7", "\\", "\n", ";",
        "{$x}", "\"{", "}\"", "and", "or", "not", "where", "sort-by", "ünïcødé", "🚌", "\t", " ", "#1:3", "[#1, #2]", "\\\n",
        "\r\n", "\r", String(repeating: "(", count: 100), String(repeating: "[", count: 70), String(repeating: "not ", count: 80), "$a.1.10",
    ]

    @Test func randomAndMutatedInputsNeverCrash() throws {
        let registry = CommandRegistry.standard()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".chr") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        // Single lines and whole multi-line cases.
        let seeds =
            files.flatMap { $0.split(separator: "\n").map(String.init) }
            + files.flatMap { $0.components(separatedBy: "### ").filter { !$0.isEmpty } }
        #expect(seeds.count > 100)
        // A fresh seed each run, printed; CHARRETTE_FUZZ_SEED replays one.
        let seed = UInt64(ProcessInfo.processInfo.environment["CHARRETTE_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64(UInt32.max))
        print("parser fuzzing: seed \(seed) (CHARRETTE_FUZZ_SEED=\(seed) replays it)")
        var generator = SplitMix64(seed: seed)
        let rounds = Int(ProcessInfo.processInfo.environment["CHARRETTE_FUZZ_ROUNDS"] ?? "") ?? 1_000_000
        var errors = 0
        let start = Date()
        for round in 0..<rounds {
            var text: String
            if round % 2 == 0 {
                // Mutate a real line: replace, insert or delete a few characters.
                var characters = Array(seeds.randomElement(using: &generator)!)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let fragment = Array(Self.fragments.randomElement(using: &generator)!)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0 where !characters.isEmpty: characters.remove(at: Int.random(in: 0..<characters.count, using: &generator))
                    case 1: characters.insert(contentsOf: fragment, at: Int.random(in: 0...characters.count, using: &generator))
                    default:
                        if !characters.isEmpty { characters[Int.random(in: 0..<characters.count, using: &generator)] = fragment.first ?? " " }
                    }
                }
                text = String(characters)
            } else {
                text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.fragments.randomElement(using: &generator)! }
                    .joined(separator: Bool.random(using: &generator) ? " " : "")
            }
            do {
                _ = try Parser.parse(Source(name: "fuzz", text: text), registry: registry)
                _ = Parser.needsMoreInput(text)
            } catch var error as ScriptError {
                errors += 1
                // Rendering the error (line, caret) must hold for any place it names.
                error.source = Source(name: "fuzz", text: text)
                #expect(!error.render().isEmpty, "seed \(seed), round \(round), input \(text.debugDescription)")
                // Every error is located inside the input.
                if let range = error.range {
                    #expect(
                        range.start.line >= 1 && range.start.line <= Source(name: "fuzz", text: text).lines.count + 1,
                        "seed \(seed), round \(round), input \(text.debugDescription)")
                }
            }
        }
        #expect(errors > 0 && errors < rounds)
        // A hang would show as a run far beyond this bound.
        #expect(Date().timeIntervalSince(start) < 600)
    }
}
