import CharretteSession
import CharretteVoting
import Foundation
import Testing

@testable import Charrette

/// Ideas held until a facilitator lets them in, and hidden from the room, as the domain rules.
@Suite("Moderation")
struct ModerationTests {
    /// A fixture whose consultation moderates ideas, with one idea of amira's held.
    func moderated() throws -> (Fixture, Idea.ID) {
        let f = try Fixture()
        try f.workspace.perform(by: f.sam) { try $0.moderateIdeas(in: f.consultation, true) }
        let held = try f.workspace.perform(by: f.amira) { try $0.submitIdea("Night buses", by: f.amira, to: f.consultation).id }
        return (f, held)
    }

    @Test func aParticipantsIdeaWaitsUntilAFacilitatorApprovesIt() throws {
        let (f, held) = try moderated()
        #expect(f.workspace.state.consultations[f.consultation]?.moderatesIdeas == true)
        #expect(f.workspace.state.ideas[held]?.status == .held)
        // Not open: no vote, theme or merge takes it.
        #expect(f.workspace.state.ideas[held]?.status.isOpen == false)
        // A facilitator's own idea (typed in from a sticky note) goes up at once.
        let typed = try f.workspace.perform(by: f.sam) { try $0.submitIdea("Lit stops", by: f.jon, to: f.consultation).id }
        #expect(f.workspace.state.ideas[typed]?.status == .open)

        try expectRefusal(f, .notAllowed(handle: "jon", action: "approve ideas"), by: f.jon) { try $0.approveIdea(held) }
        try expectRefusal(f, .ideaNotHeld(typed, status: .open), by: f.sam) { try $0.approveIdea(typed) }
        try f.workspace.perform(by: f.sam) { try $0.approveIdea(held) }
        #expect(f.workspace.state.ideas[held]?.status == .open)
        try expectRefusal(f, .ideaNotHeld(held, status: .open), by: f.sam) { try $0.approveIdea(held) }
    }

    @Test func aHeldIdeaCanBeHiddenOrWithdrawnAndModerationUndone() throws {
        let (f, held) = try moderated()
        let second = try f.workspace.perform(by: f.jon) { try $0.submitIdea("Call 0612345678", by: f.jon, to: f.consultation).id }
        try f.workspace.perform(by: f.sam) { try $0.hideIdea(second, reason: "personal details") }
        #expect(f.workspace.state.ideas[second]?.isHidden == true)
        try f.workspace.perform(by: f.amira) { try $0.withdrawIdea(held) }
        #expect(f.workspace.state.ideas[held]?.status == .withdrawn)
        // Only its author or a facilitator takes a held idea back.
        let third = try f.workspace.perform(by: f.amira) { try $0.submitIdea("Free passes", by: f.amira, to: f.consultation).id }
        try expectRefusal(f, .notAllowed(handle: "jon", action: "withdraw ideas of others"), by: f.jon) { try $0.withdrawIdea(third) }

        try f.workspace.perform(by: f.sam) { try $0.moderateIdeas(in: f.consultation, false) }
        try expectRefusal(f, .emptyChange, by: f.sam) { try $0.moderateIdeas(in: f.consultation, false) }
        // Turning it off lets new ideas in; those held before still wait.
        let fourth = try f.workspace.perform(by: f.amira) { try $0.submitIdea("Bike racks", by: f.amira, to: f.consultation).id }
        #expect(f.workspace.state.ideas[fourth]?.status == .open && f.workspace.state.ideas[third]?.status == .held)
        try f.workspace.perform { try $0.undo() }
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.consultations[f.consultation]?.moderatesIdeas == true)
        // The journal folds to the same state.
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
    }

    @Test func aStatementOfAnOpenReactionsVoteCanBeHiddenAndTakesNoMoreReactions() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses", "Lit stops")
        let (reactions, ranked) = try f.workspace.perform(by: f.sam) { tx in
            _ = try tx.changePhase(of: f.consultation, to: .voting)
            let reactions = try tx.openVote("Reactions", on: f.consultation, method: VotingMethod(rawValue: "reactions")!)
            let ranked = try tx.openVote("Rank", on: f.consultation, method: VotingMethod(rawValue: "borda")!, candidates: [ideas[0], ideas[2]])
            return (reactions.id, ranked.id)
        }
        try f.workspace.perform(by: f.amira) { try $0.castBallot(.reactions([ideas[1]: .agree]), by: f.amira, in: reactions) }
        try f.workspace.perform(by: f.sam) { try $0.hideIdea(ideas[1], reason: "abuse") }
        let state = f.workspace.state
        #expect(state.shownTextVotedOn(ideas[1], in: state.votes[reactions]!) == Idea.hiddenText)
        try expectRefusal(f, .ideaNotOpen(ideas[1], status: .hidden(reason: "abuse")), by: f.jon) {
            try $0.castBallot(.reactions([ideas[1]: .disagree]), by: f.jon, in: reactions)
        }
        // The routing never offers it again.
        for _ in 0..<3 {
            guard let next = f.workspace.state.nextStatement(for: f.jon, in: f.workspace.state.votes[reactions]!) else { break }
            #expect(next != ideas[1])
            try f.workspace.perform(by: f.jon) { try $0.castBallot(.reactions([next: .pass]), by: f.jon, in: reactions) }
        }
        // An idea on another open ballot is ranked by ballots already cast: it stays.
        try expectRefusal(f, .ideaOnOpenBallot(ideas[0], vote: "Rank"), by: f.sam) { try $0.hideIdea(ideas[0], reason: "abuse") }
        _ = ranked
    }

    @Test func anExportKeepsModerationAndHeldIdeas() throws {
        let (f, held) = try moderated()
        let dump = ConsultationDump(f.workspace.state, consultation: f.consultation)
        #expect(dump.consultation.moderatesIdeas == true)
        #expect(dump.ideas.first { $0.id == held.rawValue }?.status == "held")
        let other = try Workspace(storage: InMemoryStorage())
        let copy = try other.perform { try $0.importConsultation(try ConsultationDump.read(try dump.json())) }
        #expect(copy.moderatesIdeas)
        #expect(other.state.ideas(of: copy.id).map(\.status) == [.held])
    }
}
