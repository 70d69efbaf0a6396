/// Escaping and the page frame every room page shares. Every text a person typed goes through
/// ``HTML/escape(_:)``; nothing is ever inserted raw.
enum HTML {
    /// `text` safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Direction overrides could make a text read otherwise than it is.
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": out += "&#x\(String(c.value, radix: 16));"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A whole page: the shared style sheet, scripts only from the room itself.
    static func page(title: String, language: String, body: String, script: String? = nil) -> String {
        """
        <!doctype html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/room.css">
        \(script.map { "<script src=\"\($0)\" defer></script>" } ?? "")
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }
}
