/// The binary operators of conditions and arithmetic.
enum Operators {
    static func apply(_ op: String, _ l: Value, _ r: Value, _ range: SourceRange) throws -> Value {
        switch op {
        case "==": return .bool(equal(l, r))
        case "!=": return .bool(!equal(l, r))
        case "<", "<=", ">", ">=":
            guard let order = compare(l, r) else {
                throw ScriptError.runtime("cannot compare \(l.withArticle) with \(r.withArticle) using '\(op)'", range)
            }
            switch op {
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "in": return .bool(r.rows.contains { equal($0, l) } || (r.text.contains(l.text) && r.typeName == "string"))
        case "contains":
            if case .string(let s) = l { return .bool(s.localizedCaseInsensitiveContains(r.text)) }
            return .bool(l.rows.contains { equal($0, r) })
        case "starts-with": return .bool(l.text.lowercased().hasPrefix(r.text.lowercased()))
        case "+", "-", "*", "/": return try arithmetic(op, l, r, range)
        default: throw ScriptError.runtime("unknown operator '\(op)'", range)
        }
    }

    static func equal(_ l: Value, _ r: Value) -> Bool {
        switch (l, r) {
        case (.integer(let a), .decimal(let b)): Double(a) == b
        case (.decimal(let a), .integer(let b)): a == Double(b)
        case (.string(let a), .participant(let b)), (.participant(let b), .string(let a)): a.lowercased() == b || a.lowercased() == "@" + b
        default: l == r
        }
    }

    /// -1, 0 or 1, or `nil` when the two cannot be ordered.
    static func compare(_ l: Value, _ r: Value) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (l, r) {
        case (.integer(let a), .integer(let b)): return sign(a, b)
        case (.integer(let a), .decimal(let b)): return sign(Double(a), b)
        case (.decimal(let a), .integer(let b)): return sign(a, Double(b))
        case (.decimal(let a), .decimal(let b)): return sign(a, b)
        case (.duration(let a), .duration(let b)): return sign(a, b)
        case (.string(let a), .string(let b)): return sign(a.lowercased(), b.lowercased())
        case (.idea(let a), .idea(let b)): return sign(a, b)
        case (.bool(let a), .bool(let b)): return sign(a ? 1 : 0, b ? 1 : 0)
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        default: return nil
        }
    }

    static func arithmetic(_ op: String, _ l: Value, _ r: Value, _ range: SourceRange) throws -> Value {
        func overflow() -> ScriptError { .runtime("the result of '\(op)' is too large", range) }
        switch (l, r) {
        case (.integer(let a), .integer(let b)):
            let result: (Int, Bool)
            switch op {
            case "+": result = a.addingReportingOverflow(b)
            case "-": result = a.subtractingReportingOverflow(b)
            case "*": result = a.multipliedReportingOverflow(by: b)
            default:
                guard b != 0 else { throw ScriptError.runtime("division by zero", range) }
                return .decimal(Double(a) / Double(b))
            }
            if result.1 { throw overflow() }
            return .integer(result.0)
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            let a = l.number!, b = r.number!
            switch op {
            case "+": return .decimal(a + b)
            case "-": return .decimal(a - b)
            case "*": return .decimal(a * b)
            default:
                guard b != 0 else { throw ScriptError.runtime("division by zero", range) }
                return .decimal(a / b)
            }
        case (.duration(let a), .duration(let b)) where op == "+" || op == "-":
            let result = op == "+" ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
            if result.overflow { throw overflow() }
            return .duration(result.partialValue)
        case (.string(let a), _) where op == "+": return .string(a + r.text)
        default:
            throw ScriptError.runtime("cannot apply '\(op)' to \(l.withArticle) and \(r.withArticle)", range)
        }
    }
}

extension Value {
    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }
}
