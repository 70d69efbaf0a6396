import Foundation

/// Times as files write them: ISO 8601 in UTC, such as `2026-11-24T00:11:00Z`.
public enum Timestamp {
    private static let seconds = Date.ISO8601FormatStyle()
    private static let milliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The time to the second, or to the millisecond (`...00.125Z`) as the journal keeps it.
    public static func text(_ date: Date, milliseconds: Bool = false) -> String {
        date.formatted(milliseconds ? Self.milliseconds : seconds)
    }

    /// The time an ISO 8601 text gives, with or without fractional seconds.
    public static func date(_ text: String) -> Date? {
        (try? milliseconds.parse(text)) ?? (try? seconds.parse(text))
    }
}
