import CharretteVoting
import Foundation

extension Transaction {
    /// Rebuilds a dumped consultation in this workspace as a new consultation, in one change.
    ///
    /// Boards and people are matched by name and handle, and added when missing (with the
    /// personal data the dump holds). Ideas, themes, votes with their ballots, and card sorts are
    /// replayed in an order the workspace's rules accept: ideas, themes, votes and ballots (each
    /// vote's ideas with the texts it was cast on, then the ideas' later texts), card sorts, then
    /// merges (chains from their far end), withdrawals and hiding, then the phase.
    /// Everything is recorded at the time of the import; the agenda, a record of the original
    /// session, is not replayed.
    ///
    /// - Parameters:
    ///   - dump: the consultation to rebuild, as `export FILE.json` wrote it.
    ///   - title: the new consultation's title; the dump's by default (refused when a
    ///     consultation of the workspace has it already).
    /// - Returns: the new consultation.
    @discardableResult
    public mutating func importConsultation(_ dump: ConsultationDump, title: String? = nil) throws -> Consultation {
        // Boards first, in the order they were made (so a shadowed board exists before its
        // shadow), then people.
        for board in dump.boards where state.board(named: board.name) == nil {
            _ = try createBoard(name: board.name, title: board.title, shadows: board.shadows)
        }
        for (index, person) in dump.participants.enumerated() where state.participant(handle: person.handle) == nil {
            let consent: Consent
            switch ConsentNames.consent(person.consent) {
            case .success(let c): consent = c
            case .failure(let unknown): throw DumpError.broken("participants[\(index)]: unknown consent '\(unknown.name)'")
            }
            let record =
                person.name != nil || person.attributes != nil
                ? PersonalRecord(displayName: person.name, attributes: person.attributes ?? [:]) : nil
            _ = try registerParticipant(handle: person.handle, role: person.role, boards: person.boards, consent: consent, personalData: record)
        }
        func person(_ handle: String, _ place: String) throws -> Participant.ID {
            guard let participant = state.participant(handle: handle) else { throw DumpError.broken("\(place): @\(handle) is not among the participants") }
            return participant.id
        }

        let c = dump.consultation
        let consultation = try openConsultation(title: title ?? c.title, question: c.question, boards: c.boards, phase: .ideation)
        if let language = c.language { try setLanguage(of: consultation.id, to: language) }

        var ideas: [Int: Idea.ID] = [:]
        for (index, idea) in dump.ideas.enumerated() {
            guard ideas[idea.id] == nil else { throw DumpError.broken("ideas[\(index)]: idea #\(idea.id) is listed twice") }
            // A hidden idea whose text the dump withheld keeps its place (votes may name it), and
            // shows it was hidden.
            guard let text = idea.text ?? (idea.status == "hidden" ? Idea.hiddenText : nil) else {
                throw DumpError.broken("ideas[\(index)]: idea #\(idea.id) has no text")
            }
            let author = try idea.author.map { try person($0, "ideas[\(index)].author") }
            do {
                ideas[idea.id] = try submitIdea(text, by: author, to: consultation.id).id
            } catch let error as CharretteError {
                throw DumpError.broken("ideas[\(index)].text: \(error)")
            }
        }
        func idea(_ number: Int, _ place: String) throws -> Idea.ID {
            guard let id = ideas[number] else { throw DumpError.broken("\(place): idea #\(number) is not among the ideas") }
            return id
        }

        var themes: [Int: Theme.ID] = [:]
        for (index, theme) in dump.themes.enumerated() {
            guard themes[theme.id] == nil else { throw DumpError.broken("themes[\(index)]: theme \(theme.id) is listed twice") }
            themes[theme.id] = try createTheme(theme.label, description: theme.description, in: consultation.id).id
        }
        // Ideas merged into another follow it into its theme when merged.
        for (index, entry) in dump.ideas.enumerated() where entry.status != "merged" {
            guard let number = entry.theme else { continue }
            guard let theme = themes[number] else { throw DumpError.broken("ideas[\(index)].theme: theme \(number) is not among the themes") }
            try moveIdea(try idea(entry.id, "ideas[\(index)]"), to: theme)
        }

        for (index, vote) in dump.votes.enumerated() {
            let place = "votes[\(index)]"
            guard let method = VotingMethod(rawValue: vote.method) else { throw DumpError.broken("\(place).method: unknown method '\(vote.method)'") }
            let s = vote.settings
            var settings = VoteSettings(budget: s.budget, capPerIdea: s.capPerIdea, credits: s.credits, seats: s.seats, maxCost: s.maxCost)
            if let low = s.scoreMin, let high = s.scoreMax {
                guard low <= high else { throw DumpError.broken("\(place).settings: score_min is above score_max") }
                settings.scoreRange = low...high
            }
            for (k, cost) in (s.costs ?? []).enumerated() { settings.costs[try idea(cost.idea, "\(place).settings.costs[\(k)]")] = cost.cost }
            if let seed = s.seed {
                guard let value = UInt64(seed) else { throw DumpError.broken("\(place).settings.seed: '\(seed)' is not a whole number") }
                settings.seed = value
            }
            if let name = s.completion {
                guard let rule = EqualSharesCompletion.Rule(rawValue: name) else {
                    throw DumpError.broken(
                        "\(place).settings.completion: '\(name)' is not one of \(EqualSharesCompletion.Rule.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.completion = rule
            }
            if let name = s.addOneStop {
                guard let stop = EqualSharesCompletion.Stop(rawValue: name) else {
                    throw DumpError.broken(
                        "\(place).settings.add_one_stop: '\(name)' is not one of \(EqualSharesCompletion.Stop.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                settings.addOneStop = stop
            }
            let candidates = try vote.candidates.enumerated().map { try idea($1, "\(place).candidates[\($0)]") }
            // Ideas edited after this vote closed go on its ballot with the text it was voted on,
            // and take their later text after the votes: the results stay as they were counted.
            for (k, text) in (vote.candidateTexts ?? []).enumerated() where k < candidates.count {
                guard let text, text != state.ideas[candidates[k]]?.text else { continue }
                do {
                    try editIdea(candidates[k], text: text)
                } catch let error as CharretteError {
                    throw DumpError.broken("\(place).candidate_texts[\(k)]: \(error)")
                }
            }
            let opened = try openVote(vote.title, on: consultation.id, method: method, settings: settings, candidates: candidates)
            for (b, ballot) in vote.ballots.enumerated() {
                let mapped = try ballot.ballot.renumbered { try idea($0.rawValue, "\(place).ballots[\(b)]") }
                try castBallot(mapped, by: try person(ballot.voter, "\(place).ballots[\(b)].voter"), in: opened.id)
            }
            if vote.closedAt != nil { try closeVote(opened.id) }
        }

        for (index, entry) in dump.ideas.enumerated() {
            guard let text = entry.text, let id = ideas[entry.id], state.ideas[id]?.text != text else { continue }
            do {
                try editIdea(id, text: text)
            } catch let error as CharretteError {
                throw DumpError.broken("ideas[\(index)].text: \(error)")
            }
        }

        for (index, sort) in dump.cardSorts.enumerated() {
            let groups = try sort.groups.map { group in
                CardSort.Group(label: group.label, ideas: try group.ideas.map { try idea($0.rawValue, "card_sorts[\(index)]") })
            }
            _ = try submitCardSort(groups, by: try person(sort.sorter, "card_sorts[\(index)].sorter"), in: consultation.id)
        }

        // Merges first, each before its target is itself merged (the longest chains first), while
        // every target is still open; then withdrawals and hiding.
        let mergedInto = Dictionary(dump.ideas.compactMap { e in e.mergedInto.map { (e.id, $0) } }, uniquingKeysWith: { a, _ in a })
        func chainLength(_ id: Int) -> Int {
            var length = 0, current = id
            while let next = mergedInto[current], length <= mergedInto.count { length += 1; current = next }
            return length
        }
        let statusOrder = dump.ideas.indices.sorted { a, b in
            let (ea, eb) = (dump.ideas[a], dump.ideas[b])
            let (ma, mb) = (ea.status == "merged", eb.status == "merged")
            if ma != mb { return ma }
            if ma { let (la, lb) = (chainLength(ea.id), chainLength(eb.id)); if la != lb { return la > lb } }
            return a < b
        }
        for index in statusOrder {
            let entry = dump.ideas[index]
            let id = try idea(entry.id, "ideas[\(index)]")
            do {
                switch entry.status {
                case "open": break
                case "merged":
                    guard let target = entry.mergedInto else { throw DumpError.broken("ideas[\(index)]: a merged idea needs merged_into") }
                    try mergeIdea(id, into: try idea(target, "ideas[\(index)].merged_into"))
                case "withdrawn": try withdrawIdea(id)
                case "hidden": try hideIdea(id, reason: entry.hiddenReason ?? "")
                // Held again as it was: the importing facilitator's submission let it in.
                case "held": try record(.ideaStatusChanged(id, from: .open, to: .held))
                case let other: throw DumpError.broken("ideas[\(index)].status: unknown status '\(other)'")
                }
            } catch let error as CharretteError {
                // Name the place in the file: the workspace's own numbers may differ from the file's.
                throw DumpError.broken("ideas[\(index)] (idea #\(entry.id), \(entry.status)): \(error.description)")
            }
        }
        if c.requiresAuthors == true { try requireAuthors(in: consultation.id, true) }
        if c.moderatesIdeas == true { try moderateIdeas(in: consultation.id, true) }
        if c.phase != .ideation { _ = try changePhase(of: consultation.id, to: c.phase) }
        return state.consultations[consultation.id]!
    }
}

extension Ballot {
    /// The same ballot over other idea numbers.
    func renumbered(_ map: (Idea.ID) throws -> Idea.ID) throws -> Ballot {
        func keys<V>(_ values: [Idea.ID: V]) throws -> [Idea.ID: V] {
            Dictionary(uniqueKeysWithValues: try values.map { (try map($0.key), $0.value) })
        }
        switch self {
        case .approval(let set): return .approval(Set(try set.map(map)))
        case .budget(let set): return .budget(Set(try set.map(map)))
        case .ranking(let tiers): return .ranking(try tiers.map { try $0.map(map) })
        case .scores(let values): return .scores(try keys(values))
        case .dots(let values): return .dots(try keys(values))
        case .quadratic(let values): return .quadratic(try keys(values))
        case .reactions(let values): return .reactions(try keys(values))
        case .consent(let values): return .consent(try keys(values))
        }
    }
}
