import Charrette
import Foundation

/// What the facilitator puts before the room, beside what the journal holds: the agenda step
/// under way and when it ends, the votes whose results are revealed, and whether newcomers may
/// walk in with a room code. Pages and the wall follow it as they follow the journal.
public struct RoomStage: Sendable, Equatable {
    /// A step of the agenda, as `step "Brainstorm" 10m { ... }` runs it.
    public struct Step: Sendable, Equatable {
        public let name: String
        /// When its time is up: pages count down to it.
        public let endsAt: Date

        public init(name: String, endsAt: Date) {
            self.name = name
            self.endsAt = endsAt
        }
    }

    /// Newcomers without a personal link: who knows `code` may join, pick a handle and answer
    /// `questions`.
    public struct WalkIns: Sendable, Equatable {
        /// The room code, shown on the wall and said aloud: letters and digits people type.
        public let code: String
        /// The attributes asked of a newcomer (age band, district...), each from a list of values.
        public let questions: [WalkInQuestion]

        public init(code: String, questions: [WalkInQuestion] = []) {
            self.code = code
            self.questions = questions
        }
    }

    /// The step under way, if any.
    public var step: Step?
    /// The votes whose results pages and the wall show.
    public var revealed: Set<Vote.ID> = []
    /// Whether and how newcomers may walk in; `nil` lets in only holders of a personal link.
    public var walkIns: WalkIns?

    public init(step: Step? = nil, revealed: Set<Vote.ID> = [], walkIns: WalkIns? = nil) {
        self.step = step
        self.revealed = revealed
        self.walkIns = walkIns
    }
}

/// How much the room takes from one device or one person before it asks them to wait.
public struct RoomLimits: Sendable {
    /// Failed attempts at a code (a link, a rejoin code, the room code, a receipt) from one
    /// address in a row, then how many a second after that.
    public var guessBurst: Int, guessesPerSecond: Double
    /// Actions of one participant at once, then how many a second after that.
    public var actionBurst: Int, actionsPerSecond: Double

    public init(guessBurst: Int = 20, guessesPerSecond: Double = 1.0 / 3, actionBurst: Int = 30, actionsPerSecond: Double = 10) {
        self.guessBurst = guessBurst
        self.guessesPerSecond = guessesPerSecond
        self.actionBurst = actionBurst
        self.actionsPerSecond = actionsPerSecond
    }
}

/// An attribute a newcomer is asked about, such as `age` with the values of the population file.
public struct WalkInQuestion: Sendable, Equatable {
    /// The attribute's name, as personal records and the population file name it (`district`).
    public let attribute: String
    /// The answers offered, in the order given.
    public let values: [String]

    public init(attribute: String, values: [String]) {
        self.attribute = attribute
        self.values = values
    }
}

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
