import CharretteVoting
import Foundation

// The binary layouts of the model types, as described in BinaryCoding.swift. Fields are written
// in the order they are declared here; changing it changes the event version.

extension Identifier: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeInt(rawValue) }
    public init(from reader: inout BinaryReader) throws { self.init(try reader.readInt()) }
}

extension Role: BinaryCodable {}
extension Consultation.Phase: BinaryCodable {}
extension BallotKind: BinaryCodable {}
extension Reaction: BinaryCodable {}
extension ConsentPosition: BinaryCodable {}

extension Consent: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeInt(rawValue) }
    public init(from reader: inout BinaryReader) throws { self.init(rawValue: try reader.readInt()) }
}

extension JournalHash: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { bytes.withUnsafeBufferPointer { writer.writeBytes($0) } }
    public init(from reader: inout BinaryReader) throws { self = JournalHash(bytes: try reader.readBytes(32))! }
}

extension PersonalDataCommitment: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { digest.write(to: &writer) }
    public init(from reader: inout BinaryReader) throws { self.init(digest: try reader.read()) }
}

extension Board: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(name); writer.write(title); writer.write(shadows)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.read(), name: try reader.read(), title: try reader.read(String.self), shadows: try reader.read())
    }
}

extension Participant: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(handle); writer.write(role); writer.write(boards); writer.write(consent)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            id: try reader.read(), handle: try reader.read(), role: try reader.read(), boards: try reader.read(),
            consent: try reader.read())
    }
}

extension Consultation.Eligibility: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        switch self {
        case .everyone: writer.writeByte(0)
        case .boards(let boards): writer.writeByte(1); writer.write(boards)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        switch try reader.readByte() {
        case 0: self = .everyone
        case 1: self = .boards(try reader.read())
        case let tag: throw reader.unknownCase(tag, of: "eligibility")
        }
    }
}

extension Consultation: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(title); writer.write(question); writer.write(phase); writer.write(eligibility)
        writer.write(createdAt); writer.write(phaseChangedAt)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            id: try reader.read(), title: try reader.read(), question: try reader.read(), phase: try reader.read(),
            eligibility: try reader.read(), createdAt: try reader.read())
        phaseChangedAt = try reader.read()
    }
}

extension Idea.Status: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        switch self {
        case .open: writer.writeByte(0)
        case .merged(let into): writer.writeByte(1); writer.write(into)
        case .withdrawn: writer.writeByte(2)
        case .hidden(let reason): writer.writeByte(3); writer.write(reason)
        case .held: writer.writeByte(4)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        switch try reader.readByte() {
        case 0: self = .open
        case 1: self = .merged(into: try reader.read())
        case 2: self = .withdrawn
        case 3: self = .hidden(reason: try reader.read())
        case 4: self = .held
        case let tag: throw reader.unknownCase(tag, of: "idea status")
        }
    }
}

// An anonymous idea's author is written as 0, a number no participant has: the layout of
// version 1 holds anonymous ideas unchanged.
extension Idea: BinaryCodable {
    static let anonymousAuthor = Participant.ID(rawValue: 0)

    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(consultation); writer.write(text); writer.write(author ?? Self.anonymousAuthor)
        writer.write(submittedAt); writer.write(status); writer.write(theme)
    }
    public init(from reader: inout BinaryReader) throws {
        let id: Idea.ID = try reader.read(), consultation: Consultation.ID = try reader.read(), text: String = try reader.read()
        let author: Participant.ID = try reader.read()
        self.init(
            id: id, consultation: consultation, text: text, author: author == Self.anonymousAuthor ? nil : author,
            submittedAt: try reader.read(), status: try reader.read(), theme: try reader.read())
    }
}

extension Theme: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(consultation); writer.write(label); writer.write(description)
        writer.write(createdBy); writer.write(createdAt); writer.write(changedBy); writer.write(changedAt)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            id: try reader.read(), consultation: try reader.read(), label: try reader.read(),
            description: try reader.read(), createdBy: try reader.read(), createdAt: try reader.read())
        changedBy = try reader.read()
        changedAt = try reader.read()
    }
}

