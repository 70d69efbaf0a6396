extension WorkspaceState {
    /// The steps of the agenda that ran for `consultation`, in order. A step that ran while no
    /// consultation was open (a welcome) goes with the next consultation a step ran in.
    public func agenda(of consultation: Consultation.ID) -> [AgendaStep] {
        var steps: [AgendaStep] = []
        var waiting: [AgendaStep] = []
        for step in agenda {
            guard let owner = step.consultation else { waiting.append(step); continue }
            if owner == consultation { steps += waiting + [step] }
            waiting = []
        }
        return steps
    }
}
