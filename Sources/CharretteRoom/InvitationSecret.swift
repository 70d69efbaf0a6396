import Charrette
import Crypto
import Foundation

/// The secret that lets one person into the room: in their personal link (`/join/SECRET`) and, the
/// same characters, their rejoin code, typed on another phone to get back in as themselves. 80
/// random bits in Crockford's base 32 (``TypedCode``). The journal keeps only its SHA-256
/// (`Invitation.secretDigest`), so whoever reads the journal cannot use it.
public enum InvitationSecret {
    /// A new secret, drawn from the system's cryptographic random source: 16 characters.
    public static func make() -> String { TypedCode.make(length: 16) }

    /// The digest the journal keeps of `secret`.
    public static func digest(_ secret: String) -> JournalHash {
        JournalHash(bytes: Array(SHA256.hash(data: Data(secret.utf8))))!
    }

    /// The secrets `typed` may be: as typed (a link of the first version, whose secrets were
    /// case-sensitive) and as a typed code means it (``TypedCode/normalised(_:)``).
    static func candidates(_ typed: String) -> [String] {
        [typed] + (TypedCode.normalised(typed).map { $0 == typed ? [] : [$0] } ?? [])
    }

    /// `secret` as a person reads it: groups of four (`K7QM-2XRP-9DTA-W4HN`) for a typed code.
    static func shown(_ secret: String) -> String {
        guard secret.count == 16, TypedCode.normalised(secret) == secret else { return secret }
        let characters = Array(secret)
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
