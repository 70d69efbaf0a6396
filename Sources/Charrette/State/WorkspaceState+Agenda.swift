extension WorkspaceState {
    /// The steps of the agenda that ran for `consultation`, in the order they started. A step
    /// that ended while no consultation was in hand (a welcome) goes with the first consultation
    /// opened after it ended.
    public func agenda(of consultation: Consultation.ID) -> [AgendaStep] {
        let opened = consultations.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return agenda.enumerated().filter { _, step in
            if let owner = step.consultation { return owner == consultation }
            return opened.first { $0.createdAt >= step.endedAt }?.id == consultation
        }.sorted { ($0.element.startedAt, $0.offset) < ($1.element.startedAt, $1.offset) }.map(\.element)
    }
}
