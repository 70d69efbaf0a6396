// The charrette shell: a thin front end over CharretteScript. It reads options, opens the
// workspace, and runs a script, a command string, standard input, or the interactive shell.
import Charrette
import CharretteSQLite
import CharretteScript
import Foundation

let version = "0.1.0"
let usage = """
    Usage: charrette [OPTIONS] [SCRIPT [ARGS...]]
           charrette [OPTIONS] -c COMMANDS
           charrette [OPTIONS] -          (read the script from standard input)

    Runs a co-design session script, or opens the interactive shell on the workspace.

    Options:
      --db PATH      the workspace file (default: $CHARRETTE_DB or ./charrette.sqlite; :memory: for a throw-away one)
      -c COMMANDS    run COMMANDS and exit
      --no-init      skip ~/.config/charrette/init.chr
      --version      print the version and exit
      --help         print this help and exit

    Exit status: 0 on success, 1 when the script fails, 2 on a usage error.
    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

struct Options {
    var database = ProcessInfo.processInfo.environment["CHARRETTE_DB"] ?? "charrette.sqlite"
    var command: String?
    var script: String?
    var arguments: [String] = []
    var readInit = true
}

var options = Options()
var rest = CommandLine.arguments.dropFirst()
while let argument = rest.popFirst() {
    switch argument {
    case "--help", "-h": print(usage); exit(0)
    case "--version": print("charrette \(version)"); exit(0)
    case "--db":
        guard let path = rest.popFirst() else { fail("charrette: --db needs a path\n\n\(usage)", status: 2) }
        options.database = path
    case "-c":
        guard let command = rest.popFirst() else { fail("charrette: -c needs commands\n\n\(usage)", status: 2) }
        options.command = command
    case "--no-init": options.readInit = false
    case "--":
        if let script = rest.popFirst() { options.script = script }
        options.arguments = Array(rest)
        rest = []
    case "-":
        options.script = "-"
        options.arguments = Array(rest)
        rest = []
    default:
        if argument.hasPrefix("-") && argument.count > 1 { fail("charrette: unknown option '\(argument)'\n\n\(usage)", status: 2) }
        options.script = argument
        options.arguments = Array(rest)
        rest = []
    }
}
if options.command != nil && options.script != nil { fail("charrette: give either -c or a script, not both", status: 2) }

let workspace: Workspace
do {
    workspace = try Workspace(storage: SQLiteStorage(path: options.database))
} catch {
    fail("charrette: cannot open the workspace '\(options.database)': \(error)", status: 1)
}

let interpreter = Interpreter(workspace: workspace)
interpreter.define("args", .list(options.arguments.map(Value.string)))
// Scripts write their changes in groups, flushed before anything is shown; the shell does not.
interpreter.groupsChanges = true
let terminal = Terminal.current

/// Runs one source, printing its error the way the language reference describes. True on success.
@MainActor
func run(_ source: Source) -> Bool {
    do {
        try interpreter.run(source)
        return true
    } catch let error as ScriptError {
        FileHandle.standardError.write(Data((error.render() + "\n").utf8))
    } catch {
        FileHandle.standardError.write(Data("\(source.name): error: \(error)\n".utf8))
    }
    return false
}

if options.readInit {
    let initFile = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/charrette/init.chr")
    if let text = try? String(contentsOf: initFile, encoding: .utf8) {
        if terminal.isInteractive { print("(read \(initFile.path))") }
        if !run(Source(name: initFile.path, text: text)) { exit(1) }
    }
}

if let command = options.command {
    exit(run(Source(name: "<command line>", text: command)) ? 0 : 1)
}
if let script = options.script, script != "-" {
    guard let text = try? String(contentsOfFile: script, encoding: .utf8) else { fail("charrette: cannot read '\(script)'", status: 2) }
    interpreter.directory = (script as NSString).deletingLastPathComponent.isEmpty ? "." : (script as NSString).deletingLastPathComponent
    exit(run(Source(name: script, text: text)) ? 0 : 1)
}
if options.script == "-" || !terminal.isInteractive {
    // A piped script behaves exactly like a script file: the first error stops it with status 1.
    var text = ""
    while let line = readLine(strippingNewline: false) { text += line }
    exit(run(Source(name: "<stdin>", text: text)) ? 0 : 1)
}
Shell(interpreter: interpreter, terminal: terminal, database: options.database).run()
