import Charrette
import Foundation
import Testing

@testable import CharretteRoom

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Room parts")
struct RoomPartsTests {
    /// Every language has every text English has, and nothing English lacks.
    @Test func everyLanguageHasEveryText() throws {
        let catalogue = Catalogue.shipped
        let english = try #require(catalogue.languages["en"])
        #expect(catalogue.languages.keys.sorted() == ["en", "es"])
        for (language, texts) in catalogue.languages {
            #expect(Set(texts.keys) == Set(english.keys), "\(language): \(Set(english.keys).symmetricDifference(texts.keys).sorted())")
        }
        #expect(catalogue.language(for: "es-ES,es;q=0.9,en;q=0.8") == "es")
        #expect(catalogue.language(for: "fr-FR, en;q=0.5, es;q=0.7") == "es")
        #expect(catalogue.language(for: "de") == "en" && catalogue.language(for: nil) == "en")
    }

    /// Every text the room's code names is in the catalogue: a key missing from `en.txt` would show
    /// the key itself on a page.
    @Test func everyTextTheCodeNamesIsInTheCatalogue() throws {
        let english = try #require(Catalogue.shipped.languages["en"])
        let sources = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Sources/CharretteRoom").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        let key = /"((?:join|page|idea|mine|react|ballot|wall|error|receipt|step|results|sort|refusal)\.[A-Za-z]+)"/
        var named = Set<String>()
        for file in files {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: key) { named.insert(String(match.1)) }
        }
        #expect(named.count > 60)
        #expect(named.subtracting(english.keys).sorted() == [])
    }

    /// A typed code is read as it is meant: case, dashes and spaces do not matter, O is 0, I and L are 1.
    @Test func typedCodesForgiveHowTheyAreTyped() {
        #expect(TypedCode.normalised("k7qm-2xrp 9dta") == "K7QM2XRP9DTA")
        #expect(TypedCode.normalised("OIL") == "011")
        #expect(TypedCode.normalised("ABü") == nil && TypedCode.normalised(" - ") == nil && TypedCode.normalised("AU") == nil)
        #expect(InvitationSecret.shown("K7QM2XRP9DTAW4HN") == "K7QM-2XRP-9DTA-W4HN")
        #expect(InvitationSecret.candidates("k7qm-2xrp") == ["k7qm-2xrp", "K7QM2XRP"])
    }

    /// The secret is random, typed as it is read, and the journal keeps only its digest.
    @Test func invitationSecretsAreRandomAndKeptAsDigests() {
        let secrets = Set((0..<100).map { _ in InvitationSecret.make() })
        #expect(secrets.count == 100 && secrets.allSatisfy { $0.count == 16 && TypedCode.normalised($0) == $0 })
        let secret = secrets.first!
        #expect(InvitationSecret.digest(secret) == InvitationSecret.digest(secret) && InvitationSecret.digest(secret) != InvitationSecret.digest(secret + "x"))
        #expect(InvitationSecret.digest("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// A join address encodes as a square code with finder patterns in three corners.
    @Test func aQRCodeHasItsFinderPatterns() throws {
        let code = try #require(QRCode("http://192.168.1.20:8080"))
        let n = code.modules.count
        #expect(n >= 21 && (n - 21) % 4 == 0 && code.modules.allSatisfy { $0.count == n })
        for (x, y) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            #expect((0..<7).allSatisfy { code.modules[y][x + $0] && code.modules[y + 6][x + $0] && code.modules[y + $0][x] && code.modules[y + $0][x + 6] })
            #expect(!code.modules[y + 1][x + 1] && code.modules[y + 3][x + 3])
        }
        #expect(code.terminalText.split(separator: "\n").count == (n + 4 + 1) / 2)
        #expect(code.svg.hasPrefix("<svg") && code.svg.contains("<path d=\"M"))
    }

    /// A change committed in the workspace reaches an open wall stream, ideas and all.
    @Test func theWallStreamCarriesEachChange() async throws {
        let f = try RoomFixture()
        let stream = f.room.service.wall.subscribe()
        var events = stream.makeAsyncIterator()
        let first = try #require(await events.next())
        #expect(first.hasPrefix("id: ") && first.contains("event: wall") && first.hasSuffix("\n\n"))
        try await f.workspace.perform(by: f.amira) { tx in _ = try tx.submitIdea("Night buses on Sundays", by: f.amira, to: f.consultation) }
        let next = try #require(await events.next())
        #expect(next.contains("Night buses on Sundays") && next.contains("\"ideas\":1"))
        #expect(f.room.status.openStreams == 1)
    }

    /// A heartbeat reaches a quiet stream, but never takes the place of a wall it has not read.
    @Test func aHeartbeatNeverReplacesAnUnreadWall() async throws {
        let f = try RoomFixture()
        let wall = f.room.service.wall
        let stream = wall.subscribe()
        wall.beat()  // the first wall is still unread: it stays
        var events = stream.makeAsyncIterator()
        let first = try #require(await events.next())
        #expect(first.contains("event: wall"))
        wall.beat()  // nothing unread: the heartbeat goes out
        #expect(await events.next() == WallFeed.heartbeat)
        try await f.workspace.perform(by: f.amira) { tx in _ = try tx.submitIdea("Night buses on Sundays", by: f.amira, to: f.consultation) }
        wall.publish(f.workspace.state)
        wall.pushIfChanged()
        wall.beat()
        let next = try #require(await events.next())
        #expect(next.contains("Night buses on Sundays"))
    }

    /// The server binds, answers on loopback and stops.
    @Test func theServerOpensAndCloses() async throws {
        let f = try RoomFixture()
        let address = try await f.room.start(host: "127.0.0.1", port: 0)
        #expect(address.hasPrefix("http://127.0.0.1:") && f.room.joinAddress == address)
        await #expect(throws: RoomError.self) { _ = try await f.room.start(host: "127.0.0.1", port: 0) }
        let (data, response) = try await URLSession.shared.data(from: URL(string: address + "/room.css")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200 && String(decoding: data, as: UTF8.self).contains("color-scheme"))
        #expect(f.room.invitationLink(secret: "s3cret") == address + "/join/s3cret")
        await f.room.close()
        #expect(f.room.joinAddress == nil)
    }
}
