extension Transaction {
    /// Creates an empty theme in a consultation.
    @discardableResult
    public mutating func createTheme(_ label: String, description: String = "", in consultation: Consultation.ID) throws -> Theme {
        try requireActiveActor(to: "create themes")
        _ = try openConsultation(consultation)
        let description = try Self.checkedText(description, kind: "theme description", allowEmpty: true)
        let label = try Self.checkedText(label, kind: "theme label")
        guard state.theme(labelled: label, in: consultation) == nil else { throw CharretteError.themeLabelTaken(label) }
        let theme = Theme(
            id: state.nextTheme, consultation: consultation, label: label,
            description: description, createdBy: actor, createdAt: time)
        try record(.themeCreated(theme))
        return theme
    }

    /// Renames a theme, or changes its description; what is `nil` stays as it is.
    @discardableResult
    public mutating func changeTheme(_ id: Theme.ID, label: String? = nil, description: String? = nil) throws -> Theme {
        try requireActiveActor(to: "change themes")
        let before = try theme(id)
        _ = try openConsultation(before.consultation)
        var after = before
        if let label {
            let label = try Self.checkedText(label, kind: "theme label")
            if let other = state.theme(labelled: label, in: before.consultation), other.id != id {
                throw CharretteError.themeLabelTaken(label)
            }
            after.label = label
        }
        if let description { after.description = try Self.checkedText(description, kind: "theme description", allowEmpty: true) }
        guard after.label != before.label || after.description != before.description else { throw CharretteError.emptyChange }
        after.changedBy = actor
        after.changedAt = time
        try record(.themeChanged(before: before, after: after))
        return after
    }

    /// The theme labelled `label` in a consultation.
    public func theme(labelled label: String, in consultation: Consultation.ID) throws -> Theme {
        guard let theme = state.theme(labelled: label, in: consultation) else { throw CharretteError.unknownTheme(label) }
        return theme
    }
}
