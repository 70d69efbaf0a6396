import Foundation
import Testing

@testable import Charrette

/// Merging, splitting and undoing themes, and card sorts: every idea stays in exactly one place.
@Suite("Theme work")
struct ThemeWorkTests {
    /// Each idea of the consultation with its theme: every idea appears once, in one theme or none.
    static func places(_ f: Fixture) -> [Idea.ID: Theme.ID?] {
        let ideas = f.workspace.state.ideas(of: f.consultation)
        #expect(Set(ideas.map(\.id)).count == ideas.count)
        for idea in ideas { if let theme = idea.theme { #expect(f.workspace.state.themes[theme] != nil, "idea #\(idea.id.rawValue) in a removed theme") } }
        return Dictionary(uniqueKeysWithValues: ideas.map { ($0.id, $0.theme) })
    }

    /// Six ideas in two themes, one of them withdrawn, plus one unsorted.
    static func wall(_ f: Fixture) throws -> (ideas: [Idea.ID], cost: Theme.ID, night: Theme.ID) {
        let ideas = try f.ideas("Free passes", "Cheaper monthly pass", "Lower fares", "Night buses", "Lighting at stops", "Cameras", "Benches")
        let (cost, night) = try f.workspace.perform(by: f.sam) { tx in
            let cost = try tx.createTheme("Cost", in: f.consultation), night = try tx.createTheme("Night", in: f.consultation)
            for i in ideas[0..<3] { try tx.moveIdea(i, to: cost.id) }
            for i in ideas[3..<6] { try tx.moveIdea(i, to: night.id) }
            try tx.withdrawIdea(ideas[2])
            return (cost.id, night.id)
        }
        return (ideas, cost, night)
    }

    @Test func mergeMovesEveryIdeaAndUndoRestoresTheTheme() throws {
        let f = try Fixture()
        let (ideas, cost, night) = try Self.wall(f)
        let before = Self.places(f)
        let themesBefore = f.workspace.state.themes
        try f.workspace.perform(by: f.sam) { try $0.mergeTheme(cost, into: night) }
        let merged = Self.places(f)
        #expect(f.workspace.state.themes[cost] == nil)
        for i in ideas[0..<6] { #expect(merged[i] == night) }  // the withdrawn one too: no idea points at a removed theme
        #expect(merged[ideas[6]] == .some(nil))
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(Self.places(f) == before)
        #expect(f.workspace.state.themes == themesBefore)
        let reopened = try Workspace(storage: f.storage)
        #expect(reopened.state == f.workspace.state)
    }

    @Test func splitMakesANewThemeAndUndoPutsTheIdeasBack() throws {
        let f = try Fixture()
        let (ideas, cost, night) = try Self.wall(f)
        let before = Self.places(f)
        let dark = try f.workspace.perform(by: f.amira) { try $0.splitTheme(night, ideas: [ideas[4], ideas[5]], into: "After dark") }
        let split = Self.places(f)
        #expect(split[ideas[3]] == night && split[ideas[4]] == dark.id && split[ideas[5]] == dark.id && split[ideas[0]] == cost)
        #expect(dark.createdBy == f.amira)
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(Self.places(f) == before)
        #expect(f.workspace.state.themes[dark.id] == nil)
    }

    @Test func refusedThemeChangesWriteNothing() throws {
        let f = try Fixture()
        let (ideas, cost, night) = try Self.wall(f)
        try expectRefusal(f, .themeMergedIntoItself("Cost"), by: f.sam) { try $0.mergeTheme(cost, into: cost) }
        try expectRefusal(f, .ideaNotInTheme(ideas[0], label: "Night"), by: f.sam) { _ = try $0.splitTheme(night, ideas: [ideas[3], ideas[0]], into: "X") }
        try expectRefusal(f, .splitTakesEverything(label: "Night"), by: f.sam) { _ = try $0.splitTheme(night, ideas: Array(ideas[3..<6]), into: "X") }
        try expectRefusal(f, .themeLabelTaken("cost"), by: f.sam) { _ = try $0.splitTheme(night, ideas: [ideas[3]], into: "cost") }
        try expectRefusal(f, .themeNotEmpty(label: "Cost", ideas: 2), by: f.sam) { try $0.removeTheme(cost) }
        try expectRefusal(f, .ideaNotOpen(ideas[2], status: .withdrawn), by: f.sam) { _ = try $0.splitTheme(cost, ideas: [ideas[2]], into: "X") }
        // Only open ideas count: splitting both open ideas of Cost would leave it with a withdrawn one.
        try expectRefusal(f, .splitTakesEverything(label: "Cost"), by: f.sam) { _ = try $0.splitTheme(cost, ideas: [ideas[0], ideas[1]], into: "X") }
        try expectRefusal(f, .observersCannot(handle: "otto", action: "merge themes"), by: f.otto) { try $0.mergeTheme(cost, into: night) }
    }

    @Test func aThemeOfClosedIdeasCanBeRemovedAndTheyLeaveIt() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses")
        let theme = try f.workspace.perform(by: f.sam) { tx in
            let theme = try tx.createTheme("Spare", in: f.consultation)
            try tx.moveIdea(ideas[0], to: theme.id)
            try tx.withdrawIdea(ideas[0])
            return theme.id
        }
        try f.workspace.perform(by: f.sam) { try $0.removeTheme(theme) }
        #expect(f.workspace.state.themes[theme] == nil)
        #expect(Self.places(f)[ideas[0]] == .some(nil))
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(Self.places(f)[ideas[0]] == theme)
    }

    @Test func duplicatesStayWithTheIdeaTheyWereMergedInto() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Free passes for teenagers", "Night buses", "Lighting")
        let (cost, night) = try f.workspace.perform(by: f.sam) { tx in
            let cost = try tx.createTheme("Cost", in: f.consultation), night = try tx.createTheme("Night", in: f.consultation)
            try tx.moveIdea(ideas[0], to: cost.id)
            try tx.moveIdea(ideas[2], to: cost.id)
            try tx.moveIdea(ideas[3], to: cost.id)
            try tx.mergeIdea(ideas[1], into: ideas[0])  // joins #1 in Cost
            return (cost.id, night.id)
        }
        #expect(Self.places(f)[ideas[1]] == cost)
        try f.workspace.perform(by: f.sam) { tx in
            try tx.moveIdea(ideas[0], to: night)
            try tx.moveIdea(ideas[2], to: night)
        }
        #expect(Self.places(f)[ideas[1]] == night)
        let split = try f.workspace.perform(by: f.sam) { try $0.splitTheme(night, ideas: [ideas[0]], into: "Passes") }
        #expect(Self.places(f)[ideas[1]] == split.id && Self.places(f)[ideas[2]] == night)
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(Self.places(f)[ideas[0]] == night && Self.places(f)[ideas[1]] == night)
    }

    @Test func cardSortsReplaceAndUndo() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses", "Lighting", "Cheaper pass")
        let first = try f.workspace.perform(by: f.jon) { tx in
            try tx.submitCardSort(
                [.init(label: "Money", ideas: [ideas[0], ideas[3]]), .init(label: "Night", ideas: [ideas[1]])], by: f.jon, in: f.consultation)
        }
        #expect(f.workspace.state.cardSorts[f.consultation]?[f.jon] == first)
        let second = try f.workspace.perform(by: f.jon) { tx in
            try tx.submitCardSort([.init(label: "All", ideas: ideas)], by: f.jon, in: f.consultation)
        }
        #expect(f.workspace.state.cardSorts[f.consultation]?[f.jon] == second)
        let reopened = try Workspace(storage: f.storage)
        #expect(reopened.state == f.workspace.state)
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(f.workspace.state.cardSorts[f.consultation]?[f.jon] == first)
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(f.workspace.state.cardSorts[f.consultation] == nil)
    }

