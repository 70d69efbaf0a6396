import Charrette
import Foundation

/// Everything the shell prints from the interpreter: neutralised first (see ``TerminalText``), so
/// no text a participant wrote reaches the terminal as a command to it.
enum Output {
    static func print(_ text: String) {
        Swift.print(TerminalText.neutralised(text))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.neutralised(text) + "\n").utf8))
    }

    static func neutralised(_ text: String) -> String { TerminalText.neutralised(text) }
}
