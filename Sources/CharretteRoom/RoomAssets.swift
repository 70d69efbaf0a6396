/// The room's style sheet and its one script, served from the room itself (no asset from
/// elsewhere, no build step). Pages work without the script: it only keeps the wall live.
enum RoomAssets {
    /// Mobile first, large type, high contrast for a phone in sunlight.
    static let css = """
        :root { color-scheme: light; --ink: #111; --paper: #fff; --accent: #0b5394; --soft: #eef2f7; --alert: #a40000; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--paper); }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        .question { font-size: 1.15rem; font-weight: 600; }
        .who { color: #333; }
        label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
        textarea, select, input[type=number] { width: 100%; font: inherit; padding: .6rem; border: 2px solid #555; border-radius: .4rem; }
        .choice { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; padding: .5rem 0; border-bottom: 1px solid #ccc; }
        .choice label { flex: 1 1 12rem; margin: 0; font-weight: 400; }
        .choice select, .choice input[type=number] { flex: 0 0 9.5rem; width: 9.5rem; }
        input[type=checkbox], input[type=radio] { width: 1.5rem; height: 1.5rem; }
        button { font: inherit; font-weight: 600; min-height: 3rem; padding: .6rem 1.2rem; margin: .5rem .5rem 0 0; border: 0; border-radius: .4rem;
          background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: var(--soft); color: var(--ink); border: 2px solid #555; min-height: 2.5rem; padding: .3rem .8rem; }
        button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #e8a200; outline-offset: 2px; }
        .reactions { display: flex; flex-wrap: wrap; gap: .5rem; }
        .reactions button { flex: 1 1 6rem; }
        button.disagree { background: #7a1f1f; } button.pass { background: #444; }
        .statement { font-size: 1.3rem; margin: 0; padding: 1rem; background: var(--soft); border-left: .4rem solid var(--accent); }
        .notice { padding: .75rem 1rem; background: #e7f4e4; border-left: .4rem solid #1d6b1d; }
        .notice.refusal { background: #fbeaea; border-left-color: var(--alert); }
        .ideas { padding-left: 0; list-style: none; } .ideas li { padding: .5rem 0; border-bottom: 1px solid #ccc; }
        .idea-number { color: #333; font-variant-numeric: tabular-nums; }
        form.inline { display: inline; }
        .hint { color: #333; }
        .wall { max-width: none; display: grid; grid-template-columns: 1fr 16rem; gap: 1rem 2rem; font-size: 1.4rem; }
        .wall header { grid-column: 1; } .wall .join { grid-column: 2; grid-row: 1 / span 2; text-align: center; }
        .wall .groups { grid-column: 1; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .cards { list-style: none; padding: 0; margin: 0; } .card { background: #fff8c5; border: 1px solid #d4c36a; padding: .75rem; margin: 0 0 .5rem; border-radius: .3rem; }
        .qr svg { width: 100%; height: auto; } .address { word-break: break-all; }
        @media (max-width: 50rem) { .wall { grid-template-columns: 1fr; } .wall .join { grid-column: 1; grid-row: auto; } }
        .step { font-size: 1.1rem; padding: .5rem .75rem; background: var(--soft); border-radius: .3rem; } .step:empty { display: none; }
        .countdown { font-variant-numeric: tabular-nums; }
        .code { font: 700 1.3rem/1.2 ui-monospace, monospace; letter-spacing: .08em; }
        .receipt { font-family: ui-monospace, monospace; word-break: break-all; }
        fieldset { border: 2px solid #999; border-radius: .4rem; margin: 1rem 0; } legend { font-weight: 600; }
        input:not([type]), input[type=text] { width: 100%; font: inherit; padding: .6rem; border: 2px solid #555; border-radius: .4rem; }
        .results li { padding: .25rem 0; } .score { color: #333; }
        .group-chips { position: sticky; top: 0; z-index: 1; background: var(--paper); padding: .25rem 0 .5rem; border-bottom: 2px solid #999; }
        h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; } .wall #results h2 { font-size: 1.6rem; }
        .sort-idea { padding: .5rem; border-bottom: 1px solid #ccc; cursor: pointer; } .sort-idea.picked { background: #fff8c5; outline: 3px solid #e8a200; }
        .sort-idea label { font-weight: 400; }
        .rejoin { margin-top: 2rem; } #updated { position: sticky; top: 0; z-index: 2; } .rejoin summary { cursor: pointer; font-weight: 600; min-height: 2.75rem; padding: .5rem 0; }
        """

    /// Counts down every `.countdown[data-ends]` to the time it names, once a second.
    private static let countdown = """
          function tick() {
            document.querySelectorAll('.countdown[data-ends]').forEach(function (el) {
              var left = Math.max(0, Math.round((Date.parse(el.dataset.ends) - Date.now()) / 1000));
              el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
            });
          }
          tick();
          setInterval(tick, 1000);
        """

