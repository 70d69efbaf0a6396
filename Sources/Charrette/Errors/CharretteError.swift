import CharretteSupport
import CharretteVoting
import Foundation

/// A change the workspace refused because it would break one of its rules. Nothing was written.
///
/// Each case carries what a facilitator needs to understand the refusal; ``description`` says it
/// in a sentence, such as "voting on 'Bus fares' is closed since 14:05".
public enum CharretteError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownParticipant(String)
    case unknownParticipantID(Participant.ID)
    case unknownIdea(Idea.ID)
    case unknownTheme(String)
    case unknownBoard(String)
    case unknownConsultation(String)
    case unknownVote(String)
    case handleTaken(String)
    case boardNameTaken(String)
    case themeLabelTaken(String)
    /// A name (handle, board, label) that is empty or has characters it may not have.
    case invalidName(kind: String, name: String, reason: String)
    case emptyText(String)
    case textTooLong(kind: String, length: Int, limit: Int)
    /// The text holds a control character (at `position`, counting Unicode scalars from 1).
    case controlCharacter(kind: String, name: String, position: Int)
    case boardShadowsItself(String)
    case consultationClosed(title: String)
    case consultationInDraft(title: String)
    case phaseUnchanged(title: String, phase: Consultation.Phase)
    case ideasNotTaken(title: String, phase: Consultation.Phase)
    case voteClosed(title: String, since: Date)
    case voteTitleTaken(title: String, consultation: String)
    case consultationTitleTaken(String)
    case authorRequired(consultation: String)
    case notEligible(handle: String, consultation: String)
    case observersCannot(handle: String, action: String)
    case noConsent(handle: String)
    case ideaOnOpenBallot(Idea.ID, vote: String)
    case noBoardsInvited
    case emptyTier(handle: String)
    case notAllowed(handle: String, action: String)
    case ideaNotOpen(Idea.ID, status: Idea.Status)
    case ideaNotHeld(Idea.ID, status: Idea.Status)
    case ideaInOtherConsultation(Idea.ID, consultation: String)
    case themeInOtherConsultation(label: String, consultation: String)
    case mergeIntoItself(Idea.ID)
    case alreadyInTheme(Idea.ID, label: String?)
    case ideaNotInTheme(Idea.ID, label: String)
    case themeNotEmpty(label: String, ideas: Int)
    case themeMergedIntoItself(String)
    case splitTakesEverything(label: String)
    case emptyCardSort(handle: String)
    case emptyGroup(label: String)
    case groupLabelRepeated(String)
    case unknownLanguage(String)
    case sortedTwice(Idea.ID, handle: String)
    case missingReason(String)
    case noCandidates(vote: String)
    case duplicateCandidate(Idea.ID)
    case missingSetting(method: String, setting: String)
    case invalidSetting(setting: String, reason: String)
    case settingNotTaken(setting: TallySetting, method: String, takes: [TallySetting])
    case notInvited(handle: String)
    case invitationInUse
    case walkInsClosed(consultation: String)
    case walkInConsentNeeded
    case attributesWithoutConsent
    case wrongBallot(handle: String, vote: String, method: String, expected: BallotKind, got: BallotKind)
    case notACandidate(Idea.ID, vote: String)
    case dotsOverBudget(handle: String, given: Int, budget: Int)
    case dotsOverCap(handle: String, idea: Idea.ID, given: Int, cap: Int)
    case negativeAmount(handle: String, idea: Idea.ID)
    case emptyBallot(handle: String, vote: String)
    case scoreOutOfRange(handle: String, idea: Idea.ID, score: Int, range: ClosedRange<Int>)
    case rankedTwice(handle: String, idea: Idea.ID)
    case creditsOverBudget(handle: String, spent: Int, credits: Int)
    case spendingOverLimit(handle: String, cost: Int, limit: Int)
    case noPersonalData(handle: String)
    case nothingToUndo
    case cannotUndo(entry: Int64, reason: String)
    /// Undo was asked to revert change `expected`, but the latest change is `latest`.
    case notTheLatestChange(expected: Int64, latest: Int64?)
    case emptyChange

    public var description: String {
        switch self {
        case .unknownParticipant(let handle): "participant @\(handle) does not exist"
        case .unknownParticipantID(let id): "participant number \(id.rawValue) does not exist"
        case .unknownIdea(let id): "idea #\(id.rawValue) does not exist"
        case .unknownTheme(let label): "theme '\(label)' does not exist"
        case .unknownBoard(let name): "board '\(name)' does not exist"
        case .unknownConsultation(let title): "consultation '\(title)' does not exist"
        case .unknownVote(let title): "vote '\(title)' does not exist"
        case .handleTaken(let handle): "@\(handle) is already taken by another participant"
        case .boardNameTaken(let name): "a board named '\(name)' already exists"
        case .themeLabelTaken(let label): "a theme labelled '\(label)' already exists in this consultation"
        case .invalidName(let kind, let name, let reason): "'\(name)' cannot be a \(kind): \(reason)"
        case .emptyText(let kind): "the \(kind) is empty"
        case .textTooLong(let kind, let length, let limit): "the \(kind) has \(length) characters; the limit is \(limit)"
        case .controlCharacter(let kind, let name, let position):
            "the \(kind) holds \(name) at character \(position): text that could drive a terminal is refused"
        case .boardShadowsItself(let name): "board '\(name)' cannot shadow itself"
        case .consultationClosed(let title): "consultation '\(title)' is closed; nothing in it can change"
        case .consultationInDraft(let title): "consultation '\(title)' is still a draft; move it to ideation first"
        case .phaseUnchanged(let title, let phase): "consultation '\(title)' is already in \(phase.rawValue)"
        case .ideasNotTaken(let title, let phase): "consultation '\(title)' is in \(phase.rawValue) and takes no new ideas"
        case .voteClosed(let title, let since): "voting on '\(title)' is closed since \(Self.clockTime(since))"
        case .voteTitleTaken(let title, let consultation):
            "consultation '\(consultation)' already has a vote titled '\(title)': give this one another title (votes are named by title or number)"
        case .authorRequired(let consultation):
            "consultation '\(consultation)' takes ideas with their author only (it requires authors): say who had it with --by HANDLE"
        case .consultationTitleTaken(let title):
            "a consultation titled '\(title)' already exists: give this one another title, or go back to it with consultation use"
        case .notEligible(let handle, let consultation): "@\(handle) is not on a board invited to '\(consultation)'"
        case .observersCannot(let handle, let action): "@\(handle) is an observer and cannot \(action)"
        case .notAllowed(let handle, let action): "@\(handle) may not \(action)"
        case .noConsent(let handle): "@\(handle) has not consented to take part"
        case .ideaOnOpenBallot(let id, let vote): "idea #\(id.rawValue) is on the ballot of '\(vote)', which is open: close the vote first"
        case .noBoardsInvited: "a consultation for boards must invite at least one board"
        case .emptyTier(let handle): "@\(handle) handed in a ranking with an empty place"
        case .ideaNotOpen(let id, let status): "idea #\(id.rawValue) is \(Self.describe(status))"
        case .ideaNotHeld(let id, let status): "idea #\(id.rawValue) is not waiting for a moderator: it is \(Self.describe(status))"
        case .ideaInOtherConsultation(let id, let consultation): "idea #\(id.rawValue) belongs to another consultation than '\(consultation)'"
        case .themeInOtherConsultation(let label, let consultation): "theme '\(label)' belongs to another consultation than '\(consultation)'"
        case .mergeIntoItself(let id): "idea #\(id.rawValue) cannot be merged into itself"
        case .alreadyInTheme(let id, let label): label.map { "idea #\(id.rawValue) is already in '\($0)'" } ?? "idea #\(id.rawValue) is in no theme"
        case .ideaNotInTheme(let id, let label): "idea #\(id.rawValue) is not in '\(label)'"
        case .themeNotEmpty(let label, let ideas): "theme '\(label)' still holds \(ideas) idea\(ideas == 1 ? "" : "s"): move or merge them first"
        case .themeMergedIntoItself(let label): "theme '\(label)' cannot be merged into itself"
        case .splitTakesEverything(let label): "a split must leave some ideas in '\(label)'; rename the theme instead"
        case .emptyCardSort(let handle): "@\(handle)'s card sort has no groups"
        case .emptyGroup(let label): "the group '\(label)' has no ideas"
        case .unknownLanguage(let code):
            "unknown language '\(code)': use one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), or auto to detect it"
        case .groupLabelRepeated(let label): "two groups are named '\(label)'; give each group its own name"
        case .sortedTwice(let id, let handle): "@\(handle) put idea #\(id.rawValue) in two groups; a card sort puts each idea in one group"
        case .missingReason(let action): "\(action) needs a reason"
        case .noCandidates(let vote): "vote '\(vote)' has no ideas to vote on"
        case .duplicateCandidate(let id): "idea #\(id.rawValue) is on the ballot twice"
        case .missingSetting(let method, let setting): "the \(method) method needs --\(setting)"
        case .invalidSetting(let setting, let reason): "--\(setting) \(reason)"
        case .notInvited(let handle): "@\(handle) has no invitation to revoke"
        case .invitationInUse: "that invitation secret is already someone else's; draw a new one"
        case .walkInsClosed(let consultation):
            "'\(consultation)' is for the members of its boards only: ask the facilitator for a personal link"
        case .walkInConsentNeeded: "taking part needs your agreement to it: tick the box that says so"
        case .attributesWithoutConsent:
            "answers about yourself are kept only to count who took part, and only with your agreement: tick that box, or leave them unanswered"
        case .settingNotTaken(let setting, let method, let takes):
            "\(setting.flagText) is not a setting of \(method), which takes \(takes.map(\.flagText).joined(separator: ", "))"
        case .wrongBallot(let handle, let vote, let method, let expected, let got):
            "@\(handle) handed in a \(got.rawValue) ballot, but '\(vote)' uses \(method), which takes a \(expected.rawValue) ballot"
        case .notACandidate(let id, let vote): "idea #\(id.rawValue) is not on the ballot of '\(vote)'"
        case .dotsOverBudget(let handle, let given, let budget): "@\(handle) gave \(given) dots but the budget is \(budget)"
        case .dotsOverCap(let handle, let idea, let given, let cap): "@\(handle) gave \(given) dots to #\(idea.rawValue) but the cap is \(cap) per idea"
        case .negativeAmount(let handle, let idea): "@\(handle) gave a negative amount to #\(idea.rawValue)"
        case .emptyBallot(let handle, let vote): "@\(handle) handed in an empty ballot for '\(vote)'"
        case .scoreOutOfRange(let handle, let idea, let score, let range):
            "@\(handle) scored #\(idea.rawValue) \(score), outside \(range.lowerBound) to \(range.upperBound)"
        case .rankedTwice(let handle, let idea): "@\(handle) ranked #\(idea.rawValue) more than once"
        case .creditsOverBudget(let handle, let spent, let credits): "@\(handle) spent \(spent) voice credits but has \(credits)"
        case .spendingOverLimit(let handle, let cost, let limit):
            "@\(handle) chose projects costing \(cost) together, over the \(limit) this vote lets one voter choose (--max-cost)"
        case .noPersonalData(let handle): "@\(handle) has no personal data to change or erase"
        case .nothingToUndo: "there is nothing to undo"
        case .cannotUndo(let entry, let reason): "journal entry \(entry) cannot be undone: \(reason)"
        case .notTheLatestChange(let expected, let latest):
            latest.map { "change \(expected) is not the latest change: change \($0) is; look at journal log before undoing" }
                ?? "change \(expected) is not the latest change: there is nothing left to undo"
        case .emptyChange: "there is nothing to change"
        }
    }

    private static func describe(_ status: Idea.Status) -> String {
        switch status {
        case .open: "open"
        case .merged(let into): "merged into #\(into.rawValue)"
        case .withdrawn: "withdrawn"
        case .hidden(let reason): "hidden by a moderator (\(reason))"
        case .held: "waiting for a moderator"
        }
    }

    /// A time as a facilitator reads it: "14:05" today, with the date otherwise, in local time.
    static func clockTime(_ date: Date, now: Date = Date(), timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour!, parts.minute!)
        if calendar.isDate(date, inSameDayAs: now) { return time }
        return String(format: "%04d-%02d-%02d ", parts.year!, parts.month!, parts.day!) + time
    }
}

