/// A way of turning ballots into an outcome. Each method is a small type behind this protocol.
public protocol TallyMethod: Sendable {
    /// The name the shell and files use (`ranked-pairs`).
    var name: String { get }
    /// The ballots voters hand in: the one declaration a vote's ballots, its checks and the
    /// files it is counted from follow (``shape`` is how the count reads them).
    var ballotKind: BallotKind { get }
    /// What the method rewards, in one plain sentence (reports print it).
    var summary: String { get }
    /// Whether the method fills several seats (`--seats`).
    var isMultiWinner: Bool { get }
    /// The settings a vote counted by this method takes and needs: read by the domain's checks,
    /// `vote open`, `tally` and the generated method reference.
    var settings: TallySettings { get }
    /// Counts the ballots of an election that has some: the method's own work. Call
    /// ``tally(_:)``, which also answers for an election without ballots.
    func count(_ election: Election) throws(TallyError) -> TallyResult
}

extension TallyMethod {
    /// Single-winner unless the method says otherwise.
    public var isMultiWinner: Bool { false }

    /// The ballots the count reads.
    public var shape: BallotShape { ballotKind.shape }

    /// What the method's ballot kind takes (see ``TallySettings/standard(for:seats:)``), with the
    /// number of seats for a multi-winner method that does not elect as much as a budget buys.
    public var settings: TallySettings { .standard(for: ballotKind, seats: isMultiWinner && ballotKind != .budget) }

    /// Whether a vote must say how many to elect (`--seats`).
    public var takesSeats: Bool { settings.required.contains(.seats) }

    /// Counts the election's ballots. Without any ballot there is no winner, whatever the method:
    /// no lot among candidates nobody voted for. With blank ballots only (no rank, no approval, no
    /// grade, no dot, nothing but passes) the method's result stands as the method gives it (every
    /// candidate tied, as the reference libraries count it) but nothing is elected and no lot is
    /// drawn. The result says so.
    public func tally(_ election: Election) throws(TallyError) -> TallyResult {
        let voters = election.ballots.voterCount
        guard voters > 0 else {
            var result = TallyResult(
                method: name, candidates: election.candidates, seats: election.rules.seats ?? 1, voters: 0,
                winners: [], seed: election.rules.seed)
            result.notes.append("no ballots were cast: there is no winner")
            return result
        }
        var result = try count(election)
        if !election.ballots.supportAnyCandidate {
            result.isUnsupported = true
            result.lot = nil
            result.ties = []
            result.notes.append("every ballot is blank: there is no winner")
        }
        return result
    }

    /// The election's ballots of the kind the method reads, or an error naming what it needs.
    private func ballots<B>(_ election: Election, _ match: (Ballots) -> B?) throws(TallyError) -> B {
        guard let ballots = match(election.ballots) else { throw .wrongBallots(method: name, needs: shape, found: election.ballots.shape) }
        return ballots
    }

    /// The ranked ballots; at most ``largestRankedElection`` candidates, as the head-to-head
    /// matrix and the rounds grow with the square of their number.
    func ranked(_ election: Election) throws(TallyError) -> RankedBallots {
        let ranked = try ballots(election) { if case .ranked(let b) = $0 { b } else { nil } }
        guard ranked.candidateCount <= largestRankedElection else {
            throw .tooLarge("\(name) counts at most \(largestRankedElection) candidates; these ballots have \(ranked.candidateCount)")
        }
        return ranked
    }

    func approvals(_ election: Election) throws(TallyError) -> ApprovalBallots {
        try ballots(election) { if case .approval(let b) = $0 { b } else { nil } }
    }

    func grades(_ election: Election) throws(TallyError) -> GradeBallots {
        try ballots(election) { if case .grades(let b) = $0 { b } else { nil } }
    }

    func amounts(_ election: Election) throws(TallyError) -> AmountBallots {
        try ballots(election) { if case .amounts(let b) = $0 { b } else { nil } }
    }

    func positions(_ election: Election) throws(TallyError) -> PositionBallots {
        try ballots(election) { if case .positions(let b) = $0 { b } else { nil } }
    }

    /// A result for a single-winner method whose winners are the best of `scores`: the ranking
    /// follows the scores and a tie for first is settled by lot.
    func scored(_ election: Election, _ scores: [Double], label: String, higherWins: Bool = true) -> TallyResult {
        let ranking = Ranking.tiers(scores, higherFirst: higherWins)
        var result = TallyResult(
            method: name, candidates: election.candidates, voters: election.ballots.voterCount,
            winners: ranking.first ?? [], seed: election.rules.seed)
        result.ranking = ranking
        result.scores = Scores(label, scores.map { $0 })
        result.settleByLot(election)
        return result
    }
}

/// The most candidates a ranking method counts.
public let largestRankedElection = 1_000

/// What stops a count.
public enum TallyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ballots are of the wrong kind for the method.
    case wrongBallots(method: String, needs: BallotShape, found: BallotShape)
    /// A setting the method needs is missing or out of range.
    case setting(String)
    /// A ballot breaks the rules of the vote (over budget, over the cap, a grade out of range).
    case invalidBallot(index: Int, reason: String)
    /// The instance is too large for an exact count.
    case tooLarge(String)

    /// The message, naming a refused ballot by where it came from when the election says.
    public func describe(in election: Election) -> String {
        if case .invalidBallot(let index, let reason) = self, index < election.ballotLabels.count {
            return "\(election.ballotLabels[index]): \(reason)"
        }
        return description
    }

    /// The message, in words.
    public var description: String {
        switch self {
        case .wrongBallots(let method, let needs, let found):
            "\(method) counts \(needs.rawValue) ballots, but these are \(found.rawValue) ballots"
        case .setting(let message): message
        case .invalidBallot(let index, let reason): "ballot \(index + 1): \(reason)"
        case .tooLarge(let message): message
        }
    }
}

extension TallyResult {
    /// Settles a tie for the seats by lot, recording the draw; the method's winners stay as they are.
    mutating func settleByLot(_ election: Election) {
        guard winners.count > seats else { return }
        var lot = Lot(seed: seed)
        let chosen = lot.pick(seats, from: winners, reason: "\(winners.count) candidates tie for \(seats == 1 ? "first place" : "\(seats) seats")")
        ties.append("\(Self.list(winners.map(id))) tie; the lot (seed \(seed)) picks \(Self.list(chosen.map(id)))")
        self.lot = LotOutcome(seed: seed, draws: lot.draws, winners: chosen)
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: "none"
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}

/// Orders candidates by a score.
enum Ranking {
    /// Tiers of equal scores, best first (or lowest first when `higherFirst` is false).
    static func tiers(_ scores: [Double], higherFirst: Bool = true) -> [[Int]] {
        let order = scores.indices.sorted { a, b in
            scores[a] != scores[b] ? (higherFirst ? scores[a] > scores[b] : scores[a] < scores[b]) : a < b
        }
        var tiers: [[Int]] = []
        for c in order {
            if let last = tiers.last?.last, scores[last] == scores[c] { tiers[tiers.count - 1].append(c) } else { tiers.append([c]) }
        }
        return tiers
    }
}
