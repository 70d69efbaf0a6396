import CharretteVoting

/// The voting methods as they declare themselves: the ballot, the winners and the settings.
enum MethodCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "methods", summary: "the voting methods: the ballot each takes, how many it elects and the settings it needs and takes",
            flags: [], example: "methods"
        ) { _ in Rows.table(TallyMethods.all.map(methodRow)) }
    ]

    /// A method's declaration as a row: what `methods` prints and docs/voting.md shows.
    static func methodRow(_ method: any TallyMethod) -> Record {
        let settings = method.settings
        func flags(_ chosen: [TallySetting]) -> Value { .string(chosen.map(\.flagText).joined(separator: ", ")) }
        return Record([
            ("method", .string(method.name)), ("ballot", .string(method.ballotKind.rawValue)),
            ("winners", .string(method.isMultiWinner ? "several" : "one")),
            ("needs", flags(settings.sorted.filter(settings.required.contains))),
            ("also takes", flags(settings.sorted.filter { !settings.required.contains($0) })),
        ])
    }
}