    /// Tap to group: a tap on an idea of the card sort picks it, a tap on a group puts it there
    /// (fills its box, which the form sends as it would without the script). A name typed in a box
    /// becomes a group to tap too.
    private static let tapToGroup = """
          var sort = document.querySelector('.card-sort');
          if (sort) {
            var chips = sort.querySelector('.group-chips');
            chips.hidden = false;
            var picked = null;
            function pick(row) {
              if (picked) picked.classList.remove('picked');
              picked = row;
              row.classList.add('picked');
            }
            function place(label) {
              if (!picked) return;
              picked.querySelector('input').value = label;
              picked.classList.remove('picked');
              var next = picked.nextElementSibling;
              picked = null;
              if (next && next.classList.contains('sort-idea')) pick(next);
            }
            function addChip(label) {
              var known = Array.prototype.some.call(chips.querySelectorAll('.group-chip'), function (c) { return c.dataset.label.toLowerCase() === label.toLowerCase(); });
              if (known || !label) return;
              var chip = document.createElement('button');
              chip.type = 'button';
              chip.className = 'secondary group-chip';
              chip.dataset.label = label;
              chip.textContent = label;
              chips.appendChild(chip);
            }
            chips.addEventListener('click', function (event) {
              var chip = event.target.closest('.group-chip');
              if (chip) place(chip.dataset.label);
            });
            sort.querySelectorAll('.sort-idea').forEach(function (row) {
              row.addEventListener('click', function (event) { if (event.target.tagName !== 'INPUT') pick(row); });
              row.querySelector('input').addEventListener('change', function (event) { addChip(event.target.value.trim()); });
            });
          }
        """

    /// Says when the room moves on (a step, the phase, a vote opened or closed, results revealed),
    /// from the wall's stream, with a link to the page as it is now: the page is never redrawn
    /// under someone's thumbs. Each wall is compared with the moment the page was drawn at
    /// (`data-shown`), so a change made before the stream connected is noticed too.
    private static let movedOn = """
          var updated = document.getElementById('updated');
          if (updated && window.EventSource) {
            var shown = null;
            try { shown = JSON.stringify(JSON.parse(updated.dataset.shown)); } catch (e) {}
            new EventSource('/wall/events').addEventListener('wall', function (message) {
              var wall = JSON.parse(message.data);
              var moment = JSON.stringify([wall.phase, wall.step ? wall.step.name : null,
                wall.votes.filter(function (v) { return v.open; }).map(function (v) { return v.title; }), wall.results.length]);
              if (shown === null) shown = moment; else if (moment !== shown) updated.hidden = false;
            });
          }
        """

    /// The participant page's script: the step's countdown, tap to group, and a word when the room
    /// moves on. It never redraws a form, so nothing being typed is lost.
    static let pageScript = "(function () {\n" + countdown + tapToGroup + movedOn + "})();\n"

    /// Redraws the wall from `/wall/events`, with text set as text (never as markup).
    static let wallScript = """
        (function () {
          var main = document.querySelector('main.wall');
          if (!main || !window.EventSource) return;
        """ + countdown + """
              function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
              var source = new EventSource('/wall/events');
              source.addEventListener('wall', function (message) {
                var wall = JSON.parse(message.data);
                document.getElementById('wall-title').textContent = wall.title;
                document.getElementById('wall-question').textContent = wall.question;
                document.getElementById('wall-ideas').textContent = wall.ideas;
                var step = document.getElementById('wall-step');
                step.replaceChildren();
                if (wall.step) {
                  step.appendChild(el('strong', null, wall.step.name));
                  step.appendChild(document.createTextNode(' '));
                  var clock = el('span', 'countdown');
                  clock.dataset.ends = wall.step.endsAt;
                  step.appendChild(clock);
                }
                var code = document.getElementById('wall-room-code');
                code.replaceChildren();
                if (wall.roomCode) {
                  code.appendChild(document.createTextNode(main.dataset.roomCode + ' '));
                  code.appendChild(el('strong', 'code', wall.roomCode));
                }
                var results = document.getElementById('wall-results');
                results.replaceChildren();
                if (wall.results.length) {
                  var section = el('section');
                  section.id = 'results';
                  section.appendChild(el('h2', null, main.dataset.results));
                  wall.results.forEach(function (result) {
                    section.appendChild(el('h3', null, result.title));
                    if (result.problem) { section.appendChild(el('p', null, result.problem)); return; }
                    section.appendChild(el('p', 'hint', result.method + ', ' + result.voters + ' ' + main.dataset.voters));
                    var list = el('ol', 'results');
                    result.places.forEach(function (place) {
                      var item = el('li');
                      item.value = place.rank;
                      place.ideas.forEach(function (idea, index) {
                    if (index > 0) item.appendChild(document.createTextNode('; '));
                    item.appendChild(document.createTextNode('#' + idea.id + ' '));
                    item.appendChild(el('bdi', null, idea.text));
                  });
                  if (place.score) item.appendChild(document.createTextNode(' (' + place.score + ')'));
                      list.appendChild(item);
                    });
                    section.appendChild(list);
                  });
                  results.appendChild(section);
                }
                tick();
                var groups = document.getElementById('wall-groups');
                groups.replaceChildren();
                wall.groups.forEach(function (group) {
                  var section = el('section', 'group');
                  section.appendChild(el('h2', null, group.theme === null || group.theme === undefined ? main.dataset.unthemed : group.theme));
                  var list = el('ul', 'cards');
                  group.ideas.forEach(function (idea) { var card = el('li', 'card', idea.text); card.dataset.id = idea.id; list.appendChild(card); });
                  section.appendChild(list);
                  groups.appendChild(section);
                });
                var votes = document.getElementById('wall-votes');
                votes.replaceChildren();
                wall.votes.filter(function (v) { return v.open; }).forEach(function (v) {
                  var item = el('li');
                  item.appendChild(el('bdi', null, v.title));
                  item.appendChild(document.createTextNode(': '));
                  item.appendChild(el('strong', null, String(v.voters)));
                  item.appendChild(document.createTextNode(' ' + main.dataset.voted));
                  votes.appendChild(item);
                });
              });
            })();
            """
}
