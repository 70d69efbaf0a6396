import Charrette
import CharretteRoom
import CharretteSupport
import Foundation

/// The live room served from the shell: open it on the current consultation, invite people with
/// personal links or let them walk in with a room code, reveal results, see who is there, close it.
enum RoomCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "room open", summary: "serve the live room on the current consultation: prints the join address and its QR code",
            signature: Signature(flags: [
                .init("port", "N", "the port to serve on (default 8080; 0 for any free one)"),
                .init("host", "ADDR", "the address to serve on: 127.0.0.1 (the default, this machine only) or 0.0.0.0 for the local network"),
            ]),
            example: "room open --port 0", showsResult: false
        ) { call in
            let port = try call.flagInt("port") ?? 8080
            guard (0...65535).contains(port) else { throw call.flagError("port", "--port must be from 0 to 65535") }
            let host = try call.flagString("host") ?? "127.0.0.1"
            let consultation = try call.consultation()
            if let open = call.interpreter.room?.joinAddress { throw call.error("the room is already open at \(open); 'room close' first") }
            let room =
                call.interpreter.room.flatMap { $0.consultation == consultation ? $0 : nil }
                ?? Room(workspace: call.interpreter.workspace, consultation: consultation)
            try call.interpreter.flush()
            let address: String
            do {
                address = try RoomExecutor.wait { try await room.start(host: host, port: port) }
            } catch {
                throw call.error("\(error)", underlying: error)
            }
            call.interpreter.room = room
            if let hear = call.interpreter.roomArrivals {
                let arrivals = room.arrivals()
                Task.detached { for await line in arrivals { hear(line) } }
            }
            try call.interpreter.show("the room is open at \(address) (the wall: \(address)/wall)")
            if let code = QRCode(address) { try call.interpreter.show(code.terminalText) }
            return .record(Record([("address", .string(address))]))
        },
        CommandSpec("room close", summary: "stop serving the live room (what was sent stays in the journal)", example: "room close", showsResult: false) {
            call in
            guard let room = call.interpreter.room, room.joinAddress != nil else { throw call.error("the room is not open") }
            _ = try? RoomExecutor.wait { await room.close() }
            return .null
        },
        CommandSpec("room status", summary: "the live room: its address, who joined, open streams, actions taken", example: "room status") { call in
            let room = try openedRoom(call)
            let status = room.status
            return .record(
                Record([
                    ("address", room.joinAddress.map(Value.string) ?? .string("closed")), ("joined", .integer(status.participantsJoined)),
                    ("streams", .integer(status.openStreams)), ("actions", .integer(status.actionsAccepted)),
                    ("room code", room.stage.walkIns.map { .string($0.code) } ?? .null), ("step", room.stage.step.map { .string($0.name) } ?? .null),
                    ("revealed", .integer(room.stage.revealed.count)), ("stage", .string(room.stageProblem ?? "kept for a restart")),
                    ("held", .integer(call.interpreter.workspace.state.ideas(of: room.consultation).filter { $0.status == .held }.count)),
                ]))
        },
        CommandSpec(
            "room walk-ins", summary: "let newcomers join with a room code, a handle and answers about themselves, or stop them",
            signature: Signature(
                [.init("switch", "on or off")],
                flags: [
                    .init("code", "CODE", "the room code (letters and digits); a new six-character one by default"),
                    .init("ask", "FILE", "a population file (attribute,value,share) whose attributes newcomers are asked about"),
                ] + CSVImportFile.readingFlags(of: "the population file")),
            example: "room walk-ins on --ask census.csv"
        ) { call in
            let room = try openedRoom(call)
            switch try call.string(0, "on or off") {
            case "off":
                if let flag = ["code", "ask", "encoding", "delimiter"].first(where: call.has) {
                    throw call.flagError(flag, "--\(flag) goes with 'room walk-ins on'")
                }
                room.changeStage { $0.walkIns = nil }
                return .string("newcomers can no longer walk in; personal links and rejoin codes still work")
            case "on":
                let code =
                    try call.flagString("code").map { typed in
                        guard let code = TypedCode.normalised(typed), (4...12).contains(code.count) else {
                            throw call.flagError("code", "--code takes 4 to 12 letters and digits (no I, L, O or U, which read as 1 and 0)")
                        }
                        return code
                    } ?? TypedCode.make(length: 6)
                let questions =
                    try call.flagString("ask").map { path in
                        try ExportReportCommands.populationTargets(call, path: path, flag: "ask").attributes.map {
                            WalkInQuestion(attribute: $0.name, values: $0.shares.map(\.value))
                        }
                    } ?? []
                room.changeStage { $0.walkIns = .init(code: code, questions: questions) }
                let asked = questions.isEmpty ? "" : "; newcomers are asked their \(questions.map(\.attribute).joined(separator: ", "))"
                return .string("newcomers join at \(room.joinAddress ?? "the room")/join with the room code \(code)\(asked)")
            case let other:
                throw call.error("expected on or off, found '\(other)'", at: 0)
            }
        },
        CommandSpec(
            "room moderation", summary: "hold participants' new ideas until a facilitator approves them (idea approve, idea hide), or stop holding them",
            signature: Signature([.init("switch", "on or off")]),
            example: "room moderation on", changes: true
        ) { call in
            let consultation = try call.consultation()
            let moderated: Bool
            switch try call.string(0, "on or off") {
            case "on": moderated = true
            case "off": moderated = false
            case let other: throw call.error("expected on or off, found '\(other)'", at: 0)
            }
            try call.perform { tx in try tx.moderateIdeas(in: consultation, moderated) }
            let held = call.interpreter.workspace.state.ideas(of: consultation).filter { $0.status == .held }.count
            return .string(
                moderated
                    ? "participants' new ideas wait for a facilitator: 'ideas --held' lists them, 'idea approve #N' lets one in, 'idea hide #N \"reason\"' keeps it out"
                    : "participants' new ideas go up at once" + (held > 0 ? "; \(held) held before still wait for 'idea approve'" : ""))
        },
        CommandSpec(
            "room reveal", summary: "show a vote's results on the wall and every participant's page",
            signature: Signature([.init("vote", "the vote's title or number; the newest vote by default", optional: true)]),
            example: "room reveal"
        ) { call in
            let room = try openedRoom(call)
            let vote = try VoteCommands.vote(call, title: try call.optionalString(0, "the vote's title"))
            guard vote.consultation == room.consultation else {
                throw call.error("'\(vote.title)' is not a vote of the consultation the room is open on")
            }
            room.changeStage { $0.revealed.insert(vote.id) }
            return .string("the results of '\(vote.title)' are shown" + (vote.isOpen ? " (the vote is still open: they will change)" : ""))
        },
        CommandSpec(
            "room conceal", summary: "take a vote's results off the wall and the participants' pages again",
            signature: Signature([.init("vote", "the vote's title or number; every revealed vote by default", optional: true)]),
            example: "room conceal"
        ) { call in
            let room = try openedRoom(call)
            guard let title = try call.optionalString(0, "the vote's title") else {
                room.changeStage { $0.revealed = [] }
                return .string("no results are shown")
            }
            let vote = try VoteCommands.vote(call, title: title)
            guard room.stage.revealed.contains(vote.id) else { throw call.error("the results of '\(vote.title)' are not shown", at: 0) }
            room.changeStage { $0.revealed.remove(vote.id) }
            return .string("the results of '\(vote.title)' are no longer shown")
        },
        CommandSpec(
            "room invite", summary: "a personal link into the room for a participant (an earlier link of theirs stops working)",
            signature: Signature(
                [.init("participant", "who is invited, such as @amira", completes: .participant)],
                flags: [.init("base", "URL", "the address the link starts with, when the room is served elsewhere (charrette serve)")]),
            example: "room invite @amira", changes: true
        ) { call in
            let handle = try call.handle(0)
            let base = try linkBase(call)
            let secret = InvitationSecret.make()
            try call.perform { tx in try tx.issueInvitation(to: try tx.participant(handle: handle).id, secretDigest: InvitationSecret.digest(secret)) }
            return .string(base + "/join/" + secret)
        },
        CommandSpec(
            "room revoke", summary: "stop a participant's personal link from letting anyone in, and end their sessions",
            signature: Signature([.init("participant", "whose link, such as @amira", completes: .participant)]),
            example: "room revoke @amira", showsResult: false, changes: true
        ) { call in
            let handle = try call.handle(0)
            // Their sessions end with it: a session is the credential's secret (RoomSessions).
            try call.perform { tx in try tx.revokeInvitation(of: try tx.participant(handle: handle).id) }
            return .null
        },
        CommandSpec(
            "room invites", summary: "a personal link for every participant of the consultation, written to a CSV file for mail merge",
            signature: Signature(
                [.init("file", "the .csv file to write (handle, link)")],
                flags: [.init("base", "URL", "the address the links start with, when the room is served elsewhere (charrette serve)")]),
            example: "room invites links.csv", showsResult: false, changes: true
        ) { call in
            let path = try call.string(0, "a file to write")
            let base = try linkBase(call)
            let state = call.interpreter.workspace.state
            let consultation = try call.consultation()
            let eligibility = state.consultations[consultation]?.eligibility ?? .everyone
            // Those who may take part, as the domain's rules say: not observers, consenting, on an invited board.
            let people = state.participants.values.filter { person in
                guard person.role == .participant, person.consent.contains(.participation) else { return false }
                if case .boards(let invited) = eligibility { return !Set(invited).isDisjoint(with: person.boards) }
                return true
            }.sorted { $0.id < $1.id }
            guard !people.isEmpty else { throw call.error("nobody to invite: no participant may take part in this consultation") }
            let secrets = people.map { _ in InvitationSecret.make() }
            try call.perform { tx in
                for (person, secret) in zip(people, secrets) { try tx.issueInvitation(to: person.id, secretDigest: InvitationSecret.digest(secret)) }
            }
            let rows =
                [CSV.row(["handle", "link"])]
                + zip(people, secrets).map { person, secret in
                    CSV.row([CSV.field(person.handle, neutralisingFormulas: true), CSV.field(base + "/join/" + secret, neutralisingFormulas: true)])
                }
            return try ExportCommands.write(rows.joined(separator: "\r\n") + "\r\n", to: path, call)
        },
    ]

    /// The room opened in this shell, or an error saying to open one.
    static func openedRoom(_ call: Invocation) throws -> Room {
        guard let room = call.interpreter.room else { throw call.error("the room has not been opened: 'room open' first") }
        return room
    }

    /// Where links start: `--base`, or the open room's address.
    static func linkBase(_ call: Invocation) throws -> String {
        if let base = try call.flagString("base") {
            guard let url = URL(string: base), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw call.flagError("base", "--base takes an address such as http://192.168.1.20:8080")
            }
            return base.hasSuffix("/") ? String(base.dropLast()) : base
        }
        guard let address = call.interpreter.room?.joinAddress else {
            throw call.error("the room is not open, so a link has no address: 'room open' first, or give --base URL")
        }
        return address
    }
}
