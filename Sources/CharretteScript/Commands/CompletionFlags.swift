import CharretteVoting

/// The flags `vote open` and `tally` share that choose how equal shares for budgets
/// (`pb-equal-shares`) spends the money its first count leaves.
enum CompletionFlags {
    typealias Rule = EqualSharesCompletion.Rule
    typealias Stop = EqualSharesCompletion.Stop

    static let signature: [Signature.Flag] = [
        .init(
            "completion", "RULE",
            "what pb-equal-shares does with the money its first count leaves: "
                + "add-one-greedy (the default), add-one, greedy or none",
            completes: .words(Rule.allCases.map(\.rawValue))),
        .init(
            "add-one-stop", "STOP",
            "when add-one stops raising the voters' shares: exhaustive (the default: at the first "
                + "outcome no other project fits) or over-budget (only before an outcome would cost more than the budget)",
            completes: .words(Stop.allCases.map(\.rawValue))),
    ]

    /// The rule and stop `call` names, each `nil` when not given; the stop refused for completions
    /// that raise no shares. (Other methods than `pb-equal-shares` refuse both: ``SettingFlags``.)
    static func read(_ call: Invocation, default rule: Rule = .addOneGreedy) throws -> (rule: Rule?, stop: Stop?) {
        let chosen = try call.flagChoice("completion", as: Rule.self), stop = try call.flagChoice("add-one-stop", as: Stop.self)
        let raising = chosen ?? rule
        if stop != nil, raising == .greedy || raising == .none {
            throw call.flagError("add-one-stop", "--add-one-stop is for the add-one completions, not --completion \(raising.rawValue)")
        }
        return (chosen, stop)
    }
}
