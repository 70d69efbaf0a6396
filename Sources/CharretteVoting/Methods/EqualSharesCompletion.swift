/// How the method of equal shares for budgets (`pb-equal-shares`) spends the money its first count
/// leaves: run at the real budget, equal shares typically spends 60 to 70% of it.
///
/// The variants are those of the equalshares.net computation tool, which the cities that adopted
/// the method use, and of pabutools: `add-one-greedy` is the standard (pabutools'
/// `exhaustion_by_budget_increase` then `greedy_utilitarian_welfare`, the tool's "Add1u");
/// Wieliczka (2023), Aarau (2023) and Świecie (2023) published results with `add-one` alone
/// ("Add1"), leaving money unspent when a project would still fit; Wieliczka's is reproduced by
/// raising until the next raise would overspend (`overBudget`).
public struct EqualSharesCompletion: Sendable, Hashable, CustomStringConvertible {
    /// What follows the first count.
    public enum Rule: String, Sendable, CaseIterable, Codable {
        /// Raise every voter's share by 1 at a time while the outcome fits the budget, then fund
        /// the most approved projects that still fit.
        case addOneGreedy = "add-one-greedy"
        /// Raise every voter's share by 1 at a time while the outcome fits the budget; stop there.
        case addOne = "add-one"
        /// Keep the shares; fund the most approved projects that still fit.
        case greedy
        /// Keep the first count's outcome, and what it leaves unspent.
        case none
    }

    /// When the raising of the shares stops (the add-one rules).
    public enum Stop: String, Sendable, CaseIterable, Codable {
        /// At the first outcome that is exhaustive (no other project fits what is left), or before
        /// the raise whose outcome would cost more than the budget: the recommended rule, the
        /// tool's "stop process when exhaustive" and pabutools' `exhaustive_stop=True`.
        case exhaustive
        /// Only before the raise whose outcome would cost more than the budget: the last raise
        /// that fits, exhaustive or not (pabutools' `exhaustive_stop=False`).
        case overBudget = "over-budget"
    }

    /// What follows the first count.
    public var rule: Rule
    /// When the raising stops; unused by `greedy` and `none`.
    public var stop: Stop

    /// A completion; the standard one if nothing is given.
    public init(_ rule: Rule = .addOneGreedy, stop: Stop = .exhaustive) {
        self.rule = rule
        self.stop = stop
    }

    /// Add-one, then greedy, stopping at the first exhaustive outcome.
    public static let standard = EqualSharesCompletion()

    /// Whether the voters' shares are raised.
    var raisesShares: Bool { rule == .addOneGreedy || rule == .addOne }
    /// Whether money still left goes to the most approved projects that fit.
    var fillsGreedily: Bool { rule == .addOneGreedy || rule == .greedy }

    /// How the completion reads in a result: "add-one, then greedy".
    public var description: String {
        switch rule {
        case .addOneGreedy: "add-one (\(stopText)), then greedy"
        case .addOne: "add-one (\(stopText))"
        case .greedy: "greedy"
        case .none: "none"
        }
    }

    private var stopText: String {
        switch stop {
        case .exhaustive: "stopping at the first exhaustive outcome"
        case .overBudget: "stopping only before the budget is overspent"
        }
    }
}
