import Charrette
import CharretteSupport
import Foundation

/// What a session asked of its data that the data cannot give: no such vote, several open where
/// one was meant, nothing to count or combine yet. Each case says it in the facilitator's words
/// (``description``); front ends add how they name things (`--vote TITLE` in the shell).
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The consultation holds no vote yet.
    case noVote
    /// No vote of the consultation is titled or numbered so; `votes` are those it holds.
    case unknownVote(String, votes: [Vote])
    /// Several votes carry the title (workspaces from before titles were kept apart).
    case ambiguousVote(String, votes: [Vote])
    /// The vote numbered so belongs to another consultation, titled so.
    case voteOfAnotherConsultation(Vote, consultation: String)
    /// No vote is open; the newest closed one, if any.
    case noOpenVote(lastClosed: Vote?)
    /// Several votes are open where one was meant.
    case severalOpenVotes([Vote])
    /// The vote is not a reactions vote.
    case notAReactionsVote(Vote)
    /// The consultation holds no reactions vote (open, when `open`).
    case noReactionsVote(open: Bool)
    /// Nobody has reacted in the reactions vote yet.
    case noReactions(Vote)
    /// The vote's method cannot count its ballots, for `reason` (a refused ballot named by its voter).
    case cannotCount(Vote, reason: String)
    /// The card sorts cannot be combined, for `reason`.
    case cannotCombineCardSorts(reason: String)
    /// Themes cannot be suggested for the ideas, for `reason`.
    case cannotSuggestThemes(reason: String)
    /// Nobody has handed in a card sort yet.
    case noCardSorts
    /// No idea of the card sorts is still open.
    case noOpenSortedIdeas
    /// The consultation has no open ideas.
    case noOpenIdeas
    /// Every open idea is in a theme already.
    case noUnsortedIdeas

    public var description: String {
        switch self {
        case .noVote: "there is no vote yet in this consultation"
        case .unknownVote(let title, let votes):
            "no vote of this consultation is titled or numbered '\(title)'"
                + (NearMiss.closest(to: title, among: votes.map(\.title)).map { "; did you mean '\($0)'?" }
                    ?? (votes.isEmpty
                        ? "; there is no vote yet" : "; the votes are " + votes.map { "\($0.id.rawValue) '\($0.title)'" }.joined(separator: ", ")))
        case .ambiguousVote(let title, let votes):
            "\(votes.count) votes are titled '\(title)' (numbers \(votes.map { String($0.id.rawValue) }.joined(separator: ", "))): name one by its number"
        case .voteOfAnotherConsultation(let vote, let consultation):
            "vote \(vote.id.rawValue) belongs to consultation '\(consultation)': consultation use \"\(consultation)\" first"
        case .noOpenVote(let closed?) where closed.closedAt != nil:
            CharretteError.voteClosed(title: closed.title, since: closed.closedAt!).description
        case .noOpenVote: "no vote is open: open one with vote open \"TITLE\" --method METHOD"
        case .severalOpenVotes(let open):
            "\(open.count) votes are open (\(open.map { "'\($0.title)'" }.joined(separator: ", "))): name one"
        case .notAReactionsVote(let vote): "'\(vote.title)' is a \(vote.method.rawValue) vote, not a reactions vote"
        case .noReactionsVote(let open):
            "no reactions vote is \(open ? "open" : "there"): open one with vote open \"Reactions\" --method reactions"
        case .noReactions(let vote): "nobody has reacted in '\(vote.title)' yet: use react @PERSON #IDEA agree"
        case .cannotCount(let vote, let reason): "cannot count '\(vote.title)': \(reason)"
        case .cannotCombineCardSorts(let reason): "cannot combine the card sorts: \(reason)"
        case .cannotSuggestThemes(let reason): "cannot suggest themes: \(reason)"
        case .noCardSorts: "nobody has handed in a card sort yet: use 'sort submit'"
        case .noOpenSortedIdeas: "none of the ideas in the card sorts is still open: nothing to combine"
        case .noOpenIdeas: "the consultation has no open ideas to suggest themes for"
        case .noUnsortedIdeas: "every open idea is already in a theme: there is nothing to suggest"
        }
    }

    public var errorDescription: String? { description }
}
