import CharretteSupport
import CharretteVoting
import PropertyBased
import Testing

/// Properties every profile must keep, on random profiles of four candidates with truncated
/// ballots.
@Suite("Voting properties")
struct PropertyTests {
    static let candidates = ["a", "b", "c", "d"]

    /// A ballot: an order of the four candidates, cut after 1 to 4 of them.
    static let ballot = zip(Gen.shuffled(Array(0..<4)), Gen.int(in: 1...4)).map { order, length in Array(order.prefix(length)) }
    static let profile = ballot.array(of: 1...15)

    static func election(_ ballots: [[Int]]) -> Election {
        var b = RankedBallots(candidateCount: candidates.count)
        for order in ballots { b.append(tiers: order.map { [$0] }) }
        return Election(candidates: candidates, ballots: .ranked(b))
    }

    @Test func aCondorcetWinnerWinsUnderEveryCondorcetMethod() async {
        await propertyCheck(count: 300, input: Self.profile) { ballots in
            let election = Self.election(ballots)
            guard case .ranked(let ranked) = election.ballots, let winner = PairwiseMatrix(ranked).condorcetWinner else { return }
            for method in ["schulze", "ranked-pairs", "copeland", "minimax", "condorcet"] {
                let result = try Profiles.tally(method, election)
                #expect(result.winners == [winner], "\(method) on \(ballots)")
            }
        }
    }

    @Test func theOrderOfBallotsNeverChangesTheResult() async {
        await propertyCheck(count: 200, input: Self.profile, Gen.int(in: 0...1_000)) { ballots, seed in
            var generator = SplitMix64(seed: UInt64(seed))
            let shuffled = ballots.shuffled(using: &generator)
            for method in ["plurality", "irv", "borda", "schulze", "ranked-pairs", "copeland", "minimax", "stv"] {
                var a = Self.election(ballots), b = Self.election(shuffled)
                a.rules.seats = 2
                b.rules.seats = 2
                let ra = try Profiles.tally(method, a), rb = try Profiles.tally(method, b)
                #expect(ra.winners.sorted() == rb.winners.sorted(), "\(method)")
                #expect(ra.elected.sorted() == rb.elected.sorted(), "\(method): the lot depends on ballot order")
                #expect(ra.ranking == rb.ranking, "\(method)")
                #expect(ra.scores?.values == rb.scores?.values, "\(method)")
            }
        }
    }

    @Test func rankingTheBordaWinnerFirstNeverMakesItLose() async {
        await propertyCheck(count: 300, input: Self.profile, Self.ballot) { ballots, extra in
            let before = try Profiles.tally("borda", Self.election(ballots))
            for winner in before.winners {
                let ballot = [winner] + extra.filter { $0 != winner }
                let after = try Profiles.tally("borda", Self.election(ballots + [ballot]))
                #expect(after.winners == [winner], "\(Self.candidates[winner]) won, then lost after a ballot ranking it first")
            }
        }
    }

    @Test func approvalCommitteesAreFullAndWithinTheCandidates() async {
        let approvals = Gen.int(in: 0...((1 << 6) - 1)).array(of: 1...12)
        await propertyCheck(count: 150, input: approvals, Gen.int(in: 1...4)) { masks, seats in
            var b = ApprovalBallots(candidateCount: 6)
            for mask in masks { b.append((0..<6).filter { mask & (1 << $0) != 0 }) }
            let election = Election(candidates: (0..<6).map(String.init), ballots: .approval(b), rules: TallyRules(seats: seats))
            // Blank ballots alone elect nobody; any approval fills the committee.
            let full = masks.contains { $0 != 0 } ? seats : 0
            for method in ["pav", "phragmen", "equal-shares"] {
                let result = try Profiles.tally(method, election)
                #expect(result.elected.count == full, "\(method)")
                #expect(Set(result.elected).count == full, "\(method) elects someone twice")
                #expect(Set(result.elected).isSubset(of: Set(result.winners)), "\(method): the lot's committee is not among the method's")
            }
        }
    }
}
