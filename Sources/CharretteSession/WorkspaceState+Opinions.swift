import Charrette
import CharretteOpinions

extension WorkspaceState {
    /// The reactions in force in `vote`, agree +1, disagree −1, pass 0; `timed` stamps each with
    /// when its ballot was cast (milliseconds since 1970), as Pol.is exports do.
    public func reactionVotes(in vote: Vote, timed: Bool) -> [VoteMatrix.Vote] {
        var votes: [VoteMatrix.Vote] = []
        for (voter, ballot) in ballots[vote.id] ?? [:] {
            guard case .reactions(let reactions) = ballot else { continue }
            let time = timed ? Int64(((ballotTimes[vote.id]?[voter] ?? vote.openedAt).timeIntervalSince1970 * 1000).rounded()) : 0
            for (idea, reaction) in reactions {
                let value: Double =
                    switch reaction {
                    case .agree: 1;
                    case .disagree: -1;
                    case .pass: 0
                    }
                votes.append(.init(participant: voter.rawValue, statement: idea.rawValue, value: value, time: time))
            }
        }
        return votes
    }

    /// The opinion map of a reactions vote. Reactions to ideas no longer open are taken out of
    /// the map, as Pol.is takes out moderated statements.
    public func opinionMap(of vote: Vote, groupCount: Int? = nil) -> OpinionMap {
        let votes = reactionVotes(in: vote, timed: false)
        let closed = Set(votes.map(\.statement).filter { ideas[Idea.ID($0)]?.status.isOpen != true })
        return OpinionMap(reactions: VoteMatrix(votes: votes), moderatedOut: closed, groupCount: groupCount)
    }
}
