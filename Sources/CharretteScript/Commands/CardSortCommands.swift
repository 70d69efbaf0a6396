import Charrette
import CharretteThemes

/// Card sorting by the group: each participant hands in their own grouping of the ideas, and
/// `themes consensus` proposes the themes the group agrees on.
enum CardSortCommands {
    static let all: [CommandSpec] = [
        CommandSpec("sort submit", summary: "hand in a participant's card sort: their own named groups of ideas (replaces their earlier one)",
                    signature: Signature([.init("participant", "who sorted, such as @amira", completes: .participant),
                                          .init("groups", #"a record of group names and ideas, such as {"Cost": [#1, #4], "Safety": [#2]}"#)]),
                    example: #"sort submit @amira {"Cost": [#1, #4], "Safety": [#2, #3]}"#, showsResult: false, changes: true) { call in
            let handle = try call.handle(0)
            guard call.positional.count > 1, case .record(let record) = call.positional[1] else {
                throw call.error(#"'sort submit' needs the groups as a record, such as {"Cost": [#1, #4], "Safety": [#2]}"#,
                                 at: call.positional.count > 1 ? 1 : nil)
            }
            var groups: [Charrette.CardSort.Group] = []
            for field in record.fields {
                let items: [Value]
                switch field.value {
                case .list(let list): items = list
                case .idea: items = [field.value]
                default: throw call.error("the group '\(field.name)' must list ideas, such as [#1, #4], not \(field.value.withArticle)", at: 1)
                }
                let ideas = try items.map { item -> Idea.ID in
                    guard case .idea(let id) = item else { throw call.error("the group '\(field.name)' holds \(item.withArticle), not an idea such as #4", at: 1) }
                    return id
                }
                groups.append(.init(label: field.name, ideas: ideas))
            }
            let consultation = try call.consultation()
            try call.perform { tx in
                _ = try tx.submitCardSort(groups, by: try tx.participant(handle: handle).id, in: consultation)
            }
            return .null
        },
        CommandSpec("sorts", summary: "the card sorts handed in for the current consultation", flags: [], example: "sorts") { call in
            let state = call.interpreter.workspace.state
            let sorts = (state.cardSorts[try call.consultation()] ?? [:]).values.sorted { $0.sorter < $1.sorter }
            return Rows.table(sorts.map { sort in
                Record([
                    ("sorter", state.participants[sort.sorter].map { .participant($0.handle) } ?? .null),
                    ("groups", .list(sort.groups.map { .string($0.label) })),
                    ("ideas", .integer(sort.groups.reduce(0) { $0 + $1.ideas.count })),
                ])
            })
        },
        CommandSpec("themes consensus", summary: "combine the card sorts: proposed themes, how strongly sorters agree, and disputed ideas",
                    signature: Signature(flags: [.init("threshold", "T", "the least share of sorters putting two ideas together for them to share a theme (default 0.5)")]),
                    example: "themes consensus") { call in
            let consultation = try call.consultation()
            let state = call.interpreter.workspace.state
            let sorts = (state.cardSorts[consultation] ?? [:]).values.sorted { $0.sorter < $1.sorter }
            guard !sorts.isEmpty else { throw call.error("nobody has handed in a card sort yet: use 'sort submit'") }
            let threshold = try call.flagFraction("threshold") ?? 0.5

            // The ideas still open that someone sorted, in submission order.
            let sortedIdeas = Set(sorts.flatMap { $0.groups.flatMap(\.ideas) })
            let ideas = state.ideas(of: consultation).filter { $0.status.isOpen && sortedIdeas.contains($0.id) }
            guard !ideas.isEmpty else { throw call.error("none of the ideas in the card sorts is still open: nothing to combine") }
            let index = Dictionary(uniqueKeysWithValues: ideas.enumerated().map { ($1.id, $0) })
            let converted = sorts.map { sort in
                let groups = sort.groups.map { $0.ideas.compactMap { index[$0] } }
                return CharretteThemes.CardSort(sorter: state.participants[sort.sorter].map { "@\($0.handle)" } ?? "a sorter",
                                                groups: groups.filter { !$0.isEmpty },
                                                labels: zip(sort.groups, groups).filter { !$1.isEmpty }.map { $0.0.label })
            }
            let consensus: CardSortConsensus
            do {
                consensus = try CardSortConsensus(itemCount: ideas.count, sorts: converted, threshold: threshold)
            } catch {
                throw call.error("cannot combine the card sorts: \(error)")
            }
            // Two themes can take their name from the same group: number the repeats, so each
            // can be accepted.
            var seen: [String: Int] = [:]
            let labels = consensus.themes.enumerated().map { n, theme in
                let label = theme.label ?? "Theme \(n + 1)"
                seen[label.lowercased(), default: 0] += 1
                return seen[label.lowercased()]! > 1 ? "\(label) (\(seen[label.lowercased()]!))" : label
            }
            call.interpreter.proposedThemes = ProposedThemes(
                consultation: consultation, source: "from the card sorts of \(sorts.count) sorter\(sorts.count == 1 ? "" : "s")",
                themes: consensus.themes.enumerated().map { n, theme in .init(label: labels[n], ideas: theme.items.map { ideas[$0].id }, example: nil) })
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
            return .record(Record([
                ("sorters", .integer(sorts.count)), ("themes", Rows.table(themes)), ("disputed", Rows.table(disputed)),
            ]))
        },
    ]
}
