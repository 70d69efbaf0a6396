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

extension Transaction {
    /// Removes a theme that holds no open idea; its closed ideas (withdrawn, hidden, merged)
    /// leave it in the same change, so nothing points at a removed theme.
    public mutating func removeTheme(_ id: Theme.ID) throws {
        try requireActiveActor(to: "remove themes")
        let theme = try theme(id)
        _ = try openConsultation(theme.consultation)
        let members = state.ideas(in: id)
        let open = members.filter { $0.status.isOpen }
        guard open.isEmpty else { throw CharretteError.themeNotEmpty(label: theme.label, ideas: open.count) }
        for idea in members { try record(.ideaMoved(idea.id, from: id, to: nil)) }
        try record(.themeRemoved(theme))
    }

    /// Moves every idea of `source` (whatever its status) into `target` and removes `source`.
    /// Undo brings the theme back with the same ideas.
    public mutating func mergeTheme(_ source: Theme.ID, into target: Theme.ID) throws {
        try requireActiveActor(to: "merge themes")
        let from = try theme(source), into = try theme(target)
        guard source != target else { throw CharretteError.themeMergedIntoItself(from.label) }
        let consultation = try openConsultation(from.consultation)
        guard into.consultation == from.consultation else {
            throw CharretteError.themeInOtherConsultation(label: into.label, consultation: consultation.title)
        }
        for idea in state.ideas(in: source) { try record(.ideaMoved(idea.id, from: source, to: target)) }
        try record(.themeRemoved(from))
    }

    /// Makes a new theme labelled `label` from some of the open ideas of theme `id`; the
    /// duplicates merged into them go along.
    @discardableResult
    public mutating func splitTheme(_ id: Theme.ID, ideas: [Idea.ID], into label: String, description: String = "") throws -> Theme {
        let original = try theme(id)
        let open = Set(state.ideas(in: id).filter { $0.status.isOpen }.map(\.id))
        for idea in ideas {
            let found = try self.idea(idea)
            guard found.theme == id else { throw CharretteError.ideaNotInTheme(idea, label: original.label) }
            guard found.status.isOpen else { throw CharretteError.ideaNotOpen(idea, status: found.status) }
        }
        guard !ideas.isEmpty else { throw CharretteError.emptyGroup(label: label) }
        guard Set(ideas).count < open.count else { throw CharretteError.splitTakesEverything(label: original.label) }
        let theme = try createTheme(label, description: description, in: original.consultation)
        for idea in Self.unique(ideas) {
            try record(.ideaMoved(idea, from: id, to: theme.id))
            try moveDuplicates(of: idea, from: id, to: theme.id)
        }
        return theme
    }

    /// Moves the ideas merged into `idea` that sat with it in `from` to `to`, so a duplicate
    /// stays beside the idea that carries it on.
    mutating func moveDuplicates(of idea: Idea.ID, from: Theme.ID?, to: Theme.ID?) throws {
        let duplicates = state.duplicates(of: idea).filter { $0.theme == from }
        for duplicate in duplicates {
            try record(.ideaMoved(duplicate.id, from: from, to: to))
            try moveDuplicates(of: duplicate.id, from: from, to: to)
        }
    }
}
