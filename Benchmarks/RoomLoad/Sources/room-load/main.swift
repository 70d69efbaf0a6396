// The room load client of scripts/bench-room: opens the wall's event streams, joins every invited
// participant through the JSON API, posts their reactions and ballots with a bounded number in
// flight, then times how long a committed change takes to reach every open stream. Loopback only;
// every loop is bounded in count and in time.
//
// room-load --base URL --links FILE --reactions-vote ID --ballot-vote ID --ideas 1,2,3
//           [--streams N] [--reactions K] [--concurrency C] [--server-pid PID] [--acks FILE]
//           [--retry-for SECONDS] [--probes N]
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

// MARK: Settings

struct Settings {
    var base = "http://127.0.0.1:8080"
    var links = ""
    var reactionsVote = 0, ballotVote = 0
    var ideas: [Int] = []
    var streams = 2000, reactions = 5, concurrency = 128, probes = 5
    var serverPID: Int32?
    var acks: String?
    /// How long an action whose connection failed (the server was killed) is tried again.
    var retryFor = 0.0

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--base": base = value(flag)
            case "--links": links = value(flag)
            case "--reactions-vote": reactionsVote = Int(value(flag)) ?? 0
            case "--ballot-vote": ballotVote = Int(value(flag)) ?? 0
            case "--ideas": ideas = value(flag).split(separator: ",").compactMap { Int($0) }
            case "--streams": streams = Int(value(flag)) ?? streams
            case "--reactions": reactions = Int(value(flag)) ?? reactions
            case "--concurrency": concurrency = Int(value(flag)) ?? concurrency
            case "--probes": probes = Int(value(flag)) ?? probes
            case "--server-pid": serverPID = Int32(value(flag))
            case "--acks": acks = value(flag)
            case "--retry-for": retryFor = Double(value(flag)) ?? 0
            default: fail("unknown option \(flag)")
            }
        }
        guard !links.isEmpty, reactionsVote > 0, ballotVote > 0, ideas.count >= reactions else {
            fail("give --links, --reactions-vote, --ballot-vote and at least --reactions ideas")
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("room-load: \(message)\n".utf8))
    exit(1)
}

/// Seconds since the client started, on a monotonic clock.
let started = DispatchTime.now().uptimeNanoseconds
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

/// The server's resident memory, from /proc, in bytes.
func residentMemory(of pid: Int32?) -> Int? {
    guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
}

// MARK: Event streams

/// What every open stream received: the journal sequence of each wall and when it arrived.
final class StreamLog: @unchecked Sendable {
    private let lock = NSLock()
    private var arrivals: [[(sequence: Int64, at: Double)]]
    private(set) var reconnects = 0
    /// Reconnected streams whose first wall was older than the last one they had received.
    private(set) var wentBack = 0
    var stopping = false

    init(streams: Int) { arrivals = Array(repeating: [], count: streams) }

    func received(_ stream: Int, sequence: Int64, at time: Double) {
        lock.withLock { arrivals[stream].append((sequence, time)) }
    }
    func reconnected(wentBack: Bool) {
        lock.withLock {
            reconnects += 1
            if wentBack { self.wentBack += 1 }
        }
    }
    var streamsWithAWall: Int { lock.withLock { arrivals.filter { !$0.isEmpty }.count } }
    var newestSequence: Int64 { lock.withLock { arrivals.compactMap { $0.last?.sequence }.max() ?? 0 } }
    /// When the last stream received a wall newer than `sequence`, or nil while one has not.
    func lastArrival(after sequence: Int64) -> Double? {
        lock.withLock {
            var latest = 0.0
            for stream in arrivals {
                guard let first = stream.first(where: { $0.sequence > sequence }) else { return nil }
                latest = max(latest, first.at)
            }
            return latest
        }
    }
}

/// One wall stream, reconnecting with `Last-Event-ID` until the run ends.
func follow(_ index: Int, _ settings: Settings, _ client: HTTPClient, _ log: StreamLog) async {
    var lastID: String?
    var lastSequence: Int64 = -1
    var reconnected = false
    while !log.stopping {
        var request = HTTPClientRequest(url: settings.base + "/wall/events")
        if let lastID { request.headers.add(name: "Last-Event-ID", value: lastID) }
        do {
            let response = try await client.execute(request, timeout: .hours(1))
            guard response.status == .ok else { throw HTTPClientError.invalidURL }
            var pending = ""
            for try await chunk in response.body {
                pending += String(buffer: chunk)
                while let end = pending.range(of: "\n\n") {
                    let event = pending[..<end.lowerBound]
                    pending.removeSubrange(..<end.upperBound)
                    guard let line = event.split(separator: "\n").first(where: { $0.hasPrefix("id: ") }) else { continue }
                    let id = String(line.dropFirst(4))
                    guard let sequence = id.split(separator: ".").first.flatMap({ Int64($0) }) else { continue }
                    if reconnected {
                        log.reconnected(wentBack: sequence < lastSequence)
                        reconnected = false
                    }
                    (lastID, lastSequence) = (id, sequence)
                    log.received(index, sequence: sequence, at: now())
                }
            }
        } catch {}
        if log.stopping { break }
        reconnected = true
        try? await Task.sleep(nanoseconds: 100_000_000)
    }
}

