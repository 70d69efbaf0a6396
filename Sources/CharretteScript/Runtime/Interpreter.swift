import Charrette
import CharretteRoom
import CharretteSession
import CharretteSupport
import Foundation

/// Runs scripts of the command language against a workspace. Embeddable: it does no terminal
/// I/O of its own; what it says goes to ``output`` and what it asks comes from ``input``.
public final class Interpreter {
    public let workspace: Workspace
    public let registry: CommandRegistry
    /// Who the changes are made by; `nil` for the program itself, unless ``actorHandle`` names
    /// someone.
    public var actor: Participant.ID?
    /// The handle of the participant the changes are made by (the shell's `--as`), looked up at
    /// each change, so that a session may register its facilitator first; changes made before
    /// that participant exists are made by the program.
    public var actorHandle: String?

    /// Who makes a change now: ``actor``, else the participant ``actorHandle`` names, if any.
    var currentActor: Participant.ID? {
        actor ?? actorHandle.flatMap { workspace.state.participant(handle: $0)?.id }
    }
    /// The consultation commands act on; the newest one when `nil`.
    public var consultation: Consultation.ID?
    /// Where `say`, values shown at the top level and `step` announcements go.
    public var output: (String) -> Void
    /// Where `ask` reads an answer; `nil` at the end of input.
    public var input: () -> String?
    /// Called after a `step`'s block has run, with the step's name and length, to count the time
    /// down in an interactive shell. Scripts run without one, so they never wait.
    public var stepTimer: ((String, Int) -> Void)?
    /// The width tables are fitted to.
    public var width = 100
    /// Whether changes are written in groups (`Workspace.performGrouped(by:_:)`): thousands a
    /// second instead of one transaction each. A group holds the workspace's write lock, so other
    /// processes wait while it grows: it is written before any command that is not a change (so
    /// before anything is shown, asked or run elsewhere), once it holds ``groupSize`` changes or
    /// is ``groupAge`` old, and when a run ends or fails. Nothing is reported done before it is
    /// written. Scripts turn it on; the interactive shell does not.
    public var groupsChanges = false
    /// The most changes written together.
    public var groupSize = 1_000
    /// The longest a group holds the write lock before it is written.
    public var groupAge: Duration = .milliseconds(50)
    private var grouped = 0
    /// When the current group began, and the command that began it (for a failed write's message).
    private var group: (started: ContinuousClock.Instant, range: SourceRange, source: Source?)?
    /// The command being run, for errors raised from deep inside it.
    private var currentCall: (range: SourceRange, source: Source?)?

    /// Asked before every statement, command and loop round: a reason to stop the run (Ctrl-C,
    /// a signal), or `nil` to go on. The run stops with an error at the place it had reached.
    public var interruption: () -> String? = { nil }

    /// Themes proposed and not yet accepted, from `themes suggest` or `themes consensus`.
    public var proposedThemes: ThemeProposal?

    /// The live room served from this shell (`room open`), if any.
    public var room: Room?
    /// Where the room's arrivals go while it is open (`Room.arrivals()`): lines the interactive
    /// shell prints above the line being typed. `nil` (scripts through a pipe, tests) hears none.
    public var roomArrivals: (@Sendable (String) -> Void)?

    /// The folder `source` and the files commands read are relative to: the script's.
    public var directory: String
    /// The folder the files commands write are relative to: the working directory, as in any
    /// shell, unless the embedding program says otherwise.
    public var outputDirectory: String

    private var scopes: [[String: Value]] = [[:]]
    private var definitions: [String: (parameters: [String], body: Block, source: Source?)] = [:]
    /// How deeply commands defined with `def` and sourced files are running inside each other.
    private var depth = 0
    static let maximumDepth = 64

