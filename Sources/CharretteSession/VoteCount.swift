import Charrette
import CharretteVoting

/// A vote counted for the room: the election its ballots make, the result of its method, and
/// the notes a reader of the result needs (still open, ideas edited since people voted).
public struct VoteCount: Sendable {
    /// The vote counted.
    public let vote: Vote
    /// Its ballots as the voting module counts them, candidates named by the texts voted on.
    public let election: Election
    /// The result of the vote's method.
    public let result: TallyResult
    /// A note for each idea on the ballot edited since the vote opened.
    public let edits: [String]

    /// What a reader of the result needs told, in order: that the vote is still open, the method's
    /// notes, and the ideas edited since the vote opened.
    public var notes: [String] { (vote.isOpen ? ["the vote is still open: these results may change"] : []) + result.notes + edits }
}

extension WorkspaceState {
    /// Counts the ballots in force in `vote` with its method: what `vote results`, the report and
    /// any app show of a vote.
    ///
    /// - Throws: ``SessionError/cannotCount(_:reason:)`` when the method cannot count these
    ///   ballots (a refused ballot is named by its voter).
    public func count(_ vote: Vote) throws(SessionError) -> VoteCount {
        let election: Election
        do {
            election = try self.election(for: vote)
        } catch {
            throw .cannotCount(vote, reason: error.description)
        }
        let result: TallyResult
        do {
            result = try vote.method.tally.tally(election)
        } catch {
            throw .cannotCount(vote, reason: error.describe(in: election))
        }
        return VoteCount(vote: vote, election: election, result: result, edits: editsAfterTheVote(vote))
    }

    /// The result of `vote`'s method over the ballots in force.
    public func tally(_ vote: Vote) throws(SessionError) -> TallyResult { try count(vote).result }

    /// A note for each idea on the ballot edited since the vote opened: results name ideas by the
    /// text people voted on.
    public func editsAfterTheVote(_ vote: Vote) -> [String] {
        vote.candidates.compactMap { id in
            guard let idea = ideas[id], !idea.isHidden, let voted = textVotedOn(id, in: vote), voted != idea.text else { return nil }
            return "#\(id.rawValue) was edited after the vote: it now reads \"\(idea.text)\""
        }
    }
}
