/// The report's default Markdown template: the same report as the HTML one, with tables where
/// the HTML has charts. User text is escaped for Markdown (`{{% CONTENT_TYPE: MARKDOWN}}`).
enum MarkdownTemplate {
    static let text = #"""
        {{% CONTENT_TYPE: MARKDOWN}}
        # {{title}}

        **Question:** {{question}}

        Outcome report · phase: {{phase}} · made {{generated_at}} by Charrette

        {{#participation}}
        ## Who took part

        **{{took_part}} of {{asked}}** people asked took part ({{took_part_share}}): they put forward an idea, voted, reacted or sorted the ideas. Facilitators and observers are not counted.
        {{#anonymous_ideas}}

        {{anonymous_ideas}} came in without a name (a suggestion box, a form without a name field): they are in the ideas, but nobody is counted above for them.
        {{/anonymous_ideas}}
        {{#has_boards}}

        ### By board

        | Board | Asked | Took part | Share of those who took part |
        |---|--:|--:|--:|
        {{#boards}}
        | {{label}} | {{asked}} | {{took_part}} | {{share}} |
        {{/boards}}
        {{/has_boards}}
        {{#attributes}}

        ### By {{name}}

        | {{name}} | Asked | Took part | Share of those who took part |{{#has_target}} Share of the population |{{/has_target}}
        |---|--:|--:|--:|{{#has_target}}--:|{{/has_target}}
        {{#values}}
        | {{label}} | {{asked}} | {{took_part}} | {{share}} |{{#has_target}} {{#target}}{{target}}{{/target}}{{^target}}–{{/target}}{{#under}} (under-represented){{/under}} |{{/has_target}}
        {{/values}}
        {{#has_not_given}}

        {{not_given}} of those who took part did not give their {{name}} or did not agree to be counted.
        {{/has_not_given}}
        {{/attributes}}
        {{#population_source}}

        Population figures: {{population_source}}. A group is marked under-represented when its share of those who took part is below four fifths of its share of the population.
        {{/population_source}}

        ### Who is missing
        {{#has_under_represented}}

        Under-represented against the population:

        {{#under_represented}}
        - {{attribute}} {{value}}: {{share}} of those who took part, {{target}} of the population
        {{/under_represented}}
        {{/has_under_represented}}

        {{#has_missing}}{{missing_count}} of those asked have not taken part yet: {{#missing}}{{name}}{{^last()}}, {{/last()}}{{/missing}}.{{/has_missing}}{{^has_missing}}Everyone asked took part.{{/has_missing}}
        {{/participation}}
        {{#has_agenda}}

        ## The agenda as it ran

        | Step | Started | Planned | Took |
        |---|---|--:|--:|
        {{#agenda}}
        | {{name}} | {{started}} | {{planned}} | {{actual}}{{#over}} (over){{/over}} |
        {{/agenda}}
        {{/has_agenda}}

        ## Themes and ideas
        {{^has_themes}}

        No themes were made.
        {{/has_themes}}
        {{#themes}}

        ### {{label}} ({{count_text}})
        {{#description}}

        {{description}}
        {{/description}}

        {{#ideas}}
        - #{{id}} {{text}} — {{author}}
        {{#duplicates}}
          - merged: #{{id}} {{text}} — {{author}}
        {{/duplicates}}
        {{/ideas}}
        {{/themes}}
        {{#has_unsorted}}

        ### Not in a theme

        {{#unsorted}}
        - #{{id}} {{text}} — {{author}}
        {{#duplicates}}
          - merged: #{{id}} {{text}} — {{author}}
        {{/duplicates}}
        {{/unsorted}}
        {{/has_unsorted}}
        {{#has_votes}}

        ## Votes
        {{#votes}}

        ### {{title}}

        **Method: {{method}}.** {{summary}} {{voters}} people voted; the vote is {{status}}.
        {{#failure}}

        **It could not be counted:** {{failure}}
        {{/failure}}
        {{#has_elected}}

        **Outcome:** {{#elected}}#{{id}} {{text}}{{^last()}}; {{/last()}}{{/elected}}.
        {{/has_elected}}

        | Place | Idea | {{#value_label}}{{value_label}}{{/value_label}}{{^value_label}}Result{{/value_label}} | Outcome |
        |--:|---|--:|---|
        {{#results}}
        | {{place}} | #{{id}} {{text}}{{#edited}} (edited after the vote; it now reads “{{edited}}”){{/edited}} | {{figure}} | {{#elected}}elected{{/elected}} |
        {{/results}}
        {{#working}}

        #### Working: {{title}}
        {{#note}}

        {{note}}
        {{/note}}

        |{{#columns}} {{name}} |{{/columns}}
        |{{#columns}}---|{{/columns}}
        {{#rows}}
        |{{#cells}} {{text}} |{{/cells}}
        {{/rows}}
        {{/working}}
        {{#has_ties}}

        {{#ties}}
        - {{text}}
        {{/ties}}
        {{/has_ties}}
        {{#has_notes}}

        {{#notes}}
        - {{text}}
        {{/notes}}
        {{/has_notes}}
        {{#lot}}

        {{lot}}
        {{/lot}}
        {{/votes}}
        {{/has_votes}}
        {{#opinions}}

        ## Opinion map

        From the reactions in {{vote}}: {{participants}} people placed by how they agreed and disagreed; {{clustered}} reacted enough to be grouped, into {{group_count}} opinion groups.
        {{#groups}}

        ### Group {{number}} ({{size}} people)

        | Idea | Stance | Share of the group |
        |---|---|--:|
        {{#statements}}
        | #{{id}} {{text}} | {{stance}} | {{share}} |
        {{/statements}}
        {{/groups}}

        ### Common ground
        {{^has_consensus}}

        No idea was agreed or disagreed on across the room.
        {{/has_consensus}}
        {{#has_consensus}}

        | Idea | Stance | Share of everyone |
        |---|---|--:|
        {{#consensus}}
        | #{{id}} {{text}} | {{stance}} | {{share}} |
        {{/consensus}}
        {{/has_consensus}}

        ### Where the room divides
        {{^has_divisive}}

        No idea divides the groups.
        {{/has_divisive}}
        {{#has_divisive}}

        | Idea | Spread | Agreeing, by group |
        |---|--:|---|
        {{#divisive}}
        | #{{id}} {{text}} | {{spread}} | {{#groups}}group {{number}}: {{agree}}{{^last()}}; {{/last()}}{{/groups}} |
        {{/divisive}}
        {{/has_divisive}}
        {{/opinions}}
        {{#moderation}}

        ## Moderation

        - {{hidden}} ideas hidden by a moderator
        - {{withdrawn}} ideas withdrawn by their authors
        - {{merged}} ideas merged into a near duplicate (listed under it above{{#has_merged_out_of_sight}}, but for {{merged_out_of_sight}} merged into an idea since withdrawn or hidden{{/has_merged_out_of_sight}})
        {{#has_reasons}}

        | Idea | Reason given |
        |--:|---|
        {{#reasons}}
        | #{{id}} | {{reason}} |
        {{/reasons}}
        {{/has_reasons}}
        {{/moderation}}
        {{#journal}}

        ## Checking this report

        Every change behind this report is an entry in the consultation's journal, each sealed with the hash of the one before. This report was made from **{{entries_text}}**; the last one's hash is `{{head}}`.
        {{#has_changes_by}}

        Changes were made by {{#changes_by}}{{name}} ({{changes}}){{^last()}}, {{/last()}}{{/changes_by}}.
        {{/has_changes_by}}

        To check it, open the workspace and run `journal verify`: it recomputes every hash from the first entry and prints the head, which must be the one above; if the consultation has gone on since, the journal is longer and this report describes it as it stood at entry {{entries}} (`journal log` lists what came after). Votes can be counted again from their ballots with `vote results`, or from an exported ballot file with `tally`.
        {{/journal}}
        """#
}
