import Charrette
import CharretteVoting

/// Which vote a session means: by title or number, the open one, the reactions vote.
extension WorkspaceState {
    /// The votes of `consultation`, oldest first (numbered as `votes` lists them).
    public func votes(of consultation: Consultation.ID) -> [Vote] {
        votes.values.filter { $0.consultation == consultation }.sorted { $0.id < $1.id }
    }

    /// The vote of `consultation` titled `title` (in any case) or numbered so; without a title,
    /// the newest vote.
    public func vote(named title: String?, in consultation: Consultation.ID) throws(SessionError) -> Vote {
        let votes = votes(of: consultation)
        guard let title else {
            guard let vote = votes.last else { throw .noVote }
            return vote
        }
        let titled = votes.filter { $0.title.caseInsensitiveCompare(title) == .orderedSame }
        if titled.isEmpty, let number = Int(title), let vote = self.votes[Vote.ID(rawValue: number)] {
            guard vote.consultation == consultation else {
                throw .voteOfAnotherConsultation(vote, consultation: consultations[vote.consultation]?.title ?? "")
            }
            return vote
        }
        guard let vote = titled.last else { throw .unknownVote(title, votes: votes) }
        // Workspaces from before titles were kept apart may hold several: they are named by number.
        guard titled.count == 1 else { throw .ambiguousVote(title, votes: titled) }
        return vote
    }

    /// The vote named `title`, or else the one open vote of `consultation`: the vote a ballot
    /// goes to.
    public func openVote(named title: String?, in consultation: Consultation.ID) throws(SessionError) -> Vote {
        if let title { return try vote(named: title, in: consultation) }
        let votes = votes(of: consultation)
        let open = votes.filter(\.isOpen)
        guard let vote = open.last else { throw .noOpenVote(lastClosed: votes.last) }
        guard open.count == 1 else { throw .severalOpenVotes(open) }
        return vote
    }

    /// The reactions vote titled `title`, or else the newest open one (the one reactions go to),
    /// or else, unless `open`, the newest closed one.
    public func reactionsVote(named title: String?, in consultation: Consultation.ID, open: Bool) throws(SessionError) -> Vote {
        if let title {
            let vote = try vote(named: title, in: consultation)
            guard vote.method.ballotKind == .reactions else { throw .notAReactionsVote(vote) }
            return vote
        }
        let reactions = votes(of: consultation).filter { $0.method.ballotKind == .reactions }
        guard let vote = reactions.last(where: \.isOpen) ?? (open ? nil : reactions.last) else { throw .noReactionsVote(open: open) }
        return vote
    }
}
