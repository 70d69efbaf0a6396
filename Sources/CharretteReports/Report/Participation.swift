import Charrette

/// Who was asked, who took part and who is missing.
///
/// The people asked are the consultation's eligible participants (facilitators and observers are
/// not counted). Someone took part if they submitted an idea, cast a ballot or reacted in one of
/// its votes, or handed in a card sort. Attributes are counted only for people who consented to
/// inclusion analytics.
public struct Participation: Sendable {
    /// A board, or one value of an attribute: how many were asked and how many took part.
    public struct Count: Sendable, Equatable {
        public let label: String
        public let asked: Int
        public let tookPart: Int
        /// The value's share of the people who took part and gave this attribute.
        public let share: Double
        /// How many people who took part gave this attribute: what `share` is a share of.
        public let basis: Int
        /// The value's share of the population, when one is loaded and gives it.
        public let target: Double?

        /// Taking part at less than four fifths of the population's share (the four-fifths rule
        /// used in adverse-impact checks), or not at all where the population has some. Never
        /// when nobody who took part gave the attribute: then there is nothing to compare.
        public var underRepresented: Bool {
            guard let target, target > 0, basis > 0 else { return false }
            return share < 0.8 * target
        }
    }

    /// One attribute's values, those the population names first.
    public struct Attribute: Sendable {
        public let name: String
        public let values: [Count]
        /// People who took part but did not give this attribute or did not consent to analytics.
        public let notGiven: Int
    }

    public let asked: Int
    public let tookPart: Int
    public let byBoard: [Count]
    public let byAttribute: [Attribute]
    /// Those asked who have not taken part, by the name the report uses.
    public let missing: [String]
    /// Ideas put forward without a name (a suggestion box, a form without a name field): counted
    /// here, as nobody can be said to have taken part through them.
    public let anonymousIdeas: Int
    /// Where the population figures come from, when one is loaded.
    public let populationSource: String?

    init(_ state: WorkspaceState, consultation id: Consultation.ID, population: PopulationTargets?, names: AuthorNames) {
        let consultation = state.consultations[id]!
        let asked = state.participants.values.filter { participant in
            guard participant.role == .participant else { return false }
            if case .boards(let boards) = consultation.eligibility { return !Set(boards).isDisjoint(with: participant.boards) }
            return true
        }.sorted { $0.id < $1.id }
        let active = Self.active(in: id, state)
        let took = asked.filter { active.contains($0.id) }
        self.asked = asked.count
        tookPart = took.count
        missing = asked.filter { !active.contains($0.id) }.map { names.name(of: $0.id) }
        anonymousIdeas = state.ideas(of: id).filter { $0.author == nil }.count
        populationSource = population?.source

        byBoard = state.boards.values.sorted { $0.id < $1.id }.compactMap { board in
            let members = asked.filter { $0.boards.contains(board.id) }
            guard !members.isEmpty else { return nil }
            let taking = members.filter { active.contains($0.id) }.count
            return Count(
                label: board.title, asked: members.count, tookPart: taking,
                share: took.isEmpty ? 0 : Double(taking) / Double(took.count), basis: took.count, target: nil)
        }

        // Attributes of those who consented to analytics.
        func attributes(_ p: Participant) -> [String: String] {
            p.consent.contains(.analytics) ? (state.personalRecords[p.id]?.attributes ?? [:]) : [:]
        }
        var attributeNames: [String] = population?.attributes.map(\.name) ?? []
        for p in asked { for key in attributes(p).keys.sorted() where !attributeNames.contains(key) { attributeNames.append(key) } }
        byAttribute = attributeNames.map { name in
            let targets = population?.attributes.first { $0.name == name }?.shares ?? []
            // The population's values in its order, then any others people gave, sorted.
            let named = targets.map(\.value)
            let others = Set(asked.compactMap { attributes($0)[name] }).subtracting(named).sorted()
            let values = named + others
            let giving = took.filter { attributes($0)[name] != nil }.count
            let counts = values.map { value in
                let withValue = asked.filter { attributes($0)[name] == value }
                let taking = withValue.filter { active.contains($0.id) }.count
                return Count(
                    label: value, asked: withValue.count, tookPart: taking,
                    share: giving == 0 ? 0 : Double(taking) / Double(giving), basis: giving,
                    target: population?.share(of: name, value))
            }
            return Attribute(name: name, values: counts, notGiven: took.count - giving)
        }
    }

    /// Everyone who did something in the consultation.
    static func active(in id: Consultation.ID, _ state: WorkspaceState) -> Set<Participant.ID> {
        var active = Set(state.ideas.values.filter { $0.consultation == id }.compactMap(\.author))
        for vote in state.votes.values where vote.consultation == id {
            active.formUnion((state.ballots[vote.id] ?? [:]).keys)
        }
        active.formUnion((state.cardSorts[id] ?? [:]).keys)
        return active
    }
}
