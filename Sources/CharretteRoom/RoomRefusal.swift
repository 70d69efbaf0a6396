import Charrette

/// The domain's refusals as the room says them to a participant: in the page's language, to them
/// ("you gave 12 dots, but you have 10") rather than about them. The rule and its check stay the
/// domain's; only the sentence is the room's. A refusal without a text in the catalogue (a
/// facilitator's rule a participant never meets) is the domain's English sentence.
enum RoomRefusal {
    /// What to show for `error` in `texts`' language.
    static func sentence(_ error: any Error, _ texts: Catalogue.Texts) -> String {
        guard let refusal = error as? CharretteError, let (key, values) = text(of: refusal) else { return "\(error)" }
        return texts.filling(key, values) ?? refusal.description
    }

    /// The catalogue key of `error` and the values its text names.
    static func text(of error: CharretteError) -> (String, [String: String])? {
        func idea(_ id: Idea.ID) -> String { "#\(id.rawValue)" }
        return switch error {
        case .unknownIdea(let id): ("refusal.unknownIdea", ["idea": idea(id)])
        case .unknownVote(let title): ("refusal.unknownVote", ["vote": title])
        case .handleTaken(let handle): ("refusal.handleTaken", ["handle": handle])
        case .emptyText(let kind): (kind == "idea" ? "refusal.emptyIdea" : "refusal.emptyText", [:])
        case .textTooLong(_, let length, let limit): ("refusal.textTooLong", ["length": "\(length)", "limit": "\(limit)"])
        case .controlCharacter(_, _, let position): ("refusal.controlCharacter", ["position": "\(position)"])
        case .consultationClosed(let title): ("refusal.consultationClosed", ["title": title])
        case .ideasNotTaken: ("refusal.ideasNotTaken", [:])
        case .voteClosed(let title, let since): ("refusal.voteClosed", ["title": title, "time": since.formatted(.dateTime.hour().minute())])
        case .notEligible(_, let consultation): ("refusal.notEligible", ["consultation": consultation])
        case .observersCannot: ("refusal.observersCannot", [:])
        case .notAllowed(_, let action): ("refusal.notAllowed", ["action": action])
        case .noConsent: ("refusal.noConsent", [:])
        case .ideaOnOpenBallot(let id, let vote): ("refusal.ideaOnOpenBallot", ["idea": idea(id), "vote": vote])
        case .emptyTier: ("refusal.emptyTier", [:])
        case .ideaNotOpen(let id, _): ("refusal.ideaNotOpen", ["idea": idea(id)])
        case .emptyCardSort: ("refusal.emptyCardSort", [:])
        case .emptyGroup(let label): ("refusal.emptyGroup", ["label": label])
        case .groupLabelRepeated(let label): ("refusal.groupLabelRepeated", ["label": label])
        case .sortedTwice(let id, _): ("refusal.sortedTwice", ["idea": idea(id)])
        case .walkInsClosed(let consultation): ("refusal.walkInsClosed", ["consultation": consultation])
        case .walkInConsentNeeded: ("refusal.walkInConsentNeeded", [:])
        case .attributesWithoutConsent: ("refusal.attributesWithoutConsent", [:])
        case .wrongBallot(_, let vote, _, _, _): ("refusal.wrongBallot", ["vote": vote])
        case .notACandidate(let id, let vote): ("refusal.notACandidate", ["idea": idea(id), "vote": vote])
        case .dotsOverBudget(_, let given, let budget): ("refusal.dotsOverBudget", ["given": "\(given)", "budget": "\(budget)"])
        case .dotsOverCap(_, let id, let given, let cap): ("refusal.dotsOverCap", ["idea": idea(id), "given": "\(given)", "cap": "\(cap)"])
        case .negativeAmount(_, let id): ("refusal.negativeAmount", ["idea": idea(id)])
        case .emptyBallot(_, let vote): ("refusal.emptyBallot", ["vote": vote])
        case .scoreOutOfRange(_, let id, let score, let range):
            ("refusal.scoreOutOfRange", ["idea": idea(id), "score": "\(score)", "low": "\(range.lowerBound)", "high": "\(range.upperBound)"])
        case .rankedTwice(_, let id): ("refusal.rankedTwice", ["idea": idea(id)])
        case .creditsOverBudget(_, let spent, let credits): ("refusal.creditsOverBudget", ["spent": "\(spent)", "credits": "\(credits)"])
        case .spendingOverLimit(_, let cost, let limit): ("refusal.spendingOverLimit", ["cost": "\(cost)", "limit": "\(limit)"])
        default: nil
        }
    }
}
