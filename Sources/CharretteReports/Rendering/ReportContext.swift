import Charrette
import CharretteSupport
import Foundation

/// The report as the values a Mustache template reads: nested dictionaries and lists of plain
/// strings, numbers and flags. `docs/formats/report-template.md` lists every name.
///
/// Figures are formatted here so every template shows them alike; charts are SVG markup, which
/// a template inserts unescaped with `{{{chart}}}` (all user text inside is escaped already).
public enum ReportContext {
    public static func make(_ report: OutcomeReport) -> [String: Any] {
        let context: [String: Any] = [
            "has_agenda": !report.agenda.isEmpty, "has_themes": !report.themes.isEmpty,
            "has_unsorted": !report.unsorted.isEmpty, "has_votes": !report.votes.isEmpty,
            "title": report.title,
            "question": report.question,
            "phase": report.phase,
            "generated_at": Timestamp.text(report.generatedAt),
            "participation": participation(report.participation),
            "agenda": report.agenda.map { step in
                let actual = Int(step.endedAt.timeIntervalSince(step.startedAt).rounded())
                return [
                    "name": step.name, "planned": duration(step.plannedSeconds), "actual": duration(actual),
                    "started": Timestamp.text(step.startedAt), "over": actual > step.plannedSeconds,
                ] as [String: Any]
            },
            "themes": report.themes.map { theme in
                [
                    "label": theme.label, "description": theme.description, "count": theme.ideas.count,
                    "count_text": theme.ideas.count == 1 ? "1 idea" : "\(theme.ideas.count) ideas",
                    "ideas": theme.ideas.map(idea),
                ] as [String: Any]
            },
            "unsorted": report.unsorted.map(idea),
            "votes": report.votes.enumerated().map { index, vote in self.vote(vote, number: index + 1) },
            "opinions": report.opinions.map(opinions) as Any,
            "moderation": [
                "hidden": report.moderation.hiddenReasons.count, "withdrawn": report.moderation.withdrawn,
                "merged": report.moderation.merged, "has_reasons": !report.moderation.hiddenReasons.isEmpty,
                "merged_out_of_sight": report.moderation.mergedOutOfSight, "has_merged_out_of_sight": report.moderation.mergedOutOfSight > 0,
                "reasons": report.moderation.hiddenReasons.map { ["id": $0.idea, "reason": $0.reason] as [String: Any] },
            ] as [String: Any],
            "journal": [
                "entries": report.journalEntries, "head": report.journalHead,
                "entries_text": report.journalEntries == 1 ? "1 entry" : "\(report.journalEntries) entries",
                "changes_by": report.changesBy.map { ["name": $0.name, "changes": $0.changes == 1 ? "1 change" : "\($0.changes) changes"] },
                "has_changes_by": !report.changesBy.isEmpty,
            ] as [String: Any],
        ]
        return withoutNils(context) as! [String: Any]
    }

