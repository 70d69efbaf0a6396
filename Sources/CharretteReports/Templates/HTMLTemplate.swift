/// The report's default HTML template: one self-contained page, no external assets, charts as
/// inline SVG, styled for the screen and for print. `export report FILE.html --template T`
/// replaces it; `docs/formats/report-template.md` describes the values it reads.
enum HTMLTemplate {
    static let text = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Charrette">
        <title>{{title}}: outcome report</title>
        <style>
        :root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072b2; --band: #f4f6f8; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 0; background: #fff; }
        header.cover { background: var(--accent); color: #fff; padding: 2rem 2.5rem 1.5rem; }
        header.cover h1 { margin: 0 0 .5rem; font-size: 2rem; line-height: 1.2; }
        header.cover p { margin: .25rem 0; font-size: 1.1rem; }
        header.cover .meta { font-size: .9rem; opacity: .9; }
        main { max-width: 60rem; padding: 0 2.5rem 3rem; }
        nav.contents { margin: 1.5rem 0; padding: 1rem 1.5rem; background: var(--band); border-left: 4px solid var(--accent); }
        nav.contents h2 { font-size: 1rem; margin: 0 0 .5rem; }
        nav.contents ol { margin: 0; padding-left: 1.25rem; columns: 2; }
        section { margin-top: 2.5rem; break-inside: auto; }
        h2 { font-size: 1.5rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; margin-bottom: 1rem; }
        h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
        p.note, .note, .edited { color: var(--muted); font-size: .92rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; width: auto; }
        .scroll, .figure { overflow-x: auto; max-width: 100%;
          background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 2.5rem 100% no-repeat local,
            linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 2.5rem 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.3), rgba(0,0,0,0)) left / .9rem 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.3), rgba(0,0,0,0)) right / .9rem 100% no-repeat scroll; }
        .scroll { margin: .5rem 0 1rem; }
        .scroll > table { margin: 0; }
        .scroll:focus-visible, .figure:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: rgba(0, 30, 60, .043); }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.elected td { font-weight: 700; }
        .figure { margin: .5rem 0 1.25rem; }
        .figure svg { display: block; max-width: 100%; height: auto; }
        ul.ideas { padding-left: 1.25rem; }
        ul.ideas li { margin: .2rem 0; }
        .id { color: var(--muted); font-variant-numeric: tabular-nums; }
        .by { color: var(--muted); font-size: .9rem; }
        .badge { display: inline-block; border: 1px solid var(--ink); border-radius: .25rem; padding: 0 .35rem; font-size: .8rem; font-weight: 600; }
        .under { font-weight: 700; }
        .working { font-size: .85rem; }
        code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
        pre { background: var(--band); padding: .75rem 1rem; overflow-x: auto; }
        bdi { unicode-bidi: isolate; }
        @media (max-width: 40rem) {
          header.cover { padding: 1.25rem 1rem 1rem; }
          header.cover h1 { font-size: 1.6rem; }
          main { padding: 0 1rem 2rem; }
          nav.contents { padding: .75rem 1rem; }
          nav.contents ol { columns: 1; }
          h2 { font-size: 1.35rem; }
          table { font-size: .85rem; }
          th, td { padding: .25rem .4rem; }
        }
        @media print {
          .scroll, .figure { overflow: visible; background: none; }
          header.cover { background: none; color: var(--ink); border-bottom: 3px solid var(--ink); padding: 0 0 1rem; }
          main { max-width: none; padding: 0; }
          nav.contents { display: none; }
          section { break-before: auto; }
          h2, h3, h4 { break-after: avoid; }
          table, .figure, figure { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          @page { margin: 18mm 16mm; }
        }
        </style>
        </head>
        <body>
        <header class="cover">
        <h1><bdi>{{title}}</bdi></h1>
        <p><strong>Question:</strong> <bdi>{{question}}</bdi></p>
        <p class="meta">Outcome report · phase: {{phase}} · made {{generated_at}} by Charrette</p>
        </header>
        <main>
        <nav class="contents" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
        <li><a href="#participation">Who took part</a></li>
        {{#has_agenda}}<li><a href="#agenda">The agenda as it ran</a></li>{{/has_agenda}}
        <li><a href="#themes">Themes and ideas</a></li>
        {{#has_votes}}<li><a href="#votes">Votes</a></li>{{/has_votes}}
        {{#opinions}}<li><a href="#opinions">Opinion map</a></li>{{/opinions}}
        <li><a href="#moderation">Moderation</a></li>
        <li><a href="#verify">Checking this report</a></li>
        </ol>
        </nav>

        {{#participation}}
        <section id="participation" aria-labelledby="participation-heading">
        <h2 id="participation-heading">Who took part</h2>
        <p><strong>{{took_part}} of {{asked}}</strong> people asked took part ({{took_part_share}}): they put forward an idea, voted, reacted or sorted the ideas. Facilitators and observers are not counted.</p>
        {{#anonymous_ideas}}<p>{{anonymous_ideas}} came in without a name (a suggestion box, a form without a name field): they are in the ideas, but nobody is counted above for them.</p>{{/anonymous_ideas}}
        {{#has_boards}}
        <h3>By board</h3>
        <div class="figure">{{{boards_chart}}}</div>
        <div class="scroll" role="region" aria-label="Taking part by board" tabindex="0"><table>
        <caption>Taking part by board</caption>
        <thead><tr><th scope="col">Board</th><th scope="col" class="number">Asked</th><th scope="col" class="number">Took part</th><th scope="col" class="number">Share of those who took part</th></tr></thead>
        <tbody>
        {{#boards}}<tr><th scope="row"><bdi>{{label}}</bdi></th><td class="number">{{asked}}</td><td class="number">{{took_part}}</td><td class="number">{{share}}</td></tr>
        {{/boards}}
        </tbody>
        </table></div>
        {{/has_boards}}
        {{#attributes}}
        <h3>By <bdi>{{name}}</bdi></h3>
        <div class="figure">{{{chart}}}</div>
        <div class="scroll" role="region" aria-label="Taking part by {{name}}{{#has_target}}, against the population{{/has_target}}" tabindex="0"><table>
        <caption>Taking part by <bdi>{{name}}</bdi>{{#has_target}}, against the population{{/has_target}}</caption>
        <thead><tr><th scope="col"><bdi>{{name}}</bdi></th><th scope="col" class="number">Asked</th><th scope="col" class="number">Took part</th><th scope="col" class="number">Share of those who took part</th>{{#has_target}}<th scope="col" class="number">Share of the population</th>{{/has_target}}</tr></thead>
        <tbody>
        {{#values}}<tr><th scope="row"><bdi>{{label}}</bdi></th><td class="number">{{asked}}</td><td class="number">{{took_part}}</td><td class="number">{{share}}</td>{{#has_target}}<td class="number">{{#target}}{{target}}{{/target}}{{^target}}–{{/target}}{{#under}} <span class="badge under">under-represented</span>{{/under}}</td>{{/has_target}}</tr>
        {{/values}}
        </tbody>
        </table></div>
        {{#has_not_given}}<p class="note">{{not_given}} of those who took part did not give their <bdi>{{name}}</bdi> or did not agree to be counted.</p>{{/has_not_given}}
        {{/attributes}}
        {{#population_source}}<p class="note">Population figures: <bdi>{{population_source}}</bdi>. A group is marked under-represented when its share of those who took part is below four fifths of its share of the population.</p>{{/population_source}}
        <h3>Who is missing</h3>
        {{#has_under_represented}}
        <p>Under-represented against the population:</p>
        <ul>{{#under_represented}}<li><bdi>{{attribute}}</bdi> <bdi>{{value}}</bdi>: {{share}} of those who took part, {{target}} of the population</li>{{/under_represented}}</ul>
        {{/has_under_represented}}
        {{#has_missing}}<p>{{missing_count}} of those asked have not taken part yet: {{#missing}}<bdi>{{name}}</bdi>{{^last()}}, {{/last()}}{{/missing}}.</p>{{/has_missing}}
        {{^has_missing}}<p>Everyone asked took part.</p>{{/has_missing}}
        </section>
        {{/participation}}

        {{#has_agenda}}
        <section id="agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">The agenda as it ran</h2>
        <div class="scroll" role="region" aria-label="Steps in the order they ran" tabindex="0"><table>
        <caption>Steps in the order they ran</caption>
        <thead><tr><th scope="col">Step</th><th scope="col">Started</th><th scope="col" class="number">Planned</th><th scope="col" class="number">Took</th></tr></thead>
        <tbody>
        {{#agenda}}<tr><th scope="row"><bdi>{{name}}</bdi></th><td>{{started}}</td><td class="number">{{planned}}</td><td class="number">{{actual}}{{#over}} <span class="badge">over</span>{{/over}}</td></tr>
        {{/agenda}}
        </tbody>
        </table></div>
        </section>
        {{/has_agenda}}

        <section id="themes" aria-labelledby="themes-heading">
        <h2 id="themes-heading">Themes and ideas</h2>
        {{^has_themes}}<p>No themes were made.</p>{{/has_themes}}
        {{#themes}}
        <h3><bdi>{{label}}</bdi> <span class="note">({{count_text}})</span></h3>
        {{#description}}<p><bdi>{{description}}</bdi></p>{{/description}}
        <ul class="ideas">
        {{#ideas}}<li><span class="id">#{{id}}</span> <bdi>{{text}}</bdi> <span class="by">— <bdi>{{author}}</bdi></span>{{#has_duplicates}}<ul>{{#duplicates}}<li><span class="note">merged:</span> <span class="id">#{{id}}</span> <bdi>{{text}}</bdi> <span class="by">— <bdi>{{author}}</bdi></span></li>{{/duplicates}}</ul>{{/has_duplicates}}</li>
        {{/ideas}}
        </ul>
        {{/themes}}
        {{#has_unsorted}}
        <h3>Not in a theme</h3>
        <ul class="ideas">
        {{#unsorted}}<li><span class="id">#{{id}}</span> <bdi>{{text}}</bdi> <span class="by">— <bdi>{{author}}</bdi></span>{{#has_duplicates}}<ul>{{#duplicates}}<li><span class="note">merged:</span> <span class="id">#{{id}}</span> <bdi>{{text}}</bdi> <span class="by">— <bdi>{{author}}</bdi></span></li>{{/duplicates}}</ul>{{/has_duplicates}}</li>
        {{/unsorted}}
        </ul>
        {{/has_unsorted}}
        </section>

        {{#has_votes}}
        <section id="votes" aria-labelledby="votes-heading">
        <h2 id="votes-heading">Votes</h2>
        {{#votes}}
        <article aria-labelledby="vote-{{number}}">
        <h3 id="vote-{{number}}"><bdi>{{title}}</bdi></h3>
        <p><strong>Method: {{method}}.</strong> {{summary}} {{voters}} people voted; the vote is {{status}}.</p>
        {{#failure}}<p><strong>It could not be counted:</strong> <bdi>{{failure}}</bdi></p>{{/failure}}
        {{#has_elected}}<p><strong>Outcome:</strong> {{#elected}}<span class="id">#{{id}}</span> <bdi>{{text}}</bdi>{{^last()}}; {{/last()}}{{/elected}}.</p>{{/has_elected}}
        {{#chart}}<div class="figure">{{{chart}}}</div>{{/chart}}
        <div class="scroll" role="region" aria-label="Results: {{title}}" tabindex="0"><table>
        <caption>Results{{#value_label}} ({{value_label}}){{/value_label}}</caption>
        <thead><tr><th scope="col" class="number">Place</th><th scope="col">Idea</th><th scope="col" class="number">{{#value_label}}{{value_label}}{{/value_label}}{{^value_label}}Result{{/value_label}}</th><th scope="col">Outcome</th></tr></thead>
        <tbody>
        {{#results}}<tr{{#elected}} class="elected"{{/elected}}><td class="number">{{place}}</td><td><span class="id">#{{id}}</span> <bdi>{{text}}</bdi>{{#edited}} <span class="edited">(edited after the vote; it now reads “<bdi>{{edited}}</bdi>”)</span>{{/edited}}</td><td class="number">{{figure}}</td><td>{{#elected}}elected{{/elected}}</td></tr>
        {{/results}}
        </tbody>
        </table></div>
        {{#rounds_chart}}<h4>Round by round</h4><div class="figure">{{{rounds_chart}}}</div>{{/rounds_chart}}
        {{#working}}
        <h4>Working: {{title}}</h4>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        <div class="scroll" role="region" aria-label="Working: {{title}}" tabindex="0"><table class="working">
        <thead><tr>{{#columns}}<th scope="col">{{name}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#cells}}<td><bdi>{{text}}</bdi></td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{/working}}
        {{#has_ties}}<ul class="note">{{#ties}}<li>{{text}}</li>{{/ties}}</ul>{{/has_ties}}
        {{#has_notes}}<ul class="note">{{#notes}}<li>{{text}}</li>{{/notes}}</ul>{{/has_notes}}
        {{#lot}}<p class="note">{{lot}}</p>{{/lot}}
        </article>
        {{/votes}}
        </section>
        {{/has_votes}}

        {{#opinions}}
        <section id="opinions" aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">Opinion map</h2>
        <p>From the reactions in <bdi>{{vote}}</bdi>: {{participants}} people placed by how they agreed and disagreed; {{clustered}} reacted enough to be grouped, into {{group_count}} opinion groups. People near each other reacted alike.</p>
        <div class="figure">{{{chart}}}</div>
        {{#groups}}
        <h3>Group {{number}} ({{size}} people)</h3>
        <div class="scroll" role="region" aria-label="What sets group {{number}} apart" tabindex="0"><table>
        <caption>What sets group {{number}} apart</caption>
        <thead><tr><th scope="col">Idea</th><th scope="col">Stance</th><th scope="col" class="number">Share of the group</th></tr></thead>
        <tbody>{{#statements}}<tr><td><span class="id">#{{id}}</span> <bdi>{{text}}</bdi></td><td>{{stance}}</td><td class="number">{{share}}</td></tr>{{/statements}}</tbody>
        </table></div>
        {{/groups}}
        <h3>Common ground</h3>
        {{^has_consensus}}<p>No idea was agreed or disagreed on across the room.</p>{{/has_consensus}}
        {{#has_consensus}}<div class="scroll" role="region" aria-label="Ideas the room agrees on" tabindex="0"><table><caption>Ideas the room agrees on</caption><thead><tr><th scope="col">Idea</th><th scope="col">Stance</th><th scope="col" class="number">Share of everyone</th></tr></thead>
        <tbody>{{#consensus}}<tr><td><span class="id">#{{id}}</span> <bdi>{{text}}</bdi></td><td>{{stance}}</td><td class="number">{{share}}</td></tr>{{/consensus}}</tbody></table></div>{{/has_consensus}}
        <h3>Where the room divides</h3>
        {{^has_divisive}}<p>No idea divides the groups.</p>{{/has_divisive}}
        {{#has_divisive}}<div class="scroll" role="region" aria-label="Ideas the groups see most differently" tabindex="0"><table><caption>Ideas the groups see most differently</caption><thead><tr><th scope="col">Idea</th><th scope="col" class="number">Spread</th><th scope="col">Agreeing, by group</th></tr></thead>
        <tbody>{{#divisive}}<tr><td><span class="id">#{{id}}</span> <bdi>{{text}}</bdi></td><td class="number">{{spread}}</td><td>{{#groups}}group {{number}}: {{agree}}{{^last()}}; {{/last()}}{{/groups}}</td></tr>{{/divisive}}</tbody></table></div>{{/has_divisive}}
        </section>
        {{/opinions}}

        {{#moderation}}
        <section id="moderation" aria-labelledby="moderation-heading">
        <h2 id="moderation-heading">Moderation</h2>
        <ul>
        <li>{{hidden}} ideas hidden by a moderator</li>
        <li>{{withdrawn}} ideas withdrawn by their authors</li>
        <li>{{merged}} ideas merged into a near duplicate (listed under it above{{#has_merged_out_of_sight}}, but for {{merged_out_of_sight}} merged into an idea since withdrawn or hidden{{/has_merged_out_of_sight}})</li>
        </ul>
        {{#has_reasons}}<div class="scroll" role="region" aria-label="Why ideas were hidden" tabindex="0"><table><caption>Why ideas were hidden</caption><thead><tr><th scope="col" class="number">Idea</th><th scope="col">Reason given</th></tr></thead>
        <tbody>{{#reasons}}<tr><td class="number">#{{id}}</td><td><bdi>{{reason}}</bdi></td></tr>{{/reasons}}</tbody></table></div>{{/has_reasons}}
        </section>
        {{/moderation}}

        {{#journal}}
        <section id="verify" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Checking this report</h2>
        <p>Every change behind this report is an entry in the consultation's journal, each sealed with the hash of the one before. This report was made from <strong>{{entries_text}}</strong>; the last one's hash is</p>
        <p class="hash">{{head}}</p>
        {{#has_changes_by}}<p>Changes were made by {{#changes_by}}<bdi>{{name}}</bdi> ({{changes}}){{^last()}}, {{/last()}}{{/changes_by}}.</p>{{/has_changes_by}}
        <p>To check it, open the workspace and run <code>journal verify</code>: it recomputes every hash from the first entry and prints the head. The head it prints must be the one above; if the consultation has gone on since, the journal is longer and this report describes it as it stood at entry {{entries}} (<code>journal log</code> lists what came after). Votes can be counted again from their ballots with <code>vote results</code>, or from an exported ballot file with <code>tally</code>.</p>
        </section>
        {{/journal}}
        </main>
        </body>
        </html>
        """#
}
