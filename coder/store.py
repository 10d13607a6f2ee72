"""The one module that knows the schema, the migrations and the connection settings.

Everything is in one SQLite file, opened through sqlite-utils. WAL mode lets
readers work while one writer commits; the busy timeout makes concurrent
writers wait instead of failing. The schema version lives in
``PRAGMA user_version`` and only moves forward: each migration is a function
run in its own transaction, so a database is always at a whole version.

Offsets everywhere are code-point offsets into ``documents.text``, the one
canonical full text per document: a fragment is (document, start, end) and
its text is ``documents.text[start:end]``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from coder.errors import StoreError

BUSY_TIMEOUT_MS = 10_000


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Execute a multi-statement script inside the current transaction.

    ``sqlite3.executescript`` would COMMIT first, which breaks the rule that a
    migration is all-or-nothing; so statements are split and run one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise StoreError(f"incomplete SQL statement in migration: {statement.strip()[:60]}")


def _m001_corpus(db: sqlite_utils.Database) -> None:
    """Organisations, documents, pages, segments, sentences, FTS and codings."""
    _run_script(
        db,
        """
        CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            legal_form TEXT,
            org_type TEXT,
            functions TEXT NOT NULL DEFAULT '[]',  -- JSON list of chosen functions
            subsidy REAL,
            fte REAL,
            region TEXT,
            branches INTEGER,
            new_entrant INTEGER,                   -- 1, 0 or NULL (unknown)
            extra TEXT NOT NULL DEFAULT '{}',      -- JSON: manifest columns we do not model
            source TEXT NOT NULL                   -- 'manifest' or 'filename'
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            organisation_id INTEGER REFERENCES organisations(id),
            path TEXT NOT NULL UNIQUE,
            filename TEXT NOT NULL,
            sha256 TEXT,
            size INTEGER,
            doc_type TEXT NOT NULL DEFAULT 'beleidsplan',
            period TEXT,
            page_count INTEGER,
            status TEXT NOT NULL,                  -- 'ingested' or 'failed'
            error TEXT,                            -- last failure, NULL when fine
            warnings TEXT NOT NULL DEFAULT '[]',   -- JSON list of one-line warnings
            ocr_pages TEXT NOT NULL DEFAULT '[]',  -- JSON list of page numbers w/o text
            text TEXT NOT NULL DEFAULT '',         -- the canonical full text
            engine TEXT,
            ingested_at TEXT
        );
        CREATE INDEX documents_organisation ON documents(organisation_id);
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,               -- 1-based physical page
            label TEXT,                            -- printed page number, if found
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            width REAL,
            height REAL,
            needs_ocr INTEGER NOT NULL DEFAULT 0,
            UNIQUE (document_id, number)
        );
        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,                  -- reading order within the document
            kind TEXT NOT NULL,                    -- heading, paragraph, list_item, table
            level INTEGER,                         -- heading level (1 = top)
            page INTEGER NOT NULL,
            page_end INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            section TEXT NOT NULL DEFAULT '',      -- heading path, ' > ' separated
            text TEXT NOT NULL,
            cells TEXT,                            -- JSON rows x cells for tables
            bbox TEXT,                             -- JSON [x0, top, x1, bottom] on `page`
            UNIQUE (document_id, seq)
        );
        CREATE INDEX segments_doc_start ON segments(document_id, start);
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX sentences_doc_start ON sentences(document_id, start);
        CREATE INDEX sentences_segment ON sentences(segment_id);
        CREATE VIRTUAL TABLE segments_fts USING fts5(
            text, section, content='segments', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
            INSERT INTO segments_fts(rowid, text, section)
            VALUES (new.id, new.text, new.section);
        END;
        CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text, section)
            VALUES ('delete', old.id, old.text, old.section);
        END;
        CREATE TRIGGER segments_au AFTER UPDATE ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text, section)
            VALUES ('delete', old.id, old.text, old.section);
            INSERT INTO segments_fts(rowid, text, section)
            VALUES (new.id, new.text, new.section);
        END;
        -- Codings: (document, start, end) on the canonical text. Defined here because
        -- re-ingest must re-anchor them; the coding workspace adds what it needs.
        CREATE TABLE codings (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            code_id TEXT NOT NULL,
            coder TEXT NOT NULL,
            memo TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT 'ok',     -- ok, reanchored, orphaned
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX codings_doc ON codings(document_id, start);
        """,
    )


def _m002_codebook(db: sqlite_utils.Database) -> None:
    """Codes with stable ids, and the versioned, append-only history of the codebook.

    ``codes`` is the current state (retired codes stay, so old codings and old
    versions still resolve); ``codebook_changes`` is the log every version is
    rebuilt from, one row per code and field that changed.
    """
    _run_script(
        db,
        """
        CREATE TABLE codes (
            id TEXT PRIMARY KEY,                   -- stable slug; codings point here
            parent_id TEXT,                        -- NULL at the top level
            name TEXT NOT NULL,
            short_name TEXT NOT NULL DEFAULT '',
            colour TEXT,                           -- #RRGGBB or #RGB, NULL for none
            definition TEXT NOT NULL DEFAULT '',
            inclusion TEXT NOT NULL DEFAULT '',
            exclusion TEXT NOT NULL DEFAULT '',
            examples TEXT NOT NULL DEFAULT '[]',   -- JSON list of example sentences
            is_group INTEGER NOT NULL DEFAULT 0,   -- 1: a heading, not codable
            sort_order INTEGER NOT NULL DEFAULT 0, -- position among its siblings
            guid TEXT NOT NULL UNIQUE,             -- REFI-QDA GUID, stable per code
            created_version INTEGER NOT NULL,
            retired_at TEXT,                       -- NULL while the code is in use
            retired_version INTEGER,
            merged_into TEXT                       -- set when retired by a merge
        );
        CREATE INDEX codes_parent ON codes(parent_id, sort_order);
        CREATE TABLE codebook_versions (
            version INTEGER PRIMARY KEY,           -- 1, 2, ...: one per change
            actor TEXT NOT NULL,
            created_at TEXT NOT NULL,              -- ISO 8601, UTC
            summary TEXT NOT NULL
        );
        CREATE TABLE codebook_changes (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL REFERENCES codebook_versions(version),
            code_id TEXT NOT NULL,
            action TEXT NOT NULL,    -- add restore rename edit move reorder merge split retire
            field TEXT,              -- the field changed; NULL: the whole code came or went
            before TEXT,             -- JSON
            after TEXT,              -- JSON
            detail TEXT              -- JSON: merge target and counts, split targets
        );
        CREATE INDEX codebook_changes_version ON codebook_changes(version);
        CREATE INDEX codebook_changes_code ON codebook_changes(code_id);
        CREATE INDEX IF NOT EXISTS codings_code ON codings(code_id);
        """,
    )


def _m003_coding(db: sqlite_utils.Database) -> None:
    """Readers, the action log (audit trail and undo) and reading progress.

    ``actions`` is append-only: every change to a coding is a row with the
    state before and after, grouped in batches (one user action: a fragment
    coded with three codes, or "code all hits"), which is what undo reverts.
    """
    _run_script(
        db,
        """
        ALTER TABLE codings ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';
        ALTER TABLE codings ADD COLUMN batch_id TEXT;
        CREATE INDEX codings_coder ON codings(coder, document_id);
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL DEFAULT 'researcher',
            created_at TEXT NOT NULL,
            disabled_at TEXT
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            verb TEXT NOT NULL,                    -- create, update, delete, restore
            entity TEXT NOT NULL,                  -- coding, ...
            entity_id TEXT NOT NULL,
            before TEXT,                           -- JSON row before (NULL for create)
            after TEXT,                            -- JSON row after
            label TEXT NOT NULL DEFAULT '',        -- what the user did, for the undo button
            undone_at TEXT                         -- set when the batch was undone
        );
        CREATE INDEX actions_actor ON actions(actor, id);
        CREATE INDEX actions_batch ON actions(batch_id);
        CREATE INDEX actions_entity ON actions(entity, entity_id);
        CREATE TABLE reading_positions (
            coder TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            page INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (coder, document_id)
        );
        CREATE TABLE pages_read (
            coder TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            page INTEGER NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (coder, document_id, page)
        );
        CREATE TABLE plans_done (
            coder TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            done_at TEXT NOT NULL,
            PRIMARY KEY (coder, document_id)
        );
        """,
    )


def _m004_analysis(db: sqlite_utils.Database) -> None:
    """Horizontal analysis: key quotes, versioned summaries and findings, comments; indexes.

    Summaries (one per code) and cross-code findings share one table: both are a
    Markdown text with a review status. Every save is a new row in
    ``summary_versions`` (never updated), so the history is the table itself.
    Key quotes are soft-removed for the same reason: who marked what, and when,
    stays readable. The indexes serve the per-code reads of the analysis views:
    live codings of one code, and of a stretch of one document (both covering, so
    overlaps are found in the index alone), the page holding an offset, and the
    headings of a plan (which part of the plan an offset is in).
    """
    _run_script(
        db,
        """
        CREATE TABLE key_quotes (
            id INTEGER PRIMARY KEY,
            code_id TEXT NOT NULL,                 -- the code this fragment illustrates
            coding_id INTEGER NOT NULL REFERENCES codings(id),
            note TEXT NOT NULL DEFAULT '',
            marked_by TEXT NOT NULL,
            marked_at TEXT NOT NULL,
            removed_by TEXT,
            removed_at TEXT                        -- NULL while it is a key quote
        );
        CREATE UNIQUE INDEX key_quotes_live ON key_quotes(code_id, coding_id)
            WHERE removed_at IS NULL;
        CREATE TABLE summaries (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,                    -- 'code' (one per code) or 'finding'
            code_id TEXT,                          -- the code, for kind 'code'
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE UNIQUE INDEX summaries_code ON summaries(code_id) WHERE kind = 'code';
        CREATE TABLE summary_versions (
            id INTEGER PRIMARY KEY,
            summary_id INTEGER NOT NULL REFERENCES summaries(id),
            version INTEGER NOT NULL,              -- 1, 2, ... per summary
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',         -- Markdown
            status TEXT NOT NULL,                  -- draft, ready, reviewed
            codes TEXT NOT NULL DEFAULT '[]',      -- JSON: the codes a finding spans
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',         -- what this version changed
            UNIQUE (summary_id, version)
        );
        CREATE TABLE summary_comments (
            id INTEGER PRIMARY KEY,
            summary_id INTEGER NOT NULL REFERENCES summaries(id),
            version INTEGER NOT NULL,              -- the version that was read
            author TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reply_to INTEGER REFERENCES summary_comments(id),
            deleted_at TEXT
        );
        CREATE INDEX summary_comments_summary ON summary_comments(summary_id, id);
        CREATE INDEX codings_code_live ON codings(code_id, document_id, start, "end", coder)
            WHERE deleted_at IS NULL AND anchor != 'orphaned' AND origin != 'simulated';
        CREATE INDEX codings_doc_live ON codings(document_id, start, "end", code_id, coder)
            WHERE deleted_at IS NULL AND anchor != 'orphaned' AND origin != 'simulated';
        CREATE INDEX pages_doc_start ON pages(document_id, start);
        CREATE INDEX segments_headings ON segments(document_id, seq, start, section, text)
            WHERE kind = 'heading';
        """,
    )


def _m005_pilots(db: sqlite_utils.Database) -> None:
    """Pilots: a sample of plans read by several coders, to measure coding reliability.

    A pilot names its plans (with the stratum each was drawn from), its coders
    (human or simulated) and who reads what (``pilot_assignments``: every pair
    when fully crossed). Closing a pilot copies its codings into
    ``pilot_codings``: that frozen copy is what the reliability report and the
    adjudication read, so a later codebook merge or re-anchoring cannot change a
    closed round. The consensus set lives in ``consensus_codings``, apart from
    ``codings``, each row tied to the adjudication (with its note) that made it.
    """
    _run_script(
        db,
        """
        ALTER TABLE users ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE pilots (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            seed INTEGER NOT NULL,
            design TEXT NOT NULL,                  -- 'crossed' or 'balanced'
            coders_per_plan INTEGER,               -- readers per plan (balanced design)
            stratify_by TEXT NOT NULL DEFAULT '[]',-- JSON list of organisation attributes
            strata TEXT NOT NULL DEFAULT '[]',     -- JSON: population, quota, drawn per stratum
            codebook_version INTEGER NOT NULL,     -- the codebook the coders code with
            status TEXT NOT NULL DEFAULT 'open',   -- open, closed
            closed_by TEXT,
            closed_at TEXT,
            round INTEGER NOT NULL DEFAULT 1,
            previous_id INTEGER REFERENCES pilots(id)  -- the round before this one
        );
        CREATE TABLE pilot_plans (
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            stratum TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (pilot_id, document_id)
        );
        CREATE INDEX pilot_plans_document ON pilot_plans(document_id);
        CREATE TABLE pilot_coders (
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            coder TEXT NOT NULL,
            seq INTEGER NOT NULL,
            simulated INTEGER NOT NULL DEFAULT 0,  -- 1: made by `coder pilot simulate`
            PRIMARY KEY (pilot_id, coder)
        );
        CREATE INDEX pilot_coders_coder ON pilot_coders(coder);
        CREATE TABLE pilot_assignments (
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            document_id INTEGER NOT NULL REFERENCES documents(id),
            coder TEXT NOT NULL,
            PRIMARY KEY (pilot_id, document_id, coder)
        );
        CREATE TABLE pilot_codings (               -- frozen copy, written when closing
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            coding_id INTEGER NOT NULL REFERENCES codings(id),
            document_id INTEGER NOT NULL,
            coder TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            code_id TEXT NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL,
            PRIMARY KEY (pilot_id, coding_id)
        );
        CREATE INDEX pilot_codings_coding ON pilot_codings(coding_id);
        CREATE TABLE adjudications (
            id INTEGER PRIMARY KEY,
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            document_id INTEGER NOT NULL REFERENCES documents(id),
            code_id TEXT NOT NULL,                 -- the code the coders disagreed on
            start INTEGER NOT NULL,                -- the disagreement: where their spans lie
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            superseded_at TEXT                     -- set when decided again
        );
        CREATE INDEX adjudications_pilot ON adjudications(pilot_id, document_id, code_id);
        CREATE TABLE consensus_codings (
            id INTEGER PRIMARY KEY,
            pilot_id INTEGER NOT NULL REFERENCES pilots(id),
            adjudication_id INTEGER NOT NULL REFERENCES adjudications(id),
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            code_id TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT                        -- set when its adjudication is superseded
        );
        CREATE INDEX consensus_codings_pilot ON consensus_codings(pilot_id, document_id);
        """,
    )


def _m006_accounts(db: sqlite_utils.Database) -> None:
    """Accounts: passwords, login sessions, lockout after failed logins, grants.

    A password is stored only as its scrypt hash, with the salt and the cost
    parameters beside it (``scrypt$n$r$p$salt$hash``), so the cost can be raised
    later without breaking old hashes. A session is stored as the SHA-256 of its
    token: a copy of the database does not let anyone log in. Failed logins are
    counted per name typed, whether or not such a user exists, so a lockout does
    not reveal which names are accounts. ``user_grants`` holds exceptions to a
    role's rules (a steering member allowed raw exports).
    """
    _run_script(
        db,
        """
        ALTER TABLE users ADD COLUMN password_hash TEXT;          -- NULL: cannot log in
        ALTER TABLE users ADD COLUMN password_changed_at TEXT;
        ALTER TABLE users ADD COLUMN last_login_at TEXT;
        CREATE TABLE login_failures (              -- by the name typed, known or not
            name TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,             -- in a row; a good login clears the row
            last_failure_at TEXT NOT NULL,
            locked_until TEXT                      -- ISO 8601 UTC, after too many failures
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,           -- sha256 hex of the token
            user_name TEXT NOT NULL REFERENCES users(name),
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,            -- idle expiry counts from here
            expires_at TEXT NOT NULL,              -- absolute expiry
            ended_at TEXT                          -- set by logout or when the user is disabled
        );
        CREATE INDEX sessions_user ON sessions(user_name);
        CREATE TABLE user_grants (
            user_name TEXT NOT NULL REFERENCES users(name),
            permission TEXT NOT NULL,              -- e.g. 'export'
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (user_name, permission)
        );
        CREATE INDEX actions_at ON actions(at);
        """,
    )


def _m007_suggestions(db: sqlite_utils.Database) -> None:
    """Code suggestions: trained models, readers' verdicts, the off switch, evaluations.

    A model's weights are a NumPy ``.npz`` BLOB (vocabulary, idf, coefficients;
    read back with ``allow_pickle=False``), not a pickle: a database handed over
    from elsewhere cannot run code when its model is loaded, and the weights
    travel with the database in backups and dumps. Only the newest model keeps
    its weights; older rows keep their figures. ``suggestion_feedback`` records
    every accept and reject (an accepted suggestion is also a normal coding with
    origin 'suggestion'); rejections are the negative examples of the next
    training.
    """
    _run_script(
        db,
        """
        CREATE TABLE suggestion_models (
            id INTEGER PRIMARY KEY,
            trained_at TEXT NOT NULL,
            trained_by TEXT NOT NULL,
            codebook_version INTEGER,              -- the codebook the codings were made with
            corpus_key TEXT NOT NULL,              -- state of the ingested corpus trained on
            n_codings INTEGER NOT NULL,            -- live codings learned from
            n_segments INTEGER NOT NULL,           -- segments with at least one known label
            n_feedback INTEGER NOT NULL,           -- verdicts (accept/reject) learned from
            last_action_id INTEGER NOT NULL,       -- newest action seen: what is new since
            params TEXT NOT NULL DEFAULT '{}',     -- JSON
            metrics TEXT NOT NULL DEFAULT '{}',    -- JSON: examples per code, timings
            weights BLOB                           -- .npz; NULL once a newer model exists
        );
        CREATE TABLE suggestion_feedback (
            id INTEGER PRIMARY KEY,
            reader TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            segment_id INTEGER,                    -- the paragraph suggested for, if any
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            code_id TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
            probability REAL,                      -- what the model said
            model_id INTEGER REFERENCES suggestion_models(id),
            coding_id INTEGER REFERENCES codings(id),  -- the coding an accept made
            at TEXT NOT NULL
        );
        CREATE INDEX suggestion_feedback_reader ON suggestion_feedback(reader, document_id);
        CREATE INDEX suggestion_feedback_segment ON suggestion_feedback(segment_id, code_id);
        CREATE TABLE suggestion_settings (
            reader TEXT PRIMARY KEY REFERENCES users(name),
            enabled INTEGER NOT NULL,              -- 0: the reader turned suggestions off
            changed_at TEXT NOT NULL
        );
        CREATE TABLE suggestion_evaluations (
            id INTEGER PRIMARY KEY,
            run_at TEXT NOT NULL,
            run_by TEXT NOT NULL,
            params TEXT NOT NULL,                  -- JSON: source, split, seed, threshold
            result TEXT NOT NULL                   -- JSON: per code, averages, curve, baseline
        );
        """,
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m001_corpus,
    _m002_codebook,
    _m003_coding,
    _m004_analysis,
    _m005_pilots,
    _m006_accounts,
    _m007_suggestions,
]
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) the corpus database at ``path``.

    The connection runs in autocommit mode: writes go through
    :func:`transaction`, which makes each unit of work all-or-nothing.
    """
    path = Path(path)
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: cannot open the database ({exc}); is it an SQLite file?"
        ) from exc
    db = sqlite_utils.Database(conn)
    if migrate:
        upgrade(db, path)
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The version this database is at (0 for a new file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def upgrade(db: sqlite_utils.Database, path: str | Path = "database") -> None:
    """Run the forward migrations this database has not had yet, each in one transaction."""
    try:
        current = schema_version(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a coder database ({exc})") from exc
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schema version {current} is newer than this coder ({SCHEMA_VERSION});"
            " upgrade coder"
        )
    for version in range(current, SCHEMA_VERSION):
        with transaction(db):
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One unit of work: BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two writers queue on the busy
    timeout rather than failing half-way with SQLITE_BUSY on lock upgrade.
    Nested use joins the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        # the busy timeout passed while others kept the write lock: say so, lose nothing
        where = conn.execute("PRAGMA database_list").fetchone()[2]
        raise StoreError(
            f"{where}: the database stayed busy with other users' changes for"
            f" {BUSY_TIMEOUT_MS / 1000:g} s; nothing was saved: try again"
        ) from exc
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
