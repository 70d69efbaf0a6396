import Charrette

/// A ballot as the participant page's form posts it, read back into the domain's ``Ballot`` (whose
/// checks then apply as they do in the shell).
enum BallotForm {
    struct Refusal: Error {
        let message: String
    }

    static func ballot(from form: FormBody, for vote: Vote) throws(Refusal) -> Ballot {
        func field(_ id: Idea.ID) -> String { (form["c\(id.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces) }
        func number(_ id: Idea.ID) throws(Refusal) -> Int? {
            let text = field(id)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw Refusal(message: "'\(text)' for #\(id.rawValue) is not a whole number") }
            return value
        }
        switch vote.method.ballotKind {
        case .approval, .budget:
            var chosen = Set<Idea.ID>()
            for text in form.all("approve") {
                guard let raw = Int(text), vote.candidates.contains(Idea.ID(raw)) else { throw Refusal(message: "'\(text)' is not on this ballot") }
                chosen.insert(Idea.ID(raw))
            }
            return vote.method.ballotKind == .budget ? .budget(chosen) : .approval(chosen)
        case .ranking:
            var tiers: [Int: [Idea.ID]] = [:]
            for id in vote.candidates {
                if let rank = try number(id) { tiers[rank, default: []].append(id) }
            }
            return .ranking(tiers.keys.sorted().map { tiers[$0]! })
        case .scores, .dots, .quadratic:
            var amounts: [Idea.ID: Int] = [:]
            for id in vote.candidates {
                if let value = try number(id) { amounts[id] = value }
            }
            switch vote.method.ballotKind {
            case .scores: return .scores(amounts)
            case .dots: return .dots(amounts.filter { $0.value != 0 })
            default: return .quadratic(amounts.filter { $0.value != 0 })
            }
        case .consent:
            var positions: [Idea.ID: ConsentPosition] = [:]
            for id in vote.candidates where !field(id).isEmpty {
                guard let position = ConsentPosition(rawValue: field(id)) else { throw Refusal(message: "'\(field(id))' is not a position") }
                positions[id] = position
            }
            return .consent(positions)
        case .reactions:
            throw Refusal(message: "a reactions vote takes one reaction at a time")
        }
    }
}
