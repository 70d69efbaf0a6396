import Foundation
import Mustache

/// Lays a report out as HTML or Markdown, with the built-in template or one of the user's.
public enum ReportRenderer {
    public enum Format: Sendable {
        /// One self-contained HTML page.
        case html
        /// The same report in Markdown.
        case markdown
    }

    /// A template that cannot be read: where, and why.
    public struct TemplateError: Error, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let description: String
    }

    /// The built-in template of `format`, for users to copy and restyle.
    public static func defaultTemplate(_ format: Format) -> String {
        switch format {
        case .html: HTMLTemplate.text
        case .markdown: MarkdownTemplate.text
        }
    }

    /// The report laid out with `template` (Mustache), or the built-in template of `format`.
    ///
    /// In HTML templates `{{name}}` escapes what it inserts, scalar by scalar. A template that
    /// starts with `{{% CONTENT_TYPE: MARKDOWN}}` escapes for Markdown instead, as the built-in
    /// one does.
    public static func render(_ report: OutcomeReport, as format: Format, template: String? = nil) throws(TemplateError) -> String {
        MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContent(), named: "CHARRETTE_HTML")
        var text = template ?? defaultTemplate(format)
        // Mustache's own HTML escaping works on Characters, so a quote followed by a combining
        // mark would slip through; HTML templates get Charrette's, which works on scalars.
        let declares = text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{{%")
        let added = format == .html && !declares ? 1 : 0
        if added == 1 { text = "{{% CONTENT_TYPE: CHARRETTE_HTML}}\n" + text }
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                line: error.context.lineNumber - added, column: error.context.columnNumber,
                description: "\(error.error) in “\(error.context.line.trimmingCharacters(in: .whitespaces))”")
        } catch {
            throw TemplateError(line: 0, column: 0, description: "\(error)")
        }
        return parsed.render(ReportContext.make(report))
    }

    /// HTML escaping by Unicode scalar (``Escaping/html(_:)``).
    struct HTMLContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Escaping.html(text) }
    }

    /// Markdown escaping for templates that ask for it.
    struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Escaping.markdown(text) }
    }
}
