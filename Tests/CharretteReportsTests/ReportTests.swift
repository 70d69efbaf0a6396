import Charrette
import CharretteReports
import Foundation
import Testing

/// A consultation for reports: a youth board of six (two absent), an executive board of two, a
/// theme, an IRV vote, a reactions vote with two camps, and a hidden idea.
struct ReportFixture {
    let workspace: Workspace
    let consultation: Consultation.ID

    init(texts: [String] = ["Night buses", "Free passes", "Lighting", "Wifi"], names: [String: String] = [:]) throws {
        workspace = try Workspace(storage: InMemoryStorage(), clock: { Date(timeIntervalSince1970: 1_795_442_400) })
        consultation = try workspace.perform { tx in
            try tx.createBoard(name: "exec", title: "Executive Board")
            try tx.createBoard(name: "youth", title: "Youth Board", shadows: "exec")
            try tx.registerParticipant(handle: "sam", role: .facilitator)
            let districts = ["north", "north", "south", "south", "east", "east", "north", "south"]
            for (index, handle) in ["amira", "jon", "lena", "tariq", "mei", "olek", "ben", "ruth"].enumerated() {
                try tx.registerParticipant(
                    handle: handle, boards: [index < 6 ? "youth" : "exec"], consent: [.participation, .analytics, .namedInReports],
                    personalData: PersonalRecord(displayName: names[handle] ?? handle.capitalized, attributes: ["district": districts[index]]))
            }
            let c = try tx.openConsultation(title: "Buses", question: "What would make buses work for you?")
            let authors = ["amira", "jon", "ben", "ruth"]
            var ideas: [Idea.ID] = []
            for (index, text) in texts.enumerated() {
                ideas.append(try tx.submitIdea(text, by: try tx.participant(handle: authors[index % authors.count]).id, to: c.id).id)
            }
            let theme = try tx.createTheme("Safety", in: c.id)
            try tx.moveIdea(ideas[0], to: theme.id)
            _ = try tx.changePhase(of: c.id, to: .voting)
            let irv = try tx.openVote("Final", on: c.id, method: VotingMethod(rawValue: "irv")!, candidates: Array(ideas.prefix(3)))
            for (voter, order) in [("amira", [0, 1, 2]), ("jon", [1, 0, 2]), ("ben", [2, 1, 0]), ("ruth", [2, 0, 1]), ("lena", [0, 2, 1])] {
                try tx.castBallot(.ranking(order.map { [ideas[$0]] }), by: try tx.participant(handle: voter).id, in: irv.id)
            }
            try tx.closeVote(irv.id)
            let reactions = try tx.openVote("Reactions", on: c.id, method: VotingMethod(rawValue: "reactions")!, candidates: ideas)
            for voter in ["amira", "jon", "lena", "ben", "ruth"] {
                let youth = ["amira", "jon", "lena"].contains(voter)
                var map: [Idea.ID: Reaction] = [:]
                for (index, idea) in ideas.enumerated() { map[idea] = index == 2 ? .agree : (youth == (index % 2 == 0) ? .agree : .disagree) }
                try tx.castBallot(.reactions(map), by: try tx.participant(handle: voter).id, in: reactions.id)
            }
            try tx.closeVote(reactions.id)
            try tx.hideIdea(ideas[3], reason: "off topic")
            return c.id
        }
    }

    func report(_ options: OutcomeReport.Options = .init(generatedAt: Date(timeIntervalSince1970: 0))) -> OutcomeReport {
        OutcomeReport(workspace.state, consultation: consultation, options: options)
    }
}

@Suite("Outcome reports")
struct ReportTests {
    @Test func participationCountsWhoWasAskedWhoTookPartAndWhoIsMissing() throws {
        let report = try ReportFixture().report()
        let p = report.participation
        #expect(p.asked == 8)  // the facilitator is not counted
        #expect(p.tookPart == 5)  // amira jon ben ruth wrote; lena voted
        #expect(p.missing == ["@tariq", "@mei", "@olek"])
        #expect(p.byBoard.map(\.label) == ["Executive Board", "Youth Board"])
        #expect(p.byBoard.map(\.tookPart) == [2, 3])
        let district = try #require(p.byAttribute.first { $0.name == "district" })
        // north: amira jon ben took part; south: lena ruth; east: nobody.
        #expect(district.values.map(\.label) == ["east", "north", "south"])
        #expect(district.values.map(\.tookPart) == [0, 3, 2])
    }

