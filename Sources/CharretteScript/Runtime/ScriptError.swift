import Foundation

/// An error in a script, located at the place it points to.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case syntax, runtime }

    public let kind: Kind
    public let message: String
    public let range: SourceRange?
    /// The script the range points into, once known.
    public var source: Source?
    /// The error of the library the command met, such as a `CharretteError` a rule gave: a
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

extension ScriptError: LocalizedError {
    /// The message with where it happened, as the shell prints it.
    public var errorDescription: String? { render() }
}
