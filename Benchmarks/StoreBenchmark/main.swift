// Measures the SQLite store: events appended per second, side by side with a bare GRDB insert
// loop on the same machine in the same run, and the time to open and fold a journal of a million
// events. Run through scripts/bench-store (release build).
//
// Usage: bench-store [DIRECTORY] [--appends N] [--events N]
import Charrette
import CharretteSQLite
import Foundation
import GRDB

struct Options {
    var directory = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-bench").path
    var appends = 20_000
    var events = 1_000_000
    /// Only time opening this existing store (for profiling).
    var openOnly: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--appends": appends = Int(rest.popFirst() ?? "") ?? appends
            case "--events": events = Int(rest.popFirst() ?? "") ?? events
            case "--open": openOnly = rest.popFirst()
            default: directory = argument
            }
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let options = Options(CommandLine.arguments)
if let path = options.openOnly {
    let storage = try SQLiteStorage(path: path)
    var count = 0
    let readTime = try seconds { try storage.readEntries(after: 0) { _ in count += 1 } }
    let decodeTime = try seconds { try storage.readEntries(after: 0) { _ = try EntryCoding.decode($0) } }
    print(String(format: "read %d rows in %.2f s; read and decode in %.2f s", count, readTime, decodeTime))
    let start = DispatchTime.now().uptimeNanoseconds
    let workspace = try Workspace(storage: SQLiteStorage(path: path))
    let time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "opened %d entries in %.2f s", workspace.state.headSequence, time))
    exit(0)
}
try? FileManager.default.removeItem(atPath: options.directory)
try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
func file(_ name: String) -> String { (options.directory as NSString).appendingPathComponent(name) }

func rate(_ count: Int, _ time: Double) -> String { String(format: "%.0f/s", Double(count) / time) }

// 1. The reference: a bare GRDB loop, one row per write transaction, same pragmas as the store.
var configuration = Configuration()
configuration.journalMode = .wal
configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
let bare = try DatabaseQueue(path: file("bare.sqlite"), configuration: configuration)
try bare.write { db in try db.execute(sql: "CREATE TABLE ideas (id INTEGER PRIMARY KEY, author INTEGER, time INTEGER, text TEXT)") }

// 2. The store: one idea per change, each checked, chained, hashed and written with its query row.
let workspace = try Workspace(storage: SQLiteStorage(path: file("append.sqlite")))
let (author, consultation) = try workspace.perform { tx in
    try tx.createBoard(name: "youth")
    let author = try tx.registerParticipant(handle: "amira", boards: ["youth"])
    return (author.id, try tx.openConsultation(title: "Bench", question: "How fast?").id)
}

// The two loops take turns in rounds, so that a change in the machine's load hits both alike.
var bareTime = 0.0, appendTime = 0.0
let rounds = 10
for round in 0..<rounds {
    let range = (round * options.appends / rounds)..<((round + 1) * options.appends / rounds)
    bareTime += try seconds {
        for index in range {
            try bare.write { db in
                try db.cachedStatement(sql: "INSERT INTO ideas (author, time, text) VALUES (?, ?, ?)")
                    .execute(arguments: [index % 20, index, "Idea number \(index) about buses at night"])
            }
        }
    }
    appendTime += try seconds {
        for index in range {
            try workspace.perform(by: author) { tx in
                _ = try tx.submitIdea("Idea number \(index) about buses at night", by: author, to: consultation)
            }
        }
    }
}
let batchTime = try seconds {
    for batch in 0..<(options.appends / 100) {
        try workspace.perform(by: author) { tx in
            for index in 0..<100 { _ = try tx.submitIdea("Batched idea \(batch)-\(index)", by: author, to: consultation) }
        }
    }
}

print("Appending \(options.appends) events, one write transaction each (WAL, synchronous=NORMAL):")
print("  bare GRDB insert loop      \(rate(options.appends, bareTime))")
print("  Charrette store append     \(rate(options.appends, appendTime))")
print(String(format: "  Charrette takes %.2fx the time of the bare loop   goal: at most 3x", appendTime / bareTime))
print("  Charrette, 100 per change  \(rate(options.appends / 100 * 100, batchTime)) events")

// 3. A journal of a million events of mixed kinds, written in batches, then opened and folded.
let bigPath = file("million.sqlite")
var big: Workspace! = try Workspace(storage: SQLiteStorage(path: bigPath))
let writeTime = try seconds {
    let (voters, consultation, theme, vote) = try big.perform { tx in
        try tx.createBoard(name: "youth")
        let voters = try (0..<200).map { try tx.registerParticipant(handle: "p\($0)", boards: ["youth"]).id }
        let consultation = try tx.openConsultation(title: "Million", question: "How fast does it open?").id
        let first = try tx.submitIdea("Seed idea", by: voters[0], to: consultation)
        let theme = try tx.createTheme("Everything", in: consultation).id
        let vote = try tx.openVote("Top", on: consultation, method: VotingMethod(rawValue: "approval")!, candidates: [first.id]).id
        return (voters, consultation, theme, vote)
    }
    let firstIdea = big.state.ideas.keys.min()!
    var lastIdea = firstIdea
    while big.state.headSequence < options.events {
        try big.perform { tx in
            for index in 0..<1_000 where tx.state.headSequence < options.events {
                let voter = voters[index % voters.count]
                switch index % 10 {
                case 0...6:
                    let text = "Idea \(tx.state.headSequence) on buses, bikes and trains"
                    lastIdea = try tx.submitIdea(text, by: voter, to: consultation).id
                case 7, 8:
                    let target = tx.state.ideas[lastIdea]?.theme == nil ? theme : nil
                    try tx.moveIdea(lastIdea, to: target)
                default: try tx.castBallot(.approval(index % 20 == 9 ? [firstIdea] : []), by: voter, in: vote)
                }
            }
        }
    }
}
print("\nA journal of \(big.state.headSequence) events (written in \(String(format: "%.1f", writeTime)) s, 1,000 per change):")
let (writtenHead, writtenIdeas) = (big.state.headHash, big.state.ideas.count)
big = nil  // opened afresh, as a new process would
var opened: Workspace?
var openTimes: [Double] = []
for _ in 0..<3 {
    opened = nil
    openTimes.append(try seconds { opened = try Workspace(storage: SQLiteStorage(path: bigPath)) })
}
print(
    String(
        format: "  open and fold              %.2f s median of 3 (%@)   goal: under 2 s",
        openTimes.sorted()[1], openTimes.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
precondition(opened!.state.headHash == writtenHead && opened!.state.ideas.count == writtenIdeas, "the reopened state differs")
var verification: JournalVerification?
let verifyTime = try seconds { verification = try opened!.verify() }
print(String(format: "  verify the chain           %.2f s   (%@)", verifyTime, verification!.isIntact ? "intact" : "BROKEN"))
