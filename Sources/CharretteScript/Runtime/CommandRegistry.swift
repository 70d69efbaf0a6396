/// What a command accepts: the one declaration that drives parsing, checking, help and completion.
public struct Signature: Sendable {
    /// What Tab offers for an argument, from the open workspace.
    public enum Completion: Sendable {
        case theme, participant, idea, board, phase, method, role
        /// One of a fixed set of words, such as a setting's values.
        case words([String])
    }

    public struct Parameter: Sendable {
        public let name: String
        public let help: String
        public let optional: Bool
        /// Takes every remaining positional argument.
        public let variadic: Bool
        public let completion: Completion?

        public init(_ name: String, _ help: String, optional: Bool = false, variadic: Bool = false, completes completion: Completion? = nil) {
            self.name = name
            self.help = help
            self.optional = optional
            self.variadic = variadic
            self.completion = completion
        }
    }

    public struct Flag: Sendable {
        public let name: String
        /// What the value is called in usage lines; empty for a switch.
        public let valueName: String
        public let help: String
        public let completion: Completion?
        /// Whether the command cannot run without it: usage shows it without brackets, the
        /// interpreter refuses a call that leaves it out, and Tab offers it first.
        public let required: Bool

        public init(_ name: String, _ valueName: String = "", _ help: String, completes completion: Completion? = nil, required: Bool = false) {
            self.name = name
            self.valueName = valueName
            self.help = help
            self.completion = completion
            self.required = required
        }

        public var takesValue: Bool { !valueName.isEmpty }

        /// `--question TEXT`, or `--out` for a switch.
        public var usage: String { "--\(name)" + (takesValue ? " \(valueName)" : "") }
    }

    public let positional: [Parameter]
    public let flags: [Flag]
    /// Groups of flags of which a call must give one (`idea move` takes `--to THEME` or `--out`).
    public let oneOf: [[String]]
    /// The arguments form one expression, as `where theme == "Cost"`.
    public let takesCondition: Bool

    public init(_ positional: [Parameter] = [], flags: [Flag] = [], oneOf: [[String]] = [], takesCondition: Bool = false) {
        self.positional = positional
        self.flags = flags
        self.oneOf = oneOf
        self.takesCondition = takesCondition
    }

    public func flag(named name: String) -> Flag? { flags.first { $0.name == name } }

    /// What a call with the flags `given` still lacks: a required flag, or one of a group, in
    /// words for an error ("--question TEXT: the question put to everyone"); `nil` when nothing.
    public func missingFlag(given: Set<String>) -> String? {
        if let flag = flags.first(where: { $0.required && !given.contains($0.name) }) { return "\(flag.usage): \(flag.help)" }
        if let group = oneOf.first(where: { given.isDisjoint(with: $0) }) {
            return group.compactMap { flag(named: $0)?.usage }.joined(separator: " or ")
        }
        return nil
    }
}

/// One command of the language: its name, help and behaviour.
public struct CommandSpec: Sendable {
    /// The full name, such as `idea add`.
    public let name: String
    /// One line for `help`'s list.
    public let summary: String
    public let signature: Signature
    /// A line of script showing the command in use.
    public let example: String
    /// Whether a script shows the command's value when it stands alone: queries do, changes
    /// (which return what they made, for `let`) do not.
    public let showsResult: Bool
    /// Whether the command changes the workspace. A script writes consecutive changes together,
    /// holding the workspace's write lock; any other command writes them first, so that another
    /// process never waits on a script that is busy with something else.
    public let changes: Bool
    /// The source file that declares it (`CharretteScript/VoteCommands.swift`): a command lives in
    /// the file named after its first word, which a test checks.
    public let file: String
    let run: @Sendable (Invocation) throws -> Value

    public init(
        _ name: String, summary: String, signature: Signature = Signature(), example: String, showsResult: Bool = true,
        changes: Bool = false, file: String = #fileID, run: @escaping @Sendable (Invocation) throws -> Value
    ) {
        self.name = name
        self.file = file
        self.summary = summary
        self.signature = signature
        self.example = example
        self.showsResult = showsResult
        self.changes = changes
        self.run = run
    }

    /// `consultation open TITLE --question TEXT [--board NAMES]`, built from the signature: a
    /// flag the command cannot do without is shown without brackets, a choice of flags in
    /// parentheses (`(--to THEME | --out)`).
    public var usage: String {
        var parts = [name]
        for parameter in signature.positional {
            let word = parameter.name.uppercased() + (parameter.variadic ? "..." : "")
            parts.append(parameter.optional ? "[\(word)]" : word)
        }
        let grouped = Set(signature.oneOf.joined())
        for group in signature.oneOf {
            parts.append("(" + group.compactMap { signature.flag(named: $0)?.usage }.joined(separator: " | ") + ")")
        }
        for flag in signature.flags where !grouped.contains(flag.name) {
            parts.append(flag.required ? flag.usage : "[\(flag.usage)]")
        }
        return parts.joined(separator: " ")
    }

    /// The text `help NAME` and `NAME --help` show.
    public var help: String {
        var lines = ["\(name): \(summary)", "", "Usage: \(usage)"]
        if !signature.positional.isEmpty {
            lines.append("")
            lines.append(contentsOf: signature.positional.map { "  \($0.name.uppercased().padding(toLength: 14, withPad: " ", startingAt: 0)) \($0.help)" })
        }
        if !signature.flags.isEmpty {
            lines.append("")
            lines.append(
                contentsOf: signature.flags.map {
                    let head = "--\($0.name)" + ($0.takesValue ? " \($0.valueName)" : "")
                    return "  \(head.padding(toLength: 22, withPad: " ", startingAt: 0)) \($0.help)"
                })
        }
        lines.append("")
        lines.append("Example: \(example)")
        return lines.joined(separator: "\n")
    }
}

/// Every command the language knows. Adding one is one `CommandSpec` and one `register` call.
public final class CommandRegistry: @unchecked Sendable {
    private var specs: [String: CommandSpec] = [:]

    public init() {}

    /// The registry with every built-in command.
    public static func standard() -> CommandRegistry {
        let registry = CommandRegistry()
        for spec in BuiltinCommands.all { registry.register(spec) }
        return registry
    }

    public func register(_ spec: CommandSpec) { specs[spec.name] = spec }

    public func spec(named name: String) -> CommandSpec? { specs[name] }

    /// Every command name, sorted.
    public var names: [String] { specs.keys.sorted() }

    /// The first words of command names (`idea` for `idea add`), for suggestions and completion.
    public var nouns: [String] { Array(Set(specs.keys.map { String($0.split(separator: " ")[0]) })).sorted() }

    /// The subcommands of a noun, such as `add`, `move` for `idea`.
    public func subcommands(of noun: String) -> [String] {
        specs.keys.compactMap { name in
            let words = name.split(separator: " ")
            return words.count == 2 && words[0] == noun ? String(words[1]) : nil
        }.sorted()
    }
}
