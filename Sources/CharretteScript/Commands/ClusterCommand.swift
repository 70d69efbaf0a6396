import CharretteSupport
import CharretteThemes
import CharretteVoting
import Foundation

/// `cluster FILE`: suggested themes for a file of texts, one per line, outside any consultation.
enum ClusterCommand {
    static let spec = CommandSpec(
        "cluster", summary: "cluster a file of texts, one per line, into suggested themes",
        signature: Signature([.init("file", "a UTF-8 text file, one text per line")], flags: SuggestionFlags.signature),
        example: #"cluster answers.txt --k auto | to json"#
    ) { call in
        let path = try call.string(0, "a text file")
        let texts = try lines(of: path, call: call)
        let settings = try SuggestionFlags.settings(call)
        do {
            let suggestion = try ThemeSuggestion(texts: texts, settings: settings)
            return SuggestionFlags.value(suggestion, texts: texts, settings: settings) { .integer($0 + 1) }
        } catch let error as ThemeSuggestionError {
            throw call.error("cannot cluster \(path): \(error)", at: 0)
        }
    }

    /// The lines of a UTF-8 file (a byte-order mark, and Windows or old Mac line ends allowed),
    /// the empty line after a final line end left out.
    static func lines(of path: String, call: Invocation) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: call.scriptRelativePath(path)))
        } catch {
            throw call.error("cannot read \(path): \((error as NSError).localizedDescription)", at: 0)
        }
        var bytes = LineBreaks.withLoneCarriageReturnsAsLineFeeds(Array(data))[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Split on bytes (fast, and "\r\n" is one Character to Swift), then check each line.
        var lines: [String] = []
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let content = line.last == 0x0D ? line.dropLast() : line
            guard let text = String(validating: content, as: UTF8.self) else {
                throw call.error("\(path):\(number + 1): not UTF-8 text; save the file as UTF-8", at: 0)
            }
            lines.append(text)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
