import CharretteVoting
import Testing

@testable import Charrette

/// Every method's declaration of its settings is what `openVote` holds it to: a vote opens with the
/// settings it needs (and any it takes besides), is refused without one it needs, and refuses one it
/// would not read.
@Suite("Method settings")
struct MethodSettingsTests {
    /// `settings` with `setting` given a value every method that takes it accepts.
    static func giving(_ setting: TallySetting, to settings: inout VoteSettings, ideas: [Idea.ID]) {
        switch setting {
        case .seats: settings.seats = 2
        case .budget: settings.budget = 100
        case .cap: settings.capPerIdea = 3
        case .credits: settings.credits = 9
        case .range: settings.scoreRange = 1...7
        case .costs: settings.costs = Dictionary(uniqueKeysWithValues: ideas.map { ($0, 30) })
        case .maxCost: settings.maxCost = 90
        case .completion: settings.completion = .addOne
        case .addOneStop: settings.addOneStop = .exhaustive
        case .seed: settings.seed = 7
        }
    }

    static func settings(_ chosen: some Sequence<TallySetting>, ideas: [Idea.ID]) -> VoteSettings {
        var settings = VoteSettings()
        for setting in chosen { giving(setting, to: &settings, ideas: ideas) }
        return settings
    }

    @Test(arguments: TallyMethods.names)
    func aMethodTakesWhatItDeclaresAndNothingElse(_ name: String) throws {
        let f = try Fixture()
        let ideas = try f.ideas("A", "B", "C")
        let method = try #require(VotingMethod(rawValue: name))
        let declared = method.settings
        #expect(declared.required.isSubset(of: declared.taken))
        var titles = 0
        func open(_ settings: VoteSettings) throws {
            titles += 1
            let title = "Vote \(titles)"
            try f.workspace.perform { tx in _ = try tx.openVote(title, on: f.consultation, method: method, settings: settings) }
        }
        // What it needs, then that with each setting it also takes.
        try open(Self.settings(declared.required, ideas: ideas))
        for optional in declared.taken.subtracting(declared.required) {
            try open(Self.settings(declared.required.union([optional]), ideas: ideas))
        }
        // Without each setting it needs.
        for needed in declared.required {
            try expectRefusal(f, .missingSetting(method: name, setting: needed.flags[0])) { tx in
                _ = try tx.openVote(
                    "Missing", on: f.consultation, method: method, settings: Self.settings(declared.required.subtracting([needed]), ideas: ideas))
            }
        }
        // With each setting it does not read.
        for stray in Set(TallySetting.allCases).subtracting(declared.taken) {
            try expectRefusal(f, .settingNotTaken(setting: stray, method: name, takes: declared.sorted)) { tx in
                _ = try tx.openVote("Stray", on: f.consultation, method: method, settings: Self.settings(declared.required.union([stray]), ideas: ideas))
            }
        }
    }

    /// The declarations say what the methods are known to need.
    @Test func declarationsNameWhatTheMethodsNeed() throws {
        func required(_ name: String) -> Set<TallySetting> { TallyMethods.named(name)!.settings.required }
        #expect(required("schulze").isEmpty)
        #expect(required("dots") == [.budget])
        #expect(required("quadratic") == [.credits])
        #expect(required("stv") == [.seats])
        #expect(required("pb-greedy") == [.budget, .costs])
        #expect(TallyMethods.named("pb-equal-shares")!.settings.taken.isSuperset(of: [.completion, .addOneStop]))
        #expect(!TallyMethods.named("pb-greedy")!.settings.taken.contains(.completion))
        #expect(TallyMethods.named("score")!.settings.taken == [.range, .seed])
    }
}