extension VotingMethod: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(rawValue) }
    public init(from reader: inout BinaryReader) throws {
        let name: String = try reader.read()
        guard let method = VotingMethod(rawValue: name) else { throw BinaryFormatError("unknown voting method '\(name)'") }
        self = method
    }
}

extension VoteSettings: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(budget); writer.write(capPerIdea); writer.write(credits); writer.write(scoreRange)
        writer.write(seats); writer.write(costs); writer.write(seed); writer.write(maxCost)
        writer.write(completion?.rawValue); writer.write(addOneStop?.rawValue)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            budget: try reader.read(), capPerIdea: try reader.read(), credits: try reader.read(),
            scoreRange: try reader.read(), seats: try reader.read(), costs: try reader.read(), seed: try reader.read())
        guard reader.version >= 2 else { return }
        maxCost = try reader.read()
        func choice<Choice: RawRepresentable>(_ type: Choice.Type, _ what: String) throws -> Choice? where Choice.RawValue == String {
            guard let name: String = try reader.read() else { return nil }
            guard let value = Choice(rawValue: name) else { throw BinaryFormatError("unknown \(what) '\(name)'") }
            return value
        }
        completion = try choice(EqualSharesCompletion.Rule.self, "equal shares completion")
        addOneStop = try choice(EqualSharesCompletion.Stop.self, "add-one stopping rule")
    }
}

extension Vote: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id); writer.write(consultation); writer.write(title); writer.write(method); writer.write(settings)
        writer.write(candidates); writer.write(openedBy); writer.write(openedAt); writer.write(closedAt)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            id: try reader.read(), consultation: try reader.read(), title: try reader.read(), method: try reader.read(),
            settings: try reader.read(), candidates: try reader.read(), openedBy: try reader.read(),
            openedAt: try reader.read(), closedAt: try reader.read())
    }
}

extension CastBallot: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(ballot); writer.write(at) }
    public init(from reader: inout BinaryReader) throws { self.init(try reader.read(), at: try reader.read()) }
}

extension Ballot: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(kind)
        switch self {
        case .approval(let ideas), .budget(let ideas): writer.write(ideas)
        case .scores(let map), .dots(let map), .quadratic(let map): writer.write(map)
        case .ranking(let tiers): writer.write(tiers)
        case .reactions(let map): writer.write(map)
        case .consent(let map): writer.write(map)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        switch try reader.read(BallotKind.self) {
        case .approval: self = .approval(try reader.read())
        case .budget: self = .budget(try reader.read())
        case .scores: self = .scores(try reader.read())
        case .dots: self = .dots(try reader.read())
        case .quadratic: self = .quadratic(try reader.read())
        case .ranking: self = .ranking(try reader.read())
        case .reactions: self = .reactions(try reader.read())
        case .consent: self = .consent(try reader.read())
        }
    }
}

extension CardSort.Group: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(label); writer.write(ideas) }
    public init(from reader: inout BinaryReader) throws { self.init(label: try reader.read(), ideas: try reader.read()) }
}

extension CardSort: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(consultation); writer.write(sorter); writer.write(groups); writer.write(submittedAt)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(consultation: try reader.read(), sorter: try reader.read(), groups: try reader.read(), submittedAt: try reader.read())
    }
}

extension Invitation: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(participant); writer.write(secretDigest); writer.write(issuedAt) }
    public init(from reader: inout BinaryReader) throws {
        self.init(participant: try reader.read(), secretDigest: try reader.read(), issuedAt: try reader.read())
    }
}

extension AgendaStep: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(name); writer.write(plannedSeconds); writer.write(startedAt); writer.write(endedAt); writer.write(consultation)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(
            name: try reader.read(), plannedSeconds: try reader.read(), startedAt: try reader.read(),
            endedAt: try reader.read(), consultation: try reader.read())
    }
}
