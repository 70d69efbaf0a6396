extension Transaction {
    /// Submits an idea by `author` to a consultation in its ideation phase; with no author, an
    /// anonymous idea (a suggestion box, a form without names), which only a facilitator (or the
    /// program) enters, and which a consultation that requires authors refuses.
    @discardableResult
    public mutating func submitIdea(_ text: String, by author: Participant.ID?, to consultation: Consultation.ID) throws -> Idea {
        let target = try openConsultation(consultation)
        guard target.phase == .ideation else { throw CharretteError.ideasNotTaken(title: target.title, phase: target.phase) }
        if let author {
            try requireEligible(try participant(author), in: target, to: "submit ideas")
        } else {
            guard !target.requiresAuthors else { throw CharretteError.authorRequired(consultation: target.title) }
            try requireFacilitator(to: "enter anonymous ideas")
        }
        let text = try Self.checkedText(text, kind: "idea")
        // A facilitator's own idea (typed in from a sticky note, say) needs no approval.
        let held = target.moderatesIdeas && !actorIsFacilitator
        let idea = Idea(id: state.nextIdea, consultation: consultation, text: text, author: author, submittedAt: time, status: held ? .held : .open)
        try record(.ideaSubmitted(idea))
        return idea
    }

    /// Lets an idea held for moderation into the room; only a facilitator may.
    public mutating func approveIdea(_ id: Idea.ID) throws {
        try requireFacilitator(to: "approve ideas")
        let idea = try idea(id)
        _ = try openConsultation(idea.consultation)
        guard idea.status == .held else { throw CharretteError.ideaNotHeld(id, status: idea.status) }
        try record(.ideaStatusChanged(id, from: .held, to: .open))
    }

    /// Holds participants' new ideas in `consultation` until a facilitator approves them, or lets
    /// them in at once again (ideas already held stay held); only a facilitator may.
    public mutating func moderateIdeas(in consultation: Consultation.ID, _ moderated: Bool) throws {
        try requireFacilitator(to: "moderate ideas")
        let target = try openConsultation(consultation)
        guard target.moderatesIdeas != moderated else { throw CharretteError.emptyChange }
        try record(.ideaModerationChanged(consultation, from: target.moderatesIdeas, to: moderated))
    }

    /// Corrects the text of an open idea; its author or a facilitator may.
    public mutating func editIdea(_ id: Idea.ID, text: String) throws {
        let idea = try changeableIdea(id, action: "edit ideas of others")
        let text = try Self.checkedText(text, kind: "idea")
        guard text != idea.text else { throw CharretteError.emptyChange }
        try record(.ideaTextChanged(id, from: idea.text, to: text))
    }

    /// Takes an idea back; its author or a facilitator may.
    public mutating func withdrawIdea(_ id: Idea.ID) throws {
        let idea = try changeableIdea(id, action: "withdraw ideas of others")
        try record(.ideaStatusChanged(id, from: idea.status, to: .withdrawn))
    }

    /// Hides an idea (open, or held for moderation) from the room; only a facilitator may, and must
    /// say why. A statement of an open reactions vote may be hidden (the routing stops offering
    /// it, and reactions to it are refused from then on, as Pol.is moderates a conversation); an
    /// idea on another open ballot may not, since ballots already cast rank it.
    public mutating func hideIdea(_ id: Idea.ID, reason: String) throws {
        try requireFacilitator(to: "hide ideas")
        let idea = try liveIdea(id)
        try requireNotOnOpenBallot(id, exceptReactions: true)
        guard !reason.trimmed.isEmpty else { throw CharretteError.missingReason("hiding an idea") }
        let reason = try Self.checkedText(reason, kind: "reason")
        try record(.ideaStatusChanged(id, from: idea.status, to: .hidden(reason: reason)))
    }

    /// Puts a hidden or withdrawn idea back in play; only a facilitator may.
    public mutating func restoreIdea(_ id: Idea.ID) throws {
        try requireFacilitator(to: "restore ideas")
        let idea = try idea(id)
        _ = try openConsultation(idea.consultation)
        guard !idea.status.isOpen else { throw CharretteError.emptyChange }
        if case .merged = idea.status { throw CharretteError.ideaNotOpen(id, status: idea.status) }
        try record(.ideaStatusChanged(id, from: idea.status, to: .open))
    }

    /// Marks idea `id` as merged into `target`, a near duplicate that stays open and carries on
    /// for both; only a facilitator may. The duplicate joins the target's theme, so the two stay
    /// together when the target moves.
    public mutating func mergeIdea(_ id: Idea.ID, into target: Idea.ID) throws {
        try requireFacilitator(to: "merge ideas")
        guard id != target else { throw CharretteError.mergeIntoItself(id) }
        let idea = try openIdea(id)
        let into = try openIdea(target)
        try requireNotOnOpenBallot(id)
        guard into.consultation == idea.consultation else {
            throw CharretteError.ideaInOtherConsultation(target, consultation: try consultation(idea.consultation).title)
        }
        try record(.ideaStatusChanged(id, from: idea.status, to: .merged(into: target)))
        if idea.theme != into.theme { try record(.ideaMoved(id, from: idea.theme, to: into.theme)) }
    }

    /// Moves an open idea into a theme of its consultation, or out of any theme with `nil`.
    public mutating func moveIdea(_ id: Idea.ID, to theme: Theme.ID?) throws {
        try requireActiveActor(to: "sort ideas")
        let idea = try openIdea(id)
        if let theme {
            let target = try self.theme(theme)
            guard target.consultation == idea.consultation else {
                throw CharretteError.themeInOtherConsultation(label: target.label, consultation: try consultation(idea.consultation).title)
            }
        }
        guard idea.theme != theme else {
            throw CharretteError.alreadyInTheme(id, label: theme.flatMap { state.themes[$0]?.label })
        }
        try record(.ideaMoved(id, from: idea.theme, to: theme))
        try moveDuplicates(of: id, from: idea.theme, to: theme)
    }

    /// An open idea in a consultation that is not closed.
    func openIdea(_ id: Idea.ID) throws -> Idea {
        let idea = try idea(id)
        _ = try openConsultation(idea.consultation)
        guard idea.status.isOpen else { throw CharretteError.ideaNotOpen(id, status: idea.status) }
        return idea
    }

    /// An open idea, or one held for moderation, in a consultation that is not closed.
    func liveIdea(_ id: Idea.ID) throws -> Idea {
        let idea = try idea(id)
        _ = try openConsultation(idea.consultation)
        guard idea.status.isOpen || idea.status == .held else { throw CharretteError.ideaNotOpen(id, status: idea.status) }
        return idea
    }

    /// An idea, open or held for moderation, that the actor may change: its author, or a facilitator.
    private func changeableIdea(_ id: Idea.ID, action: String) throws -> Idea {
        let idea = try liveIdea(id)
        if actor != idea.author { try requireFacilitator(to: action) }
        try requireNotOnOpenBallot(id)
        return idea
    }
}
