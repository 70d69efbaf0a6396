import Charrette
import CharretteSession
import Foundation

/// The participant's page: what the consultation asks now, in plain forms that work without any
/// script. Each section appears when the consultation takes it: ideas while it collects them, one
/// statement at a time while a reactions vote is open, a ballot while another vote is open.
struct ParticipantPage {
    let state: WorkspaceState
    let participant: Participant
    let consultation: Consultation
    /// The step under way.
    let stage: RoomStage
    /// The results revealed.
    let results: [WallFeed.Result]
    let texts: Catalogue.Texts
    let csrf: String
    /// Their credential as they type it on another phone.
    let rejoinCode: String
    /// A sentence on what the last action did, or why it was refused.
    var notice: Notice?
    /// The idea text to put back in the form after a refusal, so nothing typed is lost.
    var keptIdea = ""

    struct Notice {
        let text: String
        let isRefusal: Bool
        /// A ballot's receipt: the hash of the journal entry that cast it.
        var receipt: JournalHash? = nil
    }

    var html: String {
        var sections = [
            header,
            "<p id=\"updated\" class=\"notice\" role=\"status\" data-shown=\"\(HTML.escape(shownMoment))\" hidden>\(HTML.escape(texts["page.updated"])) <a href=\"/\">\(HTML.escape(texts["page.show"]))</a></p>",
        ]
        if let notice {
            sections.append(
                notice.isRefusal
                    ? "<p class=\"notice refusal\" role=\"alert\"><strong>\(HTML.escape(texts["error.heading"])):</strong> \(HTML.escape(notice.text))</p>"
                    : "<p class=\"notice\" role=\"status\">\(HTML.escape(notice.text))\(receipt(notice.receipt))</p>")
        }
        sections.append(ideaSection)
        sections.append(ownIdeas)
        if consultation.phase == .clustering {
            sections.append(CardSortForm(state: state, participant: participant, consultation: consultation, texts: texts, hidden: hidden).html)
        }
        let votes = state.votes(of: consultation.id)
        for vote in votes.filter(\.isOpen) {
            sections.append(vote.method.ballotKind == .reactions ? reactionSection(vote) : ballotSection(vote))
        }
        if !results.isEmpty { sections.append(ResultsSection(results: results, texts: texts).html) }
        sections.append(
            "<details class=\"rejoin\"><summary>\(HTML.escape(texts["page.rejoinCode"]))</summary><p><strong class=\"code\">\(HTML.escape(rejoinCode))</strong></p>"
                + "<p class=\"hint\">\(HTML.escape(texts["page.rejoinHint"]))</p></details>")
        return HTML.page(
            title: consultation.title, language: texts.language, body: "<main>\n" + sections.joined(separator: "\n") + "\n</main>", script: "/page.js")
    }

