import CharretteScript
import Foundation
import Testing

/// Flags are read by name (`call.flagInt("budget")`): a misspelt name would read as "not given".
/// Reading a flag the command does not declare stops a debug build (`Invocation.flags`); this
/// checks the code paths no test runs, over the sources.
@Suite("Flag names")
struct FlagNameTests {
    @Test func everyFlagReadIsDeclaredByACommand() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("Sources/CharretteScript")
        let registry = CommandRegistry.standard()
        let declared = Set(registry.names.compactMap(registry.spec(named:)).flatMap { $0.signature.flags.map(\.name) })
        let pattern = try Regex(
            #"call\.(?:has|flag|flagInt|flagString|flagList|flagIdea|flagFraction|flagChoice|flagError|requiredString)\("([a-z][a-z0-9-]*)""#)
        var read: [String: String] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter {
            $0.pathExtension == "swift"
        }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { read[String(name), default: file.lastPathComponent] = file.lastPathComponent }
            }
        }
        #expect(read.count > 40, "the pattern finds the reads")
        for (name, file) in read.sorted(by: { $0.key < $1.key }) {
            #expect(declared.contains(name), "\(file) reads --\(name), which no command declares")
        }
    }
}
