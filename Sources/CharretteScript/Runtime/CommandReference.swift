/// The command reference of `docs/language.md`, generated from the signatures so it cannot drift.
public enum CommandReference {
    public static func markdown(_ registry: CommandRegistry) -> String {
        registry.names.map { name in
            let spec = registry.spec(named: name)!
            var lines = [
                "### `\(name)`", "", spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + ".", "",
                "```", spec.usage, "```",
            ]
            let rows =
                spec.signature.positional.map { "| `\($0.name.uppercased())` | \($0.help) |" }
                + spec.signature.flags.map { flag in
                    let choice = spec.signature.oneOf.first { $0.contains(flag.name) }
                    let note =
                        flag.required
                        ? " (required)"
                        : choice.map { " (this or " + $0.filter { $0 != flag.name }.map { "`--\($0)`" }.joined(separator: " or ") + " is required)" } ?? ""
                    return "| `\(flag.usage)` | \(flag.help)\(note) |"
                }
            if !rows.isEmpty { lines += ["", "| argument | meaning |", "|---|---|"] + rows }
            lines += ["", "Example: `\(spec.example)`"]
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
