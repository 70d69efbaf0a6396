import Charrette
import CharretteRoom
import CharretteSupport
import Foundation

/// Commands that run the session itself: speaking, asking, timing, help, other files.
enum SessionCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "say", summary: "show a message to the room",
            signature: Signature([.init("text", "what to say", variadic: true)]), example: #"say "Welcome, {$name}!""#
        ) { call in
            try call.interpreter.show(call.positional.map(\.text).joined(separator: " "))
            return .null
        },
        CommandSpec(
            "ask", summary: "ask a question and return the answer typed",
            signature: Signature([.init("question", "what to ask")]), example: #"let name = (ask "Your name?")"#
        ) { call in
            let question = try call.string(0, "a question")
            try call.interpreter.show(question)
            return call.interpreter.input().map(Value.string) ?? .null
        },
        CommandSpec(
            "step", summary: "a timed step of the agenda",
            signature: Signature([.init("name", "what the step is"), .init("duration", "how long, such as 10m"), .init("body", "the block to run")]),
            example: #"step "Brainstorm" 10m { idea add "..." --by amira }"#
        ) { call in
            let name = try call.string(0, "the step's name")
            guard case .duration(let seconds) = call.positional[1] else {
                throw call.error("expected a duration such as 10m, found \(call.positional[1].withArticle)", at: 1)
            }
            guard case .block(let body) = call.positional[2] else { throw call.error("expected a block { ... }", at: 2) }
            try call.interpreter.show("▶ \(name) (\(Value.durationText(seconds)))")
            let started = call.interpreter.workspace.now
            // The room's pages and wall show the step and count it down while it runs.
            // A step inside another shows while it runs, then the outer one again.
            let room = call.interpreter.room
            let step = RoomStage.Step(name: name, endsAt: started.addingTimeInterval(TimeInterval(seconds)))
            let outer = room?.stage.step
            room?.changeStage { $0.step = step }
            defer { room?.changeStage { if $0.step == step { $0.step = outer } } }
            try call.interpreter.run(body)
            // The agenda as it ran goes in the journal, for the report.
            let consultation = try? call.consultation()
            try call.interpreter.perform { tx in
                try tx.recordAgendaStep(name, plannedSeconds: seconds, startedAt: started, consultation: consultation)
            }
            if let timer = call.interpreter.stepTimer {
                try call.interpreter.flush()
                timer(name, seconds)
            }
            return .null
        },
        CommandSpec(
            "help", summary: "the commands, or one command's usage and example",
            signature: Signature(
                [.init("command", "a command's name", optional: true, variadic: true)],
                flags: [.init("markdown", "", "every command's reference as Markdown, as in docs/language.md")]),
            example: "help idea add"
        ) { call in
            let registry = call.interpreter.registry
            if call.has("markdown") { return .string(CommandReference.markdown(registry)) }
            let name = call.positional.map(\.text).joined(separator: " ")
            if name.isEmpty {
                let width = registry.names.map(\.count).max() ?? 0
                return .string(
                    (["Commands (help NAME for usage and an example):"]
                        + registry.names.map { "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + registry.spec(named: $0)!.summary })
                        .joined(separator: "\n"))
            }
            if let spec = registry.spec(named: name) { return .string(spec.help) }
            let subs = registry.subcommands(of: name)
            if !subs.isEmpty {
                return .string(subs.map { registry.spec(named: "\(name) \($0)")! }.map { "\($0.usage)\n    \($0.summary)" }.joined(separator: "\n"))
            }
            let hint = NearMiss.closest(to: name, among: registry.names + registry.nouns).map { "; did you mean '\($0)'?" } ?? ""
            throw call.error("no command '\(name)'\(hint)", at: 0)
        },
        CommandSpec(
            "source", summary: "run another script file here (relative to the sourcing script's folder)",
            signature: Signature([.init("file", "the script to run")]),
            example: "source agenda.chr", showsResult: false
        ) { call in
            let path = try call.string(0, "a file")
            let full = path.hasPrefix("/") ? path : (call.interpreter.directory as NSString).appendingPathComponent(path)
            guard let text = try? String(contentsOfFile: full, encoding: .utf8) else { throw call.error("cannot read '\(path)'", at: 0) }
            // Files the sourced script names are relative to its own folder.
            let outer = call.interpreter.directory
            call.interpreter.directory = (full as NSString).deletingLastPathComponent
            defer { call.interpreter.directory = outer }
            try call.interpreter.run(Source(name: path, text: text))
            return .null
        },
    ]
}
