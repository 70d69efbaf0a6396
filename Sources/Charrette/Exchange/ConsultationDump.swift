import CharretteSupport
import Foundation

/// One consultation as a JSON document: everything needed to rebuild it elsewhere (the format
/// of `export FILE.json` and `import consultation`, described by
/// `docs/formats/consultation.schema.json`).
///
/// People appear by handle, their pseudonym. Display names and attributes are personal data and
/// are written only when asked for (``Options/includePersonalData``). Times are what the journal
/// recorded; an import rebuilds the consultation at the time of the import.
public struct ConsultationDump: Codable, Sendable, Equatable {
    /// What a dump includes beyond its defaults.
    public struct Options: Sendable {
        /// Write display names and attributes of the people who have them.
        public var includePersonalData: Bool
        /// Write the texts of hidden ideas (withheld by default: moderators hide abuse and
        /// personal details).
        public var includeHiddenTexts: Bool
        public init(includePersonalData: Bool = false, includeHiddenTexts: Bool = false) {
            self.includePersonalData = includePersonalData
            self.includeHiddenTexts = includeHiddenTexts
        }
    }

    public struct ConsultationPart: Codable, Sendable, Equatable {
        public var title: String
        public var question: String
        public var phase: Consultation.Phase
        /// The language set for themes and duplicates; absent when detected.
        public var language: String?
        /// The boards whose members may take part; absent when everyone may.
        public var boards: [String]?
        /// True when every idea must name its author; absent when anonymous ideas are taken.
        public var requiresAuthors: Bool?
        /// True when participants' new ideas wait for a facilitator; absent when they do not.
        public var moderatesIdeas: Bool?
        public var createdAt: Date
        enum CodingKeys: String, CodingKey {
            case title, question, phase, language, boards, requiresAuthors = "requires_authors", moderatesIdeas = "moderates_ideas", createdAt = "created_at"
        }
    }

    public struct BoardPart: Codable, Sendable, Equatable {
        public var name: String
        public var title: String
        public var shadows: String?
    }

    public struct ParticipantPart: Codable, Sendable, Equatable {
        public var handle: String
        public var role: Role
        public var boards: [String]
        /// What they agreed to: participation, named-in-reports, analytics, follow-up.
        public var consent: [String]
        /// Personal data, present only in dumps that ask for it.
        public var name: String?
        public var attributes: [String: String]?
    }

    public struct IdeaPart: Codable, Sendable, Equatable {
        public var id: Int
        /// The idea's text; absent for a hidden idea whose text was withheld.
        public var text: String?
        /// True when the text of this hidden idea was left out of the dump.
        public var textWithheld: Bool?
        /// The author's handle; absent for an anonymous idea.
        public var author: String?
        /// open, merged, withdrawn or hidden.
        public var status: String
        public var mergedInto: Int?
        public var hiddenReason: String?
        public var theme: Int?
        public var submittedAt: Date
        enum CodingKeys: String, CodingKey {
            case id, text, textWithheld = "text_withheld", author, status, mergedInto = "merged_into", hiddenReason = "hidden_reason", theme,
                submittedAt = "submitted_at"
        }
    }

    public struct ThemePart: Codable, Sendable, Equatable {
        public var id: Int
        public var label: String
        public var description: String
    }

    public struct SettingsPart: Codable, Sendable, Equatable {
        public var budget: Int?
        public var capPerIdea: Int?
        public var credits: Int?
        public var scoreMin: Int?
        public var scoreMax: Int?
        public var seats: Int?
        /// Each project's cost, for participatory budgets.
        public var costs: [CostPart]?
        /// The seed for ties broken by lot, as decimal text (it may exceed what JSON numbers hold exactly).
        public var seed: String?
        /// The most the projects one voter chooses may cost together, for participatory budgets.
        public var maxCost: Int?
        /// What `pb-equal-shares` does with the money its first count leaves (`add-one-greedy`,
        /// `add-one`, `greedy`, `none`).
        public var completion: String?
        /// When its add-one completion stops (`exhaustive`, `over-budget`).
        public var addOneStop: String?
        enum CodingKeys: String, CodingKey {
            case budget, capPerIdea = "cap_per_idea", credits, scoreMin = "score_min", scoreMax = "score_max", seats, costs, seed, maxCost = "max_cost"
            case completion, addOneStop = "add_one_stop"
        }
    }

