import Charrette
import CharretteSession
import CharretteThemes

/// Proposed themes: the machine's suggestions for the ideas not yet in a theme, the consensus of
/// the room's card sorts, and accepting either (`themes accept`).
enum ThemeProposalCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "themes consensus", summary: "combine the card sorts: proposed themes, how strongly sorters agree, and disputed ideas",
            signature: Signature(flags: [
                .init("threshold", "T", "the least share of sorters putting two ideas together for them to share a theme (default 0.5)")
            ]),
            example: "themes consensus"
        ) { call in
            let consultation = try call.consultation()
            let threshold = try call.flagFraction("threshold") ?? 0.5
            let combined = try call.ask { state throws(SessionError) in try state.cardSortThemes(in: consultation, threshold: threshold) }
            call.interpreter.proposedThemes = combined.proposal
            let (consensus, ideas, labels) = (combined.consensus, combined.ideas, combined.labels)
            let percent = { (x: Double) in Value.string("\(Int((x * 100).rounded()))%") }
            let themes = consensus.themes.enumerated().map { n, theme in
                Record([
                    ("theme", .integer(n + 1)), ("label", .string(labels[n])), ("agreement", percent(theme.agreement)),
                    ("named_by", .integer(theme.labelSupport)), ("ideas", .list(theme.items.map { .idea(ideas[$0].id) })),
                ])
            }
            let disputed = consensus.disputed.map { d in
                Record([
                    ("idea", .idea(ideas[d.item].id)), ("text", .string(ideas[d.item].shownText)),
                    ("theme", .integer(d.theme + 1)), ("support", percent(d.support)),
                    ("also_fits", d.alternative.map { .integer($0 + 1) } ?? .null), ("there", percent(d.alternativeSupport)),
                ])
            }
            return .record(
                Record([
                    ("sorters", .integer(combined.sorters)), ("themes", Rows.table(themes)), ("disputed", Rows.table(disputed)),
                ]))
        },
        CommandSpec(
            "themes suggest", summary: "suggest themes for the open ideas not yet in a theme (themes people made stay as they are)",
            signature: Signature(flags: SuggestionFlags.signature),
            example: "themes suggest --k auto"
        ) { call in
            let consultation = try call.consultation()
            let settings = try SuggestionFlags.settings(call)
            let suggested = try call.ask { state throws(SessionError) in try state.suggestThemes(in: consultation, settings: settings) }
            call.interpreter.proposedThemes = suggested.proposal
            let (suggestion, ideas) = (suggested.suggestion, suggested.ideas)
            return proposal(SuggestionFlags.value(suggestion, texts: ideas.map(\.text), settings: settings) { .idea(ideas[$0].id) }, suggestion, ideas)
        },
        CommandSpec(
            "themes accept", summary: "make proposed themes real: all of them, or those numbered",
            signature: Signature(
                [.init("numbers", "the proposed themes to accept, as numbered by 'themes suggest' or 'themes consensus'", optional: true, variadic: true)],
                flags: [.init("as", "LABEL", "the label to give the one theme accepted")]),
            example: #"themes accept 2 --as "Night buses""#, showsResult: false, changes: true
        ) { call in
            guard let proposal = call.interpreter.proposedThemes else {
                throw call.error("nothing is proposed: run 'themes suggest' or 'themes consensus' first")
            }
            let consultation = try call.consultation()
            guard proposal.consultation == consultation else { throw call.error("the proposal is for another consultation: run 'themes suggest' again") }
            let unsorted = proposal.acceptable(in: call.interpreter.workspace.state)
            var chosen: [Int] = []
            for index in call.positional.indices {
                guard case .integer(let number) = call.positional[index] else {
                    throw call.error("expected the number of a proposed theme, found \(call.positional[index].withArticle)", at: index)
                }
                guard number >= 1 && number <= proposal.themes.count else {
                    throw call.error("there is no proposed theme \(number): they are numbered 1 to \(proposal.themes.count)", at: index)
                }
                guard !unsorted[number - 1].isEmpty else {
                    throw call.error("the ideas of proposed theme \(number) are all in themes (or closed) already", at: index)
                }
                if !chosen.contains(number - 1) { chosen.append(number - 1) }
            }
            if chosen.isEmpty { chosen = proposal.themes.indices.filter { !unsorted[$0].isEmpty } }
            guard !chosen.isEmpty else { throw call.error("the ideas of every proposed theme are in themes (or closed) already") }
            let label = try call.flagString("as")
            if label != nil && chosen.count != 1 { throw call.flagError("as", "--as names one theme: accept one number at a time to rename it") }
            let accepted = try call.perform { tx in try tx.accept(chosen, of: proposal, label: label) }
            let after = call.interpreter.workspace.state
            return Rows.table(accepted.map { Rows.theme($0, after) })
        },
    ]

    /// A suggestion as the room sees it: themes numbered from 1, as `themes accept` takes them,
    /// each with its ideas.
    static func proposal(_ value: Value, _ suggestion: ThemeSuggestion, _ ideas: [Idea]) -> Value {
        guard case .record(var record) = value, case .table(var table)? = record["themes"] else { return value }
        for (row, theme) in zip(table.rows.indices, suggestion.themes) {
            if let index = table.rows[row].fields.firstIndex(where: { $0.name == "theme" }), case .integer(let n) = table.rows[row].fields[index].value {
                table.rows[row].fields[index].value = .integer(n + 1)
            }
            // The label already shows the terms, and the example idea its text.
            table.rows[row].fields.removeAll { $0.name == "terms" || $0.name == "example_text" }
            table.rows[row].fields.append(("ideas", .list(theme.members.map { .idea(ideas[$0].id) })))
        }
        table.columns = table.columns.filter { $0 != "terms" && $0 != "example_text" } + ["ideas"]
        record.fields.removeAll { $0.name == "labels" }
        if let index = record.fields.firstIndex(where: { $0.name == "themes" }) { record.fields[index].value = .table(table) }
        return .record(record)
    }
}
