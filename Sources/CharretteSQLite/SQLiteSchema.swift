import GRDB

/// The tables of a Charrette SQLite file, created and upgraded by GRDB's migrator.
///
/// `journal`, `journal_head` and `personal_records` are the source of truth; `open_sessions` lists
/// who has the file open; every other table is a plain copy of the current state for people
/// querying the file with any SQLite tool (their columns are listed in `QueryTable`), rewritten in
/// the transaction of each change. Times in the query tables are UTC text.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: journal and query tables") { db in
            try db.execute(
                sql: """
                    CREATE TABLE journal (
                        sequence INTEGER PRIMARY KEY,
                        time INTEGER NOT NULL,          -- milliseconds since 1970, UTC
                        change_sequence INTEGER NOT NULL, -- first entry of the change (one perform) this entry is part of
                        actor INTEGER,                  -- participants.id, NULL for the program itself
                        version INTEGER NOT NULL,       -- event encoding version
                        kind TEXT NOT NULL,             -- event name, e.g. ideaSubmitted
                        payload BLOB NOT NULL,          -- the event, compact binary form
                        previous_hash BLOB NOT NULL,    -- SHA-256 of the entry before
                        hash BLOB NOT NULL              -- SHA-256 of this entry
                    );
                    CREATE TABLE journal_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        sequence INTEGER NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE TABLE personal_records (
                        participant_id INTEGER PRIMARY KEY,
                        salt BLOB NOT NULL,
                        record BLOB NOT NULL            -- JSON: displayName, attributes
                    );
                    CREATE TABLE boards (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        shadows_board_id INTEGER
                    );
                    CREATE TABLE participants (
                        id INTEGER PRIMARY KEY,
                        handle TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL,
                        consent INTEGER NOT NULL,       -- bit set: 1 participation, 2 named in reports, 4 analytics, 8 follow-up
                        display_name TEXT,
                        attributes TEXT                 -- JSON object
                    );
                    CREATE TABLE board_members (
                        board_id INTEGER NOT NULL,
                        participant_id INTEGER NOT NULL,
                        PRIMARY KEY (board_id, participant_id)
                    );
                    CREATE TABLE consultations (
                        id INTEGER PRIMARY KEY,
                        title TEXT NOT NULL,
                        question TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        invited_board_ids TEXT,         -- JSON array; NULL when everyone may take part
                        created_at TEXT NOT NULL,
                        phase_changed_at TEXT NOT NULL
                    );
                    CREATE TABLE ideas (
                        id INTEGER PRIMARY KEY,
                        consultation_id INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        author_id INTEGER NOT NULL,
                        submitted_at TEXT NOT NULL,
                        status TEXT NOT NULL,           -- open, merged, withdrawn, hidden (held since v6)
                        merged_into_id INTEGER,
                        hidden_reason TEXT,
                        theme_id INTEGER
                    );
                    CREATE TABLE themes (
                        id INTEGER PRIMARY KEY,
                        consultation_id INTEGER NOT NULL,
                        label TEXT NOT NULL,
                        description TEXT NOT NULL,
                        created_by INTEGER,
                        created_at TEXT NOT NULL,
                        changed_by INTEGER,
                        changed_at TEXT NOT NULL
                    );
                    CREATE TABLE votes (
                        id INTEGER PRIMARY KEY,
                        consultation_id INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        method TEXT NOT NULL,
                        settings TEXT NOT NULL,         -- JSON
                        candidate_ids TEXT NOT NULL,    -- JSON array
                        opened_by INTEGER,
                        opened_at TEXT NOT NULL,
                        closed_at TEXT
                    );
                    CREATE TABLE ballots (
                        vote_id INTEGER NOT NULL,
                        participant_id INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        ballot TEXT NOT NULL,           -- JSON
                        cast_at TEXT NOT NULL,
                        PRIMARY KEY (vote_id, participant_id)
                    );
                    """)
        }
        migrator.registerMigration("v2: card sorts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card_sorts (
                        consultation_id INTEGER NOT NULL,
                        participant_id INTEGER NOT NULL,
                        groups TEXT NOT NULL,           -- JSON array of {label, ideas}
                        submitted_at TEXT NOT NULL,
                        PRIMARY KEY (consultation_id, participant_id)
                    );
                    """)
        }
        // en, es, fr, pt or de; NULL when detected from the ideas. (A comment inside ALTER TABLE
        // would end up in the stored schema and break it.)
        migrator.registerMigration("v3: consultation language") { db in
            try db.execute(sql: "ALTER TABLE consultations ADD COLUMN language TEXT")
        }
        // Who has the file open (see `OpenSession`), and the file's mark as a Charrette workspace.
        migrator.registerMigration("v4: open sessions and application id") { db in
            try db.execute(
                sql: """
                    CREATE TABLE open_sessions (
                        id INTEGER PRIMARY KEY,
                        host TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        opened_at TEXT NOT NULL
                    );
                    PRAGMA application_id = \(WorkspaceFile.applicationID);
                    """)
        }
        // Anonymous ideas (author_id NULL), and consultations that require authors. SQLite cannot
        // loosen a column's NOT NULL: the ideas table is made anew with the same columns.
        migrator.registerMigration("v5: anonymous ideas") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ideas_v5 (
                        id INTEGER PRIMARY KEY,
                        consultation_id INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        author_id INTEGER,              -- NULL for an anonymous idea
                        submitted_at TEXT NOT NULL,
                        status TEXT NOT NULL,           -- open, merged, withdrawn, hidden (held since v6)
                        merged_into_id INTEGER,
                        hidden_reason TEXT,
                        theme_id INTEGER
                    );
                    INSERT INTO ideas_v5 SELECT id, consultation_id, text, author_id, submitted_at, status, merged_into_id, hidden_reason, theme_id FROM ideas;
                    DROP TABLE ideas;
                    ALTER TABLE ideas_v5 RENAME TO ideas;
                    ALTER TABLE consultations ADD COLUMN requires_authors INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        // Moderated consultations; ideas take the status held (the column is free text).
        migrator.registerMigration("v6: idea moderation") { db in
            try db.execute(sql: "ALTER TABLE consultations ADD COLUMN moderates_ideas INTEGER NOT NULL DEFAULT 0")
        }
        // What a server keeps beside the journal for its restart (the live room's stage), outside
        // the hash chain: `JournalStorage.serverValue(_:)`.
        migrator.registerMigration("v7: server values") { db in
            try db.execute(
                sql: """
                    CREATE TABLE server_values (
                        key TEXT PRIMARY KEY,
                        value BLOB NOT NULL,
                        saved_at TEXT NOT NULL
                    )
                    """)
        }
        return migrator
    }
}
