/// The wall for a projector: the join code, the question, the ideas as cards grouped by theme and
/// how many have voted. Drawn whole by the server; `wall.js` redraws it from the event stream.
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
        return """
            <main class="wall" data-unthemed="\(HTML.escape(texts["wall.unthemed"]))" data-voted="\(HTML.escape(texts["wall.voted"]))">
            <header><h1 id="wall-title">\(HTML.escape(wall.title))</h1><p class="question" id="wall-question">\(HTML.escape(wall.question))</p>
            <p class="counts"><strong id="wall-ideas">\(wall.ideas)</strong> \(HTML.escape(texts["wall.ideas"]))</p>
            <ul id="wall-votes" class="votes">\(votes)</ul></header>
            <aside class="join"><div class="qr">\(qr)</div><p>\(HTML.escape(texts["wall.join"])) <span class="address">\(HTML.escape(joinAddress))</span></p></aside>
            <div id="wall-groups" class="groups" aria-live="polite">\(groups)</div>
            </main>
            """
    }
}
