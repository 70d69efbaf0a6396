import Foundation

/// A participant's personal link into the live room, as the journal keeps it: only a digest of the
/// link's secret, so that whoever reads the journal (or a backup of it) cannot use the link.
public struct Invitation: Codable, Sendable, Hashable {
    /// Who the link lets in.
    public let participant: Participant.ID
    /// SHA-256 of the secret in the link.
    public let secretDigest: JournalHash
    /// When it was issued.
    public let issuedAt: Date

    public init(participant: Participant.ID, secretDigest: JournalHash, issuedAt: Date) {
        self.participant = participant
        self.secretDigest = secretDigest
        self.issuedAt = issuedAt
    }

    private enum CodingKeys: String, CodingKey { case participant, secretDigest, issuedAt }

    // The digest in hexadecimal, as the JSON exports write every digest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hex = try container.decode(String.self, forKey: .secretDigest)
        guard let digest = JournalHash(hex: hex) else {
            throw DecodingError.dataCorruptedError(forKey: .secretDigest, in: container, debugDescription: "not a SHA-256 digest")
        }
        self.init(
            participant: try container.decode(Participant.ID.self, forKey: .participant), secretDigest: digest,
            issuedAt: try container.decode(Date.self, forKey: .issuedAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(participant, forKey: .participant)
        try container.encode(secretDigest.hex, forKey: .secretDigest)
        try container.encode(issuedAt, forKey: .issuedAt)
    }
}
