import Charrette
import CharretteSupport
import CharretteVoting
import Foundation

/// Counting votes: the ballots of a consultation's vote, or a ballot file.
enum TallyCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "tally", summary: "count a ballot file (PrefLib .soc .soi .toc .toi .cat, pabulib .pb, JSON Lines .jsonl)",
            signature: Signature(
                [.init("file", "the ballot file")],
                flags: [
                    .init("method", "METHOD", "how ballots are counted: " + TallyMethods.names.joined(separator: ", "), completes: .method, required: true),
                    .init("seats", "N", "winners to elect (multi-winner methods)"),
                    .init("budget", "N", "the money to spend, overriding the file's; or dots per voter"),
                    .init("cap", "N", "the most dots on one candidate"),
                    .init("credits", "N", "voice credits per voter (quadratic)"),
                    .init("min", "N", "the lowest grade allowed"),
                    .init("max", "N", "the highest grade allowed"),
                    .init("seed", "N", "the seed for ties broken by lot (default \(TallyRules.defaultSeed))"),
                ] + CompletionFlags.signature),
            example: "tally ballots.soc --method schulze"
        ) { call in
            let path = try call.string(0, "a ballot file")
            let name = try call.requiredString("method")
            guard let method = TallyMethods.named(name) else {
                let hint = NearMiss.closest(to: name, among: TallyMethods.names).map { "; did you mean '\($0)'?" } ?? "; see 'help tally'"
                throw call.flagError("method", "unknown voting method '\(name)'\(hint)")
            }
            try SettingFlags.refuseUntaken(call, by: method)
            var election: Election
            do {
                election = try BallotFile.read(path: call.scriptRelativePath(path), as: method.shape)
            } catch let error as BallotFileError {
                throw call.error(error.line == 0 ? "\(path): \(error.message)" : "\(path):\(error.description)", at: 0)
            }
            // Settings given here override the file's.
            let settings: [(String, Int, WritableKeyPath<TallyRules, Int?>)] = [
                ("seats", 1, \.seats), ("budget", 0, \.budget), ("cap", 0, \.capPerCandidate), ("credits", 0, \.credits),
            ]
            for (name, least, rule) in settings {
                guard let value = try call.flagInt(name) else { continue }
                guard value >= least else { throw call.flagError(name, "--\(name) must be at least \(least)") }
                election.rules[keyPath: rule] = value
            }
            if let seed = try call.flagInt("seed") {
                guard seed >= 0 else { throw call.flagError("seed", "--seed must not be negative") }
                election.rules.seed = UInt64(seed)
            }
            switch (try call.flagInt("min"), try call.flagInt("max")) {
            case (let low?, let high?):
                guard low < high else { throw call.flagError("max", "--max must be above --min") }
                election.rules.gradeRange = low...high
            case (nil, nil): break
            case (nil, _): throw call.flagError("max", "give --min and --max together")
            case (_, nil): throw call.flagError("min", "give --min and --max together")
            }
            // A pabulib file may name the completion its city used; the flags override it.
            let completion = try CompletionFlags.read(call, default: election.rules.completion.rule)
            if let rule = completion.rule { election.rules.completion.rule = rule }
            if let stop = completion.stop { election.rules.completion.stop = stop }
            if let (setting, reason) = election.rules.limitProblem {
                throw call.flag(setting) != nil ? call.flagError(setting, "--\(setting) \(reason)") : call.error("\(path): the \(setting) \(reason)", at: 0)
            }
            do {
                return TallyValues.value(try method.tally(election), names: election.names)
            } catch let error as TallyError {
                throw call.error("cannot count \(path): \(error.describe(in: election))", at: 0)
            }
        }
    ]
}
