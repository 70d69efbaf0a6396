import Foundation

/// Codes people type: a room code and a rejoin code, in Crockford's base 32 (no I, L, O or U), so
/// a code read off a screen or said aloud is typed right, and a mistyped O or l still works.
public enum TypedCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A new code of `length` characters from the system's cryptographic random source.
    public static func make(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// `typed` as the code it means: upper case, spaces and dashes dropped, O read as 0 and I or L
    /// as 1; `nil` if anything else is not a letter of the alphabet.
    public static func normalised(_ typed: String) -> String? {
        var out = ""
        for character in typed.uppercased() {
            switch character {
            case " ", "-", "\t": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                out.append(character)
            }
        }
        return out.isEmpty ? nil : out
    }
}
