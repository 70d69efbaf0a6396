/// Every built-in command, gathered from the files of this folder.
enum BuiltinCommands {
    static var all: [CommandSpec] {
        SessionCommands.all + TableCommands.all + ConsultationCommands.all + BoardCommands.all + ParticipantCommands.all
            + IdeaCommands.all + ThemeCommands.all + VoteCommands.all + SuggestCommands.all + CardSortCommands.all + OpinionCommands.all + TallyCommands.all + [
                ClusterCommand.spec
            ] + JournalCommands.all + ExportCommands.all + ExportTableCommands.all + ReportCommands.all + ImportCommands.all
    }
}