// MARK: Requests

struct Outcome {
    var status: UInt = 0
    var body = ""
    var seconds = 0.0
}

/// Counts of what the actions came back with.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    var latencies: [Double] = []
    var refused: [UInt: Int] = [:]
    var throttled = 0, transportErrors = 0
    /// Why connections failed, by the error's description.
    var transportReasons: [String: Int] = [:]
    var acknowledged: [String] = []
    func add(_ body: (Tally) -> Void) { lock.withLock { body(self) } }
}

/// POSTs `json` to `path`, trying again after a dropped connection (within `settings.retryFor`)
/// and after 429 (the participant's own limit): the latency is the successful try's.
func post(_ path: String, _ json: String, token: String?, _ settings: Settings, _ client: HTTPClient, _ tally: Tally) async -> Outcome {
    let giveUp = now() + max(settings.retryFor, 0.001)
    while true {
        var request = HTTPClientRequest(url: settings.base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: json))
        let start = now()
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            if response.status == .tooManyRequests, now() < start + 30 {
                tally.add { $0.throttled += 1 }
                try? await Task.sleep(nanoseconds: 100_000_000)
                continue
            }
            return Outcome(status: response.status.code, body: body, seconds: now() - start)
        } catch {
            tally.add {
                $0.transportErrors += 1
                $0.transportReasons["\(error)".prefix(80).description, default: 0] += 1
            }
            guard now() < giveUp else { return Outcome() }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
    }
}

func field(_ name: String, in json: String) -> String? {
    guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return object[name] as? String
}

/// Runs `count` jobs with at most `width` at once.
func pool(_ count: Int, width: Int, _ job: @escaping @Sendable (Int) async -> Void) async {
    await withTaskGroup(of: Void.self) { group in
        var next = 0
        for _ in 0..<min(width, count) {
            let index = next
            next += 1
            group.addTask { await job(index) }
        }
        while await group.next() != nil, next < count {
            let index = next
            next += 1
            group.addTask { await job(index) }
        }
    }
}

// MARK: The run

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let secrets: [String] = {
    guard let text = try? String(contentsOfFile: settings.links, encoding: .utf8) else { fail("cannot read \(settings.links)") }
    return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: "/").last.map(String.init) }
}()
/// A client whose pool holds `connections` to the room. Streams and actions have a client each, as
/// walls and phones are separate devices: when the server comes back after being killed, the
/// streams reconnecting at once must not hold up the actions waiting for a connection.
func makeClient(connections: Int) -> HTTPClient {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    configuration.timeout = .init(connect: .seconds(10))
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}
let client = makeClient(connections: settings.concurrency + 64)
/// The walls' streams, 25 to a client: a pool backs off while the server is down, and one pool for
/// every stream would bring them back one slow batch after another, as no room of screens does.
let streamClients = (0..<max(1, (settings.streams + 24) / 25)).map { _ in makeClient(connections: 32) }
let memoryBefore = residentMemory(of: settings.serverPID)

// 1. The streams, as walls and phones keep them open.
let log = StreamLog(streams: settings.streams)
let streamTasks = (0..<settings.streams).map { index in Task { await follow(index, settings, streamClients[index % streamClients.count], log) } }
let streamsStarted = now()
while log.streamsWithAWall < settings.streams, now() < streamsStarted + 60 { try await Task.sleep(nanoseconds: 10_000_000) }
let streamsOpen = log.streamsWithAWall
try await Task.sleep(nanoseconds: 500_000_000)
let memoryWithStreams = residentMemory(of: settings.serverPID)
print(String(format: "streams:  %d of %d open with a first wall in %.2f s", streamsOpen, settings.streams, now() - streamsStarted))
if let before = memoryBefore, let after = memoryWithStreams, streamsOpen > 0 {
    print(
        String(
            format: "memory:   server %.1f MiB before, %.1f MiB with the streams: %.1f KiB per open stream", Double(before) / 1048576,
            Double(after) / 1048576, Double(after - before) / 1024 / Double(streamsOpen)))
}

