import Charrette

/// The card sort on a phone: every open idea with the group it goes in. Without scripts, each idea
/// has a box for its group's name (ideas with the same name form a group; names already used are
/// offered); with `page.js`, a tap on an idea and a tap on a group fill the box, so nothing needs
/// dragging.
struct CardSortForm {
    let state: WorkspaceState
    let participant: Participant
    let consultation: Consultation
    let texts: Catalogue.Texts
    let hidden: String

    var html: String {
        let ideas = state.ideas(of: consultation.id).filter { $0.status.isOpen }
        let earlier = state.cardSorts[consultation.id]?[participant.id]
        var placed: [Idea.ID: String] = [:]
        for group in earlier?.groups ?? [] { for id in group.ideas { placed[id] = group.label } }
        // Offered names: the room's themes, then the participant's own groups.
        var offered: [String] = []
        for label in state.themes.values.filter({ $0.consultation == consultation.id }).sorted(by: { $0.id < $1.id }).map(\.label)
            + (earlier?.groups.map(\.label) ?? [])
        where !offered.contains(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) {
            offered.append(label)
        }
        let options = offered.map { "<option value=\"\(HTML.escape($0))\">" }.joined()
        let chips = offered.map { "<button type=\"button\" class=\"secondary group-chip\" data-label=\"\(HTML.escape($0))\">\(HTML.escape($0))</button>" }
            .joined()
        let rows = ideas.map { idea in
            let field = "g\(idea.id.rawValue)"
            return """
                <div class="sort-idea"><label for="\(field)"><span class="idea-number">#\(idea.id.rawValue)</span> \(HTML.isolate(idea.shownText))</label>
                <input id="\(field)" name="\(field)" list="sort-groups" value="\(HTML.escape(placed[idea.id] ?? ""))" autocomplete="off" \
                aria-label="\(HTML.escape(texts["sort.group"])) #\(idea.id.rawValue)"></div>
                """
        }.joined(separator: "\n")
        return """
            <section aria-labelledby="sort-heading" class="card-sort"><h2 id="sort-heading">\(HTML.escape(texts["sort.heading"]))</h2>
            <p class="hint">\(HTML.escape(texts["sort.lead"]))</p>
            <form method="post" action="/sort">\(hidden)
            <datalist id="sort-groups">\(options)</datalist>
            <div class="group-chips" hidden><p class="hint">\(HTML.escape(texts["sort.tap"]))</p>\(chips)</div>
            \(rows)
            <button type="submit">\(HTML.escape(texts["sort.submit"]))</button></form></section>
            """
    }

    /// The groups a posted form makes: ideas with the same name (in any case) together, in the
    /// order the names first appear; ideas left blank are not sorted.
    static func groups(from form: FormBody) -> [CardSort.Group] {
        var order: [String] = [], members: [String: (label: String, ideas: [Idea.ID])] = [:]
        for field in form.fields where field.name.hasPrefix("g") {
            guard let raw = Int(field.name.dropFirst()) else { continue }
            let label = field.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty else { continue }
            let key = label.lowercased()
            if members[key] == nil {
                order.append(key)
                members[key] = (label, [])
            }
            members[key]!.ideas.append(Idea.ID(raw))
        }
        return order.map { CardSort.Group(label: members[$0]!.label, ideas: members[$0]!.ideas) }
    }
}
