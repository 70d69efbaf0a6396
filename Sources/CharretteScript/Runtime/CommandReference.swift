/// The command reference of `docs/language.md`, generated from the signatures so it cannot drift.
public enum CommandReference {
    public static func markdown(_ registry: CommandRegistry) -> String {
        registry.names.map { name in
            let spec = registry.spec(named: name)!
            var lines = ["### `\(name)`", "", spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + ".", "",
                         "```", spec.usage, "```"]
            let rows = spec.signature.positional.map { "| `\($0.name.uppercased())` | \($0.help) |" }
                + spec.signature.flags.map { "| `--\($0.name)\($0.takesValue ? " \($0.valueName)" : "")` | \($0.help) |" }
            if !rows.isEmpty { lines += ["", "| argument | meaning |", "|---|---|"] + rows }
            lines += ["", "Example: `\(spec.example)`"]
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