    private func enter(_ what: String, _ range: SourceRange?) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw ScriptError.runtime("\(what) runs more than \(Self.maximumDepth) levels deep: does it call itself without end?", range)
        }
    }
    private var sources: [Source] = []
    private var blockCounter = 0

    public init(
        workspace: Workspace, registry: CommandRegistry = .standard(), directory: String = FileManager.default.currentDirectoryPath,
        outputDirectory: String = FileManager.default.currentDirectoryPath,
        output: @escaping (String) -> Void = { print($0) }, input: @escaping () -> String? = { readLine() }
    ) {
        self.workspace = workspace
        self.registry = registry
        self.directory = directory
        self.outputDirectory = outputDirectory
        self.output = output
        self.input = input
        define("args", .list([]))
    }

    /// Writes grouped changes, then shows `text`.
    public func show(_ text: String) throws {
        try flush()
        output(text)
    }

    /// Writes the changes waiting in the current group, if any. If they cannot be written, none of
    /// them is, and the error names the command that began the group.
    public func flush() throws {
        let pending = group
        grouped = 0
        group = nil
        do {
            try workspace.flush()
        } catch {
            guard let pending else { throw error }
            throw ScriptError(
                .runtime, "the changes made from here on could not be written, so none of them was: \(describe(error))",
                pending.range, source: pending.source)
        }
    }

    /// Makes a change as this interpreter's actor, grouped when ``groupsChanges`` is on.
    func perform<T: Sendable>(_ body: (inout Transaction) throws -> T) throws -> T {
        guard groupsChanges else { return try workspace.perform(by: currentActor, body) }
        let result = try workspace.performGrouped(by: currentActor, body)
        if group == nil, workspace.hasPendingChanges, let currentCall {
            group = (.now, currentCall.range, currentCall.source)
        }
        grouped += 1
        if let group, grouped >= groupSize || ContinuousClock.now - group.started >= groupAge { try flush() }
        return result
    }

    /// Throws when ``interruption`` asks to stop, pointing at `range`; writes a group that has held
    /// the write lock for ``groupAge``, whatever the script does meanwhile (a long loop of
    /// expressions, say).
    func checkInterruption(at range: SourceRange) throws {
        if let reason = interruption() { throw ScriptError.runtime("stopped: \(reason)", range) }
        if let group, ContinuousClock.now - group.started >= groupAge { try flush() }
    }

    /// An error from below the language, in words.
    func describe(_ error: any Error) -> String {
        (error as? ScriptError)?.message ?? String(describing: error)
    }

    /// Sets a variable in the outermost scope, such as `$args`.
    public func define(_ name: String, _ value: Value) { scopes[0][name] = value }

    /// Parses and runs a script, showing the values of standalone queries. Stops at the first
    /// error, which carries its place in `source`.
    @discardableResult
    public func run(_ source: Source) throws -> Value {
        try enter("'\(source.name)'", nil)
        sources.append(source)
        defer {
            sources.removeLast()
            depth -= 1
        }
        do {
            let block = try Parser.parse(source, registry: registry)
            try checkCommands(in: block)
            var last = Value.null
            for statement in block.statements { last = try execute(statement, topLevel: true) }
            try flush()
            return last
        } catch var error as ScriptError {
            if error.source == nil { error.source = source }
            // What ran before the error is written; the failing command wrote nothing.
            do {
                try flush()
            } catch let flushError {
                throw ScriptError(
                    error.kind, error.message + "; and the changes before it could not be written: \(flushError)",
                    error.range, source: error.source, underlying: error.underlying)
            }
            throw error
        } catch {
            do { try flush() } catch let flushError {
                throw ScriptError(.runtime, "\(error); and the changes before it could not be written: \(flushError)", nil)
            }
            throw error
        }
    }

    /// The names of the commands a script defines with `def`, and whether it sources other files.
    private func checkCommands(in block: Block) throws {
        var defined = Set(definitions.keys)
        var calls: [CommandCall] = []
        var sourcesFiles = false
        func visit(_ block: Block) {
            for statement in block.statements {
                switch statement {
                case .pipeline(let p), .letBinding(_, let p, _): visit(p)
                case .ifElse(let c, let t, let e, _): visit(c); visit(t); if let e { visit(e) }
                case .forLoop(_, let s, let b, _): visit(s); visit(b)
                case .definition(let name, _, let body, _): defined.insert(name); visit(body)
                }
            }
        }
        func visit(_ pipeline: Pipeline) {
            for stage in pipeline.stages {
                switch stage {
                case .command(let call):
                    if call.name == "source" { sourcesFiles = true }
                    calls.append(call)
                    call.positional.forEach(visit)
                    call.flags.compactMap(\.value).forEach(visit)
                case .expression(let e): visit(e)
                }
            }
        }
        func visit(_ expression: Expression) {
            switch expression {
            case .subexpression(let p, _): visit(p)
            case .block(let b, _): visit(b)
            case .list(let items, _): items.forEach(visit)
            case .record(let fields, _): fields.forEach { visit($0.1) }
            case .binary(_, let l, let r, _): visit(l); visit(r)
            case .not(let e, _): visit(e)
            case .string(let segments, _): for case .expression(let e) in segments { visit(e) }
            default: break
            }
        }
        visit(block)
        // A sourced file may define commands this check cannot see: those are found when they run.
        guard !sourcesFiles else { return }
        for call in calls
        where registry.spec(named: call.name) == nil && !defined.contains(call.name)
            && !(call.flags.contains { $0.name == "help" } && !registry.subcommands(of: call.name).isEmpty)
        {
            throw unknownCommand(call)
        }
    }

    private func unknownCommand(_ call: CommandCall) -> ScriptError {
        let first = String(call.name.split(separator: " ")[0])
        if registry.nouns.contains(first), call.name.contains(" ") == false, !registry.subcommands(of: first).isEmpty {
            let subs = registry.subcommands(of: first)
            if case .word(let typed, let range)? = call.positional.first {
                let hint =
                    NearMiss.closest(to: typed, among: subs).map { "; did you mean '\(first) \($0)'?" }
                    ?? "; it takes one of: \(subs.joined(separator: ", "))"
                return .runtime("'\(first)' has no subcommand '\(typed)'\(hint)", range)
            }
            return .runtime("'\(first)' needs one of: \(subs.joined(separator: ", "))", call.nameRange)
        }
        let candidates = registry.nouns + Array(definitions.keys)
        let hint = NearMiss.closest(to: first, among: candidates).map { "; did you mean '\($0)'?" } ?? "; type 'help' for the commands"
        return .runtime("unknown command '\(first)'\(hint)", SourceRange(call.nameRange.start, length: first.count))
    }

    // MARK: Statements

    @discardableResult
    func execute(_ statement: Statement, topLevel: Bool = false) throws -> Value {
        try checkInterruption(at: statement.range)
        switch statement {
        case .pipeline(let pipeline):
            let value = try evaluate(pipeline)
            if topLevel, shows(pipeline), value != .null { try show(Rendering.text(value, width: width)) }
            return value
        case .letBinding(let name, let pipeline, _):
            scopes[scopes.count - 1][name] = try evaluate(pipeline)
            return .null
        case .ifElse(let condition, let then, let otherwise, _):
            if try evaluate(condition, row: nil).isTruthy {
                try run(then)
            } else if let otherwise {
                try run(otherwise)
            }
            return .null
        case .forLoop(let name, let sequence, let body, let range):
            let items = try evaluate(sequence, row: nil).rows
            for item in items {
                try checkInterruption(at: range)
                scopes.append([name: item])
                defer { scopes.removeLast() }
                for statement in body.statements { try execute(statement) }
            }
            return .null
        case .definition(let name, let parameters, let body, let range):
            if registry.spec(named: name) != nil {
                throw ScriptError.runtime("'\(name)' is a built-in command; choose another name", range)
            }
            definitions[name] = (parameters, body, sources.last)
            return .null
        }
    }

    /// Runs a block in a scope of its own.
    public func run(_ block: Block, bindings: [String: Value] = [:]) throws {
        scopes.append(bindings)
        defer { scopes.removeLast() }
        for statement in block.statements { try execute(statement) }
    }

    /// Runs a block value as part of the agenda (as `step` does): like the script's own lines,
    /// its standalone queries show their values.
    public func run(_ block: BlockValue) throws {
        scopes.append([:])
        defer { scopes.removeLast() }
        for statement in block.block.statements { try execute(statement, topLevel: true) }
    }

    private func shows(_ pipeline: Pipeline) -> Bool {
        guard case .command(let call) = pipeline.stages.last else { return true }
        return registry.spec(named: call.name)?.showsResult ?? true
    }

    // MARK: Pipelines

    func evaluate(_ pipeline: Pipeline) throws -> Value {
        var value = Value.null
        for stage in pipeline.stages {
            switch stage {
            case .expression(let expression): value = try evaluate(expression, row: nil)
            case .command(let call): value = try invoke(call, input: value)
            }
        }
        return value
    }

    private func invoke(_ call: CommandCall, input: Value) throws -> Value {
        try checkInterruption(at: call.nameRange)
        let outer = currentCall
        currentCall = (call.nameRange, sources.last)
        defer { currentCall = outer }
        // Anything but a change writes the group first: it holds the write lock.
        if registry.spec(named: call.name)?.changes != true { try flush() }
        // What other processes appended, so the command works on the current journal (without a
        // group waiting; a group holds the lock, so nobody else can have appended).
        try workspace.refresh()
        if call.flags.contains(where: { $0.name == "help" }) {
            if let spec = registry.spec(named: call.name) {
                try show(spec.help)
            } else if !registry.subcommands(of: call.name).isEmpty {
                try show(
                    registry.subcommands(of: call.name).map { registry.spec(named: "\(call.name) \($0)")! }
                        .map { "\($0.usage)\n    \($0.summary)" }.joined(separator: "\n"))
            } else {
                throw unknownCommand(call)
            }
            return .null
        }
        if definitions[call.name] != nil, let flag = call.flags.first {
            throw ScriptError.runtime("'\(call.name)' is defined with def and takes no flags", flag.range)
        }
        if let definition = definitions[call.name] {
            let arguments = try call.positional.map { try evaluate($0, row: nil) }
            guard arguments.count == definition.parameters.count else {
                throw ScriptError.runtime(
                    "'\(call.name)' takes \(definition.parameters.count) argument\(definition.parameters.count == 1 ? "" : "s"), not \(arguments.count)",
                    call.nameRange)
            }
            var bindings = Dictionary(uniqueKeysWithValues: zip(definition.parameters, arguments))
            bindings["in"] = input
            try enter("'\(call.name)'", call.nameRange)
            scopes.append(bindings)
            defer {
                scopes.removeLast()
                depth -= 1
            }
            do {
                var last = Value.null
                for statement in definition.body.statements { last = try execute(statement) }
                return last
            } catch var error as ScriptError {
                // The body's lines are in the file that defined it.
                if error.source == nil { error.source = definition.source }
                throw error
            }
        }
        guard let spec = registry.spec(named: call.name) else { throw unknownCommand(call) }
        let signature = spec.signature
        if !signature.takesCondition {
            let required = signature.positional.filter { !$0.optional && !$0.variadic }.count
            let variadic = signature.positional.contains { $0.variadic }
            if call.positional.count < required {
                let missing = signature.positional[call.positional.count]
                throw ScriptError.runtime("'\(call.name)' needs \(missing.name.uppercased()): \(missing.help) (usage: \(spec.usage))", call.nameRange)
            }
            if !variadic, call.positional.count > signature.positional.count {
                throw ScriptError.runtime(
                    "'\(call.name)' takes \(signature.positional.count) argument\(signature.positional.count == 1 ? "" : "s") (usage: \(spec.usage))",
                    call.positional[signature.positional.count].range)
            }
        }
        if let missing = signature.missingFlag(given: Set(call.flags.map(\.name))) {
            throw ScriptError.runtime("'\(call.name)' needs \(missing) (help \(call.name) shows the rest)", call.nameRange)
        }
        var flags: [String: Value] = [:]
        for flag in call.flags { flags[flag.name] = try flag.value.map { try evaluate($0, row: nil) } ?? .bool(true) }
        let positional = signature.takesCondition ? [] : try call.positional.map { try evaluate($0, row: nil) }
        return try spec.run(
            Invocation(
                interpreter: self, call: call, input: input, positional: positional, flags: flags, expressions: call.positional,
                signature: signature))
    }

    // MARK: Expressions

    /// Evaluates an expression; inside `where`, bare words name the fields of `row`.
    public func evaluate(_ expression: Expression, row: Record?) throws -> Value {
        switch expression {
        case .literal(let value, _): return value
        case .word(let word, _):
            if let row, let value = row[word] { return value }
            if let row {
                let hint =
                    NearMiss.closest(to: word, among: row.fields.map(\.name)).map { "; did you mean '\($0)'?" }
                    ?? "; the columns are \(row.fields.map(\.name).joined(separator: ", "))"
                throw ScriptError.runtime("no column '\(word)'\(hint)", expression.range)
            }
            return .string(word)
        case .string(let segments, _):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let t): text += t
                case .expression(let e): text += try evaluate(e, row: row).text
                }
            }
            return .string(text)
        case .variable(let name, let path, let range):
            guard var value = lookup(name) else {
                let known = scopes.flatMap(\.keys)
                let hint = NearMiss.closest(to: name, among: known).map { "; did you mean '$\($0)'?" } ?? ""
                throw ScriptError.runtime("variable '$\(name)' is not defined\(hint)", range)
            }
            for field in path { value = try Self.access(value, field, range) }
            return value
        case .list(let items, _): return .list(try items.map { try evaluate($0, row: row) })
        case .record(let fields, _): return .record(Record(try fields.map { ($0.0, try evaluate($0.1, row: row)) }))
        case .subexpression(let pipeline, _): return try evaluate(pipeline)
        case .block(let block, _):
            blockCounter += 1
            return .block(BlockValue(block: block, id: blockCounter))
        case .not(let operand, _): return .bool(!(try evaluate(operand, row: row).isTruthy))
        case .binary(let op, let left, let right, let range):
            let l = try evaluate(left, row: row)
            if op == "and" { return .bool(try l.isTruthy && evaluate(right, row: row).isTruthy) }
            if op == "or" { return .bool(try l.isTruthy || evaluate(right, row: row).isTruthy) }
            // `where status == open`: a bare word on the right that is not a column is the word.
            if case .word(let word, _) = right, let row, row[word] == nil { return try Operators.apply(op, l, .string(word), range) }
            return try Operators.apply(op, l, try evaluate(right, row: row), range)
        }
    }

    private func lookup(_ name: String) -> Value? {
        for scope in scopes.reversed() { if let value = scope[name] { return value } }
        return nil
    }

    static func access(_ value: Value, _ field: String, _ range: SourceRange) throws -> Value {
        switch value {
        case .record(let record):
            guard let found = record[field] else {
                let hint = NearMiss.closest(to: field, among: record.fields.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError.runtime("no field '\(field)'\(hint)", range)
            }
            return found
        case .list, .table:
            let rows = value.rows
            if let index = Int(field) {
                guard index >= 0 && index < rows.count else {
                    throw ScriptError.runtime("index \(index) is out of range: there are \(rows.count) items", range)
                }
                return rows[index]
            }
            return .list(try rows.map { try access($0, field, range) })
        default:
            throw ScriptError.runtime("\(value.withArticle) has no field '\(field)'", range)
        }
    }
}
