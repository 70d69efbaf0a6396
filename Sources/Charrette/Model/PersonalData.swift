import Crypto
import Foundation

/// A salted SHA-256 of a participant's ``PersonalRecord``, the only trace of it in the journal.
///
/// The salt and the record are kept beside the journal. Erasing them leaves the commitment behind,
/// which reveals nothing (the salt is random) yet lets a record still present be checked against
/// what the journal committed to.
public struct PersonalDataCommitment: Codable, Sendable, Hashable {
    public let digest: JournalHash

    public init(digest: JournalHash) { self.digest = digest }

    public init(from decoder: any Decoder) throws {
        let hex = try decoder.singleValueContainer().decode(String.self)
        guard let digest = JournalHash(hex: hex) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest"))
        }
        self.digest = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digest.hex)
    }
}

/// A personal record as the store keeps it: salt and bytes, checkable against its commitment.
public struct SealedPersonalRecord: Sendable, Hashable {
    public let participant: Participant.ID
    public let salt: [UInt8]
    /// The record as JSON with sorted keys.
    public let bytes: [UInt8]

    public init(participant: Participant.ID, salt: [UInt8], bytes: [UInt8]) {
        self.participant = participant
        self.salt = salt
        self.bytes = bytes
    }

    /// Seals `record` with a fresh random salt.
    public init(participant: Participant.ID, record: PersonalRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var generator = SystemRandomNumberGenerator()
        self.init(
            participant: participant, salt: (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) },
            bytes: Array(try encoder.encode(record)))
    }

    public var commitment: PersonalDataCommitment {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: bytes)
        return PersonalDataCommitment(digest: JournalHash(digest: hasher.finalize()))
    }

    public func record() throws -> PersonalRecord {
        try JSONDecoder().decode(PersonalRecord.self, from: Data(bytes))
    }
}
