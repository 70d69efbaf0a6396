import Charrette
import CharretteSupport

/// Turns tokens into statements. Command signatures decide which flags take a value, so the
/// parser asks the registry; everything else about commands is checked when they run.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// How deep the parser has recursed: bounded, so that `((((...` is an error, not a crash.
    private var depth = 0
    static let maximumNesting = 64

    private mutating func enter(_ token: Token) throws {
        depth += 1
        guard depth <= Self.maximumNesting else {
            throw ScriptError.syntax("this nests more than \(Self.maximumNesting) levels deep", token.range)
        }
    }
    private let registry: CommandRegistry

    public init(tokens: [Token], registry: CommandRegistry) {
        self.tokens = tokens
        self.registry = registry
    }

    /// Whether `text` stops inside a string, a block, a list or parentheses, or ends with `\`: the
    /// shell then asks for another line. Uses the lexer's own rules (`#3` is an idea, not a comment).
    public static func needsMoreInput(_ text: String) -> Bool {
        let source = Source(name: "", text: text)
        if source.text.hasSuffix("\\") { return true }
        do {
            var depth = 0
            for token in try Lexer.tokens(of: source.text) {
                switch token.kind {
                case .leftBrace, .leftParen, .leftBracket: depth += 1
                case .rightBrace, .rightParen, .rightBracket: depth -= 1
                default: break
                }
            }
            return depth > 0
        } catch let error as ScriptError {
            return error.message.contains("never closed")
        } catch {
            return false
        }
    }

    /// Parses a whole script.
    public static func parse(_ source: Source, registry: CommandRegistry) throws -> Block {
        var parser = Parser(tokens: try Lexer.tokens(of: source.text), registry: registry)
        let block = try parser.statements(until: nil)
        return block
    }

    private var current: Token { tokens[position] }
    private func peekKind(_ offset: Int = 1) -> Token.Kind { tokens[min(position + offset, tokens.count - 1)].kind }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isWord(_ text: String) -> Bool {
        if case .word(text) = current.kind { return true }
        return false
    }

    private mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    private mutating func expect(_ kind: Token.Kind, _ description: String) throws -> Token {
        guard current.kind == kind else { throw ScriptError.syntax("expected \(description), found \(Self.describe(current))", current.range) }
        return advance()
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .word(let w): "'\(w)'"
        case .string: "a string"
        case .integer(let i): "\(i)"
        case .decimal(let d): "\(d)"
        case .duration: "a duration"
        case .ideaReference(let i): "#\(i)"
        case .participantReference(let h): "@\(h)"
        case .variable(let v): "$\(v)"
        case .flag(let f): "--\(f)"
        case .symbol(let s): "'\(s)'"
        case .pipe: "'|'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .colon: "':'"
        case .dot: "'.'"
        case .newline: "the end of the line"
        case .end: "the end of the script"
        }
    }

    // MARK: Statements

    /// Statements until `terminator` (a closing brace) or the end.
    private mutating func statements(until terminator: Token.Kind?, opening: SourceRange? = nil) throws -> Block {
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if current.kind == .end {
                if terminator != nil { throw ScriptError.syntax("this block is never closed: add '}'", opening ?? current.range) }
                return Block(statements: statements)
            }
            if let terminator, current.kind == terminator {
                advance()
                return Block(statements: statements)
            }
            statements.append(try statement())
            switch current.kind {
            case .newline, .end: break
            case .rightBrace where terminator != nil: break
            default: throw ScriptError.syntax("unexpected \(Self.describe(current)) after the end of the command", current.range)
            }
        }
    }

    private mutating func statement() throws -> Statement {
        try enter(current)
        defer { depth -= 1 }
        let start = current.range
        if isWord("let") {
            advance()
            guard case .word(let name) = current.kind else { throw ScriptError.syntax("expected a variable name after 'let'", current.range) }
            advance()
            guard current.kind == .symbol("=") else { throw ScriptError.syntax("expected '=' after 'let \(name)'", current.range) }
            advance()
            return .letBinding(name, try pipeline(), start)
        }
        if isWord("if") { return try ifStatement() }
        if isWord("for") {
            advance()
            guard case .word(let name) = current.kind else { throw ScriptError.syntax("expected a variable name after 'for'", current.range) }
            advance()
            guard isWord("in") else { throw ScriptError.syntax("expected 'in' after 'for \(name)'", current.range) }
            advance()
            let sequence = try primary()
            return .forLoop(name, sequence, try block(), start)
        }
        if isWord("def") {
            advance()
            guard case .word(let name) = current.kind else { throw ScriptError.syntax("expected a command name after 'def'", current.range) }
            advance()
            var parameters: [String] = []
            if current.kind == .leftBracket {
                advance()
                while current.kind != .rightBracket {
                    guard case .word(let parameter) = current.kind else {
                        throw ScriptError.syntax("expected a parameter name, found \(Self.describe(current))", current.range)
                    }
                    parameters.append(parameter)
                    advance()
                    if current.kind == .comma { advance() }
                }
                advance()
            }
            return .definition(name: name, parameters: parameters, body: try block(), start)
        }
        return .pipeline(try pipeline())
    }

    private mutating func ifStatement() throws -> Statement {
        let start = advance().range
        let condition = try expression()
        let then = try block()
        var otherwise: Block?
        var lookahead = position
        while tokens[lookahead].kind == .newline { lookahead += 1 }
        if case .word("else") = tokens[lookahead].kind {
            position = lookahead
            advance()
            otherwise = isWord("if") ? Block(statements: [try ifStatement()]) : try block()
        }
        return .ifElse(condition, then, otherwise, start)
    }

    private mutating func block() throws -> Block {
        guard current.kind == .leftBrace else { throw ScriptError.syntax("expected '{' to start a block, found \(Self.describe(current))", current.range) }
        let opening = advance().range
        return try statements(until: .rightBrace, opening: opening)
    }

    // MARK: Pipelines and commands

    mutating func pipeline() throws -> Pipeline {
        let start = current.range
        var stages: [Pipeline.Stage] = []
        repeat {
            if !stages.isEmpty {
                advance()  // the pipe
                skipNewlines()
            }
            if case .word(let name) = current.kind, !["true", "false", "null", "not"].contains(name) {
                stages.append(.command(try command()))
            } else if stages.isEmpty {
                stages.append(.expression(try expression()))
            } else {
                throw ScriptError.syntax("expected a command after '|', found \(Self.describe(current))", current.range)
            }
        } while current.kind == .pipe
        return Pipeline(stages: stages, range: start)
    }

    private mutating func command() throws -> CommandCall {
        let nameToken = advance()
        guard case .word(var name) = nameToken.kind else { fatalError("command() called on a non-word") }
        var nameRange = nameToken.range
        if case .word(let sub) = current.kind, registry.spec(named: "\(name) \(sub)") != nil {
            name += " \(sub)"
            nameRange = SourceRange(nameToken.range.start, length: nameToken.range.length + 1 + current.range.length)
            advance()
        }
        let spec = registry.spec(named: name)
        var positional: [Expression] = []
        var flags: [(name: String, value: Expression?, range: SourceRange)] = []
        while true {
            switch current.kind {
            case .newline, .end, .pipe, .rightBrace, .rightParen:
                return CommandCall(name: name, nameRange: nameRange, positional: positional, flags: flags)
            case .flag(let flagName):
                let flagToken = advance()
                if flagName == "help" {
                    flags.append((flagName, nil, flagToken.range))
                    continue
                }
                guard let spec else {
                    // A command defined with def (or not at all): kept for the interpreter, which refuses it by name.
                    flags.append((flagName, nil, flagToken.range))
                    continue
                }
                guard let flag = spec.signature.flag(named: flagName) else {
                    let names = spec.signature.flags.map(\.name)
                    let hint =
                        NearMiss.closest(to: flagName, among: names).map { "; did you mean --\($0)?" }
                        ?? (names.isEmpty ? "; it takes no flags" : "; it takes " + names.map { "--\($0)" }.joined(separator: ", "))
                    throw ScriptError.syntax("unknown flag --\(flagName) for '\(name)'\(hint)", flagToken.range)
                }
                if flag.takesValue {
                    guard ![.newline, .end, .pipe].contains(current.kind), !isFlag(current) else {
                        throw ScriptError.syntax("--\(flag.name) needs a value: \(flag.valueName)", flagToken.range)
                    }
                    // `--board youth,exec` is a list, as `--board [youth, exec]` is.
                    var value = try primary()
                    if current.kind == .comma {
                        var items = [value]
                        while current.kind == .comma {
                            _ = advance()
                            items.append(try primary())
                        }
                        let last = items.last!.range
                        let length = last.start.line == value.range.start.line ? last.start.column + last.length - value.range.start.column : value.range.length
                        value = .list(items, SourceRange(value.range.start, length: length))
                    }
                    flags.append((flag.name, value, flagToken.range))
                } else {
                    flags.append((flag.name, nil, flagToken.range))
                }
            default:
                if spec?.signature.takesCondition == true {
                    positional.append(try expression())
                } else {
                    positional.append(try primary())
                }
            }
        }
    }

    private func isFlag(_ token: Token) -> Bool {
        if case .flag = token.kind { return true }
        return false
    }

    // MARK: Expressions

    mutating func expression() throws -> Expression { try orExpression() }

    private mutating func orExpression() throws -> Expression {
        var left = try andExpression()
        while isWord("or") {
            let op = advance()
            left = .binary("or", left, try andExpression(), op.range)
        }
        return left
    }

    private mutating func andExpression() throws -> Expression {
        var left = try notExpression()
        while isWord("and") {
            let op = advance()
            left = .binary("and", left, try notExpression(), op.range)
        }
        return left
    }

    private mutating func notExpression() throws -> Expression {
        try enter(current)
        defer { depth -= 1 }
        if isWord("not") {
            let op = advance()
            return .not(try notExpression(), op.range)
        }
        return try comparison()
    }

    private mutating func comparison() throws -> Expression {
        let left = try additive()
        if case .symbol(let op) = current.kind, ["==", "!=", "<", "<=", ">", ">="].contains(op) {
            let token = advance()
            return .binary(op, left, try additive(), token.range)
        }
        if case .word(let op) = current.kind, ["in", "contains", "starts-with"].contains(op) {
            let token = advance()
            return .binary(op, left, try additive(), token.range)
        }
        if current.kind == .symbol("=") {
            throw ScriptError.syntax("'=' assigns only in 'let'; compare with '=='", current.range)
        }
        return left
    }

    private mutating func additive() throws -> Expression {
        var left = try multiplicative()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            let token = advance()
            left = .binary(op, left, try multiplicative(), token.range)
        }
        return left
    }

    private mutating func multiplicative() throws -> Expression {
        var left = try primary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" {
            let token = advance()
            left = .binary(op, left, try primary(), token.range)
        }
        return left
    }

    mutating func primary() throws -> Expression {
        let token = current
        try enter(token)
        defer { depth -= 1 }
        switch token.kind {
        case .integer(let i): advance(); return .literal(.integer(i), token.range)
        case .decimal(let d): advance(); return .literal(.decimal(d), token.range)
        case .duration(let s): advance(); return .literal(.duration(s), token.range)
        case .ideaReference(let i):
            advance()
            let idea = Expression.literal(.idea(Idea_ID(i)), token.range)
            // `#4:3` pairs an idea with an amount (dots, scores) or a position (`#4:agree`).
            guard current.kind == .colon, !current.followsSpace else { return idea }
            advance()
            return .record([("idea", idea), ("value", try primary())], token.range)
        case .participantReference(let h): advance(); return .literal(.participant(h.lowercased()), token.range)
        case .word("true"): advance(); return .literal(.bool(true), token.range)
        case .word("false"): advance(); return .literal(.bool(false), token.range)
        case .word("null"): advance(); return .literal(.null, token.range)
        case .word(let w): advance(); return .word(w, token.range)
        case .symbol("-"):
            advance()
            let operand = try primary()
            return .binary("-", .literal(.integer(0), token.range), operand, token.range)
        case .string(let parts):
            advance()
            var segments: [Expression.Segment] = []
            for part in parts {
                switch part {
                case .text(let text): segments.append(.text(text))
                case .interpolation(let source, let origin):
                    var inner = Parser(tokens: try Lexer.tokens(of: source, origin: origin), registry: registry)
                    let pipeline = try inner.pipeline()
                    guard inner.current.kind == .end else {
                        throw ScriptError.syntax("unexpected \(Self.describe(inner.current)) in '{...}'", inner.current.range)
                    }
                    segments.append(.expression(.subexpression(pipeline, SourceRange(origin))))
                }
            }
            return .string(segments, token.range)
        case .variable(let name):
            advance()
            var path: [String] = []
            while current.kind == .dot, !current.followsSpace {
                advance()
                switch current.kind {
                case .word(let field): path.append(contentsOf: field.split(separator: ".").map(String.init))
                case .integer(let index): path.append(String(index))
                default: throw ScriptError.syntax("expected a field name after '.'", current.range)
                }
                advance()
            }
            return .variable(name, path: path, token.range)
        case .leftParen:
            advance()
            skipNewlines()
            let inner = try pipeline()
            skipNewlines()
            _ = try expect(.rightParen, "')' to close the '(' at \(token.range.start)")
            return .subexpression(inner, token.range)
        case .leftBracket:
            advance()
            var items: [Expression] = []
            skipNewlines()
            while current.kind != .rightBracket {
                if current.kind == .end { throw ScriptError.syntax("this list is never closed: add ']'", token.range) }
                items.append(try expression())
                skipNewlines()
                if current.kind == .comma { advance(); skipNewlines() }
            }
            advance()
            return .list(items, token.range)
        case .leftBrace:
            if isRecordStart() { return try record() }
            return .block(try block(), token.range)
        default:
            throw ScriptError.syntax("expected a value, found \(Self.describe(token))", token.range)
        }
    }

    private func isRecordStart() -> Bool {
        var offset = 1
        while tokens[min(position + offset, tokens.count - 1)].kind == .newline { offset += 1 }
        let first = peekKind(offset)
        if first == .rightBrace { return false }
        switch first {
        case .word, .string: return peekKind(offset + 1) == .colon
        default: return false
        }
    }

    private mutating func record() throws -> Expression {
        let start = advance().range
        var fields: [(String, Expression)] = []
        skipNewlines()
        while current.kind != .rightBrace {
            let key: String
            switch current.kind {
            case .word(let w): key = w
            case .string(let parts):
                key = parts.map { if case .text(let t) = $0 { t } else { "" } }.joined()
            default: throw ScriptError.syntax("expected a field name, found \(Self.describe(current))", current.range)
            }
            advance()
            _ = try expect(.colon, "':' after the field name")
            fields.append((key, try expression()))
            skipNewlines()
            if current.kind == .comma { advance(); skipNewlines() }
            if current.kind == .end { throw ScriptError.syntax("this record is never closed: add '}'", start) }
        }
        advance()
        return .record(fields, start)
    }
}

private typealias Idea_ID = Idea.ID
