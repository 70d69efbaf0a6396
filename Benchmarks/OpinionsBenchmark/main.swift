// Times Charrette's opinion map on a Pol.is export folder: reading the files, then the pipeline
// (matrix, PCA, groups, statistics, representative and consensus statements), median of runs.
// Prints one JSON line. scripts/bench-opinions runs it beside red-dwarf.
import CharretteOpinions
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: bench-opinions FOLDER [REPEAT] (REPEAT 0 times the reading only)\n".utf8))
    exit(2)
}
let repeats = arguments.dropFirst().first.flatMap(Int.init) ?? 3

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var export: PolisExport!
let read = try seconds { export = try PolisExport(folder: URL(fileURLWithPath: folder)) }
if repeats == 0 {
    // Reading only.
    print(#"{"read": \#(read), "reactions": \#(export.votes.count)}"#)
    exit(0)
}
var times: [Double] = [], stages: [[String: Double]] = [], map: OpinionMap!
for _ in 0..<repeats {
    var matrix: VoteMatrix!, pca: OpinionPCA!, groups: OpinionGroups!
    let zeroed = { matrix.zeroing(export.moderatedOut) }
    var stage: [String: Double] = [:]
    stage["matrix"] = seconds { matrix = VoteMatrix(votes: export.votes) }
    let z = zeroed()
    stage["pca"] = seconds { pca = OpinionPCA(z) }
    stage["groups"] = seconds { groups = OpinionGroups(z, positions: pca.positions) }
    stage["statistics"] = seconds {
        let statistics = GroupStatistics(matrix, labels: groups.labels)
        _ = statistics.representative()
        _ = RoomConsensus(matrix)
    }
    // The whole map as one call, which is what is reported.
    times.append(seconds { map = OpinionMap(reactions: VoteMatrix(votes: export.votes), moderatedOut: export.moderatedOut) })
    stages.append(stage)
}
let sizes = (0..<map.groups.count).map { g in map.groups.labels.filter { $0 == g }.count }
let result: [String: Any] = [
    "read": read, "pipeline": times.sorted()[times.count / 2], "runs": times, "stages": stages.last!,
    "participants": map.matrix.participants.count, "statements": map.matrix.statements.count,
    "reactions": map.matrix.values.count, "k": map.groups.count, "sizes": sizes,
    "labels": map.groups.labels, "participant_ids": map.matrix.participants,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self))
