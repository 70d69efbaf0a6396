import CharretteVoting
import Foundation
import Testing

@testable import Charrette

/// Every rule refuses with its own error, and a refused change writes nothing at all.
@Suite("Invariants")
struct InvariantTests {
    @Test func unknownThingsAreNamed() throws {
        let f = try Fixture()
        try expectRefusal(f, .unknownIdea(42)) { try $0.withdrawIdea(42) }
        try expectRefusal(f, .unknownParticipant("nobody")) { _ = try $0.participant(handle: "@nobody") }
        try expectRefusal(f, .unknownBoard("council")) { try $0.registerParticipant(handle: "new", boards: ["council"]) }
        try expectRefusal(f, .unknownParticipantID(99)) { try $0.submitIdea("x", by: 99, to: f.consultation) }
        #expect(CharretteError.unknownIdea(42).description == "idea #42 does not exist")
    }

    @Test func namesAreUniqueAndWellFormed() throws {
        let f = try Fixture()
        try expectRefusal(f, .handleTaken("amira")) { try $0.registerParticipant(handle: "@Amira") }
        try expectRefusal(f, .boardNameTaken("youth")) { try $0.createBoard(name: "youth") }
        try expectRefusal(f, .invalidName(kind: "handle", name: "two words", reason: "use only letters, digits, '_', '-' and '.'")) {
            try $0.registerParticipant(handle: "two words")
        }
        try expectRefusal(f, .invalidName(kind: "handle", name: "", reason: "it is empty")) { try $0.registerParticipant(handle: "") }
        try expectRefusal(f, .boardShadowsItself("mirror")) { try $0.createBoard(name: "mirror", shadows: "mirror") }
        try f.workspace.perform { try $0.createTheme("Cost", in: f.consultation) }
        try expectRefusal(f, .themeLabelTaken("cost")) { try $0.createTheme("cost", in: f.consultation) }
    }

    @Test func textsMustHaveContentAndFit() throws {
        let f = try Fixture()
        try expectRefusal(f, .emptyText("idea")) { try $0.submitIdea("   \n", by: f.amira, to: f.consultation) }
        let long = String(repeating: "a", count: Transaction.textLimit + 1)
        try expectRefusal(f, .textTooLong(kind: "idea", length: Transaction.textLimit + 1, limit: Transaction.textLimit)) {
            try $0.submitIdea(long, by: f.amira, to: f.consultation)
        }
        let tenThousand = String(repeating: "é", count: 10_000)
        let idea = try f.workspace.perform { try $0.submitIdea(tenThousand, by: f.amira, to: f.consultation) }
        #expect(f.workspace.state.ideas[idea.id]?.text == tenThousand)
    }

    @Test func whoMayTakePart() throws {
        let f = try Fixture()
        try expectRefusal(f, .observersCannot(handle: "otto", action: "submit ideas")) {
            try $0.submitIdea("Watch only", by: f.otto, to: f.consultation)
        }
        let youthOnly = try f.workspace.perform {
            try $0.openConsultation(title: "Youth pass", question: "Which pass?", boards: ["youth"]).id
        }
        try expectRefusal(f, .notEligible(handle: "lea", consultation: "Youth pass")) {
            try $0.submitIdea("A pass for all", by: f.lea, to: youthOnly)
        }
        try f.workspace.perform { try $0.submitIdea("Cheaper monthly pass", by: f.jon, to: youthOnly) }
        try expectRefusal(f, .notAllowed(handle: "amira", action: "open consultations"), by: f.amira) {
            try $0.openConsultation(title: "Mine", question: "?")
        }
        let idea = try f.ideas("Bike racks on buses")[0]
        try expectRefusal(f, .notAllowed(handle: "jon", action: "withdraw ideas of others"), by: f.jon) { try $0.withdrawIdea(idea) }
        try f.workspace.perform(by: f.amira) { try $0.withdrawIdea(idea) }
        #expect(f.workspace.state.ideas[idea]?.status == .withdrawn)
    }

