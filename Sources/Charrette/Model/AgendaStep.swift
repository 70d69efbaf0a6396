import Foundation

/// One step of the agenda as it ran: what it was, how long it was planned to take, and when it
/// started and ended. The shell's `step` records one each time a step finishes, so a report can
/// show the session as it happened rather than as it was planned.
public struct AgendaStep: Codable, Sendable, Hashable {
    /// What the step was, such as "Collect ideas".
    public let name: String
    /// The time planned for it, in seconds.
    public let plannedSeconds: Int
    public let startedAt: Date
    public let endedAt: Date
    /// The consultation in hand when the step ended, if any. A step that ran before any
    /// consultation was opened (a welcome) has none; reports give it to the next one opened.
    public let consultation: Consultation.ID?

    public init(name: String, plannedSeconds: Int, startedAt: Date, endedAt: Date, consultation: Consultation.ID?) {
        self.name = name
        self.plannedSeconds = plannedSeconds
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.consultation = consultation
    }
}
