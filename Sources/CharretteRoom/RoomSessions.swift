import Charrette
import Foundation
import Synchronization

/// Who each browser is: a session cookie names a participant who joined through their link, their
/// rejoin code or as a walk-in, with the token every form of theirs must carry (CSRF). Kept in
/// memory: after a restart the personal link or the rejoin code lets people back in.
final class RoomSessions: Sendable {
    struct Session: Sendable {
        let participant: Participant.ID
        let csrf: String
        /// The secret they came in with, shown to them as their rejoin code.
        let secret: String
        /// Its digest: the session lasts while it is still their credential.
        let digest: JournalHash
    }

    private let sessions = Mutex([String: Session]())

    /// A new session for `participant`, who came in with `secret`, and its cookie value.
    func open(for participant: Participant.ID, secret: String) -> (token: String, session: Session) {
        let token = Self.randomToken(),
            session = Session(participant: participant, csrf: Self.randomToken(), secret: secret, digest: InvitationSecret.digest(secret))
        sessions.withLock { $0[token] = session }
        return (token, session)
    }

    func session(_ token: String?) -> Session? {
        guard let token else { return nil }
        return sessions.withLock { $0[token] }
    }

    /// Ends every session of `participant` (their link was revoked or replaced).
    func close(for participant: Participant.ID) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.participant != participant } }
    }

    /// How many people have joined, each counted once.
    var participantsJoined: Int { sessions.withLock { Set($0.values.map(\.participant)).count } }

    /// 128 random bits in hexadecimal.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
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
