/// The syntax tree of a script. Every node keeps where it came from, for error messages.
public indirect enum Expression: Sendable {
    case literal(Value, SourceRange)
    /// A bare word: text as an argument, a column name in a condition.
    case word(String, SourceRange)
    case string([Segment], SourceRange)
    /// `$name` followed by `.field` accesses.
    case variable(String, path: [String], SourceRange)
    case list([Expression], SourceRange)
    case record([(String, Expression)], SourceRange)
    /// `( pipeline )`
    case subexpression(Pipeline, SourceRange)
    case block(Block, SourceRange)
    case binary(String, Expression, Expression, SourceRange)
    case not(Expression, SourceRange)

    public enum Segment: Sendable {
        case text(String)
        case expression(Expression)
    }

    public var range: SourceRange {
        switch self {
        case .literal(_, let r), .word(_, let r), .string(_, let r), .variable(_, _, let r), .list(_, let r),
            .record(_, let r), .subexpression(_, let r), .block(_, let r), .binary(_, _, _, let r), .not(_, let r):
            r
        }
    }
}

/// A command with its arguments, as one stage of a pipeline.
public struct CommandCall: Sendable {
    /// The command's full name, such as `idea add`.
    public let name: String
    public let nameRange: SourceRange
    public let positional: [Expression]
    /// Flags by name (without dashes), each with its value (`nil` for a switch) and place.
    public let flags: [(name: String, value: Expression?, range: SourceRange)]
}

/// A pipeline: an optional leading expression, then commands each fed the previous value.
public struct Pipeline: Sendable {
    public enum Stage: Sendable {
        case command(CommandCall)
        case expression(Expression)
    }
    public let stages: [Stage]
    public let range: SourceRange
}

public indirect enum Statement: Sendable {
    case pipeline(Pipeline)
    case letBinding(String, Pipeline, SourceRange)
    case ifElse(Expression, Block, Block?, SourceRange)
    case forLoop(String, Expression, Block, SourceRange)
    case definition(name: String, parameters: [String], body: Block, SourceRange)

    public var range: SourceRange {
        switch self {
        case .pipeline(let p): p.range
        case .letBinding(_, _, let r), .ifElse(_, _, _, let r), .forLoop(_, _, _, let r), .definition(_, _, _, let r): r
        }
    }
}

public struct Block: Sendable {
    public let statements: [Statement]
}
