import Charrette
import Crypto
import Foundation

/// The secret of a personal link into the room: 128 random bits, URL-safe. The journal keeps only
/// its SHA-256 (`Invitation.secretDigest`), so whoever reads the journal cannot use the link.
public enum InvitationSecret {
    /// A new secret, drawn from the system's cryptographic random source.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The digest the journal keeps of `secret`.
    public static func digest(_ secret: String) -> JournalHash {
        JournalHash(bytes: Array(SHA256.hash(data: Data(secret.utf8))))!
    }
}