    @Test func aPopulationMarksGroupsBelowFourFifthsOfTheirShare() throws {
        let population = try PopulationTargets(
            rows: [
                ("district", "north", 40), ("district", "south", 30), ("district", "east", 25), ("district", "west", 5),
            ], source: "census")
        let report = try ReportFixture().report(.init(population: population))
        let values = try #require(report.participation.byAttribute.first { $0.name == "district" }).values
        #expect(values.map(\.label) == ["north", "south", "east", "west"])  // the population's order
        #expect(values.map(\.target) == [0.4, 0.3, 0.25, 0.05])
        // north 3/5 = 60% against 40%; south 40% against 30%; east 0% against 25%: under.
        #expect(values.map(\.underRepresented) == [false, false, true, true])
        #expect(throws: PopulationTargets.Error.self) { try PopulationTargets(rows: [("age", "16", -1)], source: "x") }
        do {
            _ = try PopulationTargets(rows: [("age", "16", 1), ("age", "16", 2)], source: "x")
            Issue.record("a value given twice was accepted")
        } catch {
            #expect(error.row == 2 && error.description == "age = 16 is given twice")
        }
    }

    @Test func votesShowTheirResultsRoundsAndWorking() throws {
        let report = try ReportFixture().report()
        let irv = try #require(report.votes.first { $0.title == "Final" })
        #expect(irv.method == "irv")
        #expect(!irv.methodSummary.isEmpty)
        #expect(irv.voters == 5)
        // First choices: Night buses 2, Free passes 1, Lighting 2; Free passes goes, its ballot to
        // Night buses, which has a majority; the count goes on to the last one left.
        #expect(irv.rounds.count == 3)
        #expect(irv.rounds[0].map(\.count) == [2, 1, 2])
        #expect(irv.rounds[1].map(\.text) == ["Night buses", "Lighting"])
        #expect(irv.rounds[1].map(\.count) == [3, 2])
        #expect(irv.rounds[2].map(\.count) == [5])
        #expect(irv.results.first { $0.elected }?.text == "Night buses")
        #expect(irv.working.first?.title == "Rounds")
        let html = try ReportRenderer.render(report, as: .html)
        #expect(html.contains("Final: first choices, round by round"))
        #expect(html.contains("<h4>Round by round</h4>"))
    }

    @Test func oddCasesReadRight() throws {
        let fixture = try ReportFixture()
        try fixture.workspace.perform { tx in
            let c = fixture.consultation
            _ = try tx.changePhase(of: c, to: .ideation)
            let a = try tx.submitIdea("Alpha", by: try tx.participant(handle: "amira").id, to: c).id
            let b = try tx.submitIdea("Beta", by: try tx.participant(handle: "jon").id, to: c).id
            let g = try tx.submitIdea("Gamma", by: try tx.participant(handle: "ben").id, to: c).id
            try tx.mergeIdea(g, into: b)
            try tx.mergeIdea(b, into: a)  // a chain ending at an idea in no theme
            _ = try tx.changePhase(of: c, to: .voting)
            _ = try tx.openVote("Nobody", on: c, method: VotingMethod(rawValue: "dots")!, settings: VoteSettings(budget: 3), candidates: [a])
        }
        let report = fixture.report(.init(population: try PopulationTargets(rows: [("income", "low", 1), ("income", "high", 1)], source: "x")))
        // Both duplicates show under the idea at the end of the chain.
        #expect(report.unsorted.first { $0.text == "Alpha" }?.duplicates.map(\.text) == ["Beta", "Gamma"])
        #expect(try ReportRenderer.render(report, as: .markdown).contains("  - merged: #7 Gamma — @ben"))
        // Nobody gave an income: nothing to compare, so nobody is called under-represented.
        let income = try #require(report.participation.byAttribute.first { $0.name == "income" })
        #expect(income.values.allSatisfy { !$0.underRepresented })
        // A vote nobody voted in has no outcome.
        #expect(try #require(report.votes.first { $0.title == "Nobody" }).results.allSatisfy { !$0.elected })
    }

    @Test func tiedIdeasShareAPlaceAndTheNextSkips() throws {
        let workspace = try Workspace(storage: InMemoryStorage())
        let c = try workspace.perform { tx in
            for h in ["a", "b", "c"] { try tx.registerParticipant(handle: h) }
            let c = try tx.openConsultation(title: "T", question: "Q?")
            let ideas = try ["w", "x", "y", "z"].map { try tx.submitIdea($0, by: try tx.participant(handle: "a").id, to: c.id).id }
            let vote = try tx.openVote("D", on: c.id, method: VotingMethod(rawValue: "dots")!, settings: VoteSettings(budget: 3), candidates: ideas)
            try tx.castBallot(.dots([ideas[0]: 3]), by: try tx.participant(handle: "a").id, in: vote.id)
            try tx.castBallot(.dots([ideas[1]: 1, ideas[2]: 1, ideas[3]: 1]), by: try tx.participant(handle: "b").id, in: vote.id)
            return c.id
        }
        let vote = try #require(OutcomeReport(workspace.state, consultation: c).votes.first)
        #expect(vote.results.map(\.place) == [1, 2, 2, 2])
        #expect(vote.results.map(\.value) == [3, 1, 1, 1])
    }

