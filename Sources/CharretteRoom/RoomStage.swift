import Charrette
import Foundation

/// What the facilitator puts before the room, beside what the journal holds: the agenda step
/// under way and when it ends, the votes whose results are revealed, and whether newcomers may
/// walk in with a room code. Pages and the wall follow it as they follow the journal. It is kept
/// beside the journal, not in it, so a restarted server shows the same.
public struct RoomStage: Sendable, Equatable, Codable {
    /// A step of the agenda, as `step "Brainstorm" 10m { ... }` runs it.
    public struct Step: Sendable, Equatable, Codable {
        /// What the step is, as `step` names it.
        public let name: String
        /// When its time is up: pages count down to it.
        public let endsAt: Date

        /// The step `name`, whose time is up at `endsAt`.
        public init(name: String, endsAt: Date) {
            self.name = name
            self.endsAt = endsAt
        }
    }

    /// Newcomers without a personal link: who knows `code` may join, pick a handle and answer
    /// `questions`.
    public struct WalkIns: Sendable, Equatable, Codable {
        /// The room code, shown on the wall and said aloud: letters and digits people type.
        public let code: String
        /// The attributes asked of a newcomer (age band, district...), each from a list of values.
        public let questions: [WalkInQuestion]

        /// Walk-ins with the room code `code` (kept as a typed code means it: `k7qm-2x` is
        /// `K7QM2X`), asking `questions`.
        public init(code: String, questions: [WalkInQuestion] = []) {
            self.code = TypedCode.normalised(code) ?? code
            self.questions = questions
        }
    }

    /// The step under way, if any.
    public var step: Step?
    /// The votes whose results pages and the wall show.
    public var revealed: Set<Vote.ID> = []
    /// Whether and how newcomers may walk in; `nil` lets in only holders of a personal link.
    public var walkIns: WalkIns?

    /// A stage showing `step`, the results of `revealed`, and letting in `walkIns`.
    public init(step: Step? = nil, revealed: Set<Vote.ID> = [], walkIns: WalkIns? = nil) {
        self.step = step
        self.revealed = revealed
        self.walkIns = walkIns
    }
}

/// An attribute a newcomer is asked about, such as `age` with the values of the population file.
public struct WalkInQuestion: Sendable, Equatable, Codable {
    /// The attribute's name, as personal records and the population file name it (`district`).
    public let attribute: String
    /// The answers offered, in the order given.
    public let values: [String]

    /// A question about `attribute`, offering `values`.
    public init(attribute: String, values: [String]) {
        self.attribute = attribute
        self.values = values
    }
}
