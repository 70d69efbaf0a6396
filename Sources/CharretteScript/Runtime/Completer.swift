import Charrette

/// What the shell offers on Tab: command names, subcommands and flags, and for arguments what the
/// command's signature says they take (themes, handles, ideas, boards, ...) from the open workspace.
public struct Completer {
    let interpreter: Interpreter

    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Completions of the word that ends `line` (the text before the cursor).
    public func completions(for line: String) -> [String] {
        let (words, current) = Self.split(line)
        let registry = interpreter.registry
        var candidates: [String]
        if current.hasPrefix("@") {
            candidates = values(for: .participant)
        } else if current.hasPrefix("#") {
            candidates = values(for: .idea)
        } else if words.isEmpty {
            candidates = registry.nouns + ["let", "if", "for", "def"]
        } else if words == ["help"] {
            candidates = registry.nouns
        } else if let (spec, arguments) = resolve(words, registry) {
            if current.hasPrefix("-") {
                candidates = spec.signature.flags.map { "--" + $0.name } + ["--help"]
            } else {
                candidates = completion(after: arguments, in: spec.signature).map(values(for:)) ?? []
                // Nothing else to offer here: the flags the command cannot do without, not yet typed.
                if candidates.isEmpty && current.isEmpty { candidates = missingFlags(after: arguments, in: spec.signature) }
            }
        } else if words.count == 1 {
            candidates = current.hasPrefix("-") ? ["--help"] : registry.subcommands(of: words[0])
        } else {
            candidates = []
        }
        return Array(Set(candidates.filter { $0.hasPrefix(current) || $0.hasPrefix("\"" + current) })).sorted()
    }

    /// The command the words name, and the arguments typed after its name.
    private func resolve(_ words: [String], _ registry: CommandRegistry) -> (CommandSpec, ArraySlice<String>)? {
        if words.count >= 2, let spec = registry.spec(named: "\(words[0]) \(words[1])") { return (spec, words.dropFirst(2)) }
        if let spec = registry.spec(named: words[0]) { return (spec, words.dropFirst()) }
        return nil
    }

    /// The required flags (and one flag of each required choice) not among `arguments`.
    private func missingFlags(after arguments: ArraySlice<String>, in signature: Signature) -> [String] {
        if let last = arguments.last, last.hasPrefix("--"), signature.flag(named: String(last.dropFirst(2)))?.takesValue == true { return [] }
        // Not before the arguments the command needs first.
        guard positionalCount(arguments, signature) >= signature.positional.filter({ !$0.optional && !$0.variadic }).count else { return [] }
        let given = Set(arguments.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) })
        let required = signature.flags.filter { $0.required && !given.contains($0.name) }.map(\.name)
        let choices = signature.oneOf.filter { given.isDisjoint(with: $0) }.flatMap { $0 }
        return (required + choices).map { "--" + $0 }
    }

    /// What the next argument takes: a flag's value, or the next positional parameter.
    private func completion(after arguments: ArraySlice<String>, in signature: Signature) -> Signature.Completion? {
        if let last = arguments.last, last.hasPrefix("--"), let flag = signature.flag(named: String(last.dropFirst(2))), flag.takesValue {
            return flag.completion
        }
        let positional = positionalCount(arguments, signature)
        guard !signature.positional.isEmpty else { return nil }
        let index = min(positional, signature.positional.count - 1)
        guard positional < signature.positional.count || signature.positional[index].variadic else { return nil }
        return signature.positional[index].completion
    }

    private func values(for completion: Signature.Completion) -> [String] {
        let state = interpreter.workspace.state
        let consultation = interpreter.consultation ?? state.consultations.keys.max()
        switch completion {
        case .participant: return state.participants.values.map { "@" + $0.handle }
        case .idea: return state.ideas.values.filter { $0.consultation == consultation && $0.status.isOpen }.map { "#\($0.id.rawValue)" }
        case .theme:
            return state.themes.values.filter { $0.consultation == consultation }.map { $0.label.contains(" ") ? "\"\($0.label)\"" : $0.label }
        case .board: return state.boards.values.map(\.name)
        case .phase: return Consultation.Phase.allCases.map(\.rawValue)
        case .method: return VotingMethod.allNames
        case .role: return Role.allCases.map(\.rawValue)
        case .words(let words): return words
        }
    }

    /// How many of `arguments` are positional: not flags, nor the values flags take.
    private func positionalCount(_ arguments: ArraySlice<String>, _ signature: Signature) -> Int {
        var positional = 0
        var skipNext = false
        for word in arguments {
            if skipNext { skipNext = false; continue }
            if word.hasPrefix("--") {
                skipNext = signature.flag(named: String(word.dropFirst(2)))?.takesValue ?? false
            } else {
                positional += 1
            }
        }
        return positional
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
