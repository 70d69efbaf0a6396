import Charrette
import Foundation
import Synchronization

/// Keeps the room's stage beside the journal (``Workspace/keepServerValue(_:for:)``), so that a
/// restarted server, or a room opened again in the shell, shows the results revealed, takes
/// walk-ins with the same room code and counts down the same step. Not journaled: the stage
/// decides what screens show, never what is counted.
final class StageKeeper: Sendable {
    private let workspace: Workspace
    private let key: String
    /// The last reason the stage could not be kept, until a later save succeeds.
    private let failure = Mutex<String?>(nil)
    /// Saves one at a time, each writing the stage as it is then, so the last one written is the
    /// newest whatever order the changes came in.
    private let saving = Mutex(())

    init(workspace: Workspace, consultation: Consultation.ID) {
        self.workspace = workspace
        key = "room.stage.\(consultation.rawValue)"
    }

    /// The stage kept for this consultation, less a step whose time is up; an empty stage when none
    /// was kept or it cannot be read (the reason is then in ``problem``).
    func load(now: Date = Date()) -> RoomStage {
        do {
            guard let data = try workspace.serverValue(key) else { return RoomStage() }
            var stage = try Self.decoder.decode(RoomStage.self, from: data)
            if let step = stage.step, step.endsAt <= now { stage.step = nil }
            return stage
        } catch {
            failure.withLock { $0 = "the room's stage kept earlier could not be read (\(error)); it starts empty" }
            return RoomStage()
        }
    }

    /// Keeps `stage()`, read at the moment of writing.
    func save(_ stage: () -> RoomStage) {
        saving.withLock { _ in
            do {
                let current = stage()
                try workspace.keepServerValue(current == RoomStage() ? nil : try Self.encoder.encode(current), for: key)
                failure.withLock { $0 = nil }
            } catch {
                failure.withLock { $0 = "the room's stage could not be kept for a restart: \(error)" }
            }
        }
    }

    /// Why the stage was not kept or read, if it was not.
    var problem: String? { failure.withLock { $0 } }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