    /// The moment of the room this page shows, as `page.js` compares it with each wall: the
    /// phase, the step, the open votes' titles and how many results are revealed. Written into
    /// the page, so a stream that connects only after the room moved on still notices.
    private var shownMoment: String {
        let open = state.votes(of: consultation.id).filter(\.isOpen).map(\.title)
        let moment: [Any] = [consultation.phase.rawValue, stage.step?.name ?? NSNull(), open, results.count]
        let data = (try? JSONSerialization.data(withJSONObject: moment)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The receipt after a ballot, with where to check it.
    private func receipt(_ receipt: JournalHash?) -> String {
        guard let receipt else { return "" }
        return
            " \(HTML.escape(texts["receipt.yours"])) <a href=\"/receipt/\(receipt.hex)\"><code class=\"receipt\">\(receipt.hex.prefix(16))…</code></a>"
    }

    /// The step under way and its countdown: the end time as text, which `page.js` turns into
    /// minutes left.
    private var stepBanner: String {
        guard let step = stage.step else { return "" }
        let ends = step.endsAt.formatted(.iso8601)
        let clock = step.endsAt.formatted(.dateTime.hour().minute())
        return
            "<p class=\"step\" role=\"status\"><strong>\(HTML.escape(step.name))</strong> <span class=\"countdown\" data-ends=\"\(ends)\">\(HTML.escape(texts["step.until"])) <time datetime=\"\(ends)\">\(clock)</time></span></p>"
    }

    private var hidden: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">" }

    private var header: String {
        """
        <header><h1>\(HTML.escape(consultation.title))</h1>
        <p class="question">\(HTML.escape(consultation.question))</p>
        <p class="who">\(HTML.escape(texts["page.you"])) <strong>@\(HTML.escape(participant.handle))</strong></p>
        \(stepBanner)</header>
        """
    }

    private var ideaSection: String {
        guard consultation.phase == .ideation else {
            // A refused idea's text stays on the page, to copy, even when no idea can be sent.
            let kept =
                keptIdea.isEmpty
                ? ""
                : "<label for=\"idea-text\">\(HTML.escape(texts["idea.kept"]))</label><textarea id=\"idea-text\" rows=\"3\" readonly>\(HTML.escape(keptIdea))</textarea>"
            return "<section><h2>\(HTML.escape(texts["idea.heading"]))</h2><p>\(HTML.escape(texts["idea.closed"]))</p>\(kept)</section>"
        }
        return """
            <section aria-labelledby="idea-heading"><h2 id="idea-heading">\(HTML.escape(texts["idea.heading"]))</h2>
            <form method="post" action="/ideas">\(hidden)
            <label for="idea-text">\(HTML.escape(texts["idea.label"]))</label>
            <textarea id="idea-text" name="text" rows="3" maxlength="2000" required>\(HTML.escape(keptIdea))</textarea>
            <button type="submit">\(HTML.escape(texts["idea.submit"]))</button>
            </form></section>
            """
    }

    private var ownIdeas: String {
        let mine = state.ideas(of: consultation.id).filter { $0.author == participant.id && $0.status != .withdrawn }
        // An idea on the ballot of an open vote stays while people vote on it, as the domain rules.
        let onBallots = Set(state.votes(of: consultation.id).filter(\.isOpen).flatMap(\.candidates))
        let items = mine.map { idea in
            let withdraw =
                (idea.status.isOpen || idea.status == .held) && !onBallots.contains(idea.id)
                ? "<form method=\"post\" action=\"/ideas/\(idea.id.rawValue)/withdraw\" class=\"inline\">\(hidden)<button type=\"submit\" class=\"secondary\">\(HTML.escape(texts["mine.withdraw"]))</button></form>"
                : ""
            let waiting = idea.status == .held ? " <em class=\"held\">(\(HTML.escape(texts["mine.held"])))</em>" : ""
            return "<li><span class=\"idea-number\">#\(idea.id.rawValue)</span> \(HTML.isolate(idea.shownText))\(waiting) \(withdraw)</li>"
        }
        let list = items.isEmpty ? "<p>\(HTML.escape(texts["mine.none"]))</p>" : "<ul class=\"ideas\">\(items.joined())</ul>"
        return "<section aria-labelledby=\"mine-heading\"><h2 id=\"mine-heading\">\(HTML.escape(texts["mine.heading"]))</h2>\(list)</section>"
    }

    private func reactionSection(_ vote: Vote) -> String {
        let heading = "<h2 id=\"react-\(vote.id.rawValue)\">\(HTML.escape(texts["react.heading"]))</h2>"
        guard let next = state.nextStatement(for: participant.id, in: vote), let idea = state.ideas[next] else {
            return "<section aria-labelledby=\"react-\(vote.id.rawValue)\">\(heading)<p>\(HTML.escape(texts["react.done"]))</p></section>"
        }
        let buttons = Reaction.allCases.map { reaction in
            "<button type=\"submit\" name=\"reaction\" value=\"\(reaction.rawValue)\" class=\"\(reaction.rawValue)\">\(HTML.escape(texts["react.\(reaction.rawValue)"]))</button>"
        }.joined()
        return """
            <section aria-labelledby="react-\(vote.id.rawValue)">\(heading)
            <blockquote class="statement">\(HTML.escape(state.shownTextVotedOn(idea.id, in: vote)))</blockquote>
            <form method="post" action="/votes/\(vote.id.rawValue)/react">\(hidden)<input type="hidden" name="idea" value="\(next.rawValue)">
            <div class="reactions">\(buttons)</div></form></section>
            """
    }

    private func ballotSection(_ vote: Vote) -> String {
        let earlier = state.ballots[vote.id]?[participant.id]
        let settings = vote.settings
        func text(_ id: Idea.ID) -> String { HTML.isolate(state.shownTextVotedOn(id, in: vote)) }
        var rows: [String] = []
        var note = ""
        for id in vote.candidates {
            let field = "c\(id.rawValue)"
            let label = "<label for=\"\(field)\"><span class=\"idea-number\">#\(id.rawValue)</span> \(text(id))</label>"
            switch vote.method.ballotKind {
            case .approval, .budget:
                let chosen: Bool = {
                    switch earlier {
                    case .approval(let set)?, .budget(let set)?: return set.contains(id)
                    default: return false
                    }
                }()
                let cost = settings.costs[id].map { " <span class=\"cost\">(\($0))</span>" } ?? ""
                rows.append(
                    "<div class=\"choice\"><input type=\"checkbox\" id=\"\(field)\" name=\"approve\" value=\"\(id.rawValue)\"\(chosen ? " checked" : "")> \(label)\(cost)</div>"
                )
            case .ranking:
                let rank: Int? = {
                    guard case .ranking(let tiers)? = earlier else { return nil }
                    return tiers.firstIndex { $0.contains(id) }.map { $0 + 1 }
                }()
                let options =
                    "<option value=\"\">\(HTML.escape(texts["ballot.unranked"]))</option>"
                    + (1...vote.candidates.count).map { "<option value=\"\($0)\"\(rank == $0 ? " selected" : "")>\($0)</option>" }.joined()
                rows.append("<div class=\"choice\">\(label) <select id=\"\(field)\" name=\"\(field)\">\(options)</select></div>")
                note = texts["ballot.rank"]
            case .scores, .dots, .quadratic:
                let value: Int? = {
                    switch earlier {
                    case .scores(let map)?, .dots(let map)?, .quadratic(let map)?: return map[id]
                    default: return nil
                    }
                }()
                let range = settings.effectiveScoreRange
                let bounds =
                    vote.method.ballotKind == .scores
                    ? " min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\"" : vote.method.ballotKind == .dots ? " min=\"0\"" : ""
                rows.append(
                    "<div class=\"choice\">\(label) <input type=\"number\" inputmode=\"numeric\" id=\"\(field)\" name=\"\(field)\"\(bounds) value=\"\(value.map(String.init) ?? "")\"></div>"
                )
                if vote.method.ballotKind == .dots, let budget = settings.budget { note = "\(texts["ballot.budget"]): \(budget)" }
                if vote.method.ballotKind == .quadratic, let credits = settings.credits { note = "\(texts["ballot.credits"]): \(credits)" }
            case .consent:
                let position: ConsentPosition? = { if case .consent(let map)? = earlier { map[id] } else { nil } }()
                let radios = ConsentPosition.allCases.map { choice in
                    "<label><input type=\"radio\" name=\"\(field)\" value=\"\(choice.rawValue)\"\(position == choice ? " checked" : "")> \(choice.rawValue)</label>"
                }.joined(separator: " ")
                rows.append("<fieldset class=\"choice\"><legend>\(text(id))</legend>\(radios)</fieldset>")
            case .reactions:
                break
            }
        }
        if vote.method.ballotKind == .budget, let budget = settings.budget { note = "\(texts["ballot.budget"]): \(budget)" }
        return """
            <section aria-labelledby="vote-\(vote.id.rawValue)"><h2 id="vote-\(vote.id.rawValue)">\(HTML.escape(texts["ballot.heading"])): \(HTML.isolate(vote.title))</h2>
            \(note.isEmpty ? "" : "<p class=\"hint\">\(HTML.escape(note))</p>")
            <form method="post" action="/votes/\(vote.id.rawValue)/ballot">\(hidden)
            \(rows.joined(separator: "\n"))
            <button type="submit">\(HTML.escape(texts["ballot.submit"]))</button></form></section>
            """
    }
}
