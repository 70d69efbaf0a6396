import Foundation

extension Transaction {
    /// Records a finished step of the agenda: it began at `startedAt` and ends now.
    ///
    /// Anyone running the session may record a step; it changes nothing but the record of the
    /// session itself.
    public mutating func recordAgendaStep(_ name: String, plannedSeconds: Int, startedAt: Date, consultation: Consultation.ID?) throws {
        let name = try Self.checkedText(name, kind: "agenda step's name")
        if let consultation { _ = try self.consultation(consultation) }
        try record(
            .agendaStepRecorded(
                AgendaStep(
                    name: name, plannedSeconds: max(0, plannedSeconds), startedAt: min(startedAt, time), endedAt: time, consultation: consultation)))
    }
}
