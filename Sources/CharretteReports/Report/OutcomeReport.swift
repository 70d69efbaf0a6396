import Charrette
import CharretteVoting
import Foundation

/// Everything a report says about one consultation, worked out from the workspace state.
///
/// Renderers only lay it out: the HTML and Markdown reports, and any Mustache template a user
/// writes, read the same figures (``ReportContext``).
public struct OutcomeReport: Sendable {
    /// What a report includes beyond its defaults.
    public struct Options: Sendable {
        /// Name people who consented to be named in reports by their display name; otherwise
        /// everyone appears by handle, their pseudonym.
        public var namesWhereConsented: Bool
        /// The population the participants should resemble, to show who is missing.
        public var population: PopulationTargets?
        /// When the report was made; now by default.
        public var generatedAt: Date

        public init(namesWhereConsented: Bool = false, population: PopulationTargets? = nil, generatedAt: Date = Date()) {
            self.namesWhereConsented = namesWhereConsented
            self.population = population
            self.generatedAt = generatedAt
        }
    }

    /// An idea as the report shows it, with the near duplicates merged into it.
    public struct IdeaLine: Sendable, Equatable {
        public let id: Int
        public let text: String
        public let author: String
        public let duplicates: [IdeaLine]
    }

    /// A theme and its open ideas.
    public struct ThemeSection: Sendable {
        public let label: String
        public let description: String
        public let ideas: [IdeaLine]
    }

    /// What moderation did: counts, and the reasons given for hidden ideas (not their texts).
    public struct Moderation: Sendable {
        public let hiddenReasons: [(idea: Int, reason: String)]
        public let withdrawn: Int
        public let merged: Int
        /// Merged ideas whose idea (at the end of the chain) was since withdrawn or hidden, so the
        /// report lists them nowhere.
        public let mergedOutOfSight: Int
    }

    public let title: String
    public let question: String
    public let phase: String
    public let generatedAt: Date
    public let participation: Participation
    /// The agenda's steps as they ran for this consultation, with those run before it was opened.
    public let agenda: [AgendaStep]
    public let themes: [ThemeSection]
    /// Open ideas in no theme.
    public let unsorted: [IdeaLine]
    public let votes: [VoteSection]
    /// The opinion map of the newest reactions vote anyone reacted in, if there is one.
    public let opinions: OpinionSection?
    public let moderation: Moderation
    /// Entries in the journal and the hash of the last one, which `journal verify` recomputes.
    public let journalEntries: Int64
    public let journalHead: String
    /// Who made the journal's changes, most changes first: a name (or handle) and a count; "no
    /// one named" for the changes made by the program, or by a shell not told who used it.
    public let changesBy: [(name: String, changes: Int)]

    /// Works out the report of `consultation` from `state`.
    public init(_ state: WorkspaceState, consultation id: Consultation.ID, options: Options = Options()) {
        let consultation = state.consultations[id]!
        let names = AuthorNames(state, namesWhereConsented: options.namesWhereConsented)
        title = consultation.title
        question = consultation.question
        phase = consultation.phase.rawValue
        generatedAt = options.generatedAt
        participation = Participation(state, consultation: id, population: options.population, names: names)
        agenda = state.agenda(of: id)

        let ideas = state.ideas(of: id)
        var duplicates: [Idea.ID: [Idea]] = [:]
        for idea in ideas { if case .merged(let target) = idea.status { duplicates[target, default: []].append(idea) } }
        // Everything merged into an idea, also through a chain (#3 into #2, #2 into #1).
        func merged(into id: Idea.ID, seen: Set<Idea.ID> = []) -> [Idea] {
            (duplicates[id] ?? []).filter { !seen.contains($0.id) }.flatMap { [$0] + merged(into: $0.id, seen: seen.union([id])) }
        }
        func line(_ idea: Idea) -> IdeaLine {
            IdeaLine(
                id: idea.id.rawValue, text: idea.text, author: names.name(ofAuthor: idea.author),
                duplicates: merged(into: idea.id).sorted { $0.id < $1.id }.map {
                    IdeaLine(id: $0.id.rawValue, text: $0.text, author: names.name(ofAuthor: $0.author), duplicates: [])
                })
        }
        themes = state.themes(of: id).map { theme in
            ThemeSection(
                label: theme.label, description: theme.description,
                ideas: state.ideas(in: theme.id).filter(\.status.isOpen).map(line))
        }
        unsorted = ideas.filter { $0.status.isOpen && $0.theme == nil }.map(line)
        votes = state.votes.values.filter { $0.consultation == id }.sorted { $0.id < $1.id }.map { VoteSection($0, state) }
        opinions = OpinionSection(state, consultation: id)
        let mergedCount = ideas.filter { if case .merged = $0.status { true } else { false } }.count
        let listed = (themes.flatMap(\.ideas) + unsorted).reduce(0) { $0 + $1.duplicates.count }
        moderation = Moderation(
            hiddenReasons: ideas.compactMap { idea in
                if case .hidden(let reason) = idea.status { (idea.id.rawValue, reason) } else { nil }
            },
            withdrawn: ideas.filter { $0.status == .withdrawn }.count,
            merged: mergedCount, mergedOutOfSight: mergedCount - listed)
        journalEntries = state.headSequence
        journalHead = state.headHash.hex
        changesBy = state.changeCounts.map { actor, count in (actor.map(names.name(of:)) ?? "no one named", count) }
            .sorted { $0.changes != $1.changes ? $0.changes > $1.changes : $0.name < $1.name }
    }
}

/// How a report names people: by handle (their pseudonym), or by display name where they
/// consented to be named and the report asks for names.
struct AuthorNames {
    let state: WorkspaceState
    let namesWhereConsented: Bool

    init(_ state: WorkspaceState, namesWhereConsented: Bool) {
        self.state = state
        self.namesWhereConsented = namesWhereConsented
    }

    /// An idea's author as the report names them; "anonymous" for an idea put forward without a name.
    func name(ofAuthor id: Participant.ID?) -> String { id.map(name(of:)) ?? "anonymous" }

    func name(of id: Participant.ID) -> String {
        guard let participant = state.participants[id] else { return "someone since removed" }
        if namesWhereConsented, participant.consent.contains(.namedInReports),
            let name = state.personalRecords[id]?.displayName, !name.isEmpty
        {
            return name
        }
        return "@" + participant.handle
    }
}
