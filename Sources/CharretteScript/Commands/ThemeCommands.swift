import Charrette

enum ThemeCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "theme new", summary: "create a theme in the current consultation",
            signature: Signature([.init("label", "the theme's name")], flags: [.init("description", "TEXT", "what it covers")]),
            example: #"theme new "Safety at night" --description "Getting home after dark""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "a label")
            let description = try call.flagString("description") ?? ""
            let consultation = try call.consultation()
            let theme = try call.perform { try $0.createTheme(label, description: description, in: consultation) }
            return .record(Rows.theme(theme, call.interpreter.workspace.state))
        },
        CommandSpec(
            "theme rename", summary: "give a theme another label",
            signature: Signature([.init("label", "its label now", completes: .theme), .init("new", "its new label")]),
            example: #"theme rename "Cost" "Fares""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "the theme's label"), new = try call.string(1, "the new label")
            let consultation = try call.consultation()
            try call.perform { tx in _ = try tx.changeTheme(try tx.theme(labelled: label, in: consultation).id, label: new) }
            return .null
        },
        CommandSpec(
            "theme describe", summary: "say what a theme covers",
            signature: Signature([.init("label", "the theme's label", completes: .theme), .init("description", "what it covers")]),
            example: #"theme describe "Cost" "What riding costs young people""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "the theme's label"), description = try call.string(1, "a description")
            let consultation = try call.consultation()
            try call.perform { tx in _ = try tx.changeTheme(try tx.theme(labelled: label, in: consultation).id, description: description) }
            return .null
        },
        CommandSpec(
            "theme show", summary: "a theme's ideas", signature: Signature([.init("label", "the theme's label", completes: .theme)]),
            example: #"theme show "Cost""#
        ) { call in
            let label = try call.string(0, "the theme's label")
            let state = call.interpreter.workspace.state
            guard let theme = state.theme(labelled: label, in: try call.consultation()) else { throw call.error("theme '\(label)' does not exist", at: 0) }
            return Rows.table(state.ideas(in: theme.id).map { Rows.idea($0, state) })
        },
        CommandSpec(
            "themes", summary: "the themes of the current consultation with their counts; --ideas lists each theme's ideas",
            flags: [.init("ideas", "", "show each theme with its open ideas, then the unsorted ones")], example: "themes --ideas"
        ) { call in
            let state = call.interpreter.workspace.state
            let consultation = try call.consultation()
            guard call.has("ideas") else { return Rows.table(state.themes(of: consultation).map { Rows.theme($0, state) }) }
            return .string(outline(consultation, state))
        },
        CommandSpec(
            "theme merge", summary: "move every idea of a theme into another and remove the first",
            signature: Signature(
                [.init("label", "the theme to merge away", completes: .theme)],
                flags: [.init("into", "THEME", "the theme that takes its ideas", completes: .theme, required: true)]),
            example: #"theme merge "Fares" --into "Cost""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "the theme's label")
            let into = try call.requiredString("into")
            let consultation = try call.consultation()
            try call.perform { tx in
                try tx.mergeTheme(try tx.theme(labelled: label, in: consultation).id, into: try tx.theme(labelled: into, in: consultation).id)
            }
            return .null
        },
        CommandSpec(
            "theme split", summary: "make a new theme from some of a theme's ideas",
            signature: Signature(
                [
                    .init("label", "the theme to split", completes: .theme),
                    .init("ideas", "the ideas that leave it, such as #3 #7", variadic: true, completes: .idea),
                ],
                flags: [.init("into", "LABEL", "the new theme's label", required: true), .init("description", "TEXT", "what the new theme covers")]),
            example: #"theme split "Cost" #4 #9 --into "Student discounts""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "the theme's label")
            let new = try call.requiredString("into")
            let ideas = try (1..<max(1, call.positional.count)).map { try call.idea($0) }
            guard !ideas.isEmpty else { throw call.error("'theme split' needs the ideas that leave the theme, such as #3 #7") }
            let description = try call.flagString("description") ?? ""
            let consultation = try call.consultation()
            let theme = try call.perform { tx in
                try tx.splitTheme(try tx.theme(labelled: label, in: consultation).id, ideas: ideas, into: new, description: description)
            }
            return .record(Rows.theme(theme, call.interpreter.workspace.state))
        },
        CommandSpec(
            "theme remove", summary: "remove an empty theme",
            signature: Signature([.init("label", "the theme's label", completes: .theme)]),
            example: #"theme remove "Misc""#, showsResult: false, changes: true
        ) { call in
            let label = try call.string(0, "the theme's label")
            let consultation = try call.consultation()
            try call.perform { tx in try tx.removeTheme(try tx.theme(labelled: label, in: consultation).id) }
            return .null
        },
    ]

    /// Each theme with its open ideas, then the open ideas in no theme: the wall at a glance.
    static func outline(_ consultation: Consultation.ID, _ state: WorkspaceState) -> String {
        var lines: [String] = []
        var merged: [Idea.ID: [Idea]] = [:]
        for idea in state.ideas(of: consultation) { if case .merged(let into) = idea.status { merged[into, default: []].append(idea) } }
        func author(_ idea: Idea) -> String { idea.author.flatMap { state.participants[$0] }.map { "@\($0.handle)" } ?? "anonymous" }
        // An idea, then the duplicates merged into it: both texts kept, every author credited.
        func list(_ ideas: [Idea], indent: String = "  ") {
            for idea in ideas {
                lines.append("\(indent)#\(idea.id.rawValue)  \(idea.text)  \(author(idea))")
                list(merged[idea.id] ?? [], indent: indent + "  + ")
            }
        }
        for theme in state.themes(of: consultation) {
            let ideas = state.ideas(in: theme.id).filter { $0.status.isOpen }
            lines.append("\(theme.label) (\(ideas.count))")
            list(ideas)
        }
        let unsorted = state.ideas(of: consultation).filter { $0.status.isOpen && $0.theme == nil }
        if !unsorted.isEmpty {
            lines.append("Not in a theme (\(unsorted.count))")
            list(unsorted)
        }
        return lines.isEmpty ? "no themes and no open ideas yet" : lines.joined(separator: "\n")
    }
}
