import Charrette

/// What the shell offers on Tab: command names, subcommands and flags from the command
/// signatures, and `@` handles, `#` ideas and theme labels from the open workspace.
public struct Completer {
    let interpreter: Interpreter

    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Completions of the word that ends `line` (the text before the cursor).
    public func completions(for line: String) -> [String] {
        let (words, current) = Self.split(line)
        let registry = interpreter.registry
        let state = interpreter.workspace.state
        var candidates: [String]

        if current.hasPrefix("@") {
            candidates = state.participants.values.map { "@" + $0.handle }
        } else if current.hasPrefix("#") {
            let consultation = interpreter.consultation ?? state.consultations.keys.max()
            candidates = state.ideas.values.filter { $0.consultation == consultation && $0.status.isOpen }.map { "#\($0.id.rawValue)" }
        } else if words.isEmpty {
            candidates = registry.nouns + ["let", "if", "for", "def"]
        } else if words.count == 1, !registry.subcommands(of: words[0]).isEmpty, !current.hasPrefix("-") {
            candidates = registry.subcommands(of: words[0])
        } else if current.hasPrefix("-") {
            let name = words.count >= 2 && registry.spec(named: "\(words[0]) \(words[1])") != nil ? "\(words[0]) \(words[1])" : words[0]
            candidates = (registry.spec(named: name)?.signature.flags.map { "--" + $0.name } ?? []) + ["--help"]
        } else if words.last == "--to" || ["rename", "describe", "show"].contains(words.count >= 2 ? words[1] : "") && words[0] == "theme" {
            let consultation = interpreter.consultation ?? state.consultations.keys.max()
            candidates = state.themes.values.filter { $0.consultation == consultation }
                .map { $0.label.contains(" ") ? "\"\($0.label)\"" : $0.label }
        } else if words == ["help"] || (words.count == 1 && words[0] == "help") {
            candidates = registry.nouns
        } else {
            candidates = []
        }
        return Array(Set(candidates.filter { $0.hasPrefix(current) || $0.hasPrefix("\"" + current) })).sorted()
    }

    /// The words of the current pipeline stage before the cursor, and the word being typed.
    static func split(_ line: String) -> (words: [String], current: String) {
        var words: [String] = []
        var word = ""
        var quoted = false
        for c in line {
            if c == "\"" { quoted.toggle(); word.append(c); continue }
            if quoted { word.append(c); continue }
            if c == " " || c == "\t" {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else if "|({;".contains(c) {
                words = []
                word = ""
            } else {
                word.append(c)
            }
        }
        return (words, word)
    }

    /// The longest prefix all `candidates` share.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
