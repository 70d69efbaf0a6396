import CharretteScript
import Foundation
import Testing

@Suite("Documentation")
struct DocumentationTests {
    /// `docs/language.md` ends with the reference the command signatures generate: a command added,
    /// renamed or changed without its documentation fails here.
    @Test func theLanguageReferenceMatchesTheCommands() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let text = try String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        let generated = CommandReference.markdown(.standard())
        #expect(text.hasSuffix(generated), "docs/language.md is out of date: regenerate its Commands section with charrette -c 'help --markdown'")
        for name in CommandRegistry.standard().names { #expect(text.contains("### `\(name)`")) }
    }
}