    @Test func aGroupsBestAgreedStatementReadsAsAgreed() throws {
        // Everyone agrees on lighting; for the small camp it is still its best-agreed statement,
        // though the rest agree with it even more (Pol.is then labels it by disagreement).
        let workspace = try Workspace(storage: InMemoryStorage())
        let c = try workspace.perform { tx in
            let c = try tx.openConsultation(title: "T", question: "Q?")
            try tx.registerParticipant(handle: "sam", role: .facilitator)
            let ideas = try ["Free passes", "Wifi", "Lighting", "Family tickets", "Minibuses"].map {
                try tx.submitIdea($0, by: try tx.participant(handle: "sam").id, to: c.id).id
            }
            let vote = try tx.openVote("R", on: c.id, method: VotingMethod(rawValue: "reactions")!, candidates: ideas)
            for n in 0..<18 {
                let young = n < 14
                let voter = try tx.registerParticipant(handle: "p\(n)").id
                try tx.castBallot(
                    .reactions([
                        ideas[0]: young ? .agree : .disagree, ideas[1]: young ? .agree : .disagree, ideas[2]: .agree,
                        ideas[3]: young ? .disagree : .agree, ideas[4]: young ? .disagree : .agree,
                    ]), by: voter, in: vote.id)
            }
            return c.id
        }
        let opinions = try #require(OutcomeReport(workspace.state, consultation: c).opinions)
        let small = try #require(opinions.groups.first { $0.size == 4 })
        let lighting = try #require(small.statements.first)
        #expect(lighting.text == "Lighting" && lighting.stance == "agree" && lighting.share == 1)
        #expect(small.statements.allSatisfy { $0.share > 0.5 })
    }

    @Test func theOpinionMapFindsTheTwoCampsAndWhatTheyShare() throws {
        let report = try ReportFixture().report()
        let opinions = try #require(report.opinions)
        #expect(opinions.participants == 5)
        // Lighting is agreed by everyone; the hidden idea is out of the map.
        #expect(opinions.consensus.map(\.text).contains("Lighting"))
        #expect(!opinions.divisive.map(\.text).contains("Wifi"))
        #expect(opinions.points.count == 5)
    }

