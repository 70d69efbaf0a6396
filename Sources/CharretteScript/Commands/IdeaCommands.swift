import Charrette
import CharretteThemes

enum IdeaCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "idea add", summary: "submit an idea to the current consultation (without --by, an anonymous one)",
            signature: Signature(
                [.init("text", "the idea, in the author's words")],
                flags: [
                    .init("by", "HANDLE", "who had it; leave it out for an idea from a suggestion box or a form without names", completes: .participant)
                ]),
            example: #"idea add "Free bus passes for under-18s" --by amira"#, showsResult: false, changes: true
        ) { call in
            let text = try call.string(0, "the idea's text")
            let author = try call.flagString("by")
            let consultation = try call.consultation()
            let idea = try call.perform { tx in try tx.submitIdea(text, by: try author.map { try tx.participant(handle: $0).id }, to: consultation) }
            return .record(Rows.idea(idea, call.interpreter.workspace.state))
        },
        CommandSpec(
            "idea edit", summary: "correct an idea's text",
            signature: Signature([.init("idea", "the idea, such as #12", completes: .idea), .init("text", "the corrected text")]),
            example: #"idea edit #12 "Free passes for everyone under 18""#, showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0), text = try call.string(1, "the new text")
            try call.perform { try $0.editIdea(id, text: text) }
            return .record(Rows.idea(call.interpreter.workspace.state.ideas[id]!, call.interpreter.workspace.state))
        },
        CommandSpec(
            "idea withdraw", summary: "take an idea back", signature: Signature([.init("idea", "the idea, such as #12", completes: .idea)]),
            example: "idea withdraw #12", showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0)
            try call.perform { try $0.withdrawIdea(id) }
            return .null
        },
        CommandSpec(
            "idea hide", summary: "hide an idea from the room, with the reason",
            signature: Signature(
                [.init("idea", "the idea, such as #12", completes: .idea), .init("reason", "why it is hidden (or give --reason)", optional: true)],
                flags: [.init("reason", "TEXT", "why it is hidden, when not given after the idea")]),
            example: #"idea hide #12 "names a person""#, showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0)
            let reason: String
            switch (try call.optionalString(1, "the reason"), try call.flagString("reason")) {
            case (let given?, nil), (nil, let given?): reason = given
            case (_?, _?): throw call.error("give the reason once: after the idea or with --reason", at: 1)
            case (nil, nil): throw call.error("'idea hide' needs the reason it is hidden, such as idea hide #12 \"names a person\"")
            }
            try call.perform { try $0.hideIdea(id, reason: reason) }
            return .null
        },
        CommandSpec(
            "idea approve", summary: "let ideas held for moderation into the room (room moderation on)",
            signature: Signature(
                [.init("idea", "the ideas, such as #12 #14", optional: true, variadic: true, completes: .idea)],
                flags: [.init("all", "", "every idea waiting for a moderator")]),
            example: "idea approve --all", showsResult: false, changes: true
        ) { call in
            let consultation = try call.consultation()
            var ids = try call.positional.indices.map { try call.idea($0) }
            if call.has("all") {
                guard ids.isEmpty else { throw call.flagError("all", "'idea approve' takes ideas or --all, not both") }
                ids = call.interpreter.workspace.state.ideas(of: consultation).filter { $0.status == .held }.map(\.id)
                guard !ids.isEmpty else { throw call.error("no idea is waiting for a moderator") }
            }
            guard !ids.isEmpty else { throw call.error("'idea approve' needs an idea, such as #12, or --all") }
            try call.perform { tx in for id in ids { try tx.approveIdea(id) } }
            return .null
        },
        CommandSpec(
            "idea restore", summary: "bring back a hidden or withdrawn idea", signature: Signature([.init("idea", "the idea, such as #12", completes: .idea)]),
            example: "idea restore #12", showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0)
            try call.perform { try $0.restoreIdea(id) }
            return .null
        },
        CommandSpec(
            "idea merge", summary: "mark an idea as a near duplicate of another",
            signature: Signature(
                [.init("idea", "the duplicate", completes: .idea)], flags: [.init("into", "IDEA", "the idea that carries on", required: true)]),
            example: "idea merge #9 --into #1", showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0)
            guard let into = try call.flagIdea("into") else { throw call.flagError("into", "'idea merge' needs --into IDEA") }
            try call.perform { try $0.mergeIdea(id, into: into) }
            return .null
        },
        CommandSpec(
            "idea move", summary: "put an idea in a theme (or take it out with --out)",
            signature: Signature(
                [.init("idea", "the idea, such as #12", completes: .idea)],
                flags: [
                    .init("to", "THEME", "the theme's label", completes: .theme), .init("out", "", "take it out of its theme"),
                ], oneOf: [["to", "out"]]),
            example: #"idea move #17 --to "Safety at night""#, showsResult: false, changes: true
        ) { call in
            let id = try call.idea(0)
            let label = try call.flagString("to")
            if label != nil && call.has("out") { throw call.flagError("out", "'idea move' takes --to THEME or --out, not both") }
            let consultation = try call.consultation()
            try call.perform { tx in try tx.moveIdea(id, to: try label.map { try tx.theme(labelled: $0, in: consultation).id }) }
            return .null
        },
        CommandSpec(
            "ideas", summary: "the ideas of the current consultation (a hidden idea's text only with --hidden)",
            flags: [
                .init("hidden", "", "show the texts of hidden ideas too (they may hold abuse or personal details)"),
                .init("held", "", "only the ideas waiting for a moderator (room moderation on)"),
            ],
            example: #"ideas | where status == "open" | first 5"#
        ) { call in
            let state = call.interpreter.workspace.state
            let ideas = state.ideas(of: try call.consultation()).filter { !call.has("held") || $0.status == .held }
            return Rows.table(ideas.map { Rows.idea($0, state, hidden: call.has("hidden")) })
        },
        CommandSpec(
            "idea duplicates", summary: "pairs of open ideas that say nearly the same thing, most similar first",
            signature: Signature(flags: [
                .init("threshold", "T", "the least cosine similarity, above 0 and at most 1 (default \(NearDuplicates.defaultThreshold))"),
                .init("language", "CODE", "the ideas' language: en, es, fr, pt or de (default: the consultation's, or detected)"),
            ]),
            example: "idea duplicates --threshold 0.5"
        ) { call in
            let threshold = try call.flagFraction("threshold") ?? NearDuplicates.defaultThreshold
            let state = call.interpreter.workspace.state
            let consultation = try call.consultation()
            let language = try SuggestionFlags.language(call, consultation: consultation)
            let ideas = state.ideas(of: consultation).filter { $0.status.isOpen }
            let pairs = NearDuplicates.pairs(ideas.map(\.text), threshold: threshold, language: language)
            return Rows.table(
                pairs.map { pair in
                    let (a, b) = (ideas[pair.first], ideas[pair.second])
                    return Record([
                        ("idea", .idea(a.id)), ("duplicate", .idea(b.id)), ("similarity", .decimal((pair.similarity * 100).rounded() / 100)),
                        ("text", .string(a.text)), ("duplicate_text", .string(b.text)),
                    ])
                })
        },
    ]
}

extension CommandSpec {
    /// A spec without positional parameters, for the listing commands.
    init(
        _ name: String, summary: String, flags: [Signature.Flag], example: String, file: String = #fileID,
        run: @escaping @Sendable (Invocation) throws -> Value
    ) {
        self.init(name, summary: summary, signature: Signature(flags: flags), example: example, file: file, run: run)
    }
}
