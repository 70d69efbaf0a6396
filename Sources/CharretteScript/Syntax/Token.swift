/// One lexical unit of the command language.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A bare word: a command name, a subcommand, a column name, or text such as `16-17`.
        case word(String)
        /// A quoted string, split into literal text and `{expression}` parts.
        case string([StringPart])
        case integer(Int)
        case decimal(Double)
        /// A duration in seconds, written `10m`, `90s`, `1h30m`.
        case duration(Int)
        /// `#12`
        case ideaReference(Int)
        /// `@amira`
        case participantReference(String)
        /// `$name`
        case variable(String)
        /// `--name` or `-x`
        case flag(String)
        /// `==`, `!=`, `<`, `<=`, `>`, `>=`, `=`, `+`, `-`, `*`, `/`
        case symbol(String)
        case pipe, leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket, comma, colon, dot
        /// A line break or `;`: the end of a statement.
        case newline
        case end
    }

    public let kind: Kind
    public let range: SourceRange
    /// Whether white space came right before this token (so `$a.b` differs from `$a .b`).
    public let followsSpace: Bool
}

/// Part of a quoted string.
public enum StringPart: Hashable, Sendable {
    case text(String)
    /// The source of an interpolated `{expression}` and where it starts.
    case interpolation(String, SourceLocation)
}