    @Test func phasesGuardIdeas() throws {
        let f = try Fixture()
        try f.workspace.perform { try $0.changePhase(of: f.consultation, to: .voting) }
        try expectRefusal(f, .ideasNotTaken(title: "Bus fares", phase: .voting)) {
            try $0.submitIdea("Late", by: f.amira, to: f.consultation)
        }
        try expectRefusal(f, .phaseUnchanged(title: "Bus fares", phase: .voting)) { try $0.changePhase(of: f.consultation, to: .voting) }
        try f.workspace.perform { try $0.changePhase(of: f.consultation, to: .closed) }
        try expectRefusal(f, .consultationClosed(title: "Bus fares")) { try $0.changePhase(of: f.consultation, to: .ideation) }
        try expectRefusal(f, .consultationClosed(title: "Bus fares")) { try $0.createTheme("Late theme", in: f.consultation) }
        let draft = try f.workspace.perform { try $0.openConsultation(title: "Draft", question: "?", phase: .draft).id }
        try expectRefusal(f, .ideasNotTaken(title: "Draft", phase: .draft)) { try $0.submitIdea("x", by: f.amira, to: draft) }
    }

    @Test func ideaStatusRules() throws {
        let f = try Fixture()
        let ids = try f.ideas("Free passes under 18", "Free bus passes for teens", "Safer stops")
        try expectRefusal(f, .mergeIntoItself(ids[0])) { try $0.mergeIdea(ids[0], into: ids[0]) }
        try f.workspace.perform { try $0.mergeIdea(ids[1], into: ids[0]) }
        try expectRefusal(f, .ideaNotOpen(ids[1], status: .merged(into: ids[0]))) { try $0.mergeIdea(ids[2], into: ids[1]) }
        try expectRefusal(f, .missingReason("hiding an idea")) { try $0.hideIdea(ids[2], reason: " ") }
        try expectRefusal(f, .notAllowed(handle: "amira", action: "hide ideas"), by: f.amira) { try $0.hideIdea(ids[2], reason: "spam") }
        try f.workspace.perform(by: f.sam) { try $0.hideIdea(ids[2], reason: "duplicate of a removed post") }
        #expect(
            CharretteError.ideaNotOpen(ids[2], status: .hidden(reason: "spam")).description
                == "idea #\(ids[2].rawValue) is hidden by a moderator (spam)")
    }

    @Test func themesStayInTheirConsultation() throws {
        let f = try Fixture()
        let idea = try f.ideas("Night buses")[0]
        let other = try f.workspace.perform { try $0.openConsultation(title: "Cycling", question: "?").id }
        let elsewhere = try f.workspace.perform { try $0.createTheme("Lanes", in: other) }
        try expectRefusal(f, .themeInOtherConsultation(label: "Lanes", consultation: "Bus fares")) {
            try $0.moveIdea(idea, to: elsewhere.id)
        }
        let night = try f.workspace.perform { try $0.createTheme("Night", in: f.consultation) }
        try f.workspace.perform { try $0.moveIdea(idea, to: night.id) }
        try expectRefusal(f, .alreadyInTheme(idea, label: "Night")) { try $0.moveIdea(idea, to: night.id) }
        #expect(f.workspace.state.ideas(in: night.id).map(\.id) == [idea])
    }

    @Test func voteSettingsAreChecked() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B")
        let dots = VotingMethod(rawValue: "dots")!
        try expectRefusal(f, .missingSetting(method: "dots", setting: "budget")) { try $0.openVote("Fares", on: f.consultation, method: dots) }
        try expectRefusal(f, .invalidSetting(setting: "budget", reason: "must be above 0, not 0")) {
            try $0.openVote("Fares", on: f.consultation, method: dots, settings: .init(budget: 0))
        }
        try expectRefusal(f, .missingSetting(method: "stv", setting: "seats")) {
            try $0.openVote("Board", on: f.consultation, method: VotingMethod(rawValue: "stv")!)
        }
        try expectRefusal(f, .invalidSetting(setting: "costs", reason: "give no cost for #\(ids[1].rawValue)")) {
            try $0.openVote(
                "PB", on: f.consultation, method: VotingMethod(rawValue: "pb-greedy")!,
                settings: .init(budget: 100, costs: [ids[0]: 50]))
        }
        try expectRefusal(f, .duplicateCandidate(ids[0])) {
            try $0.openVote("Fares", on: f.consultation, method: VotingMethod(rawValue: "approval")!, candidates: [ids[0], ids[0]])
        }
        let empty = try f.workspace.perform { try $0.openConsultation(title: "Empty", question: "?").id }
        try expectRefusal(f, .noCandidates(vote: "Nothing")) {
            try $0.openVote("Nothing", on: empty, method: VotingMethod(rawValue: "approval")!)
        }
    }

    @Test func ballotsAreChecked() throws {
        let f = try Fixture()
        let ids = try f.ideas("Free passes", "Night buses", "Safer stops")
        let vote = try f.workspace.perform {
            try $0.openVote(
                "Priorities", on: f.consultation, method: VotingMethod(rawValue: "dots")!,
                settings: .init(budget: 5, capPerIdea: 3)
            ).id
        }
        try expectRefusal(f, .dotsOverBudget(handle: "amira", given: 7, budget: 5)) {
            try $0.castBallot(.dots([ids[0]: 3, ids[1]: 3, ids[2]: 1]), by: f.amira, in: vote)
        }
        #expect(CharretteError.dotsOverBudget(handle: "amira", given: 7, budget: 5).description == "@amira gave 7 dots but the budget is 5")
        try expectRefusal(f, .dotsOverCap(handle: "amira", idea: ids[0], given: 4, cap: 3)) {
            try $0.castBallot(.dots([ids[0]: 4]), by: f.amira, in: vote)
        }
        try expectRefusal(f, .negativeAmount(handle: "amira", idea: ids[0])) { try $0.castBallot(.dots([ids[0]: -1]), by: f.amira, in: vote) }
        try expectRefusal(f, .dotsOverCap(handle: "amira", idea: ids[1], given: Int.max, cap: 3)) {
            try $0.castBallot(.dots([ids[0]: 3, ids[1]: Int.max]), by: f.amira, in: vote)
        }
        try expectRefusal(f, .wrongBallot(handle: "amira", vote: "Priorities", method: "dots", expected: .dots, got: .approval)) {
            try $0.castBallot(.approval([ids[0]]), by: f.amira, in: vote)
        }
        try expectRefusal(f, .notACandidate(77, vote: "Priorities")) { try $0.castBallot(.dots([77: 1]), by: f.amira, in: vote) }
        try expectRefusal(f, .observersCannot(handle: "otto", action: "vote")) { try $0.castBallot(.dots([ids[0]: 1]), by: f.otto, in: vote) }
        try expectRefusal(f, .notAllowed(handle: "jon", action: "cast ballots for others"), by: f.jon) {
            try $0.castBallot(.dots([ids[0]: 1]), by: f.amira, in: vote)
        }

        // A later ballot replaces the earlier one.
        try f.workspace.perform { try $0.castBallot(.dots([ids[0]: 3]), by: f.amira, in: vote) }
        try f.workspace.perform(by: f.amira) { try $0.castBallot(.dots([ids[1]: 2, ids[2]: 2]), by: f.amira, in: vote) }
        #expect(f.workspace.state.ballots[vote]?[f.amira] == .dots([ids[1]: 2, ids[2]: 2]))

        f.clock.advance(minutes: 65)
        try f.workspace.perform { try $0.closeVote(vote) }
        let closedAt = f.workspace.state.votes[vote]!.closedAt!
        try expectRefusal(f, .voteClosed(title: "Priorities", since: closedAt)) { try $0.castBallot(.dots([ids[0]: 1]), by: f.jon, in: vote) }
        let message = CharretteError.voteClosed(title: "Priorities", since: closedAt).description
        #expect(message == "voting on 'Priorities' is closed since \(CharretteError.clockTime(closedAt))")
        // The fixture's clock starts at 14:00 UTC; the vote closed 65 minutes later.
        #expect(CharretteError.clockTime(closedAt, now: closedAt, timeZone: TimeZone(identifier: "UTC")!) == "15:05")
        #expect(CharretteError.clockTime(closedAt, now: closedAt + 86_400, timeZone: TimeZone(identifier: "UTC")!) == "2026-11-23 15:05")
    }

    @Test func otherBallotKindsAreChecked() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B", "C")
        let (ranked, scored, quadratic, budget, reactions) = try f.workspace.perform { tx in
            (
                try tx.openVote("Rank", on: f.consultation, method: VotingMethod(rawValue: "schulze")!).id,
                try tx.openVote("Score", on: f.consultation, method: VotingMethod(rawValue: "score")!, settings: .init(scoreRange: 0...10)).id,
                try tx.openVote("QV", on: f.consultation, method: VotingMethod(rawValue: "quadratic")!, settings: .init(credits: 9)).id,
                try tx.openVote(
                    "PB", on: f.consultation, method: VotingMethod(rawValue: "pb-greedy")!,
                    settings: .init(budget: 100, costs: [ids[0]: 60, ids[1]: 50, ids[2]: 30], maxCost: 100)
                ).id,
                try tx.openVote("React", on: f.consultation, method: VotingMethod(rawValue: "reactions")!).id
            )
        }
        try expectRefusal(f, .rankedTwice(handle: "jon", idea: ids[0])) { try $0.castBallot(.ranking([[ids[0]], [ids[1], ids[0]]]), by: f.jon, in: ranked) }
        try expectRefusal(f, .emptyBallot(handle: "jon", vote: "Rank")) { try $0.castBallot(.ranking([]), by: f.jon, in: ranked) }
        try expectRefusal(f, .scoreOutOfRange(handle: "jon", idea: ids[1], score: 11, range: 0...10)) {
            try $0.castBallot(.scores([ids[0]: 10, ids[1]: 11]), by: f.jon, in: scored)
        }
        try expectRefusal(f, .creditsOverBudget(handle: "jon", spent: 13, credits: 9)) {
            try $0.castBallot(.quadratic([ids[0]: 3, ids[1]: -2]), by: f.jon, in: quadratic)
        }
        try expectRefusal(f, .creditsOverBudget(handle: "jon", spent: Int.max, credits: 9)) {
            try $0.castBallot(.quadratic([ids[0]: Int.max, ids[1]: 1]), by: f.jon, in: quadratic)
        }
        try expectRefusal(f, .spendingOverLimit(handle: "jon", cost: 110, limit: 100)) {
            try $0.castBallot(.budget([ids[0], ids[1]]), by: f.jon, in: budget)
        }
        try f.workspace.perform { tx in
            try tx.castBallot(.ranking([[ids[1], ids[2]]]), by: f.jon, in: ranked)  // ties and truncation allowed
            try tx.castBallot(.quadratic([ids[0]: 2, ids[1]: -2]), by: f.jon, in: quadratic)
            try tx.castBallot(.budget([ids[0], ids[2]]), by: f.jon, in: budget)
            try tx.castBallot(.reactions([ids[0]: .agree]), by: f.jon, in: reactions)
            try tx.castBallot(.reactions([ids[1]: .pass, ids[0]: .disagree]), by: f.jon, in: reactions)
        }
        // A later reaction replaces only the reaction to the same idea.
        #expect(f.workspace.state.ballots[reactions]?[f.jon] == .reactions([ids[0]: .disagree, ids[1]: .pass]))
    }

    @Test func aBatchIsAllOrNothing() throws {
        let f = try Fixture()
        let before = f.workspace.state
        #expect(throws: CharretteError.unknownIdea(999)) {
            try f.workspace.perform { tx in
                let idea = try tx.submitIdea("Kept only if all succeeds", by: f.amira, to: f.consultation)
                let theme = try tx.createTheme("Temporary", in: f.consultation)
                try tx.moveIdea(idea.id, to: theme.id)
                try tx.withdrawIdea(999)
            }
        }
        #expect(f.workspace.state == before)
        #expect(try f.storage.recordedHead()?.sequence == before.headSequence)
        // Numbers handed out in the failed batch are handed out again.
        let idea = try f.ideas("Next")[0]
        #expect(idea.rawValue == 1)
    }

    @Test func personalDataStaysOutOfTheJournal() throws {
        let f = try Fixture()
        var found = false
        try f.storage.readEntries(after: 0) { entry in
            let bytes = entry.payload
            if bytes.count >= 4, String(decoding: bytes, as: UTF8.self).contains("Amira K.") { found = true }
        }
        #expect(!found)
        #expect(f.workspace.state.personalRecords[f.amira]?.attributes["district"] == "north")
        try f.workspace.perform { try $0.erasePersonalData(f.amira) }
        #expect(f.workspace.state.personalRecords[f.amira] == nil)
        #expect(try f.workspace.verify().isIntact)
        try expectRefusal(f, .noPersonalData(handle: "amira")) { try $0.erasePersonalData(f.amira) }
    }
}

