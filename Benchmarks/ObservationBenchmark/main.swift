// Times how soon a change committed by one process reaches an observer in another, on one SQLite
// file, and whether an observer keeps up with a fast writer without losing a change.
// scripts/bench-observation runs it; it starts its own writer process (this program, with
// `write`), on a fresh store in a temporary folder.
//
//   bench-observation latency COUNT      COUNT changes, one every 2 ms: commit to observation
//   bench-observation throughput RATE S  changes at RATE a second for S seconds: all observed?
import Charrette
import CharretteSQLite
import Foundation

/// Nanoseconds of the wall clock, which both processes share.
func wallNanoseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-observation: \(message)\n".utf8))
    exit(1)
}

/// The writer: sets the store up, then makes `count` changes paced at `rate` a second, one
/// `perform` each (`grouped` false) or grouped and written every 5 ms; prints "SEQUENCE NANOSECONDS"
/// for each change, the time taken just before it was made.
func write(path: String, count: Int, rate: Double, grouped: Bool) throws {
    let workspace = try Workspace(storage: SQLiteStorage(path: path))
    let consultation = try workspace.perform { tx in
        try tx.registerParticipant(handle: "writer", role: .facilitator)
        return try tx.openConsultation(title: "Observed", question: "How soon is a change seen?").id
    }
    let author = workspace.state.participant(handle: "writer")!.id
    var lines: [String] = []
    lines.reserveCapacity(count)
    let start = wallNanoseconds()
    var lastFlush = start
    for index in 0..<count {
        // Paced: change `index` is not made before its time.
        let due = start + Int64(Double(index) / rate * 1e9)
        while wallNanoseconds() < due { usleep(50) }
        let before = wallNanoseconds()
        if grouped {
            try workspace.performGrouped(by: author) { tx in _ = try tx.submitIdea("Idea \(index)", by: author, to: consultation) }
            if before - lastFlush >= 5_000_000 { try workspace.flush(); lastFlush = before }
        } else {
            try workspace.perform(by: author) { tx in _ = try tx.submitIdea("Idea \(index)", by: author, to: consultation) }
        }
        lines.append("\(workspace.state.headSequence) \(before)")
    }
    try workspace.flush()
    print(lines.joined(separator: "\n"))
}

/// The observer: opens the store, subscribes, starts the writer and takes every change until the
/// writer's last; returns when each entry was observed and what the writer said of its changes.
func observe(writerArguments: [String], expectedIdeas: Int) async throws -> (observed: [Int64: Int64], written: [Int64: Int64], entries: [Int64]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charrette-bench-observation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("observed.sqlite").path
    let workspace = try await Workspace.open(storage: SQLiteStorage(path: path))
    let changes = workspace.changes()
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    writer.arguments = ["write", path] + writerArguments
    let output = Pipe()
    writer.standardOutput = output
    try writer.run()
    // Read while it runs, so that a full pipe never stops it.
    let reading = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
    var observed: [Int64: Int64] = [:], entries: [Int64] = []
    for await change in changes {
        let now = wallNanoseconds()
        for entry in change.entries {
            entries.append(entry.sequence)
            observed[entry.sequence] = now
        }
        if change.state.ideas.count == expectedIdeas { break }
    }
    writer.waitUntilExit()
    guard writer.terminationStatus == 0 else { fail("the writer failed") }
    var written: [Int64: Int64] = [:]
    for line in String(decoding: await reading.value, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: " ")
        if fields.count == 2, let sequence = Int64(fields[0]), let time = Int64(fields[1]) { written[sequence] = time }
    }
    return (observed, written, entries)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "write":
    guard arguments.count == 5, let count = Int(arguments[2]), let rate = Double(arguments[3]) else { fail("usage: write PATH COUNT RATE grouped|single") }
    do { try write(path: arguments[1], count: count, rate: rate, grouped: arguments[4] == "grouped") } catch { fail("\(error)") }
case "latency":
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
    let (observed, written, entries) = try await observe(writerArguments: ["\(count)", "500", "single"], expectedIdeas: count)
    guard entries == Array(1...Int64(entries.count)) else { fail("entries were lost or repeated") }
    let latencies = written.map { sequence, time in Double(observed[sequence]! - time) / 1e6 }.sorted()
    print(
        #"{"changes": \#(latencies.count), "median_ms": \#(percentile(latencies, 0.5)), "p99_ms": \#(percentile(latencies, 0.99)), "max_ms": \#(latencies.last!)}"#
    )
case "throughput":
    let rate = arguments.count > 1 ? Double(arguments[1]) ?? 20_000 : 20_000
    let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 3 : 3
    let count = Int(rate * seconds)
    let started = wallNanoseconds()
    let (observed, written, entries) = try await observe(writerArguments: ["\(count)", "\(rate)", "grouped"], expectedIdeas: count)
    let lost = written.keys.filter { observed[$0] == nil }.count
    let contiguous = entries == Array(1...Int64(entries.count))
    let lags = written.map { sequence, time in Double((observed[sequence] ?? time) - time) / 1e6 }.sorted()
    let elapsed = Double(wallNanoseconds() - started) / 1e9
    print(
        #"{"changes": \#(written.count), "asked_per_second": \#(rate), "observed_per_second": \#(Double(written.count) / elapsed), "lost": \#(lost), "contiguous": \#(contiguous), "median_lag_ms": \#(percentile(lags, 0.5)), "p99_lag_ms": \#(percentile(lags, 0.99))}"#
    )
    if lost > 0 || !contiguous { exit(1) }
default:
    fail("usage: bench-observation latency [COUNT] | throughput [RATE] [SECONDS]")
}
