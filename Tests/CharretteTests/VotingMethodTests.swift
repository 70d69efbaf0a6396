import Charrette
import CharretteVoting
import Testing

/// The domain's method names and the voting module's methods are the same set, and each method
/// reads the ballots the domain collects for it.
@Suite("Voting methods")
struct VotingMethodTests {
    @Test func everyMethodHasATally() {
        #expect(Set(VotingMethod.allNames) == Set(TallyMethods.names))
        for name in VotingMethod.allNames {
            guard let method = VotingMethod(rawValue: name), let tally = TallyMethods.named(name) else { continue }
            let shape: BallotShape =
                switch method.ballotKind {
                case .ranking: .ranking
                case .approval, .budget: .approval
                case .scores: .grades
                case .dots, .quadratic: .amounts
                case .consent, .reactions: .positions
                }
            #expect(tally.shape == shape, "\(name)")
            #expect(tally.isMultiWinner == method.isMultiWinner && tally.takesSeats == method.takesSeats, "\(name)")
        }
    }
}
