import Charrette

enum ThemeCommands {
    static let all: [CommandSpec] = [
        CommandSpec("theme new", summary: "create a theme in the current consultation",
                    signature: Signature([.init("label", "the theme's name")], flags: [.init("description", "TEXT", "what it covers")]),
                    example: #"theme new "Safety at night" --description "Getting home after dark""#, showsResult: false) { call in
            let label = try call.string(0, "a label")
            let description = try call.flagString("description") ?? ""
            let consultation = try call.consultation()
            let theme = try call.perform { try $0.createTheme(label, description: description, in: consultation) }
            return .record(Rows.theme(theme, call.interpreter.workspace.state))
        },
        CommandSpec("theme rename", summary: "give a theme another label",
                    signature: Signature([.init("label", "its label now", completes: .theme), .init("new", "its new label")]),
                    example: #"theme rename "Cost" "Fares""#, showsResult: false) { call in
            let label = try call.string(0, "the theme's label"), new = try call.string(1, "the new label")
            let consultation = try call.consultation()
            try call.perform { tx in _ = try tx.changeTheme(try tx.theme(labelled: label, in: consultation).id, label: new) }
            return .null
        },
        CommandSpec("theme describe", summary: "say what a theme covers",
                    signature: Signature([.init("label", "the theme's label", completes: .theme), .init("description", "what it covers")]),
                    example: #"theme describe "Cost" "What riding costs young people""#, showsResult: false) { call in
            let label = try call.string(0, "the theme's label"), description = try call.string(1, "a description")
            let consultation = try call.consultation()
            try call.perform { tx in _ = try tx.changeTheme(try tx.theme(labelled: label, in: consultation).id, description: description) }
            return .null
        },
        CommandSpec("theme show", summary: "a theme's ideas", signature: Signature([.init("label", "the theme's label", completes: .theme)]),
                    example: #"theme show "Cost""#) { call in
            let label = try call.string(0, "the theme's label")
            let state = call.interpreter.workspace.state
            guard let theme = state.theme(labelled: label, in: try call.consultation()) else { throw call.error("theme '\(label)' does not exist", at: 0) }
            return Rows.table(state.ideas(in: theme.id).map { Rows.idea($0, state) })
        },
        CommandSpec("themes", summary: "the themes of the current consultation with their counts", flags: [], example: "themes") { call in
            let state = call.interpreter.workspace.state
            return Rows.table(state.themes(of: try call.consultation()).map { Rows.theme($0, state) })
        },
    ]
}