    @Test func aConsultationKeepsItsLanguage() throws {
        let f = try Fixture()
        try f.workspace.perform(by: f.sam) { try $0.setLanguage(of: f.consultation, to: "FR") }
        #expect(f.workspace.state.consultations[f.consultation]?.language == "fr")
        try expectRefusal(f, .unknownLanguage("klingon"), by: f.sam) { try $0.setLanguage(of: f.consultation, to: "klingon") }
        try expectRefusal(f, .emptyChange, by: f.sam) { try $0.setLanguage(of: f.consultation, to: "french") }
        try expectRefusal(f, .notAllowed(handle: "amira", action: "set the language of a consultation"), by: f.amira) {
            try $0.setLanguage(of: f.consultation, to: "es")
        }
        #expect(try Workspace(storage: f.storage).state == f.workspace.state)
        try f.workspace.perform(by: f.sam) { _ = try $0.undo() }
        #expect(f.workspace.state.consultations[f.consultation]?.language == nil)
    }

    @Test func cardSortsAreChecked() throws {
        let f = try Fixture()
        let ideas = try f.ideas("Free passes", "Night buses", "Lighting")
        func sort(_ groups: [CardSort.Group], by who: Participant.ID? = nil) -> (inout Transaction) throws -> Void {
            { tx in _ = try tx.submitCardSort(groups, by: who ?? f.jon, in: f.consultation) }
        }
        try expectRefusal(f, .emptyCardSort(handle: "jon"), by: f.jon, sort([]))
        try expectRefusal(f, .emptyGroup(label: "Cost"), by: f.jon, sort([.init(label: "Cost", ideas: [])]))
        try expectRefusal(f, .groupLabelRepeated("cost"), by: f.jon, sort([.init(label: "Cost", ideas: [ideas[0]]), .init(label: "cost", ideas: [ideas[1]])]))
        try expectRefusal(
            f, .sortedTwice(ideas[0], handle: "jon"), by: f.jon, sort([.init(label: "A", ideas: [ideas[0]]), .init(label: "B", ideas: [ideas[0]])]))
        try expectRefusal(f, .unknownIdea(99), by: f.jon, sort([.init(label: "A", ideas: [99])]))
        try expectRefusal(
            f, .notAllowed(handle: "jon", action: "hand in card sorts for others"), by: f.jon, sort([.init(label: "A", ideas: [ideas[0]])], by: f.amira))
        try expectRefusal(f, .emptyText("group name"), by: f.jon, sort([.init(label: "  ", ideas: [ideas[0]])]))
    }
}