// 2. Everyone joins with their link's secret.
let joinTally = Tally()
final class Tokens: @unchecked Sendable {
    let lock = NSLock()
    var values: [String?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}
let tokens = Tokens(secrets.count)
let joinStart = now()
await pool(secrets.count, width: settings.concurrency) { index in
    let outcome = await post("/api/sessions", #"{"code":"\#(secrets[index])"}"#, token: nil, settings, client, joinTally)
    joinTally.add { $0.latencies.append(outcome.seconds) }
    if outcome.status == 201, let token = field("token", in: outcome.body) { tokens.lock.withLock { tokens.values[index] = token } }
}
let joinSeconds = now() - joinStart
let joined = tokens.values.compactMap { $0 }.count
print(
    String(
        format: "joins:    %d of %d in %.2f s (%.0f/s), p50 %@, p99 %@", joined, secrets.count, joinSeconds, Double(joined) / joinSeconds,
        ms(percentile(joinTally.latencies, 0.5)), ms(percentile(joinTally.latencies, 0.99))))

// 3. Reactions and ballots, round by round so that nobody is faster than a person can tap.
let people = tokens.values.enumerated().compactMap { index, token in token.map { (index, $0) } }
let reactionWords = ["agree", "disagree", "pass"]
struct Action {
    let person: Int
    let path: String
    let json: String
}
var generator = SystemRandomNumberGenerator()
var actions: [Action] = []
var firstReaction: [Int: Int] = [:]
for round in 0...settings.reactions {
    for (index, _) in people {
        if round < settings.reactions {
            let word = Int.random(in: 0..<3, using: &generator)
            if round == 0 { firstReaction[index] = word }
            actions.append(
                Action(
                    person: index, path: "/api/votes/\(settings.reactionsVote)/reactions",
                    json: #"{"idea":\#(settings.ideas[round]),"reaction":"\#(reactionWords[word])"}"#))
        } else {
            let tiers = settings.ideas.shuffled(using: &generator).map { "[\($0)]" }.joined(separator: ",")
            actions.append(Action(person: index, path: "/api/votes/\(settings.ballotVote)/ballot", json: #"{"kind":"ranking","tiers":[\#(tiers)]}"#))
        }
    }
}
let tally = Tally()
let actionStart = now()
await pool(actions.count, width: settings.concurrency) { index in
    let action = actions[index]
    let outcome = await post(action.path, action.json, token: tokens.values[action.person], settings, client, tally)
    tally.add { tally in
        if outcome.status == 200, let entry = field("entry", in: outcome.body) {
            tally.latencies.append(outcome.seconds)
            tally.acknowledged.append(entry)
        } else {
            tally.refused[outcome.status, default: 0] += 1
        }
    }
}
let actionSeconds = now() - actionStart
let accepted = tally.acknowledged.count
print(
    String(
        format: "actions:  %d accepted of %d in %.2f s = %.0f actions/s; p50 %@, p99 %@", accepted, actions.count, actionSeconds,
        Double(accepted) / actionSeconds, ms(percentile(tally.latencies, 0.5)), ms(percentile(tally.latencies, 0.99))))
let refusals = tally.refused.sorted { $0.key < $1.key }.map { "\($0.value) with \($0.key == 0 ? "no answer" : String($0.key))" }
let refused = refusals.isEmpty ? "none" : refusals.joined(separator: ", ")
print("          refused: \(refused); asked to wait \(tally.throttled) times; \(tally.transportErrors) dropped connections")
for (reason, count) in tally.transportReasons.sorted(by: { $0.value > $1.value }) { print("          dropped: \(count) × \(reason)") }
if let path = settings.acks {
    FileManager.default.createFile(atPath: path, contents: Data(tally.acknowledged.map { $0 + "\n" }.joined().utf8))
}

// 4. Fan-out: one change at a time, from just before it is sent to the last stream receiving it.
try await Task.sleep(nanoseconds: 1_000_000_000)
var fanOuts: [Double] = []
for probe in 0..<min(settings.probes, people.count) {
    let (index, token) = people[probe]
    let before = log.newestSequence
    let word = reactionWords[((firstReaction[index] ?? 0) + 1 + probe) % 3]
    let sent = now()
    let outcome = await post(
        "/api/votes/\(settings.reactionsVote)/reactions", #"{"idea":\#(settings.ideas[0]),"reaction":"\#(word)"}"#, token: token, settings, client, tally)
    guard outcome.status == 200 else {
        print("fan-out:  probe \(probe) was refused (\(outcome.status)): \(outcome.body)")
        continue
    }
    var arrival: Double?
    while arrival == nil, now() < sent + 10 {
        arrival = log.lastArrival(after: before)
        if arrival == nil { try await Task.sleep(nanoseconds: 1_000_000) }
    }
    if let arrival { fanOuts.append(arrival - sent) } else { print("fan-out:  probe \(probe) did not reach every stream within 10 s") }
    try await Task.sleep(nanoseconds: 700_000_000)
}
print(
    String(
        format: "fan-out:  from sending a change to the last of %d streams receiving it: median %@, max %@ (%d probes)", log.streamsWithAWall,
        ms(percentile(fanOuts, 0.5)), ms(fanOuts.max() ?? .nan), fanOuts.count))
print("resume:   \(log.reconnects) streams reconnected, \(log.wentBack) of them were sent a wall older than their last")
log.stopping = true
for task in streamTasks { task.cancel() }
try? await client.shutdown().get()
for streamClient in streamClients { try? await streamClient.shutdown().get() }
exit(0)
