import CharretteScript
import Testing

/// A newcomer finds a command in the file named after its first word: `idea merge` in
/// `IdeaCommands.swift`, `themes suggest` in a file starting `Theme`, `react` in `ReactCommand.swift`.
@Suite("Command files")
struct CommandFileTests {
    /// The files that gather the language itself rather than a noun: the session's commands and the
    /// verbs of a value piped in.
    static let languageFiles: [String: Set<String>] = [
        "SessionCommands.swift": ["say", "ask", "step", "help", "source"],
        "TableCommands.swift": ["where", "sort-by", "first", "last", "select", "get", "group-by", "count", "to json", "to csv", "to md"],
    ]

    /// `themes` → `Theme`, `sort-by` → `SortBy`: the start of the file a command's first word names.
    static func filePrefix(of name: String) -> String {
        var word = String(name.split(separator: " ")[0])
        if word.hasSuffix("s") { word.removeLast() }
        return word.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    @Test func everyCommandLivesInTheFileOfItsFirstWord() {
        let registry = CommandRegistry.standard()
        for name in registry.names {
            let spec = registry.spec(named: name)!
            let file = String(spec.file.split(separator: "/").last ?? "")
            if let gathered = Self.languageFiles[file] {
                #expect(gathered.contains(name), "'\(name)' is in \(file), which holds only the language's own commands")
            } else {
                #expect(
                    file.hasPrefix(Self.filePrefix(of: name)) && file.hasSuffix(name.contains(" ") ? "Commands.swift" : ".swift"),
                    "'\(name)' is declared in \(file); it belongs in \(Self.filePrefix(of: name))…Commands.swift")
            }
        }
        // Every command the language files name is still there.
        for (file, names) in Self.languageFiles {
            for name in names { #expect(registry.spec(named: name).map { $0.file.hasSuffix("/" + file) } == true, "'\(name)' is not in \(file)") }
        }
    }

    @Test func theFilePrefixFollowsTheFirstWord() {
        #expect(Self.filePrefix(of: "themes suggest") == "Theme")
        #expect(Self.filePrefix(of: "idea merge") == "Idea")
        #expect(Self.filePrefix(of: "export report") == "Export")
        #expect(Self.filePrefix(of: "sort-by") == "SortBy")
    }
}
