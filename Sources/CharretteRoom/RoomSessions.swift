import Charrette
import Crypto
import Foundation
import Synchronization

/// Who each browser is: a session names a participant who joined through their link, their rejoin
/// code or as a walk-in, with the token every form of theirs must carry (CSRF).
///
/// The session token is the credential's secret itself (in an `httpOnly` cookie, or an API
/// bearer token), and the CSRF token is derived from it, so the server keeps no session table:
/// a session survives a restart of the server, every server on one journal knows it, and it ends
/// when its credential is revoked or replaced, because the journal no longer names its holder.
final class RoomSessions: Sendable {
    struct Session: Sendable {
        let participant: Participant.ID
        let csrf: String
        /// The secret they came in with, shown to them as their rejoin code.
        let secret: String
        /// Its digest: the session lasts while it is still their credential.
        let digest: JournalHash
    }

    /// Who has joined since the room opened, for `room status`.
    private let joined = Mutex(Set<Participant.ID>())

    /// A session for `participant`, who came in with `secret`, its token, and whether it is their
    /// first since the room opened.
    func open(for participant: Participant.ID, secret: String) -> (opened: (token: String, session: Session), first: Bool) {
        let first = joined.withLock { $0.insert(participant).inserted }
        return ((secret, Self.session(participant, secret: secret, digest: InvitationSecret.digest(secret))), first)
    }

    /// The session `token` names in `state`, while it is its holder's credential.
    func session(_ token: String?, in state: WorkspaceState) -> Session? {
        guard let token, !token.isEmpty, token.utf8.count <= 64 else { return nil }
        let digest = InvitationSecret.digest(token)
        guard let holder = state.invitationHolder(digest: digest) else { return nil }
        return Self.session(holder, secret: token, digest: digest)
    }

    private static func session(_ participant: Participant.ID, secret: String, digest: JournalHash) -> Session {
        Session(participant: participant, csrf: csrf(for: secret), secret: secret, digest: digest)
    }

    /// The CSRF token of the session `secret` opens: a digest another site cannot compute.
    static func csrf(for secret: String) -> String {
        SHA256.hash(data: Data("charrette csrf\u{0}\(secret)".utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// How many people have joined, each counted once.
    var participantsJoined: Int { joined.withLock { $0.count } }
}

/// A session's credential was revoked or replaced while its action was under way: checked again
/// inside the change, so a revoked link never writes.
struct SessionEnded: Error {
    let session: RoomSessions.Session

    /// Throws unless `session`'s credential is still its holder's in `state`.
    static func check(_ session: RoomSessions.Session, in state: WorkspaceState) throws(SessionEnded) {
        guard state.invitations[session.participant]?.secretDigest == session.digest else { throw SessionEnded(session: session) }
    }
}