    public struct CostPart: Codable, Sendable, Equatable {
        public var idea: Int
        public var cost: Int
    }

    public struct BallotPart: Codable, Sendable, Equatable {
        public var voter: String
        public var castAt: Date
        public var ballot: Ballot
        enum CodingKeys: String, CodingKey { case voter, castAt = "cast_at", ballot }
    }

    public struct VotePart: Codable, Sendable, Equatable {
        public var id: Int
        public var title: String
        public var method: String
        public var settings: SettingsPart
        public var candidates: [Int]
        /// Each candidate's text when the vote opened, what people voted on (an idea may be
        /// edited after its vote closed); `nil` where a hidden idea's text was withheld.
        public var candidateTexts: [String?]?
        public var openedAt: Date
        public var closedAt: Date?
        public var ballots: [BallotPart]
        enum CodingKeys: String, CodingKey {
            case id, title, method, settings, candidates, candidateTexts = "candidate_texts", openedAt = "opened_at", closedAt = "closed_at", ballots
        }
    }

    public struct CardSortPart: Codable, Sendable, Equatable {
        public var sorter: String
        public var submittedAt: Date
        public var groups: [CardSort.Group]
        enum CodingKeys: String, CodingKey { case sorter, submittedAt = "submitted_at", groups }
    }

    public struct AgendaPart: Codable, Sendable, Equatable {
        public var name: String
        public var plannedSeconds: Int
        public var startedAt: Date
        public var endedAt: Date
        enum CodingKeys: String, CodingKey { case name, plannedSeconds = "planned_seconds", startedAt = "started_at", endedAt = "ended_at" }
    }

    public struct JournalPart: Codable, Sendable, Equatable {
        /// Entries in the journal when the dump was made.
        public var entries: Int64
        /// The last entry's hash, which `journal verify` recomputes.
        public var head: String
    }

    /// "charrette-consultation", so a reader knows what it holds.
    public var format: String
    /// The layout's version; this code writes and reads 1.
    public var version: Int
    public var consultation: ConsultationPart
    public var boards: [BoardPart]
    public var participants: [ParticipantPart]
    public var ideas: [IdeaPart]
    public var themes: [ThemePart]
    public var votes: [VotePart]
    public var cardSorts: [CardSortPart]
    public var agenda: [AgendaPart]
    public var journal: JournalPart

    enum CodingKeys: String, CodingKey {
        case format, version, consultation, boards, participants, ideas, themes, votes, cardSorts = "card_sorts", agenda, journal
    }

    public static let formatName = "charrette-consultation"
    public static let currentVersion = 1

