import CharretteScript
import Foundation

/// The interactive shell: reads statements line by line, continuing while a block or string is
/// open, and shows each result.
struct Shell {
    let interpreter: Interpreter
    let terminal: Terminal
    let database: String

    func run() {
        interpreter.width = terminal.width
        print("Charrette \(version) on \(database). Type 'help' for the commands, Ctrl-D to leave.")
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "charrette> " : "      ...> "
            FileHandle.standardOutput.write(Data(prompt.utf8))
            guard let line = readLine() else {
                print("")
                return
            }
            pending += pending.isEmpty ? line : "\n" + line
            if Shell.needsMore(pending) { continue }
            let source = Source(name: "<shell>", text: pending)
            pending = ""
            do {
                try interpreter.run(source)
            } catch let error as ScriptError {
                FileHandle.standardError.write(Data((error.render() + "\n").utf8))
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
    }

    /// Whether the text so far leaves a block, list, parenthesis or string open.
    static func needsMore(_ text: String) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        var inComment = false
        for c in text {
            if inComment { if c == "\n" { inComment = false }; continue }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{", "(", "[": depth += 1
            case "}", ")", "]": depth -= 1
            case "#": inComment = true
            default: break
            }
        }
        return inString || depth > 0
    }
}
