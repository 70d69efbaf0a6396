import CharretteSession
import CharretteThemes
import Testing

@testable import Charrette

/// The questions a session asks of its data, asked through the library as an app or the room's
/// pages ask them: the shell's commands and the report are adapters over these answers.
@Suite("Session logic")
struct SessionLogicTests {
    let dots = VotingMethod(rawValue: "dots")!
    let reactions = VotingMethod(rawValue: "reactions")!

    @Test func theVoteMeantIsFoundByTitleNumberOrBeingOpen() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses")
        let state0 = f.workspace.state
        #expect(throws: SessionError.noVote) { try state0.vote(named: nil, in: f.consultation) }
        #expect(throws: SessionError.noOpenVote(lastClosed: nil)) { try state0.openVote(named: nil, in: f.consultation) }
        let (first, second) = try f.workspace.perform { tx in
            (
                try tx.openVote("Priorities", on: f.consultation, method: dots, settings: VoteSettings(budget: 3), candidates: ideas),
                try tx.openVote("Reactions", on: f.consultation, method: reactions, candidates: ideas)
            )
        }
        let state = f.workspace.state
        #expect(try state.vote(named: "priorities", in: f.consultation) == first)
        #expect(try state.vote(named: String(second.id.rawValue), in: f.consultation) == second)
        #expect(try state.vote(named: nil, in: f.consultation) == second)
        #expect(throws: SessionError.severalOpenVotes([first, second])) { try state.openVote(named: nil, in: f.consultation) }
        #expect(throws: SessionError.unknownVote("Prioritys", votes: [first, second])) { try state.vote(named: "Prioritys", in: f.consultation) }
        #expect(SessionError.unknownVote("Prioritys", votes: [first, second]).description.hasSuffix("did you mean 'Priorities'?"))
        #expect(try state.reactionsVote(named: nil, in: f.consultation, open: true) == second)
        #expect(throws: SessionError.notAReactionsVote(first)) { try state.reactionsVote(named: "Priorities", in: f.consultation, open: false) }

