import Charrette
import CharretteSupport
import Foundation

/// One call of a command: its evaluated arguments, the value piped in, and the interpreter.
public struct Invocation {
    public let interpreter: Interpreter
    public let call: CommandCall
    /// The value of the previous pipeline stage, or `.null`.
    public let input: Value
    public let positional: [Value]
    private let given: [String: Value]
    /// The unevaluated positional arguments, for commands such as `where` that evaluate per row.
    public let expressions: [Expression]
    /// The command's signature: a flag read must be one it declares.
    let signature: Signature?

    init(
        interpreter: Interpreter, call: CommandCall, input: Value, positional: [Value], flags: [String: Value],
        expressions: [Expression], signature: Signature?
    ) {
        (self.interpreter, self.call, self.input, self.positional) = (interpreter, call, input, positional)
        (self.given, self.expressions, self.signature) = (flags, expressions, signature)
    }

    /// The flags given, by name. Reading one the signature does not declare is a mistake in the
    /// command (a misspelt name would read as "not given"), stopped in debug builds, which the
    /// tests run.
    var flags: FlagLookup { FlagLookup(given: given, signature: signature, command: call.name) }

    struct FlagLookup {
        let given: [String: Value]
        let signature: Signature?
        let command: String

        subscript(name: String) -> Value? {
            assert(signature == nil || signature?.flag(named: name) != nil, "'\(command)' reads --\(name), which its signature does not declare")
            return given[name]
        }
    }

    /// Whether the switch `--name` was given.
    public func has(_ name: String) -> Bool { flags[name] != nil }

    /// The value of `--name`, if given.
    public func flag(_ name: String) -> Value? { flags[name] }

    /// An error at the command's name, or at its positional argument `index`; `underlying` is the
    /// library's error it reports, for a caller to catch.
    public func error(_ message: String, at index: Int? = nil, underlying: (any Error)? = nil) -> ScriptError {
        let range = index.flatMap { $0 < call.positional.count ? call.positional[$0].range : nil } ?? call.nameRange
        return .runtime(message, range, underlying: underlying)
    }

    /// An error at the value of the flag `--name` (at the command's name if it was not given).
    public func flagError(_ name: String, _ message: String, underlying: (any Error)? = nil) -> ScriptError {
        let flag = call.flags.first { $0.name == name }
        return .runtime(message, flag?.value?.range ?? flag?.range ?? call.nameRange, underlying: underlying)
    }

