/// Single transferable vote under the Scottish rules (the Scottish Local Government Elections
/// Order 2007): Droop quota, surpluses transferred from every ballot of the elected candidate at a
/// value truncated to five decimal places, largest surplus first; otherwise the candidate with the
/// fewest votes is excluded. Ties look back to the latest stage where the tied candidates differed,
/// then go to lot. A ballot that ties candidates is shared equally among them; when one of those
/// shares moves on, it goes to the ballot's next tier, not to the candidates it was tied with
/// (they hold their own shares), as pref_voting's `stv_scottish` does.
public struct SingleTransferableVote: TallyMethod {
    public init() {}
    public var name: String { "stv" }
    public var ballotKind: BallotKind { .ranking }
    public var isMultiWinner: Bool { true }
    public var summary: String {
        "Fills seats by quota: a candidate with enough votes is elected and their spare votes move on, the weakest are dropped, until every seat is filled. Proportional."
    }

    /// A share of one ballot, held by one candidate.
    struct Piece {
        let ballot: Int
        /// The value of the piece: voters × share of the ballot × transfer value.
        var value: Double
        /// The transfer value of the ballot's papers (1 until a surplus moves them).
        var paperValue: Double
        /// The ballot's tier the piece sits at.
        var tier: Int
    }

    static func truncate5(_ x: Double) -> Double { (x * 100_000 + 1e-9).rounded(.down) / 100_000 }

