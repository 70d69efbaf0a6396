import CharretteSupport

/// Text made safe for a terminal. Participants' words (ideas, names, theme labels, Pol.is
/// comments, anything imported) must never drive the facilitator's terminal: an escape sequence
/// in an idea could retitle the window, clear the projected screen or rewrite what it shows.
///
/// Two lines of defence: the rules refuse text holding control characters (see
/// ``Transaction/checkedText(_:kind:allowEmpty:)``), and the shell shows everything it prints
/// through ``neutralised(_:)``, for text that reached a workspace some other way.
public enum TerminalText {
    /// `text` with every control character except line feed, tab and the carriage return of a
    /// Windows line break (CR LF, as CSV output ends its lines) shown as a visible stand-in: C0
    /// controls, a lone carriage return and DEL as their Unicode Control Pictures (ESC as ␛, BEL as
    /// ␇, CR as ␍, DEL as ␡), C1 controls (U+0080 to U+009F, which some terminals obey) and the
    /// bidirectional embeddings and overrides (U+202A to U+202E, U+2066 to U+2069, which some
    /// terminals obey to reorder what they show) as �.
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isDirectionControl($0) }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isDirectionControl(scalar) {
                out.append("\u{FFFD}")
                continue
            }
            guard isControl(scalar), !(scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x7F: out.append("\u{2421}")
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    /// A character that changes the direction text is shown in: legitimate in right-to-left text
    /// (so kept in the workspace), shown neutralised in a terminal.
    public static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` without its control characters (line feed and tab kept), carriage returns ending a
    /// line as line feeds; `nil` when there were none.
    public static func stripped(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: isControl) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in normalisedLineBreaks(text).unicodeScalars where !isControl(scalar) { out.append(scalar) }
        return String(out)
    }

    /// `text` with Windows (CR LF) and old Mac (CR) line breaks as line feeds.
    public static func normalisedLineBreaks(_ text: String) -> String { LineBreaks.normalised(text) }

    /// A name for a control character in messages: "escape (U+001B)".
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0: "null", 7: "bell", 8: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x0D: "carriage return",
            0x1B: "escape", 0x7F: "delete", 0x9B: "control sequence introducer",
        ]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\(names[scalar.value] ?? "a control character") (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
    }

    /// A character a terminal may act on rather than show (line feed and tab aside).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0..<0x20, 0x7F...0x9F: true
        default: false
        }
    }
}
