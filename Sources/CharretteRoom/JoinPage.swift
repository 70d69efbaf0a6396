/// The way in for someone without a session: the room code form while newcomers may walk in
/// (a handle, agreement to take part, the consultation's questions), and the rejoin code form
/// for someone coming back on another phone or after losing their cookie.
struct JoinPage {
    let texts: Catalogue.Texts
    let walkIns: RoomStage.WalkIns?
    /// Why the last attempt was refused, if it was.
    let message: String?
    /// What the newcomer filled in, put back after a refusal.
    let kept: FormBody?

    var html: String {
        var sections = ["<h1>\(HTML.escape(texts["join.title"]))</h1>"]
        if let message { sections.append("<p class=\"notice refusal\" role=\"alert\">\(HTML.escape(message))</p>") }
        sections.append("<p>\(HTML.escape(texts[walkIns == nil ? "join.lead" : "join.leadWalkIn"]))</p>")
        if let walkIns { sections.append(walkInForm(walkIns)) }
        sections.append(
            """
            <section aria-labelledby="rejoin-heading"><h2 id="rejoin-heading">\(HTML.escape(texts["join.rejoinHeading"]))</h2>
            <form method="post" action="/rejoin">
            <label for="rejoin-code">\(HTML.escape(texts["join.rejoinLabel"]))</label>
            <input id="rejoin-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required>
            <button type="submit">\(HTML.escape(texts["join.rejoinSubmit"]))</button>
            </form></section>
            """)
        return "<main>\n" + sections.joined(separator: "\n") + "\n</main>"
    }

    private func value(_ name: String) -> String { HTML.escape(kept?[name] ?? "") }

    private func walkInForm(_ walkIns: RoomStage.WalkIns) -> String {
        let questions = walkIns.questions.enumerated().map { index, question in
            let chosen = kept?["a-\(question.attribute)"]
            let options =
                "<option value=\"\">\(HTML.escape(texts["join.preferNot"]))</option>"
                + question.values.map { "<option\(chosen == $0 ? " selected" : "")>\(HTML.escape($0))</option>" }.joined()
            return """
                <label for="q\(index)">\(HTML.escape(question.attribute))</label>
                <select id="q\(index)" name="a-\(HTML.escape(question.attribute))">\(options)</select>
                """
        }.joined(separator: "\n")
        let counted =
            walkIns.questions.isEmpty
            ? ""
            : """
            <fieldset><legend>\(HTML.escape(texts["join.aboutYou"]))</legend>
            <p class="hint">\(HTML.escape(texts["join.aboutYouHint"]))</p>
            \(questions)
            <div class="choice"><input type="checkbox" id="counted" name="counted" value="yes"\(kept?["counted"] == "yes" ? " checked" : "")>
            <label for="counted">\(HTML.escape(texts["join.counted"]))</label></div></fieldset>
            """
        return """
            <section aria-labelledby="walk-in-heading"><h2 id="walk-in-heading">\(HTML.escape(texts["join.walkInHeading"]))</h2>
            <form method="post" action="/join">
            <label for="room-code">\(HTML.escape(texts["join.roomCode"]))</label>
            <input id="room-code" name="room" value="\(value("room"))" autocomplete="off" autocapitalize="characters" spellcheck="false" required>
            <label for="handle">\(HTML.escape(texts["join.handle"]))</label>
            <p class="hint" id="handle-hint">\(HTML.escape(texts["join.handleHint"]))</p>
            <input id="handle" name="handle" value="\(value("handle"))" aria-describedby="handle-hint" autocomplete="nickname" maxlength="40" required>
            \(counted)
            <div class="choice"><input type="checkbox" id="agree" name="agree" value="yes" required\(kept?["agree"] == "yes" ? " checked" : "")>
            <label for="agree">\(HTML.escape(texts["join.agree"]))</label></div>
            <button type="submit">\(HTML.escape(texts["join.walkInSubmit"]))</button>
            </form></section>
            """
    }
}
