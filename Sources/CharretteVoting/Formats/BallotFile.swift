import Foundation

/// Reading and writing ballot files by their extension.
public enum BallotFile {
    /// Reads the file at `path` into an election whose ballots suit `shape`.
    public static func read(path: String, as shape: BallotShape) throws(BallotFileError) -> Election {
        let ext = (path as NSString).pathExtension
        guard let format = BallotFileFormat(fileExtension: ext) else {
            throw BallotFileError(line: 0, "cannot read '.\(ext)' ballots: use PrefLib (.soc, .soi, .toc, .toi, .cat), pabulib (.pb) or JSON Lines (.jsonl)")
        }
        guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw BallotFileError(line: 0, "no such file, or it cannot be opened")
        }
        switch format {
        case .preflib:
            return try PrefLib.read([UInt8](data), dataType: PrefLib.DataType(rawValue: ext.lowercased()), as: shape)
        case .pabulib, .jsonLines:
            guard let text = String(data: data, encoding: .utf8) else { throw BallotFileError(line: 0, "not UTF-8 text") }
            var election = try format == .pabulib ? Pabulib.read(text) : JSONLines.read(text)
            if shape == .grades, case .amounts = election.ballots {
                // Points read as amounts serve score methods too.
                election.ballots = .grades(election.gradeView())
            }
            return election
        }
    }
}

extension Election {
    /// Amount ballots seen as grades, for score methods reading cumulative files.
    func gradeView() -> GradeBallots {
        guard case .amounts(let a) = ballots else { preconditionFailure() }
        var g = GradeBallots(candidateCount: a.candidateCount)
        for b in 0..<a.ballotCount {
            g.append(Dictionary(uniqueKeysWithValues: (0..<a.candidateCount).filter { a.amount(b, $0) != 0 }.map { ($0, a.amount(b, $0)) }), count: a.counts[b])
        }
        return g
    }
}