/// A journal that cannot be read or written as it stands.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The entry was written by a newer version of Charrette.
    case newerVersion(sequence: Int64, version: Int)
    case unreadable(sequence: Int64, reason: String)
    /// The store's journal does not end where this workspace read it to end, although it holds
    /// the write lock: the store was edited by hand.
    case headMoved(expected: Int64, found: Int64)
    /// The workspace may only be read; the reason says why and what to do.
    case readOnly(String)
    /// Another process held the store's write lock for longer than a writer waits.
    case busy(seconds: Int)
    /// The store's entries do not form a journal this workspace can fold.
    case inconsistent(sequence: Int64, reason: String)

    public var description: String {
        switch self {
        case .newerVersion(let sequence, let version):
            "journal entry \(sequence) uses event version \(version); this Charrette reads up to \(Event.currentVersion)"
        case .unreadable(let sequence, let reason): "journal entry \(sequence) cannot be read: \(reason)"
        case .headMoved(let expected, let found):
            "the store's journal ends at entry \(found), not at entry \(expected) where this workspace read it to end: run journal verify"
        case .readOnly(let reason): "this workspace can only be read: \(reason)"
        case .busy(let seconds):
            "another process has been writing to this workspace for over \(seconds) seconds; nothing was written: try again when it is done"
        case .inconsistent(let sequence, let reason): "journal entry \(sequence): \(reason)"
        }
    }
}

// The facilitator's sentence wherever errors are shown: `localizedDescription` on every platform,
// and the same in an NSError for the APIs that bridge to one.
extension CharretteError: LocalizedError {
    public var errorDescription: String? { description }
}

extension CharretteError: CustomNSError {
    public static var errorDomain: String { "Charrette" }
    public var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: description] }
}

extension JournalError: LocalizedError {
    public var errorDescription: String? { description }
}

extension JournalError: CustomNSError {
    public static var errorDomain: String { "Charrette.Journal" }
    public var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: description] }
}
