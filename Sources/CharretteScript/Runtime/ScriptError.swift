import Foundation

/// An error in a script, located at the place it points to.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case syntax, runtime }

    public let kind: Kind
    public let message: String
    public let range: SourceRange?
    /// The script the range points into, once known.
    public var source: Source?
    /// The error of the library the command met, such as a ``CharretteError`` a rule gave: a
    /// caller catches the case here, while ``message`` says it in the script's words.
    public let underlying: (any Error)?

    public init(_ kind: Kind, _ message: String, _ range: SourceRange?, source: Source? = nil, underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.source = source
        self.underlying = underlying
    }

    static func syntax(_ message: String, _ range: SourceRange) -> ScriptError { ScriptError(.syntax, message, range) }
    static func runtime(_ message: String, _ range: SourceRange?, underlying: (any Error)? = nil) -> ScriptError {
        ScriptError(.runtime, message, range, underlying: underlying)
    }

    public var description: String { render() }

    /// `FILE:LINE:COL: error: MESSAGE`, then the source line and a caret under the place.
    public func render() -> String {
        guard let range, let source else { return "error: \(message)" }
        let line = source.line(range.start.line)
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let lineCharacters = Array(line)
        let caretStart = min(max(range.start.column - 1, 0), lineCharacters.count)
        let caretLength = min(range.length, max(1, lineCharacters.count - caretStart))
        // Tabs before the caret keep their width so the caret lines up.
        let padding = String(lineCharacters[0..<caretStart].map { $0 == "\t" ? "\t" : " " })
        return """
            \(source.name):\(range.start.line):\(range.start.column): error: \(message)
             \(number) | \(line)
             \(gutter) | \(padding)\(String(repeating: "^", count: caretLength))
            """
    }
}

/// Near misses for "did you mean ...?".
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Damerau-Levenshtein distance (with adjacent swaps), so 'idae' is one step from 'idea'.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

extension ScriptError: LocalizedError {
    /// The message with where it happened, as the shell prints it.
    public var errorDescription: String? { render() }
}
