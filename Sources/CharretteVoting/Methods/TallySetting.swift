/// A setting a vote's count can take, named as `vote open` and `tally` name its flags.
///
/// A method declares the settings it takes in ``TallyMethod/settings``; the domain refuses a vote
/// opened with a setting its method does not take (a `--budget` on a Schulze vote would otherwise
/// be stored and never read) and asks for the ones it needs.
public enum TallySetting: String, CaseIterable, Sendable, Comparable {
    /// Winners to elect (`--seats`).
    case seats
    /// Dots per voter, or the money to spend (`--budget`).
    case budget
    /// The most dots on one candidate (`--cap`).
    case cap
    /// Voice credits per voter (`--credits`).
    case credits
    /// The lowest and highest score or grade (`--min`, `--max`).
    case range
    /// What each project costs (`--costs`).
    case costs
    /// The most the projects one voter chooses may cost together (`--max-cost`).
    case maxCost = "max-cost"
    /// What equal shares for budgets does with the money its first count leaves (`--completion`).
    case completion
    /// When the add-one completion stops raising the shares (`--add-one-stop`).
    case addOneStop = "add-one-stop"
    /// The seed for ties broken by lot (`--seed`).
    case seed

    /// The flags that give this setting, without their dashes.
    public var flags: [String] { self == .range ? ["min", "max"] : [rawValue] }

    /// The flags as a reader meets them: `--min/--max`.
    public var flagText: String { flags.map { "--\($0)" }.joined(separator: "/") }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The settings a method takes, and which of them a vote must give.
public struct TallySettings: Sendable, Hashable {
    /// The settings a vote must give (a dot vote's budget).
    public var required: Set<TallySetting>
    /// Every setting the method reads, the required ones included.
    public var taken: Set<TallySetting>

    /// Settings of which `required` must be given and `optional` may be; the seed is always taken.
    public init(required: Set<TallySetting> = [], optional: Set<TallySetting> = []) {
        self.required = required
        self.taken = required.union(optional).union([.seed])
    }

    /// What a method counting `kind` ballots takes unless it says otherwise; `seats` when it must be told
    /// how many to elect.
    public static func standard(for kind: BallotKind, seats: Bool) -> TallySettings {
        var settings: TallySettings
        switch kind {
        case .approval, .ranking, .reactions, .consent: settings = TallySettings()
        case .scores: settings = TallySettings(optional: [.range])
        case .dots: settings = TallySettings(required: [.budget], optional: [.cap])
        case .quadratic: settings = TallySettings(required: [.credits])
        case .budget: settings = TallySettings(required: [.budget, .costs], optional: [.maxCost])
        }
        if seats { settings.add(required: .seats) }
        return settings
    }

    /// These settings with `setting` required as well.
    public mutating func add(required setting: TallySetting) {
        required.insert(setting)
        taken.insert(setting)
    }

    /// These settings with `setting` optional as well.
    public mutating func add(optional setting: TallySetting) { taken.insert(setting) }

    /// The settings taken, in the order the reference presents them.
    public var sorted: [TallySetting] { taken.sorted() }
}
