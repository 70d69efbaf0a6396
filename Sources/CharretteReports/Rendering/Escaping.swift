import CharretteSupport

/// Making user-written text safe in each output.
///
/// HTML and SVG escape markup characters; Markdown also escapes its own syntax so a text cannot
/// become a link, an image or a table cell. Right-to-left overrides and other direction controls
/// in someone's text must not reorder what follows it: HTML isolates each text in `<bdi>`
/// (in the templates), Markdown wraps it in first-strong isolates, and chart labels drop them.
public enum Escaping {
    /// Direction controls: embeddings, overrides, isolates and marks.
    static let directionControls: Set<Unicode.Scalar> = Set(
        (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }
            + [Unicode.Scalar(0x200E)!, Unicode.Scalar(0x200F)!, Unicode.Scalar(0x061C)!])

    /// Text for HTML element content or a quoted attribute.
    public static func html(_ text: String) -> String { HTMLText.escaped(text) }

    /// Text for an SVG label: escaped, without direction controls, on one line, and cut to
    /// `limit` characters with an ellipsis (the full text is in the report's tables).
    static func chartLabel(_ text: String, limit: Int = 48) -> String { html(plain(text, limit: limit)) }

    /// Text on one line without direction controls, cut to `limit` characters with an ellipsis.
    static func plain(_ text: String, limit: Int) -> String {
        var plain = String(String.UnicodeScalarView(text.unicodeScalars.filter { !directionControls.contains($0) }))
        plain = plain.split(whereSeparator: \.isNewline).joined(separator: " ")
        if plain.count > limit { plain = String(plain.prefix(limit - 1)) + "…" }
        return plain
    }

    /// Text for Markdown, in a paragraph, a list item or a table cell: markup and Markdown
    /// syntax escaped, line breaks as spaces, and the text isolated from its neighbours' direction.
    /// A template may put the text at the start of a line, so what would begin a heading, quote,
    /// list or rule there is escaped too.
    public static func markdown(_ text: String) -> String {
        var out = ""
        var leading = true  // only spaces so far
        var digits = false  // only spaces, then digits, so far: "1." would start a list
        for scalar in text.unicodeScalars {
            if leading, scalar != " " {
                leading = false
                if "#>-+=".unicodeScalars.contains(scalar) { out += "\\" }
                digits = ("0"..."9").contains(scalar)
            } else if digits, !("0"..."9").contains(scalar) {
                digits = false
                if scalar == "." || scalar == ")" { out += "\\" }
            }
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            // Emphasis, code, links and images, table cells, strikethrough.
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.contains(where: directionControls.contains) ? "\u{2068}" + out + "\u{2069}" : out
    }
}
