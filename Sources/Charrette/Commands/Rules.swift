import Foundation

/// Checks shared by the commands: lookups that name what is missing, and the common rules.
extension Transaction {
    /// The longest idea or description accepted, in characters.
    public static let textLimit = 20_000

    func participant(_ id: Participant.ID) throws -> Participant { try state.participant(id) }

    /// The participant with `handle` (with or without its `@`).
    public func participant(handle: String) throws -> Participant {
        let name = Self.normalizedHandle(handle)
        guard let participant = state.participant(handle: name) else { throw CharretteError.unknownParticipant(name) }
        return participant
    }

    func idea(_ id: Idea.ID) throws -> Idea { try state.idea(id) }

    func theme(_ id: Theme.ID) throws -> Theme { try state.theme(id) }

    func consultation(_ id: Consultation.ID) throws -> Consultation { try state.consultation(id) }

    func vote(_ id: Vote.ID) throws -> Vote { try state.vote(id) }

    func board(named name: String) throws -> Board {
        guard let board = state.board(named: Self.normalizedName(name)) else { throw CharretteError.unknownBoard(name) }
        return board
    }

    /// A consultation that may still change: not closed.
    func openConsultation(_ id: Consultation.ID) throws -> Consultation {
        let consultation = try consultation(id)
        guard consultation.phase != .closed else { throw CharretteError.consultationClosed(title: consultation.title) }
        return consultation
    }

    /// The handle of the actor, for messages.
    var actorHandle: String { actor.flatMap { state.participants[$0]?.handle } ?? "you" }

    /// Whether the actor is a facilitator (or the embedding program itself).
    var actorIsFacilitator: Bool { actor.map { state.participants[$0]?.role == .facilitator } ?? true }

    /// Refuses the action unless the actor is a facilitator (or the embedding program itself).
    func requireFacilitator(to action: String) throws {
        guard let actor else { return }
        let participant = try participant(actor)
        guard participant.role == .facilitator else {
            throw CharretteError.notAllowed(handle: participant.handle, action: action)
        }
    }

    /// Refuses `participant` taking part in `consultation`: observers never do, nor anyone who has
    /// not consented to take part, and only members of the invited boards may when the
    /// consultation names boards.
    func requireEligible(_ participant: Participant, in consultation: Consultation, to action: String) throws {
        guard participant.role != .observer else {
            throw CharretteError.observersCannot(handle: participant.handle, action: action)
        }
        guard participant.consent.contains(.participation) else { throw CharretteError.noConsent(handle: participant.handle) }
        if case .boards(let invited) = consultation.eligibility, Set(invited).isDisjoint(with: participant.boards) {
            throw CharretteError.notEligible(handle: participant.handle, consultation: consultation.title)
        }
    }

    /// Refuses an observer acting on the room's ideas and themes. The embedding program may.
    func requireActiveActor(to action: String) throws {
        guard let actor else { return }
        let participant = try participant(actor)
        guard participant.role != .observer else {
            throw CharretteError.observersCannot(handle: participant.handle, action: action)
        }
    }

    /// Refuses changing an idea that is on the ballot of an open vote: people are voting on it.
    func requireNotOnOpenBallot(_ id: Idea.ID, exceptReactions: Bool = false) throws {
        let onBallot = state.votes.values.filter { $0.isOpen && $0.candidates.contains(id) }
        if let vote = onBallot.sorted(by: { $0.id < $1.id }).first(where: { !exceptReactions || $0.method.ballotKind != .reactions }) {
            throw CharretteError.ideaOnOpenBallot(id, vote: vote.title)
        }
    }

    /// Trims `text`, makes its line breaks line feeds, and checks it is neither empty (unless
    /// allowed) nor too long, and holds no control character: text that could drive a terminal
    /// (an escape sequence in an idea) is refused wherever it comes from.
    public static func checkedText(_ text: String, kind: String, allowEmpty: Bool = false) throws -> String {
        let trimmed = TerminalText.normalisedLineBreaks(text).trimmed
        guard !trimmed.isEmpty || allowEmpty else { throw CharretteError.emptyText(kind) }
        guard trimmed.count <= textLimit else {
            throw CharretteError.textTooLong(kind: kind, length: trimmed.count, limit: textLimit)
        }
        if let (offset, scalar) = trimmed.unicodeScalars.enumerated().first(where: { TerminalText.isControl($0.element) }) {
            throw CharretteError.controlCharacter(kind: kind, name: TerminalText.name(scalar), position: offset + 1)
        }
        return trimmed
    }

    /// Refuses a personal record whose name or attributes hold a control character.
    static func check(_ record: PersonalRecord) throws {
        func check(_ text: String, _ kind: String) throws {
            if let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { TerminalText.isControl($0.element) }) {
                throw CharretteError.controlCharacter(kind: kind, name: TerminalText.name(scalar), position: offset + 1)
            }
        }
        if let name = record.displayName { try check(name, "display name") }
        for (key, value) in record.attributes.sorted(by: { $0.key < $1.key }) {
            try check(key, "attribute name")
            try check(value, "attribute '\(key)'")
        }
    }

    static func normalizedHandle(_ handle: String) -> String {
        normalizedName(handle.hasPrefix("@") ? String(handle.dropFirst()) : handle)
    }

    static func normalizedName(_ name: String) -> String {
        name.trimmed.lowercased()
    }

    /// Checks a handle or board name: 1 to 32 letters, digits, `_`, `-` or `.`, starting with a
    /// letter or digit, so it can follow an `@` in a script without quotes.
    static func checkedName(_ name: String, kind: String) throws -> String {
        let normalized = kind == "handle" ? normalizedHandle(name) : normalizedName(name)
        guard let first = normalized.unicodeScalars.first else {
            throw CharretteError.invalidName(kind: kind, name: name, reason: "it is empty")
        }
        guard normalized.count <= 32 else {
            throw CharretteError.invalidName(kind: kind, name: name, reason: "it is longer than 32 characters")
        }
        guard CharacterSet.alphanumerics.contains(first) else {
            throw CharretteError.invalidName(kind: kind, name: name, reason: "it must start with a letter or digit")
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-."))
        guard normalized.unicodeScalars.allSatisfy(allowed.contains) else {
            throw CharretteError.invalidName(kind: kind, name: name, reason: "use only letters, digits, '_', '-' and '.'")
        }
        return normalized
    }
}

extension String {
    /// The text without leading and trailing white space (Unicode `White_Space`, newlines included).
    /// Foundation's `trimmingCharacters(in:)` goes through NSString on Linux, which costs more
    /// than the rest of a command.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
