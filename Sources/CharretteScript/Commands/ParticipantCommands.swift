import Charrette

enum ParticipantCommands {
    /// Attributes for inclusion analytics that have a flag of their own.
    static let attributeFlags = ["age", "district", "gender"]

    static let all: [CommandSpec] = [
        CommandSpec(
            "participant add", summary: "register a participant",
            signature: Signature(
                [.init("handle", "the short name used as @handle")],
                flags: [
                    .init("name", "TEXT", "the display name (personal data, kept outside the journal)"),
                    .init("role", "ROLE", "facilitator, participant (the default) or observer", completes: .role),
                    .init("board", "NAMES", "the boards they sit on (comma-separated)", completes: .board),
                    .init("age", "BAND", "age band, such as 16-17"),
                    .init("district", "NAME", "where they live"),
                    .init("gender", "TEXT", "as they describe it"),
                ]),
            example: "participant add amira --board youth --age 16-17 --district north", showsResult: false, changes: true
        ) { call in
            let handle = try call.handle(0)
            var role = Role.participant
            if let name = try call.flagString("role") {
                guard let parsed = Role(rawValue: name) else {
                    throw call.flagError("role", "unknown role '\(name)'; roles are facilitator, participant, observer")
                }
                role = parsed
            }
            var attributes: [String: String] = [:]
            for flag in attributeFlags { if let value = try call.flagString(flag) { attributes[flag] = value } }
            let name = try call.flagString("name")
            let personal = name != nil || !attributes.isEmpty ? PersonalRecord(displayName: name, attributes: attributes) : nil
            let boards = try call.flagList("board") ?? []
            let participant = try call.perform { try $0.registerParticipant(handle: handle, role: role, boards: boards, personalData: personal) }
            return .record(Rows.participant(participant, call.interpreter.workspace.state))
        },
        CommandSpec("participants", summary: "everyone registered", example: "participants | where role == facilitator") { call in
            let state = call.interpreter.workspace.state
            return Rows.table(state.participants.values.sorted { $0.id < $1.id }.map { Rows.participant($0, state) })
        },
    ]
}
