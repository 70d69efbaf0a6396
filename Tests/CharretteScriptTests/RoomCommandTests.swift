import Charrette
import CharretteRoom
import CharretteScript
import Foundation
import Testing

/// The live room as the shell drives it: personal links journaled as digests only, revoked,
/// written for mail merge, and the server opened and closed.
@Suite("Room commands", .serialized)
struct RoomCommandTests {
    typealias Shell = OutcomeCommandTests.Shell

    /// The secret at the end of a link.
    static func secret(of link: Value) throws -> String {
        guard case .string(let text) = link, let range = text.range(of: "/join/") else { throw CancellationError() }
        return String(text[range.upperBound...])
    }

    @Test func aPersonalLinkIsJournaledAsADigestOnly() throws {
        let shell = try Shell()
        let state = { shell.interpreter.workspace.state }
        let amira = try #require(state().participant(handle: "amira")?.id)
        #expect(shell.refusal("room invite @amira").contains("the room is not open, so a link has no address"))
        #expect(shell.refusal(#"room invite @amira --base "ftp:nowhere""#).contains("--base takes an address"))
        let link = try shell.run(#"room invite @amira --base "http://192.168.1.20:8080/""#)
        guard case .string(let text) = link else { Issue.record("no link"); return }
        #expect(text.hasPrefix("http://192.168.1.20:8080/join/"))
        let secret = try Self.secret(of: link)
        #expect(state().invitationHolder(digest: InvitationSecret.digest(secret)) == amira)
        // The journal holds the digest, never the secret.
        let journal = try shell.run("journal log | to json")
        #expect(!"\(journal)".contains(secret))
        // A new link replaces the old one; undo brings the old one back.
        let second = try Self.secret(of: try shell.run("room invite @amira --base \"http://192.168.1.20:8080\""))
        #expect(state().invitationHolder(digest: InvitationSecret.digest(secret)) == nil)
        #expect(state().invitationHolder(digest: InvitationSecret.digest(second)) == amira)
        try shell.run("journal undo")
        #expect(state().invitationHolder(digest: InvitationSecret.digest(secret)) == amira)
        try shell.run("room revoke @amira")
        #expect(state().invitations.isEmpty)
        #expect(shell.refusal("room revoke @amira").contains("@amira has no invitation to revoke"))
    }

    @Test func invitationsForMailMergeGoToEveryoneWhoMayTakePart() throws {
        let scratch = try OutcomeCommandTests.Scratch()
        let shell = try Shell(OutcomeCommandTests.session + "\nparticipant add otto --role observer")
        shell.interpreter.outputDirectory = scratch.url.path
        try shell.run(#"room invites links.csv --base "http://10.0.0.5:8080""#)
        let rows = try scratch.read("links.csv").split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["handle", "link"])
        #expect(rows.dropFirst().map { $0[0] } == ["amira", "jon", "lena"])
        let state = shell.interpreter.workspace.state
        for row in rows.dropFirst() {
            let secret = try #require(row[1].components(separatedBy: "/join/").last)
            #expect(state.invitationHolder(digest: InvitationSecret.digest(secret)) == state.participant(handle: row[0])?.id)
        }
    }

    @Test func theRoomOpensSaysWhereAndCloses() throws {
        let shell = try Shell()
        try shell.run("room open --port 0")
        let address = try #require(shell.interpreter.room?.joinAddress)
        #expect(shell.output.contains { $0.hasPrefix("the room is open at \(address)") })
        #expect(shell.output.contains { $0.contains("█") }, "the QR code is drawn")
        #expect(shell.refusal("room open --port 0").contains("the room is already open at \(address)"))
        let link = try shell.run("room invite @amira")
        guard case .string(let text) = link else { Issue.record("no link"); return }
        #expect(text.hasPrefix(address + "/join/"))
        #expect("\(try shell.run("room status"))".contains(address))
        try shell.run("room close")
        #expect(shell.interpreter.room?.joinAddress == nil)
        #expect(shell.refusal("room close").contains("the room is not open"))
        #expect(shell.refusal("room open --port 70000").contains("--port must be from 0 to 65535"))
    }

    @Test func walkInsRevealsAndReceiptsFromTheShell() throws {
        let scratch = try OutcomeCommandTests.Scratch()
        try scratch.write("census.csv", "attribute,value,share\ndistrict,north,0.5\ndistrict,east,0.5\n")
        let shell = try Shell()
        shell.interpreter.directory = scratch.url.path
        #expect(shell.refusal("room walk-ins on").contains("the room has not been opened"))
        try shell.run("room open --port 0")
        defer { _ = try? shell.run("room close") }
        let room = try #require(shell.interpreter.room)
        #expect(shell.refusal("room walk-ins on --code AB").contains("--code takes 4 to 12 letters and digits"))
        #expect(shell.refusal("room walk-ins maybe").contains("expected on or off, found 'maybe'"))
        try shell.run("room walk-ins on --code k7qm-2x --ask census.csv")
        #expect(room.stage.walkIns == .init(code: "K7QM2X", questions: [.init(attribute: "district", values: ["north", "east"])]))
        #expect(shell.refusal("room walk-ins off --ask census.csv").contains("--ask goes with 'room walk-ins on'"))
        try shell.run("room walk-ins off")
        #expect(room.stage.walkIns == nil)
        // The session's vote is closed: revealing it shows its results, concealing takes them off.
        let vote = try #require(shell.interpreter.workspace.state.votes.values.first?.id)
        try shell.run("room reveal Dots")
        #expect(room.stage.revealed == [vote])
        #expect(shell.refusal("room conceal Nothing").contains("no vote of this consultation is titled or numbered"))
        try shell.run("room conceal Dots")
        #expect(room.stage.revealed.isEmpty && shell.refusal("room conceal Dots").contains("are not shown"))
        // A ballot's receipt is its entry's hash; journal verify says whether it is counted.
        let state = shell.interpreter.workspace.state
        var entries: [EncodedEntry] = []
        try shell.interpreter.workspace.storage.readEntries(after: 0) { entries.append($0) }
        let ballots = entries.filter { $0.kind == "ballotCast" }
        #expect(ballots.count == 2 && state.ballots[vote]?.count == 2)
        guard case .record(let checked) = try shell.run("journal verify --receipt \(ballots[0].hash.hex)") else { Issue.record("no record"); return }
        #expect(checked["receipt"] == .string("counted: the ballot of entry \(ballots[0].sequence) is its voter's ballot in force in 'Dots'"))
        guard case .record(let other) = try shell.run("journal verify --receipt \(entries[0].hash.hex)") else { Issue.record("no record"); return }
        #expect(other["receipt"] == .string("entry 1 is a boardCreated, not a ballot"))
        #expect(shell.refusal("journal verify --receipt 12ab").contains("--receipt takes the 64 hexadecimal digits"))
    }

    /// The room commands' examples, one at a time (see `CommandExampleTests.examplesRunAlone`).
    @Test func theRoomExamplesRun() throws {
        #expect(CommandExampleTests.examplesRunAlone.count == 10)
        for name in CommandExampleTests.examplesRunAlone.sorted() { try CommandExampleTests.runExample(name) }
    }
}
