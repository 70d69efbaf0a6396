/// User-written text made safe in HTML: the one escaping the report and the live room share.
public enum HTMLText {
    /// `text` for element content or a quoted attribute: markup characters escaped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped and isolated in `<bdi>`, for someone's text inside a line of other text: a
    /// right-to-left override in it cannot reorder what follows (an entity for the override would
    /// not help: the browser reads it as the same character).
    public static func isolated(_ text: String) -> String { "<bdi>" + escaped(text) + "</bdi>" }
}