    /// The context without absent values and empty texts, which a template should see as
    /// missing: `{{#lot}}` must skip a vote without a lot, `{{#description}}` a theme without one
    /// (Mustache takes an empty string for true).
    static func withoutNils(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return withoutNils(wrapped)
        }
        if let text = value as? String, text.isEmpty { return nil }
        if let dictionary = value as? [String: Any] { return dictionary.compactMapValues(withoutNils) }
        if let list = value as? [[String: Any]] { return list.compactMap(withoutNils) }
        return value
    }

    static func idea(_ line: OutcomeReport.IdeaLine) -> [String: Any] {
        [
            "id": line.id, "text": line.text, "author": line.author, "duplicates": line.duplicates.map(idea),
            "has_duplicates": !line.duplicates.isEmpty,
        ]
    }

    static func participation(_ p: Participation) -> [String: Any] {
        let boardBars = p.byBoard.map { board in
            BarChart.Bar(label: board.label, value: Double(board.tookPart), caption: "\(board.tookPart) of \(board.asked)", outOf: Double(board.asked))
        }
        return [
            "asked": p.asked, "took_part": p.tookPart,
            "anonymous_ideas": p.anonymousIdeas == 0 ? "" : p.anonymousIdeas == 1 ? "1 idea" : "\(p.anonymousIdeas) ideas",
            "took_part_share": ReportNumber.percent(p.asked == 0 ? 0 : Double(p.tookPart) / Double(p.asked)),
            "boards": p.byBoard.map { count($0) }, "has_boards": !p.byBoard.isEmpty,
            "boards_chart": boardBars.isEmpty
                ? ""
                : BarChart.svg(
                    id: "participation-boards", title: "Who took part, by board",
                    description: p.byBoard.map { "\($0.label): \($0.tookPart) of \($0.asked) took part" }.joined(separator: "; "),
                    bars: boardBars, legend: ["dark: took part", "light: asked"]),
            "attributes": p.byAttribute.enumerated().map { index, attribute in
                let hasTarget = attribute.values.contains { $0.target != nil }
                let bars = attribute.values.map { value in
                    BarChart.Bar(
                        label: value.label, value: value.share,
                        caption: ReportNumber.percent(value.share) + (value.target.map { " (population \(ReportNumber.percent($0)))" } ?? "")
                            + (value.underRepresented ? " under" : ""),
                        marker: value.target, highlighted: false)
                }
                return [
                    "name": attribute.name, "not_given": attribute.notGiven, "has_not_given": attribute.notGiven > 0,
                    "has_target": hasTarget,
                    "values": attribute.values.map { count($0) },
                    "chart": BarChart.svg(
                        id: "participation-attribute-\(index + 1)", title: "Who took part, by \(attribute.name)",
                        description: attribute.values.map { v in
                            "\(v.label): \(ReportNumber.percent(v.share)) of those who took part"
                                + (v.target.map { ", \(ReportNumber.percent($0)) of the population" } ?? "")
                        }.joined(separator: "; "),
                        bars: bars, scale: max(bars.map { max($0.value, $0.marker ?? 0) }.max() ?? 1, 0.01),
                        legend: hasTarget ? ["bar: share of those who took part", "tick: share of the population"] : []),
                ] as [String: Any]
            },
            "missing": p.missing.map { ["name": $0] },
            "missing_count": p.missing.count, "has_missing": !p.missing.isEmpty,
            "has_under_represented": p.byAttribute.contains { $0.values.contains(where: \.underRepresented) },
            "under_represented": p.byAttribute.flatMap { attribute in
                attribute.values.filter(\.underRepresented).map {
                    [
                        "attribute": attribute.name, "value": $0.label, "share": ReportNumber.percent($0.share),
                        "target": ReportNumber.percent($0.target ?? 0),
                    ]
                }
            },
            "population_source": p.populationSource as Any,
        ]
    }

    static func count(_ c: Participation.Count) -> [String: Any] {
        [
            "label": c.label, "asked": c.asked, "took_part": c.tookPart, "share": ReportNumber.percent(c.share),
            "target": c.target.map(ReportNumber.percent) as Any, "under": c.underRepresented,
        ]
    }

    static func vote(_ vote: VoteSection, number: Int) -> [String: Any] {
        let figures = vote.results.map { r in r.value.map(ReportNumber.text) ?? (r.place.map { "place \($0)" } ?? "") }
        let elected = vote.results.filter(\.elected)
        var context: [String: Any] = [
            "number": number, "title": vote.title, "method": vote.method, "summary": vote.methodSummary,
            "status": vote.isOpen ? "open" : "closed", "voters": vote.voters,
            "value_label": vote.valueLabel as Any,
            "results": zip(vote.results, figures).map { r, figure in
                ["id": r.id, "text": r.text, "edited": r.editedText as Any, "figure": figure, "place": r.place as Any, "elected": r.elected] as [String: Any]
            },
            "elected": elected.map { ["id": $0.id, "text": $0.text] as [String: Any] },
            "working": vote.working.map { table in
                [
                    "title": table.title, "note": table.note as Any,
                    "columns": table.columns.map { ["name": $0] },
                    "rows": table.rows.map { ["cells": $0.map { ["text": $0] }] },
                ] as [String: Any]
            },
            "notes": vote.notes.map { ["text": $0] }, "has_notes": !vote.notes.isEmpty,
            "ties": vote.ties.map { ["text": $0] }, "has_ties": !vote.ties.isEmpty, "has_elected": !elected.isEmpty,
            "lot": vote.lot as Any,
            "failure": vote.failure as Any,
        ]
        if vote.results.contains(where: { $0.value != nil }) {
            context["chart"] = BarChart.svg(
                id: "vote-\(number)-results", title: "\(vote.title): \(vote.valueLabel ?? "result")",
                description: zip(vote.results, figures).map { "#\($0.id) \(Escaping.plain($0.text, limit: 80)): \($1)\($0.elected ? ", elected" : "")" }.joined(
                    separator: "; "),
                bars: zip(vote.results, figures).map { r, figure in
                    BarChart.Bar(label: "#\(r.id) \(r.text)", value: r.value ?? 0, caption: figure, highlighted: r.elected)
                }, legend: elected.isEmpty ? [] : ["★ hatched: elected"])
        }
        if !vote.rounds.isEmpty {
            var bars: [BarChart.Bar] = []
            let elected = Set(vote.results.filter(\.elected).map(\.id))
            for (index, round) in vote.rounds.enumerated() {
                for (position, entry) in round.enumerated() {
                    bars.append(
                        BarChart.Bar(
                            label: "#\(entry.id) \(entry.text)", value: entry.count, caption: ReportNumber.text(entry.count),
                            highlighted: index == vote.rounds.count - 1 && elected.contains(entry.id),
                            heading: position == 0 ? "Round \(index + 1)" : nil))
                }
            }
            context["rounds_chart"] = BarChart.svg(
                id: "vote-\(number)-rounds", title: "\(vote.title): first choices, round by round",
                description: vote.rounds.enumerated().map { index, round in
                    "round \(index + 1): " + round.map { "#\($0.id) \(ReportNumber.text($0.count))" }.joined(separator: ", ")
                }.joined(separator: "; "), bars: bars)
        }
        return context
    }

    static func opinions(_ o: OpinionSection) -> [String: Any] {
        func statement(_ s: OpinionSection.Statement) -> [String: Any] {
            ["id": s.id, "text": s.text, "stance": s.stance, "share": ReportNumber.percent(s.share)]
        }
        return [
            "vote": o.vote, "participants": o.participants, "clustered": o.clustered, "group_count": o.groups.count,
            "groups": o.groups.map { ["number": $0.number, "size": $0.size, "statements": $0.statements.map(statement)] as [String: Any] },
            "consensus": o.consensus.map(statement), "has_consensus": !o.consensus.isEmpty, "has_divisive": !o.divisive.isEmpty,
            "divisive": o.divisive.map { d in
                [
                    "id": d.id, "text": d.text, "spread": ReportNumber.percent(d.spread),
                    "groups": d.agreeByGroup.enumerated().map { ["number": $0 + 1, "agree": ReportNumber.percent($1)] as [String: Any] },
                ] as [String: Any]
            },
            "chart": ScatterChart.svg(
                id: "opinion-map", title: "Opinion map of \(o.vote)",
                description: "\(o.participants) participants placed by how they reacted; \(o.clustered) clustered into \(o.groups.count) groups: "
                    + o.groups.map { "group \($0.number) has \($0.size)" }.joined(separator: ", "),
                points: o.points, groups: o.groups.map { ($0.number, $0.size) }),
        ]
    }

    static func duration(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
    }
}
