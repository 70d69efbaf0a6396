/// Turns a script into tokens, each with its place in the source.
public struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private let origin: SourceLocation

    /// - Parameters:
    ///   - text: the source to read.
    ///   - origin: where `text` starts in its file (for interpolated expressions).
    public init(_ text: String, origin: SourceLocation = SourceLocation(line: 1, column: 1)) {
        characters = Array(text)
        line = origin.line
        column = origin.column
        self.origin = origin
    }

    public static func tokens(of text: String, origin: SourceLocation = SourceLocation(line: 1, column: 1)) throws -> [Token] {
        var lexer = Lexer(text, origin: origin)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }
    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() -> Character {
        let character = characters[index]
        index += 1
        if character == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return character
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "/" || c == "~" || c == "+"
    }

    public mutating func next() throws -> Token {
        var followsSpace = index == 0
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" {
                _ = advance()
                followsSpace = true
            } else if c == "\\", peek(1) == "\n" {
                // A backslash at the end of a line continues the statement.
                _ = advance(); _ = advance()
                followsSpace = true
            } else if c == "#", !(peek(1)?.isASCII == true && peek(1)!.isNumber) {
                while let c = peek(), c != "\n" { _ = advance() }
            } else {
                break
            }
        }
        let start = location
        let startIndex = index
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, range: SourceRange(start, length: index - startIndex), followsSpace: followsSpace)
        }
        guard let c = peek() else { return token(.end) }

        switch c {
        case "\n", ";": _ = advance(); return token(.newline)
        case "|": _ = advance(); return token(.pipe)
        case "{": _ = advance(); return token(.leftBrace)
        case "}": _ = advance(); return token(.rightBrace)
        case "(": _ = advance(); return token(.leftParen)
        case ")": _ = advance(); return token(.rightParen)
        case "[": _ = advance(); return token(.leftBracket)
        case "]": _ = advance(); return token(.rightBracket)
        case ",": _ = advance(); return token(.comma)
        case ":": _ = advance(); return token(.colon)
        case "\"": return token(.string(try quoted(start)))
        case "'": return token(.string([.text(try raw(start))]))
        case "#":
            _ = advance()
            return token(.ideaReference(try number(after: start, what: "idea number")))
        case "@":
            _ = advance()
            let name = word()
            guard !name.isEmpty else { throw ScriptError.syntax("expected a handle after '@'", SourceRange(start)) }
            return token(.participantReference(name))
        case "$":
            _ = advance()
            var name = ""
            while let c = peek(), c.isLetter || c.isNumber || c == "_" || c == "-" { name.append(advance()) }
            guard !name.isEmpty else { throw ScriptError.syntax("expected a variable name after '$'", SourceRange(start)) }
            return token(.variable(name))
        case "=", "!", "<", ">":
            _ = advance()
            if peek() == "=" {
                _ = advance()
                return token(.symbol(String(c) + "="))
            }
            if c == "!" { throw ScriptError.syntax("'!' must be followed by '=' (use 'not' to negate)", SourceRange(start)) }
            return token(.symbol(String(c)))
        case "*": _ = advance(); return token(.symbol("*"))
        case "-" where peek(1) == "-" && (peek(2)?.isLetter ?? false):
            _ = advance(); _ = advance()
            return token(.flag(word()))
        case "-" where (peek(1)?.isLetter ?? false) && followsSpace:
            _ = advance()
            return token(.flag(word()))
        case "." where !(peek(1).map(Self.isWordCharacter) ?? false) || !followsSpace:
            _ = advance()
            return token(.dot)
        default:
            break
        }
        if c.isASCII && c.isNumber {
            // After a field dot (`$a.1.10`) only digits follow: a path, not a decimal.
            if index > 0, characters[index - 1] == ".", !followsSpace {
                var digits = ""
                while let d = peek(), d.isASCII && d.isNumber { digits.append(advance()) }
                return token(Int(digits).map(Token.Kind.integer) ?? .word(digits))
            }
            return token(numberLike())
        }
        if Self.isWordCharacter(c) {
            let text = word()
            if ["+", "-", "/"].contains(text) { return token(.symbol(text)) }
            if let integer = Int(text) { return token(.integer(integer)) }
            if let decimal = Double(text), text.contains(".") { return token(.decimal(decimal)) }
            return token(.word(text))
        }
        _ = advance()
        throw ScriptError.syntax("unexpected character '\(c)'", SourceRange(start))
    }

    private mutating func word() -> String {
        var text = ""
        while let c = peek(), Self.isWordCharacter(c) {
            // A dot ends a word when it starts a field access on a variable-like word: `$a.b` is handled by
            // the variable case, so here dots stay part of words such as `outcome.html`.
            text.append(advance())
        }
        return text
    }

    private mutating func number(after start: SourceLocation, what: String) throws -> Int {
        var digits = ""
        while let c = peek(), c.isASCII && c.isNumber { digits.append(advance()) }
        guard let value = Int(digits) else {
            throw ScriptError.syntax("expected a whole number for the \(what)", SourceRange(start, length: digits.count + 1))
        }
        return value
    }

    /// A number, a duration (`10m`, `1h30m`), or a word that starts with a digit (`16-17`).
    private mutating func numberLike() -> Token.Kind {
        let text = word()
        if let integer = Int(text) { return .integer(integer) }
        if let decimal = Double(text), text.contains("."), !text.hasSuffix("."), !text.hasPrefix(".") { return .decimal(decimal) }
        if let seconds = Self.duration(text) { return .duration(seconds) }
        return .word(text)
    }

    /// Seconds in a duration such as `90s`, `10m`, `1h30m`, `2d`.
    static func duration(_ text: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
                continue
            }
            guard let value = Int(digits) else { return nil }
            let unit: Int
            switch c {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            default: return nil
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            let (sum, overflowSum) = total.addingReportingOverflow(product)
            guard !overflowSum else { return nil }
            total = sum
            digits = ""
            sawUnit = true
        }
        return sawUnit && digits.isEmpty ? total : nil
    }

    private mutating func raw(_ start: SourceLocation) throws -> String {
        _ = advance()
        var text = ""
        while let c = peek() {
            if c == "'" {
                _ = advance()
                return text
            }
            text.append(advance())
        }
        throw ScriptError.syntax("this string is never closed: add a closing '", SourceRange(start))
    }

    /// A double-quoted string: escapes `\n \t \" \\ \{ \}`, and `{expression}` parts.
    private mutating func quoted(_ start: SourceLocation) throws -> [StringPart] {
        _ = advance()
        var parts: [StringPart] = []
        var text = ""
        while let c = peek() {
            switch c {
            case "\"":
                _ = advance()
                if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
                return parts
            case "\\":
                let escapeStart = location
                _ = advance()
                guard let escaped = peek() else { break }
                _ = advance()
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\"", "\\", "{", "}": text.append(escaped)
                default:
                    throw ScriptError.syntax("unknown escape '\\\(escaped)'; use \\n, \\t, \\\", \\\\, \\{ or \\}", SourceRange(escapeStart, length: 2))
                }
            case "{":
                let braceStart = location
                _ = advance()
                let exprStart = location
                var depth = 1
                var expression = ""
                while let c = peek() {
                    if c == "{" { depth += 1 }
                    if c == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    if c == "\"" { break }
                    expression.append(advance())
                }
                guard peek() == "}" else {
                    throw ScriptError.syntax("'{' in this string is never closed: add '}' or write \\{ for a brace", SourceRange(braceStart))
                }
                _ = advance()
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.interpolation(expression, exprStart))
            default:
                text.append(advance())
            }
        }
        throw ScriptError.syntax("this string is never closed: add a closing \"", SourceRange(start))
    }
}