    public func count(_ election: Election) throws(TallyError) -> TallyResult {
        let ballots = try ranked(election)
        let seats = try committeeSize(election)
        let n = ballots.candidateCount
        let ids = election.candidates
        var lot = Lot(seed: election.rules.seed)
        enum Standing { case continuing, elected, excluded }
        var standing = Array(repeating: Standing.continuing, count: n)
        var piles = Array(repeating: [Piece](), count: n)
        var nonTransferable = 0.0
        var elected: [Int] = []
        var history: [[Double]] = []  // votes per candidate at each stage
        var rows: [[TallyTable.Cell]] = []
        var ties: [String] = []

        /// Gives the ballot's value to its continuing candidates in the first tier below `tier`
        /// that has any (shared when tied).
        func place(_ ballot: Int, value: Double, paperValue: Double, after tier: Int) {
            let ranks = ballots.ranks(of: ballot)
            var best = RankedBallots.unranked, top: [Int] = []
            for c in 0..<n where standing[c] == .continuing {
                let r = ranks[ranks.startIndex + c]
                guard r != RankedBallots.unranked, Int(r) > tier else { continue }
                if r < best { best = r; top = [c] } else if r == best { top.append(c) }
            }
            guard !top.isEmpty else { nonTransferable += value; return }
            for c in top { piles[c].append(Piece(ballot: ballot, value: value / Double(top.count), paperValue: paperValue, tier: Int(best))) }
        }
        for b in 0..<ballots.ballotCount { place(b, value: Double(ballots.counts[b]), paperValue: 1, after: -1) }
        let valid = Double(ballots.voterCount) - nonTransferable
        let quota = (valid / Double(seats + 1)).rounded(.down) + 1

        func votes() -> [Double] { piles.map { $0.reduce(0) { $0 + $1.value } } }
        /// Breaks a tie by the latest earlier stage where the candidates differed, else by lot.
        func breakTie(_ tied: [Int], lowest: Bool, what: String) -> Int {
            for stage in history.reversed() {
                let values = tied.map { stage[$0] }
                let extreme = lowest ? values.min()! : values.max()!
                let found = tied.filter { abs(stage[$0] - extreme) < 1e-9 }
                if found.count == 1 {
                    ties.append("\(TallyResult.list(tied.map { ids[$0] })) tie for \(what); \(ids[found[0]]) is chosen by the votes at an earlier stage")
                    return found[0]
                }
            }
            let chosen = lot.pickOne(from: tied, reason: "\(TallyResult.list(tied.sorted().map { ids[$0] })) tie for \(what) at every stage")
            ties.append(
                "\(TallyResult.list(tied.sorted().map { ids[$0] })) tie for \(what) at every stage; the lot (seed \(election.rules.seed)) picks \(ids[chosen])")
            return chosen
        }

        var pendingSurplus: [Int] = []  // elected candidates whose surplus has not moved yet
        var stage = 0
        while elected.count < seats {
            stage += 1
            let current = votes(), setAside = nonTransferable  // as the stage begins
            let continuing = (0..<n).filter { standing[$0] == .continuing }
            // Everyone reaching the quota is elected, most votes first.
            let reaching = continuing.filter { current[$0] >= quota - 1e-9 }.sorted { current[$0] > current[$1] }
            var action = ""
            if !reaching.isEmpty {
                for c in reaching where elected.count < seats {
                    standing[c] = .elected; elected.append(c); pendingSurplus.append(c)
                }
                action = "elected: " + TallyResult.list(reaching.map { ids[$0] })
            } else if continuing.count <= seats - elected.count {
                for c in continuing.sorted(by: { current[$0] > current[$1] }) { standing[c] = .elected; elected.append(c) }
                action = "elected without reaching the quota, as many continue as seats remain: " + TallyResult.list(continuing.map { ids[$0] })
            } else if let surplusHolder = pendingSurplus.filter({ current[$0] > quota + 1e-9 }).max(by: { current[$0] < current[$1] }).map({ holder -> Int in
                let largest = current[holder]
                let tied = pendingSurplus.filter { abs(current[$0] - largest) < 1e-9 }
                return tied.count > 1 ? breakTie(tied, lowest: false, what: "the largest surplus") : holder
            }) {
                // Transfer the surplus: every paper moves on at a reduced, truncated value.
                let total = current[surplusHolder], surplus = total - quota
                let pile = piles[surplusHolder]
                piles[surplusHolder] = []
                var kept = 0.0
                for piece in pile {
                    let newPaper = Self.truncate5(piece.paperValue * surplus / total)
                    let share = piece.value / piece.paperValue  // voters × share of the ballot
                    place(piece.ballot, value: share * newPaper, paperValue: newPaper, after: piece.tier)
                    kept += share * (piece.paperValue - newPaper)
                }
                // The elected candidate keeps what did not move (the quota, give or take truncation).
                piles[surplusHolder] = [Piece(ballot: -1, value: kept, paperValue: 1, tier: Int.max)]
                pendingSurplus.removeAll { $0 == surplusHolder }
                action = "surplus of \(ids[surplusHolder]) (\(format3(surplus))) transferred"
            } else {
                let fewest = continuing.map { current[$0] }.min()!
                let lowest = continuing.filter { abs(current[$0] - fewest) < 1e-9 }
                let out = lowest.count > 1 ? breakTie(lowest, lowest: true, what: "fewest votes") : lowest[0]
                standing[out] = .excluded
                let pile = piles[out]
                piles[out] = []
                for piece in pile { place(piece.ballot, value: piece.value, paperValue: piece.paperValue, after: piece.tier) }
                pendingSurplus.removeAll { $0 == out }
                action = "excluded: \(ids[out])"
            }
            history.append(current)
            rows.append(
                [.integer(stage)] + (0..<n).map { .number((current[$0] * 100_000).rounded() / 100_000) } + [
                    .number((setAside * 100_000).rounded() / 100_000), .text(action),
                ])
            if stage > 10 * n + 10 { break }  // cannot happen; guards against a loop on bad input
        }
        var result = TallyResult(method: name, candidates: ids, seats: seats, voters: ballots.voterCount, winners: elected, seed: election.rules.seed)
        result.ties = ties
        result.notes.append("quota: \(formatScore(quota)) (Droop: \(formatScore(valid)) valid votes / (\(seats) seats + 1), rounded down, + 1)")
        result.working = [
            TallyTable(
                "Stages", columns: ["stage"] + ids + ["non-transferable", "action"], rows: rows,
                note: "Votes held by each candidate at the start of each stage, and what the stage did.")
        ]
        if !lot.draws.isEmpty {
            // The lot decided part of the count itself: the elected list is the lot's outcome.
            result.lot = LotOutcome(seed: election.rules.seed, draws: lot.draws, winners: elected)
        }
        return result
    }
}
