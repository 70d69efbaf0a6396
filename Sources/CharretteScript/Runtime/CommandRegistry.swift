/// What a command accepts: the one declaration that drives parsing, checking, help and completion.
public struct Signature: Sendable {
    /// What Tab offers for an argument, from the open workspace.
    public enum Completion: Sendable {
        case theme, participant, idea, board, phase, method, role
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

        public init(_ name: String, _ valueName: String = "", _ help: String, completes completion: Completion? = nil) {
            self.name = name
            self.valueName = valueName
            self.help = help
            self.completion = completion
        }

        public var takesValue: Bool { !valueName.isEmpty }
    }

    public let positional: [Parameter]
    public let flags: [Flag]
    /// The arguments form one expression, as `where theme == "Cost"`.
    public let takesCondition: Bool

    public init(_ positional: [Parameter] = [], flags: [Flag] = [], takesCondition: Bool = false) {
        self.positional = positional
        self.flags = flags
        self.takesCondition = takesCondition
    }

    public func flag(named name: String) -> Flag? { flags.first { $0.name == name } }
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
    let run: @Sendable (Invocation) throws -> Value

    public init(
        _ name: String, summary: String, signature: Signature = Signature(), example: String, showsResult: Bool = true,
        changes: Bool = false, run: @escaping @Sendable (Invocation) throws -> Value
    ) {
        self.name = name
        self.summary = summary
        self.signature = signature
        self.example = example
        self.showsResult = showsResult
        self.changes = changes
        self.run = run
    }

    /// `idea add TEXT --by HANDLE`, built from the signature.
    public var usage: String {
        var parts = [name]
        for parameter in signature.positional {
            let word = parameter.name.uppercased() + (parameter.variadic ? "..." : "")
            parts.append(parameter.optional ? "[\(word)]" : word)
        }
        for flag in signature.flags {
            parts.append(flag.takesValue ? "[--\(flag.name) \(flag.valueName)]" : "[--\(flag.name)]")
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
            lines.append(contentsOf: signature.flags.map {
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
