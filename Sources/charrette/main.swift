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
           charrette serve DB [--port N] [--host ADDR] [--consultation TITLE]   (the live room alone)

    Runs a co-design session script, or opens the interactive shell on the workspace.

    Options:
      --db PATH      the workspace file (default: $CHARRETTE_DB or ./charrette.sqlite; :memory: for a throw-away one)
      --as HANDLE    make the changes as this participant, a facilitator in the journal's record
                     (default: $CHARRETTE_AS; without either, changes are made by no one named)
      --read-only    open the workspace without writing to it (to look at or verify a copy)
      --accept-incomplete
                     carry on from a workspace copied while a session was writing to it, as it is
                     (what that session wrote after the copy is not in it)
      -c COMMANDS    run COMMANDS and exit
      --no-init      skip ~/.config/charrette/init.chr
      --version      print the version and exit
      --help         print this help and exit

    Exit status: 0 on success, 1 when the script fails, 2 on a usage error, 128 + N when stopped
    by signal N (130 for Ctrl-C). The workspace is closed on every exit: its file alone then holds
    everything.
    """

func fail(_ message: String, status: Int32) -> Never {
    // The message may quote a file's contents (the tables of another application's database).
    Output.error(message)
    exit(status)
}

struct Options {
    var database = ProcessInfo.processInfo.environment["CHARRETTE_DB"] ?? "charrette.sqlite"
    var command: String?
    var script: String?
    var arguments: [String] = []
    var readInit = true
    var readOnly = false
    var acceptIncomplete = false
    var actingAs = ProcessInfo.processInfo.environment["CHARRETTE_AS"].flatMap { $0.isEmpty ? nil : $0 }
}

if CommandLine.arguments.dropFirst().first == "serve" { Serve.run(Array(CommandLine.arguments.dropFirst(2))) }

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
    case "--read-only": options.readOnly = true
    case "--accept-incomplete": options.acceptIncomplete = true
    case "--as":
        guard let handle = rest.popFirst() else { fail("charrette: --as needs a participant's handle\n\n\(usage)", status: 2) }
        options.actingAs = handle
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

Signals.install()
let workspace: Workspace
do {
    workspace = try Workspace(
        storage: SQLiteStorage(
            path: options.database, readOnly: options.readOnly, acceptingIncomplete: options.acceptIncomplete))
} catch {
    fail("charrette: cannot open the workspace '\(options.database)': \(error)", status: 1)
}
if let reason = workspace.readOnlyReason {
    Output.error("charrette: warning: this workspace can only be read: \(reason)")
}

/// Closes the workspace (moving its write-ahead log into its file) and exits: every way out of
/// the shell comes through here.
func finish(_ status: Int32) -> Never {
    var status = status
    do {
        try workspace.close()
    } catch {
        Output.error("charrette: the workspace could not be closed cleanly: \(error)")
        status = max(status, 1)
    }
    exit(status)
}

// What was printed is flushed before `ask` waits for an answer, as C's stdio does: through a pipe,
// output is buffered, and whoever answers must see the question first.
let interpreter = Interpreter(
    workspace: workspace, output: { Output.print($0) },
    input: {
        fflush(nil)  // every output stream: `stdout` itself is not concurrency-safe to name
        return readLine()
    })
interpreter.actorHandle = options.actingAs.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
interpreter.define("args", .list(options.arguments.map(Value.string)))
// Scripts write their changes in groups, flushed before anything is shown; the shell does not.
interpreter.groupsChanges = true
interpreter.interruption = { Signals.waiting.map(Signals.reason) }
let terminal = Terminal.current
// A script run at a terminal (a live session's script, waiting at its `ask`) hears the room too.
if terminal.isInteractive { interpreter.roomArrivals = { Output.print("» " + $0) } }

/// Runs one source, printing its error the way the language reference describes. True on success.
@MainActor
func run(_ source: Source) -> Bool {
    do {
        try interpreter.run(source)
        return true
    } catch let error as ScriptError {
        Output.error(error.render())
    } catch {
        Output.error("\(source.name): error: \(error)")
    }
    return false
}

/// Runs a whole script (or command string) and finishes with its status.
@MainActor
func runToEnd(_ source: Source) -> Never {
    let succeeded = run(source)
    if let signal = Signals.take() { finish(Signals.exitStatus(signal)) }
    finish(succeeded ? 0 : 1)
}

if options.readInit {
    let initFile = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/charrette/init.chr")
    if let text = try? String(contentsOf: initFile, encoding: .utf8) {
        if terminal.isInteractive { print("(read \(initFile.path))") }
        if !run(Source(name: initFile.path, text: text)) { finish(Signals.take().map(Signals.exitStatus) ?? 1) }
    }
}

if let command = options.command {
    runToEnd(Source(name: "<command line>", text: command))
}
if let script = options.script, script != "-" {
    guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
        Output.error("charrette: cannot read '\(script)'")
        finish(2)
    }
    interpreter.directory = (script as NSString).deletingLastPathComponent.isEmpty ? "." : (script as NSString).deletingLastPathComponent
    runToEnd(Source(name: script, text: text))
}
if options.script == "-" || !terminal.isInteractive {
    // A piped script behaves exactly like a script file: the first error stops it with status 1.
    var text = ""
    while let line = readLine(strippingNewline: false) { text += line }
    runToEnd(Source(name: "<stdin>", text: text))
}
let signal = Shell(interpreter: interpreter, terminal: terminal, database: options.database).run()
finish(signal.map(Signals.exitStatus) ?? 0)