    /// The consultation `id` of `state` as a dump.
    public init(_ state: WorkspaceState, consultation id: Consultation.ID, options: Options = Options()) {
        let c = state.consultations[id]!
        func handle(_ p: Participant.ID) -> String { state.participants[p]?.handle ?? "" }
        func boardNames(_ ids: [Board.ID]) -> [String] { ids.compactMap { state.boards[$0]?.name } }
        format = Self.formatName
        version = Self.currentVersion
        var invited: [String]? = nil
        if case .boards(let boards) = c.eligibility { invited = boardNames(boards) }
        consultation = ConsultationPart(
            title: c.title, question: c.question, phase: c.phase, language: c.language,
            boards: invited, requiresAuthors: c.requiresAuthors ? true : nil, moderatesIdeas: c.moderatesIdeas ? true : nil,
            createdAt: c.createdAt)
        boards = state.boards.values.sorted { $0.id < $1.id }.map {
            BoardPart(name: $0.name, title: $0.title, shadows: $0.shadows.flatMap { state.boards[$0]?.name })
        }
        participants = state.participants.values.sorted { $0.id < $1.id }.map { p in
            let record = options.includePersonalData ? state.personalRecords[p.id] : nil
            return ParticipantPart(
                handle: p.handle, role: p.role, boards: boardNames(p.boards), consent: ConsentNames.names(p.consent),
                name: record?.displayName, attributes: record.map(\.attributes).flatMap { $0.isEmpty ? nil : $0 })
        }
        ideas = state.ideas(of: id).map { idea in
            var part = IdeaPart(
                id: idea.id.rawValue, text: idea.text, author: idea.author.map(handle), status: "open",
                theme: idea.theme?.rawValue, submittedAt: idea.submittedAt)
            switch idea.status {
            case .open: break
            case .merged(let target): part.status = "merged"; part.mergedInto = target.rawValue
            case .withdrawn: part.status = "withdrawn"
            case .held: part.status = "held"
            case .hidden(let reason):
                part.status = "hidden"
                part.hiddenReason = reason
                if !options.includeHiddenTexts {
                    part.text = nil
                    part.textWithheld = true
                }
            }
            return part
        }
        themes = state.themes(of: id).map { ThemePart(id: $0.id.rawValue, label: $0.label, description: $0.description) }
        votes = state.votes.values.filter { $0.consultation == id }.sorted { $0.id < $1.id }.map { vote in
            let s = vote.settings
            let settings = SettingsPart(
                budget: s.budget, capPerIdea: s.capPerIdea, credits: s.credits, scoreMin: s.scoreRange?.lowerBound,
                scoreMax: s.scoreRange?.upperBound, seats: s.seats,
                costs: s.costs.isEmpty ? nil : s.costs.sorted { $0.key < $1.key }.map { CostPart(idea: $0.key.rawValue, cost: $0.value) },
                seed: s.seed.map(String.init), maxCost: s.maxCost, completion: s.completion?.rawValue, addOneStop: s.addOneStop?.rawValue)
            let ballots = (state.ballots[vote.id] ?? [:]).sorted { $0.key < $1.key }.map { voter, ballot in
                BallotPart(voter: handle(voter), castAt: state.ballotTimes[vote.id]?[voter] ?? vote.openedAt, ballot: ballot)
            }
            return VotePart(
                id: vote.id.rawValue, title: vote.title, method: vote.method.rawValue, settings: settings,
                candidates: vote.candidates.map(\.rawValue),
                candidateTexts: vote.candidates.map { id in
                    state.ideas[id]?.isHidden == true && !options.includeHiddenTexts ? nil : state.textVotedOn(id, in: vote)
                },
                openedAt: vote.openedAt, closedAt: vote.closedAt, ballots: ballots)
        }
        cardSorts = (state.cardSorts[id] ?? [:]).sorted { $0.key < $1.key }.map { sorter, sort in
            CardSortPart(sorter: handle(sorter), submittedAt: sort.submittedAt, groups: sort.groups)
        }
        agenda = state.agenda(of: id).map {
            AgendaPart(name: $0.name, plannedSeconds: $0.plannedSeconds, startedAt: $0.startedAt, endedAt: $0.endedAt)
        }
        journal = JournalPart(entries: state.headSequence, head: state.headHash.hex)
    }

    /// The dump as JSON: keys sorted, two-space indents, times in ISO 8601 (UTC).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date, milliseconds: true))
        }
        return try encoder.encode(self)
    }

    /// Reads a dump, refusing another format or a later version with a message that says so.
    public static func read(_ data: Data) throws -> ConsultationDump {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.date(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 time"))
            }
            return date
        }
        struct Header: Decodable { var format: String?; var version: Int? }
        let header = try decoder.decode(Header.self, from: data)
        guard header.format == formatName else { throw DumpError.notADump(found: header.format) }
        guard let version = header.version, version >= 1 else { throw DumpError.broken("version: a whole number from 1 is needed") }
        guard version <= currentVersion else { throw DumpError.laterVersion(version) }
        return try decoder.decode(ConsultationDump.self, from: data)
    }
}

/// Why a file is not a dump this version can read.
public enum DumpError: Error, Equatable, CustomStringConvertible {
    case notADump(found: String?)
    case laterVersion(Int)
    /// The dump contradicts itself; the text says where (`ideas[3].author: ...`).
    case broken(String)

    public var description: String {
        switch self {
        case .notADump(let found):
            "not a Charrette consultation: its \"format\" is \(found.map { "'\($0)'" } ?? "missing"), not '\(ConsultationDump.formatName)'"
        case .laterVersion(let version):
            "version \(version) of the consultation format is newer than this Charrette reads (\(ConsultationDump.currentVersion))"
        case .broken(let message): message
        }
    }
}
