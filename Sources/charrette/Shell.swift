import CharretteScript
import Foundation

/// The interactive shell: reads statements with line editing, continuing while a block or string
/// is open, and shows each result.
struct Shell {
    let interpreter: Interpreter
    let terminal: Terminal
    let database: String

    /// Runs until Ctrl-D or a signal that ends the shell; returns that signal, if any.
    func run() -> Int32? {
        interpreter.width = terminal.width
        // At the keyboard every command is written before the next prompt.
        interpreter.groupsChanges = false
        let editor = LineEditor(completer: Completer(interpreter: interpreter))
        interpreter.roomArrivals = { LineEditor.announce($0) }
        interpreter.stepTimer = { name, seconds in Shell.countDown(name, seconds: seconds, colour: terminal.usesColour) }
        print("Charrette \(version) on \(database)\(Shell.actingAs(interpreter)). Type 'help' for the commands, Tab to complete, Ctrl-D to leave.")
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "charrette> " : "       ..> "
            switch editor.read(prompt: prompt) {
            case .end:
                print("")
                return Signals.take()
            case .cancelled:
                // Ctrl-C drops the line (and any open block) but not the shell.
                print("^C")
                pending = ""
                continue
            case .line(let line):
                pending += pending.isEmpty ? line : "\n" + line
            }
            if Parser.needsMoreInput(pending) { continue }
            editor.remember(pending)
            let source = Source(name: "<shell>", text: pending)
            pending = ""
            do {
                try interpreter.run(source)
            } catch let error as ScriptError {
                Output.error(error.render())
            } catch {
                Output.error("error: \(error)")
            }
            // Ctrl-C stopped the command and is done with; another signal ends the shell.
            if let signal = Signals.waiting, signal != SIGINT { return Signals.take() }
        }
    }

    /// Who the changes are made by, as the banner says it.
    static func actingAs(_ interpreter: Interpreter) -> String {
        guard let handle = interpreter.actorHandle else {
            return ", making changes as no one named (start with --as HANDLE to sign them)"
        }
        guard interpreter.workspace.state.participant(handle: handle) != nil else {
            return ", as @\(handle) once registered (until then, as no one named)"
        }
        return ", as @\(handle)"
    }

    /// Shows a step's remaining time in place, once a second, until it runs out or Ctrl-C (or a
    /// signal that ends the shell, which is left waiting for the loop).
    static func countDown(_ name: String, seconds: Int, colour: Bool) {
        var remaining = seconds
        let name = Output.neutralised(name)
        while remaining > 0 {
            let text = String(format: "⏱  %@  %d:%02d left (Ctrl-C ends the step)", name, remaining / 60, remaining % 60)
            FileHandle.standardOutput.write(Data(("\r" + (colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text) + "\u{1B}[K").utf8))
            for _ in 0..<10 {
                usleep(100_000)
                if let signal = Signals.waiting {
                    if signal == SIGINT { _ = Signals.take() }
                    print("\r⏹  \(name) ended early\u{1B}[K")
                    return
                }
            }
            remaining -= 1
        }
        print("\r✓  \(name): time is up\u{1B}[K")
    }
}
