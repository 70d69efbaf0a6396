import Foundation

/// Lines, whatever ended them: LF (Unix), CR LF (Windows, as two thirds of the files pabulib
/// publishes) or a lone CR (old Mac files). Swift takes "\r\n" as one Character, equal to
/// neither "\r" nor "\n", so text is split here by scalars or bytes, never by Character.
public enum LineBreaks {
    /// The lines of `text` without their ends. A final line end gives a last, empty line, as
    /// `split(separator:omittingEmptySubsequences: false)` does.
    public static func lines(_ text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex, i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            guard c == "\n" || c == "\r" else {
                i = scalars.index(after: i)
                continue
            }
            lines.append(Substring(scalars[start..<i]))
            i = scalars.index(after: i)
            if c == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
            start = i
        }
        lines.append(Substring(scalars[start...]))
        return lines
    }

    /// `bytes` with every lone CR made an LF, for readers that end lines at LF (and take a CR
    /// before it as part of the end); the same bytes when there is none.
    public static func withLoneCarriageReturnsAsLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.indices.first(where: { bytes[$0] == 13 && ($0 + 1 == bytes.count || bytes[$0 + 1] != 10) }) else {
            return bytes
        }
        var out = bytes
        for i in first..<out.count where out[i] == 13 && (i + 1 == out.count || out[i + 1] != 10) { out[i] = 10 }
        return out
    }

    /// `text` with Windows (CR LF) and old Mac (CR) line breaks as line feeds.
    public static func normalised(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