    @Test func theHTMLReportIsOnePageWithAccessibleChartsAndTables() throws {
        let html = try ReportRenderer.render(try ReportFixture().report(), as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\">"))
        // Self-contained: no scripts, stylesheets, images or fonts fetched from anywhere.
        for external in ["<script", "<link", "src=", "@import", "url(http", "href=\"http"] { #expect(!html.contains(external), "\(external)") }
        // Every chart is an image with a title and a description for screen readers.
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts >= 4)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<p><bdi></bdi></p>"))  // a theme without a description shows none
        #expect(html.contains("1 ideas hidden by a moderator") && html.contains("off topic"))
        #expect(!html.contains("Wifi"))  // a hidden idea's text is not shown, even in a vote's results
        #expect(html.contains("(hidden by a moderator)"))
        #expect(html.contains("@tariq"))  // missing, by pseudonym
        #expect(!html.contains("Tariq"))  // not by name unless asked
    }

    @Test func namesAppearOnlyWhenAskedAndConsented() throws {
        let fixture = try ReportFixture(names: ["amira": "Amira K."])
        #expect(!(try ReportRenderer.render(fixture.report(), as: .html)).contains("Amira K."))
        let named = try ReportRenderer.render(fixture.report(.init(namesWhereConsented: true)), as: .markdown)
        #expect(named.contains("Amira K."))
    }

    @Test func hostileTextIsEscapedInHTMLAndMarkdown() throws {
        let long = String(repeating: "long ", count: 2_000)
        let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://evil\")", "Free \u{202E}gnp.exe\u{202C} passes"]
        let fixture = try ReportFixture(texts: [hostile[0], hostile[1], hostile[3], long], names: [:])
        let report = fixture.report()
        let html = try ReportRenderer.render(report, as: .html)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The override is kept (it is what was written) but isolated, so it cannot flip what follows.
        #expect(html.contains("<bdi>Free \u{202E}gnp.exe\u{202C} passes</bdi>"))
        // Charts drop direction controls and cut long labels; the tables keep the whole text.
        for svg in html.components(separatedBy: "<svg ").dropFirst() {
            let chart = svg.components(separatedBy: "</svg>")[0]
            #expect(!chart.unicodeScalars.contains("\u{202E}"))
            #expect(!chart.contains("<script") && !chart.contains("<img"))
        }
        let markdown = try ReportRenderer.render(report, as: .markdown)
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("\u{2068}Free \u{202E}gnp.exe\u{202C} passes\u{2069}"))
        #expect(Escaping.markdown("a | b [x](y) *z*") == #"a \| b \[x\](y) \*z\*"#)
        // At the start of a line a text must not become a heading, a quote or a list.
        #expect(Escaping.markdown("# Title") == "\\# Title")
        #expect(Escaping.markdown("  - item") == "  \\- item")
        #expect(Escaping.markdown("12. twelfth") == "12\\. twelfth")
        #expect(Escaping.markdown("16-17") == "16-17")
        // A quote followed by a combining mark is still a quote to an HTML parser.
        #expect(Escaping.html("a\"\u{301} b") == "a&quot;\u{301} b")
        let attribute = try ReportRenderer.render(
            ReportFixture(texts: ["a\"\u{301} onmouseover=alert(1) b=\"\u{301}", "b", "c", "d"]).report(), as: .html,
            template: #"{{#themes}}{{#ideas}}<p title="{{text}}">x</p>{{/ideas}}{{/themes}}"#)
        #expect(attribute == "<p title=\"a&quot;\u{301} onmouseover=alert(1) b=&quot;\u{301}\">x</p>")
        #expect(Escaping.markdown("two\nlines") == "two lines")
    }

    @Test func aUserTemplateRestylesTheReportAndAFaultyOneIsLocated() throws {
        let report = try ReportFixture().report()
        let text = try ReportRenderer.render(
            report, as: .html,
            template: """
                <h1>{{title}}</h1>
                {{#votes}}<p>{{title}}: {{#elected}}{{text}}{{/elected}}</p>{{/votes}}
                """)
        #expect(text == "<h1>Buses</h1>\n<p>Final: Night buses</p><p>Reactions: Lighting</p>")
        #expect(throws: ReportRenderer.TemplateError.self) {
            try ReportRenderer.render(report, as: .html, template: "<h1>{{title}}</h1>\n{{#votes}}\n{{/themes}}")
        }
        do {
            _ = try ReportRenderer.render(report, as: .html, template: "line one\n{{#votes}}\n{{/themes}}")
            Issue.record("a faulty template was accepted")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func theMarkdownReportHasTheSameSections() throws {
        let markdown = try ReportRenderer.render(try ReportFixture().report(), as: .markdown)
        for heading in [
            "# Buses", "## Who took part", "### By board", "### Who is missing", "## Themes and ideas", "### Safety (1 idea)",
            "## Votes", "### Final", "#### Working: Rounds", "## Opinion map", "## Moderation", "## Checking this report",
        ] {
            #expect(markdown.contains("\n\(heading)\n") || markdown.hasPrefix("\(heading)\n"), "\(heading)")
        }
        #expect(!markdown.contains("{{"))
        #expect(!markdown.contains("<svg"))
    }

    /// Ballots were cast on a text: an edit after the vote does not rewrite its outcome, and the
    /// report shows it as an edit.
    @Test func aVoteShowsTheTextVotedOnAndLaterEditsAsEdits() throws {
        let fixture = try ReportFixture()
        try fixture.workspace.perform { tx in try tx.editIdea(1, text: "Night buses every hour, all night") }
        let report = fixture.report()
        let final = try #require(report.votes.first { $0.title == "Final" })
        let edited = try #require(final.results.first { $0.id == 1 })
        #expect(edited.text == "Night buses" && edited.editedText == "Night buses every hour, all night")
        let markdown = try ReportRenderer.render(report, as: .markdown)
        #expect(markdown.contains("#1 Night buses (edited after the vote; it now reads “Night buses every hour, all night”)"))
        let html = try ReportRenderer.render(report, as: .html)
        #expect(
            html.contains(
                "<bdi>Night buses</bdi> <span class=\"edited\">(edited after the vote; it now reads “<bdi>Night buses every hour, all night</bdi>”)</span>"))
    }

    /// A vote nobody voted in has no winner, not one drawn by lot.
    @Test func aVoteWithoutBallotsElectsNobody() throws {
        let fixture = try ReportFixture()
        try fixture.workspace.perform { tx in
            let vote = try tx.openVote("Unanswered", on: fixture.consultation, method: VotingMethod(rawValue: "schulze")!, candidates: [1, 2, 3])
            try tx.closeVote(vote.id)
        }
        let section = try #require(fixture.report().votes.first { $0.title == "Unanswered" })
        #expect(section.voters == 0 && section.results.allSatisfy { !$0.elected } && section.lot == nil)
        #expect(section.notes == ["no ballots were cast: there is no winner"])
        let markdown = try ReportRenderer.render(fixture.report(), as: .markdown)
        let part = try #require(markdown.components(separatedBy: "Unanswered").last)
        #expect(part.contains("no ballots were cast: there is no winner") && !part.contains("elected"))
    }
}
