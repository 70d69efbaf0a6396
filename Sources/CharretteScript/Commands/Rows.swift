import Charrette

/// The workspace's things as records, the way commands show and return them.
enum Rows {
    /// An idea as a row; a hidden idea's text is left out (null) unless `hidden` asks for it.
    static func idea(_ idea: Idea, _ state: WorkspaceState, hidden: Bool = false) -> Record {
        let status: String
        switch idea.status {
        case .open: status = "open"
        case .merged(let into): status = "merged into #\(into.rawValue)"
        case .withdrawn: status = "withdrawn"
        case .hidden(let reason): status = "hidden: \(reason)"
        case .held: status = "waiting for a moderator"
        }
        return Record([
            ("id", .idea(idea.id)), ("text", idea.isHidden && !hidden ? .null : .string(idea.text)),
            ("author", author(idea, state)),
            ("theme", idea.theme.flatMap { state.themes[$0] }.map { .string($0.label) } ?? .null),
            ("status", .string(status)),
        ])
    }

    /// An idea's author: their handle, or "anonymous" for an idea put forward without a name.
    static func author(_ idea: Idea, _ state: WorkspaceState) -> Value {
        guard let id = idea.author else { return .string("anonymous") }
        return state.participants[id].map { .participant($0.handle) } ?? .null
    }

    static func participant(_ p: Participant, _ state: WorkspaceState) -> Record {
        Record([
            ("handle", .participant(p.handle)),
            ("name", state.personalRecords[p.id]?.displayName.map(Value.string) ?? .null),
            ("role", .string(p.role.rawValue)),
            ("boards", .list(p.boards.compactMap { state.boards[$0].map { .string($0.name) } })),
        ])
    }

    static func theme(_ theme: Theme, _ state: WorkspaceState) -> Record {
        let ideas = state.ideas(in: theme.id).filter { $0.status.isOpen }
        return Record([
            ("label", .string(theme.label)), ("ideas", .integer(ideas.count)),
            ("description", .string(theme.description)),
            ("members", .list(ideas.map { .idea($0.id) })),
        ])
    }

    static func vote(_ vote: Vote, _ state: WorkspaceState) -> Record {
        Record([
            ("id", .integer(vote.id.rawValue)), ("title", .string(vote.title)), ("method", .string(vote.method.rawValue)),
            ("ballots", .integer(state.ballots[vote.id]?.count ?? 0)), ("open", .bool(vote.isOpen)),
        ])
    }

    static func consultation(_ c: Consultation, _ state: WorkspaceState) -> Record {
        Record([
            ("id", .integer(c.id.rawValue)), ("title", .string(c.title)), ("question", .string(c.question)),
            ("phase", .string(c.phase.rawValue)), ("ideas", .integer(state.ideas(of: c.id).count)),
            ("language", .string(c.language ?? "detected")),
            ("authors", .string(c.requiresAuthors ? "required" : "optional")),
        ])
    }

    static func table(_ records: [Record]) -> Value { .table(Table(records: records)) }
}
