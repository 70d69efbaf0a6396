/// The results the facilitator revealed, as the participant page and the wall show them: each
/// vote's first places, ties together, with the method's score where it has one.
struct ResultsSection {
    let results: [WallFeed.Result]
    let texts: Catalogue.Texts

    var html: String {
        let votes = results.map { result in
            let body: String
            if let problem = result.problem {
                body = "<p>\(HTML.escape(problem))</p>"
            } else {
                let places = result.places.map { place in
                    let ideas = place.ideas.map { "<span class=\"idea-number\">#\($0.id)</span> \(HTML.isolate($0.text))" }.joined(separator: "; ")
                    return "<li value=\"\(place.rank)\">\(ideas)\(place.score.map { " <span class=\"score\">(\(HTML.escape($0)))</span>" } ?? "")</li>"
                }.joined()
                body =
                    "<p class=\"hint\">\(HTML.escape(result.method)), \(result.voters) \(HTML.escape(texts["results.voters"]))</p><ol class=\"results\">\(places)</ol>"
            }
            return "<h3>\(HTML.isolate(result.title))</h3>\(body)"
        }.joined()
        return
            "<section aria-labelledby=\"results-heading\" id=\"results\"><h2 id=\"results-heading\">\(HTML.escape(texts["results.heading"]))</h2>\(votes)</section>"
    }
}
