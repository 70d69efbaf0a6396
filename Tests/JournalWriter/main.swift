// Appends ideas to a Charrette store one change at a time and reports each written entry on
// standard output. The crash test kills it at random moments and checks that every entry it
// reported survived. Usage: journal-writer STORE COUNT
import Charrette
import CharretteSQLite
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: journal-writer STORE COUNT\n".utf8))
    exit(2)
}

do {
    let workspace = try Workspace(storage: SQLiteStorage(path: arguments[1]))
    if workspace.state.consultations.isEmpty {
        try workspace.perform { tx in
            try tx.createBoard(name: "youth")
            try tx.registerParticipant(handle: "writer", boards: ["youth"], personalData: PersonalRecord(displayName: "W"))
            try tx.openConsultation(title: "Crash test", question: "Does every written entry survive?")
        }
    }
    let author = workspace.state.participant(handle: "writer")!.id
    let consultation = workspace.state.consultations.keys.min()!
    for index in 0..<count {
        try workspace.perform(by: author) { tx in
            let idea = try tx.submitIdea("Idea \(index) from process \(getpid())", by: author, to: consultation)
            if index % 3 == 0 { try tx.createTheme("Theme \(idea.id.rawValue)", in: consultation) }
        }
        // Reported only once the change is committed.
        FileHandle.standardOutput.write(Data("written \(workspace.state.headSequence)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("journal-writer: \(error)\n".utf8))
    exit(1)
}
