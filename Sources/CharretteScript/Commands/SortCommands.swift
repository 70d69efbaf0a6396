import Charrette
import CharretteSession

/// Card sorting by the group: each participant hands in their own grouping of the ideas
/// (`themes consensus` combines them into proposed themes).
enum SortCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "sort submit", summary: "hand in a participant's card sort: their own named groups of ideas (replaces their earlier one)",
            signature: Signature([
                .init("participant", "who sorted, such as @amira", completes: .participant),
                .init("groups", #"a record of group names and ideas, such as {"Cost": [#1, #4], "Safety": [#2]}"#),
            ]),
            example: #"sort submit @amira {"Cost": [#1, #4], "Safety": [#2, #3]}"#, showsResult: false, changes: true
        ) { call in
            let handle = try call.handle(0)
            guard call.positional.count > 1, case .record(let record) = call.positional[1] else {
                throw call.error(
                    #"'sort submit' needs the groups as a record, such as {"Cost": [#1, #4], "Safety": [#2]}"#,
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
                    guard case .idea(let id) = item else {
                        throw call.error("the group '\(field.name)' holds \(item.withArticle), not an idea such as #4", at: 1)
                    }
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
            return Rows.table(
                sorts.map { sort in
                    Record([
                        ("sorter", state.participants[sort.sorter].map { .participant($0.handle) } ?? .null),
                        ("groups", .list(sort.groups.map { .string($0.label) })),
                        ("ideas", .integer(sort.groups.reduce(0) { $0 + $1.ideas.count })),
                    ])
                })
        },
    ]
}
