// A small co-design session driven through the library: a youth shadow board and the board it
// shadows co-design "Getting around at 16", sort their ideas into themes, vote with dots, and the
// journal is verified at the end. The shell (charrette SCRIPT) will run such sessions as scripts.
//
// Usage: first-session [STORE]   (default: outcome/first-session.sqlite, started afresh)
import Charrette
import CharretteSQLite
import Foundation

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "outcome/first-session.sqlite"
if path != ":memory:" {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

let workspace = try Workspace(storage: SQLiteStorage(path: path))

// The people in the room. Personal data (names, age bands, districts) is sealed beside the journal.
let roster: [(handle: String, name: String, board: String, age: String, district: String)] = [
    ("amira", "Amira", "youth", "16-17", "north"), ("jon", "Jon", "youth", "14-15", "east"),
    ("lena", "Lena", "youth", "16-17", "south"), ("tariq", "Tariq", "youth", "18-19", "north"),
    ("mei", "Mei", "youth", "14-15", "west"), ("sofia", "Sofia", "youth", "16-17", "east"),
    ("ben", "Ben", "exec", "40-49", "centre"), ("ruth", "Ruth", "exec", "50-59", "south"),
]
let facilitator = try workspace.perform { tx in
    try tx.createBoard(name: "exec", title: "Transport Executive Board")
    try tx.createBoard(name: "youth", title: "Youth Transport Shadow Board", shadows: "exec")
    for person in roster {
        try tx.registerParticipant(
            handle: person.handle, boards: [person.board],
            personalData: PersonalRecord(displayName: person.name, attributes: ["age": person.age, "district": person.district]))
    }
    return try tx.registerParticipant(handle: "sam", role: .facilitator).id
}
func id(_ handle: String) -> Participant.ID { workspace.state.participant(handle: handle)!.id }

// Ideation: the facilitator types in what the room says.
let consultation = try workspace.perform(by: facilitator) {
    try $0.openConsultation(title: "Getting around at 16", question: "What would make buses work for you?").id
}
let contributions: [(String, String)] = [
    ("amira", "Free bus passes for under-18s"), ("jon", "Buses every 10 minutes after school"),
    ("lena", "Better lighting at bus stops"), ("tariq", "Night buses on Friday and Saturday"),
    ("mei", "Real-time arrival screens at every stop"), ("sofia", "Cheaper monthly pass for students"),
    ("ben", "Safe waiting areas near schools"), ("ruth", "Bike racks on every bus"),
    ("amira", "Free passes for teenagers"), ("lena", "Staff trained to help young passengers at night"),
]
let ideas = try workspace.perform(by: facilitator) { tx in
    // Inside a change, read the transaction's state (`tx`), not `workspace.state`.
    try contributions.map { try tx.submitIdea($1, by: tx.participant(handle: $0).id, to: consultation).id }
}
print("Collected \(ideas.count) ideas from \(Set(contributions.map(\.0)).count) participants.")

// Clustering: the room merges a duplicate and sorts the ideas into themes.
try workspace.perform(by: facilitator) { tx in
    try tx.changePhase(of: consultation, to: .clustering)
    try tx.mergeIdea(ideas[8], into: ideas[0])
    let themes = [
        ("Cost", [0, 5]), ("Frequency", [1, 3]), ("Safety at night", [2, 6, 9]), ("Information", [4]), ("Bikes", [7]),
    ]
    for (label, members) in themes {
        let theme = try tx.createTheme(label, in: consultation)
        for index in members { try tx.moveIdea(ideas[index], to: theme.id) }
    }
}

// Voting: five dots each, at most three on one idea.
let open = ideas.filter { workspace.state.ideas[$0]!.status.isOpen }
let vote = try workspace.perform(by: facilitator) { tx in
    try tx.changePhase(of: consultation, to: .voting)
    return try tx.openVote(
        "Priorities", on: consultation, method: VotingMethod(rawValue: "dots")!,
        settings: VoteSettings(budget: 5, capPerIdea: 3), candidates: open
    ).id
}
let dots: [String: [Int: Int]] = [
    "amira": [0: 3, 2: 2], "jon": [1: 3, 0: 2], "lena": [2: 3, 9: 2], "tariq": [3: 3, 0: 2],
    "mei": [4: 2, 1: 2, 0: 1], "sofia": [5: 3, 0: 2], "ben": [6: 3, 2: 2], "ruth": [7: 3, 6: 2],
]
for (handle, allocation) in dots.sorted(by: { $0.key < $1.key }) {
    let ballot = Ballot.dots(Dictionary(uniqueKeysWithValues: allocation.map { (ideas[$0], $1) }))
    let voter = id(handle)
    try workspace.perform(by: facilitator) { try $0.castBallot(ballot, by: voter, in: vote) }
}
// A ballot over budget is refused with a clear message and changes nothing.
do {
    let jon = id("jon")
    try workspace.perform(by: facilitator) { try $0.castBallot(.dots([ideas[0]: 3, ideas[1]: 3, ideas[2]: 1]), by: jon, in: vote) }
} catch let error as CharretteError {
    print("Refused: \(error)")
}
try workspace.perform(by: facilitator) { tx in
    try tx.closeVote(vote)
    try tx.changePhase(of: consultation, to: .closed)
}

// The outcome, read back from the state.
let state = workspace.state
print("\nThemes:")
for theme in state.themes(of: consultation) {
    print("  \(theme.label): " + state.ideas(in: theme.id).map { "#\($0.id.rawValue)" }.joined(separator: ", "))
}
var totals: [Idea.ID: Int] = [:]
for case .dots(let allocation) in state.ballots[vote]!.values {
    for (idea, count) in allocation { totals[idea, default: 0] += count }
}
print("\nDots on 'Priorities' (\(state.ballots[vote]!.count) ballots):")
let widest = totals.values.max() ?? 0
for (idea, count) in totals.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
    let bar = String(repeating: "●", count: count) + String(repeating: " ", count: widest - count)
    print("  \(bar) \(String(format: "%2d", count))  #\(idea.rawValue) \(state.ideas[idea]!.text)")
}
print("")
let voters = Set(state.ballots[vote]!.keys)
for board in state.boards.values.sorted(by: { $0.id < $1.id }) {
    let members = state.participants.values.filter { $0.boards.contains(board.id) }
    print("\(board.title): \(members.filter { voters.contains($0.id) }.count) of \(members.count) members voted.")
}

let verification = try workspace.verify()
print("\nJournal: \(verification.entryCount) entries, \(verification.isIntact ? "intact" : "BROKEN: \(verification.problem!)")")
print("Head hash: \(verification.headHash)")
print("Store: \(path)")
