import Foundation
import Testing

@testable import Charrette

/// Random sequences of changes, some of them refused, from a printed seed: a refused change
/// changes nothing, undo takes the state back to before the change, and reopening the journal
/// gives the state the workspace holds.
@Suite("Domain properties")
struct DomainPropertyTests {
    /// What a session holds, without the journal's own bookkeeping (its head, the undo stack, the
    /// change counts), which an undo moves on rather than back.
    struct Content: Equatable {
        let boards: [Board.ID: Board], participants: [Participant.ID: Participant], personalRecords: [Participant.ID: PersonalRecord]
        let consultations: [Consultation.ID: Consultation], ideas: [Idea.ID: Idea], themes: [Theme.ID: Theme]
        let votes: [Vote.ID: Vote], ballots: [Vote.ID: [Participant.ID: Ballot]], cardSorts: [Consultation.ID: [Participant.ID: CardSort]]

        init(_ s: WorkspaceState) {
            (boards, participants, personalRecords, consultations) = (s.boards, s.participants, s.personalRecords, s.consultations)
            (ideas, themes, votes, ballots, cardSorts) = (s.ideas, s.themes, s.votes, s.ballots, s.cardSorts)
        }
    }

    static let seeds: [UInt64] = [1, 2, 3, 20261207]

    @Test(arguments: seeds)
    func randomChangesKeepTheJournalsPromises(_ seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let fixture = try Fixture()
        let workspace = fixture.workspace, consultation = fixture.consultation
        let people = [fixture.sam, fixture.amira, fixture.jon, fixture.lea, fixture.otto]
        var accepted = 0, refused = 0, undone = 0
        func any<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)] }

        for step in 0..<300 {
            let state = workspace.state
            let ideas = state.ideas(of: consultation).map(\.id) + [Idea.ID(999)]
            let themes = state.themes(of: consultation).map(\.id)
            let openVotes = state.votes.values.filter { $0.isOpen }.map(\.id)
            let pick = Int.random(in: 0..<11, using: &random)
            let who = any(people)!, idea = any(ideas)!
            let change: (inout Transaction) throws -> Void
            switch pick {
            case 0: change = { _ = try $0.submitIdea(Bool.random(using: &random) ? "Idea \(step)" : " ", by: who, to: consultation) }
            case 1: change = { try $0.withdrawIdea(idea) }
            case 2: change = { try $0.editIdea(idea, text: "Edited at \(step)") }
            case 3: change = { _ = try $0.createTheme(any(["Cost", "Safety", "Night", "cost"])!, in: consultation) }
            case 4: let theme = any(themes); change = { try $0.moveIdea(idea, to: theme) }
            case 5: change = { try $0.hideIdea(idea, reason: "off topic") }
            case 6: change = { try $0.restoreIdea(idea) }
            case 7: change = { _ = try $0.registerParticipant(handle: any(["mei", "amira", "ola", "two words"])!) }
            case 8:
                let phase = any([Consultation.Phase.ideation, .voting])!  // closing ends what can change
                change = { _ = try $0.changePhase(of: consultation, to: phase) }
            case 9: change = { _ = try $0.openVote("Vote \(step)", on: consultation, method: VotingMethod(rawValue: "approval")!) }
            default:
                let vote = any(openVotes) ?? 99
                let chosen = Set((0..<2).compactMap { _ in any(ideas) })
                change = { try $0.castBallot(.approval(chosen), by: who, in: vote) }
            }
            let headBefore = try fixture.storage.recordedHead()?.sequence
            do {
                try workspace.perform(by: fixture.sam, change)
                accepted += 1
            } catch is CharretteError {
                refused += 1
                #expect(workspace.state == state, "seed \(seed), step \(step): a refused change moved the state")
                #expect(try fixture.storage.recordedHead()?.sequence == headBefore, "seed \(seed), step \(step): a refused change was written")
                continue
            }
            // Now and then, undo it: the content is as before the change.
            if Int.random(in: 0..<4, using: &random) == 0 {
                try workspace.perform(by: fixture.sam) { _ = try $0.undo() }
                undone += 1
                #expect(Content(workspace.state) == Content(state), "seed \(seed), step \(step): undo did not restore the state")
            }
        }
        let reopened = try Workspace(storage: fixture.storage)
        #expect(reopened.state == workspace.state, "seed \(seed): reopening gave another state")
        #expect(try reopened.verify().isIntact)
        // The sequence exercised both sides of the rules.
        let counts = "seed \(seed): \(accepted) accepted, \(refused) refused, \(undone) undone"
        #expect(accepted > 25, "\(counts)")
        #expect(refused > 25, "\(counts)")
        #expect(undone > 3, "\(counts)")
    }
}