/// Who may do what: the rules that keep a participant from taking a facilitator's powers.
@Suite("Permissions and guarded changes")
struct PermissionTests {
    @Test func onlyFacilitatorsRegisterAndPromote() throws {
        let f = try Fixture()
        try expectRefusal(f, .notAllowed(handle: "amira", action: "register participants"), by: f.amira) {
            try $0.registerParticipant(handle: "boss", role: .facilitator)
        }
        try expectRefusal(f, .notAllowed(handle: "amira", action: "change roles, boards or others' consent"), by: f.amira) {
            try $0.updateParticipant(f.amira, role: .facilitator)
        }
        try expectRefusal(f, .notAllowed(handle: "amira", action: "change roles, boards or others' consent"), by: f.amira) {
            try $0.updateParticipant(f.amira, boards: ["exec"])
        }
        // A participant may withdraw their own consent; then they can no longer take part.
        try f.workspace.perform(by: f.amira) { try $0.updateParticipant(f.amira, consent: [.analytics]) }
        try expectRefusal(f, .noConsent(handle: "amira")) { try $0.submitIdea("Still here", by: f.amira, to: f.consultation) }
    }

    @Test func observersDoNotSortIdeas() throws {
        let f = try Fixture()
        let idea = try f.ideas("Night buses")[0]
        try expectRefusal(f, .observersCannot(handle: "otto", action: "create themes"), by: f.otto) {
            try $0.createTheme("Mine", in: f.consultation)
        }
        let theme = try f.workspace.perform(by: f.jon) { try $0.createTheme("Night", in: f.consultation) }
        try expectRefusal(f, .observersCannot(handle: "otto", action: "sort ideas"), by: f.otto) {
            try $0.moveIdea(idea, to: theme.id)
        }
        try expectRefusal(f, .notAllowed(handle: "jon", action: "merge ideas"), by: f.jon) {
            try $0.mergeIdea(idea, into: idea)
        }
    }

