import CharretteSupport

/// Escaping and the page frame every room page shares. Every text a person typed goes through
/// ``HTML/escape(_:)`` (the report's rules, `HTMLText`), and through ``HTML/isolate(_:)`` inside a
/// line of other text; nothing is ever inserted raw.
enum HTML {
    /// `text` safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String { HTMLText.escaped(text) }

    /// Someone's text inside a line of other text, isolated so its direction cannot leak.
    static func isolate(_ text: String) -> String { HTMLText.isolated(text) }

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
