import CharretteVoting
import Foundation

// Times reading a ballot file and counting it, for scripts/bench-voting.
// Usage: bench-voting FILE METHOD[,METHOD...] [--seats N] [--repeat R]
// Prints one JSON object per method: seconds to read, to count, in all (medians of R runs), and the winners.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: bench-voting FILE METHOD[,METHOD...] [--seats N] [--repeat R]\n".utf8))
    exit(2)
}
let path = arguments[0]
let methods = arguments[1].split(separator: ",").map(String.init)
func option(_ name: String) -> Int? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return Int(arguments[i + 1])
}
let repeats = option("--repeat") ?? 3

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

for name in methods {
    guard let method = TallyMethods.named(name) else {
        FileHandle.standardError.write(Data("unknown method \(name)\n".utf8))
        exit(2)
    }
    var reads: [Double] = [], counts: [Double] = [], winners: [String] = []
    for _ in 0..<repeats {
        let start = now()
        var election = try BallotFile.read(path: path, as: method.shape)
        if let seats = option("--seats") { election.rules.seats = seats }
        let read = now()
        let result = try method.tally(election)
        let done = now()
        reads.append(read - start)
        counts.append(done - read)
        winners = result.elected.map(result.id)
    }
    let total = zip(reads, counts).map { $0 + $1 }
    let json: [String: Any] = ["method": name, "read": median(reads), "count": median(counts), "total": median(total), "elected": winners]
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
