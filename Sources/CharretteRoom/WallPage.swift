/// The wall for a projector: the join QR code and the room code, the question, the step under way
/// and its countdown, the ideas as cards grouped by theme, how many have voted and the results
/// revealed. Drawn whole by the server; `wall.js` redraws it from the event stream.
struct WallPage {
    let wall: WallFeed.Wall
    let texts: Catalogue.Texts
    let joinAddress: String

    var html: String {
        let qr = joinAddress.isEmpty ? "" : QRCode(joinAddress)?.svg ?? ""
        let groups = wall.groups.map { group in
            let cards = group.ideas.map { "<li class=\"card\" data-id=\"\($0.id)\">\(HTML.escape($0.text))</li>" }.joined()
            return "<section class=\"group\"><h2>\(HTML.escape(group.theme ?? texts["wall.unthemed"]))</h2><ul class=\"cards\">\(cards)</ul></section>"
        }.joined()
        let votes = wall.votes.filter(\.open).map { "<li>\(HTML.isolate($0.title)): <strong>\($0.voters)</strong> \(HTML.escape(texts["wall.voted"]))</li>" }
            .joined()
        let step = wall.step.map {
            "<strong>\(HTML.escape($0.name))</strong> <span class=\"countdown\" data-ends=\"\(HTML.escape($0.endsAt))\"></span>"
        }
        let code = wall.roomCode.map { "\(HTML.escape(texts["wall.roomCode"])) <strong class=\"code\">\(HTML.escape($0))</strong>" }
        return """
            <main class="wall" data-unthemed="\(HTML.escape(texts["wall.unthemed"]))" data-voted="\(HTML.escape(texts["wall.voted"]))" \
            data-results="\(HTML.escape(texts["results.heading"]))" data-voters="\(HTML.escape(texts["results.voters"]))" \
            data-room-code="\(HTML.escape(texts["wall.roomCode"]))">
            <header><h1 id="wall-title">\(HTML.escape(wall.title))</h1><p class="question" id="wall-question">\(HTML.escape(wall.question))</p>
            <p class="step" id="wall-step">\(step ?? "")</p>
            <p class="counts"><strong id="wall-ideas">\(wall.ideas)</strong> \(HTML.escape(texts["wall.ideas"]))</p>
            <ul id="wall-votes" class="votes">\(votes)</ul></header>
            <aside class="join"><div class="qr">\(qr)</div><p>\(HTML.escape(texts["wall.join"])) <span class="address">\(HTML.escape(joinAddress))</span></p>
            <p id="wall-room-code">\(code ?? "")</p></aside>
            <div id="wall-results">\(wall.results.isEmpty ? "" : ResultsSection(results: wall.results, texts: texts).html)</div>
            <div id="wall-groups" class="groups" aria-live="polite">\(groups)</div>
            </main>
            """
    }
}
