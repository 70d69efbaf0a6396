/// The shape of a ballot as voters hand it in: what a method declares it takes (its one
/// declaration, read by the domain's checks, `vote open`, `tally` and the generated docs).
public enum BallotKind: String, Codable, Sendable, CaseIterable {
    /// A set of approved ideas.
    case approval
    /// A score (or grade) per idea within the vote's range.
    case scores
    /// An order of preference; ideas in one tier are tied, ideas left out rank below all others.
    case ranking
    /// Dots spread over ideas within a budget, with an optional cap per idea.
    case dots
    /// Votes per idea paid for with voice credits: n votes cost n².
    case quadratic
    /// Agree, disagree or pass on single ideas.
    case reactions
    /// Projects chosen within a budget, each with its cost.
    case budget
    /// Agree, abstain, disagree or block on each proposal.
    case consent

    /// How a count reads these ballots.
    public var shape: BallotShape {
        switch self {
        case .approval, .budget: .approval
        case .scores: .grades
        case .ranking: .ranking
        case .dots, .quadratic: .amounts
        case .reactions, .consent: .positions
        }
    }
}