    @Test func ideasOnAnOpenBallotStayAsVotedOn() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B")
        let vote = try f.workspace.perform { try $0.openVote("Top", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id }
        try expectRefusal(f, .ideaOnOpenBallot(ids[0], vote: "Top"), by: f.amira) { try $0.withdrawIdea(ids[0]) }
        try expectRefusal(f, .ideaOnOpenBallot(ids[0], vote: "Top"), by: f.amira) { try $0.editIdea(ids[0], text: "Changed") }
        try expectRefusal(f, .ideaOnOpenBallot(ids[0], vote: "Top")) { try $0.hideIdea(ids[0], reason: "spam") }
        try expectRefusal(f, .ideaOnOpenBallot(ids[1], vote: "Top")) { try $0.mergeIdea(ids[1], into: ids[0]) }
        try f.workspace.perform { try $0.closeVote(vote) }
        try f.workspace.perform(by: f.amira) { try $0.withdrawIdea(ids[0]) }
    }

    @Test func closingAConsultationClosesItsVotes() throws {
        let f = try Fixture()
        _ = try f.ideas("A")
        let vote = try f.workspace.perform { try $0.openVote("Top", on: f.consultation, method: VotingMethod(rawValue: "approval")!).id }
        try f.workspace.perform { try $0.changePhase(of: f.consultation, to: .closed) }
        #expect(f.workspace.state.votes[vote]?.isOpen == false)
        // One undo reopens both: they were one change.
        try f.workspace.perform { try $0.undo() }
        #expect(f.workspace.state.votes[vote]?.isOpen == true)
        #expect(f.workspace.state.consultations[f.consultation]?.phase == .ideation)
    }

    @Test func malformedRequestsAreRefused() throws {
        let f = try Fixture()
        let ids = try f.ideas("A", "B")
        try expectRefusal(f, .noBoardsInvited) { try $0.openConsultation(title: "Nobody", question: "?", boards: []) }
        let vote = try f.workspace.perform { try $0.openVote("Rank", on: f.consultation, method: VotingMethod(rawValue: "irv")!).id }
        try expectRefusal(f, .emptyTier(handle: "jon")) { try $0.castBallot(.ranking([[ids[0]], [], [ids[1]]]), by: f.jon, in: vote) }
        let long = String(repeating: "x", count: Transaction.textLimit + 1)
        try expectRefusal(f, .textTooLong(kind: "theme description", length: long.count, limit: Transaction.textLimit)) {
            try $0.createTheme("Long", description: long, in: f.consultation)
        }
    }
}
