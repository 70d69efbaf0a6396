import Foundation

/// One change to a workspace, as the journal records it.
///
/// The workspace state is the fold of these events in journal order. Each event carries what is
/// needed to reverse it (the value before a change, the ballot a new one replaced), so `undo` can
/// write the exact compensating event and an audit reads "moved from A to B", not just "moved".
/// Personal data never appears here: see ``PersonalRecord``.
///
/// Events are stored in the binary layout of `Coding/EventCoding.swift`, versioned by
/// ``Event/currentVersion``: a change to a stored layout needs a new version, and the reader keeps
/// reading the older ones. `Codable` gives the same events as JSON, for exports.
public indirect enum Event: Codable, Sendable, Hashable {
    case boardCreated(Board)
    case boardRemoved(Board)

    /// `personalData` is a commitment to the participant's ``PersonalRecord``, if one was given.
    case participantRegistered(Participant, personalData: PersonalDataCommitment?)
    case participantUpdated(before: Participant, after: Participant)
    case participantRemoved(Participant, personalData: PersonalDataCommitment?)
    /// The participant's personal record was replaced by a new one.
    case personalDataChanged(Participant.ID, before: PersonalDataCommitment?, after: PersonalDataCommitment?)
    /// The participant's personal record was erased for good; cannot be undone.
    case personalDataErased(Participant.ID)

    case consultationOpened(Consultation)
    case consultationRemoved(Consultation)
    /// `at` is when the new phase began, `previouslyAt` when the old one had begun.
    case consultationPhaseChanged(Consultation.ID, from: Consultation.Phase, to: Consultation.Phase, at: Date, previouslyAt: Date)
    /// The language of a consultation's ideas was set (`nil`: detect it).
    case consultationLanguageChanged(Consultation.ID, from: String?, to: String?)
    /// Whether a consultation's ideas must name their author changed.
    case authorsRequired(Consultation.ID, from: Bool, to: Bool)
    /// Whether a consultation holds participants' new ideas for a facilitator to approve changed.
    case ideaModerationChanged(Consultation.ID, from: Bool, to: Bool)

    case ideaSubmitted(Idea)
    case ideaRemoved(Idea)
    case ideaStatusChanged(Idea.ID, from: Idea.Status, to: Idea.Status)
    case ideaTextChanged(Idea.ID, from: String, to: String)
    case ideaMoved(Idea.ID, from: Theme.ID?, to: Theme.ID?)

    case themeCreated(Theme)
    case themeRemoved(Theme)
    case themeChanged(before: Theme, after: Theme)

    case voteOpened(Vote)
    case voteRemoved(Vote)
    case voteClosed(Vote.ID, at: Date)
    /// A closed vote taking ballots again; `closedAt` is when it had closed.
    case voteReopened(Vote.ID, closedAt: Date)
    /// A ballot was cast at `at`; `replacing` is the voter's earlier ballot, if any.
    case ballotCast(Vote.ID, voter: Participant.ID, ballot: Ballot, at: Date, replacing: CastBallot?)
    /// A ballot was taken back (the reverse of a cast); `restoring` is the ballot it had replaced.
    case ballotWithdrawn(Vote.ID, voter: Participant.ID, withdrawn: CastBallot, restoring: CastBallot?)

    /// A participant handed in their card sort; `replacing` is their earlier one, if any.
    case cardSortSubmitted(CardSort, replacing: CardSort?)
    /// A card sort was taken back (the reverse of a submission); `restoring` is the one it had replaced.
    case cardSortWithdrawn(CardSort, restoring: CardSort?)

    /// A step of the agenda finished (the shell's `step`).
    case agendaStepRecorded(AgendaStep)
    /// A recorded step was taken back (the reverse of recording it).
    case agendaStepRemoved(AgendaStep)

    /// A participant was given a personal link into the live room; `replacing` is their earlier
    /// link, which stops working.
    case invitationIssued(Invitation, replacing: Invitation?)
    /// A participant's personal link was revoked.
    case invitationRevoked(Invitation)

    /// Journal entry `entry`, part of the change that began at entry `change`, was undone by
    /// applying `compensation`.
    case undone(entry: Int64, change: Int64, compensation: Event)

    /// The version of the event encoding this build writes (see `Coding/BinaryCoding.swift` for
    /// what each version changed).
    public static let currentVersion = 2

    /// The case name, as stored in the journal's `kind` column for people querying it with SQL.
    public var kind: String {
        switch self {
        case .boardCreated: "boardCreated"
        case .boardRemoved: "boardRemoved"
        case .participantRegistered: "participantRegistered"
        case .participantUpdated: "participantUpdated"
        case .participantRemoved: "participantRemoved"
        case .personalDataChanged: "personalDataChanged"
        case .personalDataErased: "personalDataErased"
        case .consultationOpened: "consultationOpened"
        case .consultationRemoved: "consultationRemoved"
        case .consultationPhaseChanged: "consultationPhaseChanged"
        case .ideaSubmitted: "ideaSubmitted"
        case .ideaRemoved: "ideaRemoved"
        case .ideaStatusChanged: "ideaStatusChanged"
        case .ideaTextChanged: "ideaTextChanged"
        case .ideaMoved: "ideaMoved"
        case .themeCreated: "themeCreated"
        case .themeRemoved: "themeRemoved"
        case .themeChanged: "themeChanged"
        case .voteOpened: "voteOpened"
        case .voteRemoved: "voteRemoved"
        case .voteClosed: "voteClosed"
        case .voteReopened: "voteReopened"
        case .ballotCast: "ballotCast"
        case .ballotWithdrawn: "ballotWithdrawn"
        case .cardSortSubmitted: "cardSortSubmitted"
        case .cardSortWithdrawn: "cardSortWithdrawn"
        case .consultationLanguageChanged: "consultationLanguageChanged"
        case .agendaStepRecorded: "agendaStepRecorded"
        case .agendaStepRemoved: "agendaStepRemoved"
        case .authorsRequired: "authorsRequired"
        case .ideaModerationChanged: "ideaModerationChanged"
        case .invitationIssued: "invitationIssued"
        case .invitationRevoked: "invitationRevoked"
        case .undone: "undone"
        }
    }
}
