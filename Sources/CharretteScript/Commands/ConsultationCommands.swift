import Charrette
import CharretteSupport

enum ConsultationCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "consultation open", summary: "start a consultation and make it the current one",
            signature: Signature(
                [.init("title", "what the consultation is called")],
                flags: [
                    .init("question", "TEXT", "the question put to the people it affects", required: true),
                    .init("boards", "NAMES", "only members of these boards take part (comma-separated)"),
                    .init("draft", "", "start as a draft that takes no ideas yet"),
                    .init("require-authors", "", "take only ideas that say who had them (anonymous ones are taken otherwise)"),
                ]),
            example: #"consultation open "Getting around at 16" --question "What would make buses work for you?""#,
            showsResult: false, changes: true
        ) { call in
            let title = try call.string(0, "a title")
            let question = try call.requiredString("question")
            let boards = try call.flagList("boards")
            let consultation = try call.perform { tx in
                let opened = try tx.openConsultation(title: title, question: question, boards: boards, phase: call.has("draft") ? .draft : .ideation)
                if call.has("require-authors") { try tx.requireAuthors(in: opened.id, true) }
                return tx.state.consultations[opened.id]!
            }
            call.interpreter.consultation = consultation.id
            if consultation.requiresAuthors {
                try call.interpreter.show("'\(consultation.title)' takes only ideas that say who had them: anonymous ones are refused")
            }
            return .record(Rows.consultation(consultation, call.interpreter.workspace.state))
        },
        CommandSpec(
            "consultation phase", summary: "move the current consultation to another phase",
            signature: Signature([.init("phase", "draft, ideation, clustering, voting or closed", completes: .phase)]),
            example: "consultation phase voting", showsResult: false, changes: true
        ) { call in
            let name = try call.string(0, "a phase")
            guard let phase = Consultation.Phase(rawValue: name) else {
                let names = Consultation.Phase.allCases.map(\.rawValue)
                let hint = NearMiss.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? "; phases are \(names.joined(separator: ", "))"
                throw call.error("unknown phase '\(name)'\(hint)", at: 0)
            }
            let id = try call.consultation()
            let consultation = try call.perform { try $0.changePhase(of: id, to: phase) }
            return .record(Rows.consultation(consultation, call.interpreter.workspace.state))
        },
        CommandSpec(
            "consultation language", summary: "set the language of the current consultation's ideas, for themes and duplicates",
            signature: Signature([.init("language", "en, es, fr, pt or de; auto to detect it from the ideas")]),
            example: "consultation language es", showsResult: false, changes: true
        ) { call in
            let code = try call.string(0, "a language")
            let id = try call.consultation()
            try call.perform { try $0.setLanguage(of: id, to: code.lowercased() == "auto" ? nil : code) }
            return .null
        },
        CommandSpec(
            "consultation use", summary: "make another consultation the current one, by its title or number",
            signature: Signature([.init("consultation", "its title, or its number as consultations lists it")]),
            example: #"consultation use "Getting around at 16""#, showsResult: false
        ) { call in
            let consultation = try consultation(call, named: try call.string(0, "a consultation's title or number"))
            call.interpreter.consultation = consultation.id
            return .record(Rows.consultation(consultation, call.interpreter.workspace.state))
        },
        CommandSpec("consultations", summary: "the consultations of the workspace; current marks the one commands act on", example: "consultations") { call in
            let state = call.interpreter.workspace.state
            let current = try? call.consultation(announcing: false)
            return Rows.table(
                state.consultations.values.sorted { $0.id < $1.id }.map { c in
                    Record(Rows.consultation(c, state).fields + [("current", .bool(c.id == current))])
                })
        },
    ]

    /// The consultation a title (any case) or a number names.
    static func consultation(_ call: Invocation, named name: String) throws -> Consultation {
        let all = call.interpreter.workspace.state.consultations.values.sorted { $0.id < $1.id }
        if let number = Int(name), let found = all.first(where: { $0.id.rawValue == number }) { return found }
        if let found = all.first(where: { $0.title.caseInsensitiveCompare(name) == .orderedSame }) { return found }
        let hint =
            NearMiss.closest(to: name, among: all.map(\.title)).map { "; did you mean '\($0)'?" }
            ?? (all.isEmpty ? "; there is none yet" : "; the consultations are " + all.map { "\($0.id.rawValue) '\($0.title)'" }.joined(separator: ", "))
        throw call.error("no consultation is titled or numbered '\(name)'\(hint)", at: 0)
    }
}
