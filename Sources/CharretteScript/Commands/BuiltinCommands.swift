/// Every built-in command, gathered from the files of this folder. A command lives in the file
/// named after its first word (`vote open` in `VoteCommands.swift`, `themes suggest` in
/// `ThemeProposalCommands.swift`), except the commands of a value piped in (`TableCommands.swift`)
/// and of the session itself (`SessionCommands.swift`); `CommandFileTests` holds the rule.
enum BuiltinCommands {
    static var all: [CommandSpec] {
        SessionCommands.all + TableCommands.all + ConsultationCommands.all + BoardCommands.all + ParticipantCommands.all
            + IdeaCommands.all + ThemeCommands.all + ThemeProposalCommands.all + SortCommands.all
            + VoteCommands.all + BallotCommands.all + [ReactCommand.spec] + OpinionCommands.all
            + TallyCommands.all + MethodCommands.all + [ClusterCommand.spec]
            + JournalCommands.all + ExportCommands.all + ExportTableCommands.all + ExportReportCommands.all + ImportCommands.all
            + RoomCommands.all
    }
}