        try f.workspace.perform { tx in try tx.closeVote(second.id) }
        #expect(try f.workspace.state.openVote(named: nil, in: f.consultation) == first)
        #expect(throws: SessionError.noReactionsVote(open: true)) { try f.workspace.state.reactionsVote(named: nil, in: f.consultation, open: true) }
        #expect(try f.workspace.state.reactionsVote(named: nil, in: f.consultation, open: false).id == second.id)
    }

    @Test func aCountCarriesTheNotesAReaderNeeds() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses")
        let vote = try f.workspace.perform { tx in
            let vote = try tx.openVote("Priorities", on: f.consultation, method: dots, settings: VoteSettings(budget: 3), candidates: ideas)
            try tx.castBallot(.dots([ideas[1]: 3]), by: f.amira, in: vote.id)
            try tx.castBallot(.dots([ideas[0]: 1, ideas[1]: 2]), by: f.jon, in: vote.id)
            return vote
        }
        let open = try f.workspace.state.count(f.workspace.state.vote(vote.id))
        #expect(open.result.winners == [1])
        #expect(open.election.names == ["Free passes", "Night buses"])
        #expect(open.notes.first == "the vote is still open: these results may change")
        try f.workspace.perform { tx in
            try tx.closeVote(vote.id)
            try tx.editIdea(ideas[1], text: "Night buses every hour")
        }
        let closed = try f.workspace.state.count(f.workspace.state.vote(vote.id))
        #expect(closed.election.names[1] == "Night buses", "counted by the text voted on")
        #expect(closed.notes == closed.result.notes + ["#\(ideas[1].rawValue) was edited after the vote: it now reads \"Night buses every hour\""])
    }

    @Test func theNextStatementComesFirstUnseenThenByPriorityAndRunsOut() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses", "Safer stops")
        let vote = try f.workspace.perform { tx in
            let vote = try tx.openVote("Reactions", on: f.consultation, method: reactions, candidates: ideas)
            try tx.castBallot(.reactions([ideas[0]: .agree]), by: f.jon, in: vote.id)
            return vote
        }
        var state = f.workspace.state
        // Nobody has reacted to the second idea yet: everyone sees it first.
        #expect(state.nextStatement(for: f.amira, in: vote) == ideas[1])
        try f.workspace.perform { tx in
            try tx.castBallot(.reactions([ideas[0]: .agree, ideas[1]: .pass, ideas[2]: .disagree]), by: f.lea, in: vote.id)
        }
        state = f.workspace.state
        // The draw is the same for the same participant and seed.
        let drawn = state.nextStatement(for: f.jon, in: vote, seed: 7)
        #expect(drawn != nil && drawn != ideas[0], "jon has reacted to the first idea")
        #expect(state.nextStatement(for: f.jon, in: vote, seed: 7) == drawn)
        #expect(state.nextStatement(for: f.lea, in: vote) == nil, "lea has reacted to every idea")
        // A later ballot replaces the earlier: what jon has not seen yet is what is left.
        try f.workspace.perform { tx in try tx.castBallot(.reactions([ideas[0]: .agree, ideas[1]: .agree]), by: f.jon, in: vote.id) }
        #expect(f.workspace.state.nextStatement(for: f.jon, in: vote) == ideas[2])
    }

    @Test func cardSortsCombineIntoAProposalTheRoomAccepts() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Cheaper tickets", "Night buses", "Later buses")
        #expect(throws: SessionError.noCardSorts) { try f.workspace.state.cardSortThemes(in: f.consultation) }
        try f.workspace.perform { tx in
            for person in [f.amira, f.jon, f.lea] {
                _ = try tx.submitCardSort(
                    [.init(label: "Cost", ideas: [ideas[0], ideas[1]]), .init(label: "Hours", ideas: [ideas[2], ideas[3]])],
                    by: person, in: f.consultation)
            }
        }
        let combined = try f.workspace.state.cardSortThemes(in: f.consultation)
        #expect(combined.sorters == 3)
        #expect(combined.labels == ["Cost", "Hours"])
        #expect(combined.proposal.themes.map(\.ideas) == [[ideas[0], ideas[1]], [ideas[2], ideas[3]]])
        let accepted = try f.workspace.perform { tx in try tx.accept([1], of: combined.proposal, label: "Evenings") }
        #expect(accepted.map(\.label) == ["Evenings"])
        let state = f.workspace.state
        #expect(state.ideas[ideas[2]]?.theme == accepted[0].id && state.ideas[ideas[3]]?.theme == accepted[0].id)
        // What is in a theme already can no longer be accepted.
        #expect(combined.proposal.acceptable(in: state) == [[ideas[0], ideas[1]], []])
        // Accepting again (another session accepted the second theme meanwhile) makes no empty theme.
        let again = try f.workspace.perform { tx in try tx.accept([0, 1], of: combined.proposal) }
        #expect(again.map(\.label) == ["Cost"])
        #expect(f.workspace.state.themes.count == 2)
    }

    @Test func suggestedThemesTakeTheConsultationsLanguageAndOnlyUnsortedIdeas() throws {
        let f = try Fixture()
        #expect(throws: SessionError.noOpenIdeas) { try f.workspace.state.suggestThemes(in: f.consultation, settings: ThemeSuggestionSettings()) }
        _ = try f.ideas(
            "Autobuses nocturnos los fines de semana", "Más autobuses por la noche", "Bonos gratis para estudiantes",
            "Billetes más baratos para jóvenes")
        try f.workspace.perform { tx in try tx.setLanguage(of: f.consultation, to: "es") }
        #expect(f.workspace.state.language(of: f.consultation) == .spanish)
        let suggested = try f.workspace.state.suggestThemes(in: f.consultation, settings: ThemeSuggestionSettings(count: .fixed(2)))
        #expect(suggested.suggestion.language == .spanish)
        #expect(suggested.proposal.themes.count == 2)
        #expect(Set(suggested.proposal.themes.flatMap(\.ideas)) == Set(suggested.ideas.map(\.id)))
        #expect(suggested.proposal.source == "suggested by k-means, seed 2026")
        _ = try f.workspace.perform { tx in try tx.accept([0, 1], of: suggested.proposal) }
        #expect(throws: SessionError.noUnsortedIdeas) { try f.workspace.state.suggestThemes(in: f.consultation, settings: ThemeSuggestionSettings()) }
    }
}