    /// A file the script reads, relative to the script's folder (so a session ships with its
    /// files), with `~` expanded.
    public func scriptRelativePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (interpreter.directory as NSString).appendingPathComponent(expanded)
    }

    /// A file or folder a command writes, relative to the interpreter's output directory (the
    /// working directory, as in any shell), with `~` expanded. The rule for every command: what a
    /// script reads is found beside the script, what it writes lands where it is run.
    public func outputPath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (interpreter.outputDirectory as NSString).appendingPathComponent(expanded)
    }

    // MARK: Typed access

    public func string(_ index: Int, _ what: String) throws -> String {
        guard index < positional.count else { throw error("'\(call.name)' needs \(what)") }
        switch positional[index] {
        case .string(let s): return s
        case .integer, .decimal: return positional[index].text
        case let other: throw error("expected \(what) (a string), found \(other.withArticle)", at: index)
        }
    }

    public func optionalString(_ index: Int, _ what: String) throws -> String? {
        index < positional.count ? try string(index, what) : nil
    }

    public func flagString(_ name: String) throws -> String? {
        guard let value = flags[name] else { return nil }
        switch value {
        case .string(let s): return s
        case .integer, .decimal: return value.text
        case .participant(let handle): return handle
        case let other: throw flagError(name, "--\(name) takes a string, not \(other.withArticle)")
        }
    }

    /// The value of a flag the signature requires (the interpreter has checked it was given).
    public func requiredString(_ name: String) throws -> String {
        guard let value = try flagString(name) else { throw error("'\(call.name)' needs --\(name)") }
        return value
    }

    public func flagInt(_ name: String) throws -> Int? {
        guard let value = flags[name] else { return nil }
        guard case .integer(let i) = value else { throw flagError(name, "--\(name) takes a whole number, not \(value.withArticle)") }
        return i
    }

    /// One of the values a setting takes, from `--name WORD`, with the closest one suggested.
    public func flagChoice<Choice: RawRepresentable & CaseIterable>(_ name: String, as: Choice.Type) throws -> Choice?
    where Choice.RawValue == String {
        guard let word = try flagString(name) else { return nil }
        if let choice = Choice(rawValue: word) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        let hint = NearMiss.closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
        throw flagError(name, "--\(name) takes \(names.joined(separator: ", ")), not '\(word)'\(hint)")
    }

    /// A share from `--name T`: a number above 0 and at most 1.
    public func flagFraction(_ name: String) throws -> Double? {
        let value: Double
        switch flags[name] {
        case nil: return nil
        case .decimal(let t)?: value = t
        case .integer(let t)?: value = Double(t)
        case let other?: throw flagError(name, "--\(name) takes a number from 0 to 1, not \(other.withArticle)")
        }
        guard value > 0 && value <= 1 else { throw flagError(name, "--\(name) must be above 0 and at most 1") }
        return value
    }

    /// A list of strings from `--name a,b` or `--name [a, b]`.
    public func flagList(_ name: String) throws -> [String]? {
        guard let value = flags[name] else { return nil }
        switch value {
        case .string(let s): return s.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .list(let items): return items.map(\.text)
        case let other: throw flagError(name, "--\(name) takes names, not \(other.withArticle)")
        }
    }

    public func idea(_ index: Int) throws -> Idea.ID {
        guard index < positional.count else { throw error("'\(call.name)' needs an idea, such as #12") }
        guard case .idea(let id) = positional[index] else {
            throw error("expected an idea such as #12, found \(positional[index].withArticle)", at: index)
        }
        return id
    }

    public func flagIdea(_ name: String) throws -> Idea.ID? {
        guard let value = flags[name] else { return nil }
        guard case .idea(let id) = value else { throw flagError(name, "--\(name) takes an idea such as #12, not \(value.withArticle)") }
        return id
    }

    /// A participant's handle from `@amira` or `amira`.
    public func handle(_ index: Int) throws -> String {
        guard index < positional.count else { throw error("'\(call.name)' needs a participant, such as @amira") }
        switch positional[index] {
        case .participant(let handle), .string(let handle): return handle
        case let other: throw error("expected a participant such as @amira, found \(other.withArticle)", at: index)
        }
    }

    /// Runs a change on the workspace, as this interpreter's actor.
    public func perform<T: Sendable>(_ body: (inout Transaction) throws -> T) throws -> T {
        do {
            return try interpreter.perform(body)
        } catch let error as CharretteError {
            throw ScriptError.runtime(error.description, range(of: error), underlying: error)
        } catch let error as ScriptError {
            throw error
        } catch {
            // The journal or the store: still said at the command that met it.
            throw ScriptError.runtime(interpreter.describe(error), call.nameRange, underlying: error)
        }
    }

    /// Where in the call the thing an error is about was written, or the command's name.
    func range(of error: CharretteError) -> SourceRange {
        if case .invalidSetting(let setting, _) = error, let flag = call.flags.first(where: { $0.name == setting }) {
            return flag.value?.range ?? flag.range
        }
        let subject: Value?
        switch error {
        case .unknownIdea(let id), .ideaNotOpen(let id, _), .ideaOnOpenBallot(let id, _), .notACandidate(let id, _),
            .mergeIntoItself(let id), .alreadyInTheme(let id, _), .duplicateCandidate(let id), .ideaInOtherConsultation(let id, _):
            subject = .idea(id)
        case .unknownParticipant(let handle), .handleTaken(let handle): subject = .participant(handle)
        case .unknownTheme(let label), .themeLabelTaken(let label): subject = .string(label)
        case .unknownBoard(let name), .boardNameTaken(let name): subject = .string(name)
        default: subject = nil
        }
        guard let subject else { return call.nameRange }
        func mentions(_ value: Value) -> Bool {
            if Operators.equal(value, subject) { return true }
            if case .string(let text) = value, case .string(let wanted) = subject { return text.caseInsensitiveCompare(wanted) == .orderedSame }
            if case .string(let text) = value, text.split(separator: ",").contains(where: { Operators.equal(.string(String($0)), subject) }) { return true }
            if case .record(let pair) = value, let idea = pair["idea"] { return mentions(idea) }
            if case .list(let items) = value { return items.contains(where: mentions) }
            return false
        }
        for (index, value) in positional.enumerated() where mentions(value) && index < call.positional.count {
            return call.positional[index].range
        }
        for flag in call.flags {
            if let value = given[flag.name], mentions(value) { return flag.value?.range ?? flag.range }
        }
        return call.nameRange
    }

    /// The consultation commands act on: the current one (opened, imported or chosen with
    /// `consultation use` in this session), else the newest. When the workspace holds several and
    /// none was chosen, the first command to act on one says which it takes, and it becomes the
    /// current one.
    public func consultation(announcing: Bool = true) throws -> Consultation.ID {
        let consultations = interpreter.workspace.state.consultations
        if let id = interpreter.consultation, consultations[id] != nil { return id }
        guard let latest = consultations.keys.max() else {
            throw error("there is no consultation yet: start one with consultation open \"TITLE\" --question \"...\"")
        }
        guard announcing else { return latest }
        if consultations.count > 1 {
            try interpreter.show(
                "note: acting on consultation \(latest.rawValue) '\(consultations[latest]!.title)', the newest of \(consultations.count); "
                    + "consultation use TITLE chooses another")
        }
        interpreter.consultation = latest
        return latest
    }
}
