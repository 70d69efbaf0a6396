import Charrette
import CharretteOpinions
import CharretteSupport

extension WorkspaceState {
    /// The idea to show `participant` next in the reactions vote `vote`, as Pol.is routes
    /// statements: an idea on the ballot nobody reacted to yet comes first; then a draw weighted by
    /// each statement's priority among the open ideas `participant` has not reacted to. `nil` when
    /// they have reacted to every open idea.
    ///
    /// The draw is reproducible: one per participant and seed, from the project's one generator.
    public func nextStatement(for participant: Participant.ID, in vote: Vote, seed: UInt64 = 2026) -> Idea.ID? {
        let map = opinionMap(of: vote)
        let isOpen = { (id: Idea.ID) in self.ideas[id]?.status.isOpen == true }
        // Ideas nobody reacted to yet are not in the matrix.
        if let unseen = vote.candidates.first(where: { isOpen($0) && !map.matrix.statements.contains($0.rawValue) }) { return unseen }
        var generator = SplitMix64(seed: seed ^ (UInt64(participant.rawValue) << 32))
        let closed = Set(map.matrix.statements.indices.filter { !isOpen(Idea.ID(map.matrix.statements[$0])) })
        let priorities = Routing.priorities(map.matrix, statementPositions: map.pca.statementPositions)
        let row = map.matrix.participants.firstIndex(of: participant.rawValue)
        guard let column = Routing.next(for: row, in: map.matrix, priorities: priorities, excluded: closed, draw: generator.unit()) else {
            return nil
        }
        return Idea.ID(map.matrix.statements[column])
    }
}
