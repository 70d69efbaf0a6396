import CharretteVoting

/// A count's result as a value of the language: `to json` gives it to machines, the terminal
/// shows it as a short report.
enum TallyValues {
    /// `names` gives each candidate's display name, shown beside its id in tables.
    static func value(_ result: TallyResult, names: [String?]) -> Value {
        let id = { (c: Int) -> Value in .string(result.id(c)) }
        var fields: [(String, Value)] = [
            ("method", .string(result.method)),
            ("winners", .list(result.winners.map(id))),
            ("ranking", result.ranking.map { .list($0.map { .list($0.map(id)) }) } ?? .null),
        ]
        fields.append(("committees", result.committees.map { .list($0.map { .list($0.map(id)) }) } ?? .null))
        fields.append(
            (
                "lot",
                result.lot.map { lot in
                    .record(
                        Record([
                            ("seed", .integer(Int(truncatingIfNeeded: lot.seed))),
                            ("winners", .list(lot.winners.map(id))),
                            (
                                "draws",
                                .list(
                                    lot.draws.map { draw in
                                        .record(
                                            Record([
                                                ("reason", .string(draw.reason)), ("among", .list(draw.among.map(id))), ("chosen", .list(draw.chosen.map(id))),
                                            ]))
                                    })
                            ),
                        ]))
                } ?? .null
            ))
        fields += [
            ("elected", .list(result.elected.map(id))),
            ("seed", .integer(Int(truncatingIfNeeded: result.seed))),
            ("voters", .integer(result.voters)),
        ]
        if result.seats != 1 { fields.append(("seats", .integer(result.seats))) }
        if let scores = result.scores {
            let hasNames = names.contains { $0 != nil }
            let rows = (result.ranking?.joined().map { $0 } ?? Array(result.candidates.indices)).map { c in
                Record(
                    [("candidate", id(c))] + (hasNames ? [("name", names[c].map(Value.string) ?? .null)] : [])
                        + [(scores.label, scores.values[c].map(number) ?? .null)])
            }
            fields.append(("scores", .table(Table(records: rows))))
        }
        if !result.ties.isEmpty { fields.append(("ties", .list(result.ties.map(Value.string)))) }
        if !result.notes.isEmpty { fields.append(("notes", .list(result.notes.map(Value.string)))) }
        if !result.working.isEmpty {
            fields.append(("working", .record(Record(result.working.map { ($0.title, .table(table($0, result))) }))))
        }
        return .record(Record(fields))
    }

    static func table(_ table: TallyTable, _ result: TallyResult) -> Table {
        Table(
            columns: table.columns,
            rows: table.rows.map { row in
                Record(
                    zip(table.columns, row).map { column, cell in
                        let value: Value =
                            switch cell {
                            case .text(let text): .string(text)
                            case .integer(let i): .integer(i)
                            case .number(let x): number(x)
                            case .candidate(let c): .string(result.id(c))
                            case .empty: .null
                            }
                        return (column, value)
                    })
            })
    }

    /// Whole numbers as integers; others rounded to six places so tables stay readable.
    static func number(_ x: Double) -> Value {
        if x == x.rounded(), abs(x) < 1e15 { return .integer(Int(x)) }
        return .decimal((x * 1_000_000).rounded() / 1_000_000)
    }
}
