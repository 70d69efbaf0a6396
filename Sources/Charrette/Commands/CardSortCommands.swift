import Foundation

extension Transaction {
    /// Hands in `sorter`'s card sort of a consultation's ideas, replacing their earlier one.
    ///
    /// Each group needs a name of its own and at least one idea; an idea goes in at most one group
    /// and must be open and of this consultation. Ideas left out are simply not sorted. A
    /// facilitator may hand in a sort for someone else (from paper, say).
    @discardableResult
    public mutating func submitCardSort(_ groups: [CardSort.Group], by sorter: Participant.ID, in consultation: Consultation.ID) throws -> CardSort {
        let target = try openConsultation(consultation)
        let sorter = try participant(sorter)
        if actor != sorter.id { try requireFacilitator(to: "hand in card sorts for others") }
        try requireEligible(sorter, in: target, to: "sort ideas")
        guard !groups.isEmpty else { throw CharretteError.emptyCardSort(handle: sorter.handle) }
        var labels = Set<String>(), sorted = Set<Idea.ID>()
        var checked: [CardSort.Group] = []
        for group in groups {
            let label = try Self.checkedText(group.label, kind: "group name")
            guard labels.insert(label.lowercased()).inserted else { throw CharretteError.groupLabelRepeated(label) }
            guard !group.ideas.isEmpty else { throw CharretteError.emptyGroup(label: label) }
            for id in Self.unique(group.ideas) {
                let idea = try openIdea(id)
                guard idea.consultation == consultation else { throw CharretteError.ideaInOtherConsultation(id, consultation: target.title) }
                guard sorted.insert(id).inserted else { throw CharretteError.sortedTwice(id, handle: sorter.handle) }
            }
            checked.append(CardSort.Group(label: label, ideas: Self.unique(group.ideas)))  // a repeat in one group means nothing more
        }
        let sort = CardSort(consultation: consultation, sorter: sorter.id, groups: checked, submittedAt: time)
        try record(.cardSortSubmitted(sort, replacing: state.cardSorts[consultation]?[sorter.id]))
        return sort
    }
}
