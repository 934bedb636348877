"""Tables of the ledger and the named migrations that create and change them.

A schema change is a *new* migration appended to :data:`MIGRATIONS`, never an edit of
one already released: a ledger records the names it has applied (``ledger_migrations``)
and :func:`migrate` applies the missing ones, each in its own transaction together with
its record, so a failed migration leaves the ledger as it was. A ledger that lists a
migration this code does not know was written by a newer counterclaim and is refused
(E104) rather than silently misread.

Extracted rows (``documents``, ``figures``, ``quotes``, ``acts``, ``diagnostics``) are
what the extractor produced, keyed by the document's sha256; they change only when a
document is re-extracted. The other tables are the ledger's own work and the users'
decisions: normalised ``sources`` and the ``source_spellings`` seen for them,
``incidents`` (what each document says happened where and when, with the event each is
assigned to) and ``events``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

from counterclaim.errors import LedgerError, LedgerErrors
from counterclaim.store.db import Database

MIGRATIONS_TABLE = "ledger_migrations"


@dataclass(frozen=True)
class Migration:
    """A named schema change: statements, then an optional data step, run in one transaction."""

    name: str
    statements: tuple[str, ...]
    after: Callable[[Database], None] | None = None


_INITIAL = (
    """CREATE TABLE ledger_meta (
        key TEXT PRIMARY KEY,
        value TEXT)""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT, title TEXT, author TEXT, published TEXT, publisher TEXT, url TEXT,
        text TEXT NOT NULL,
        meta TEXT,
        rules_version TEXT,
        versions TEXT,
        ingested_at TEXT NOT NULL,
        extracted_at TEXT NOT NULL)""",
    """CREATE TABLE figures (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        fid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        span_start BIGINT NOT NULL, span_end BIGINT NOT NULL,
        text TEXT NOT NULL,
        outcome TEXT NOT NULL,
        value BIGINT, low BIGINT, high BIGINT,
        qualifier TEXT NOT NULL,
        groups TEXT NOT NULL,
        part_of TEXT,
        source_name TEXT, source_type TEXT, source_start BIGINT, source_end BIGINT,
        hedged INTEGER NOT NULL,
        sentence_start BIGINT, sentence_end BIGINT,
        confidence DOUBLE PRECISION,
        extra TEXT,
        claimant TEXT NOT NULL,
        voice TEXT NOT NULL,
        incident INTEGER NOT NULL,
        PRIMARY KEY (doc_id, fid))""",
    "CREATE INDEX figures_claimant ON figures (claimant)",
    """CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        qid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        span_start BIGINT NOT NULL, span_end BIGINT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT, speaker_start BIGINT, speaker_end BIGINT,
        via TEXT, via_start BIGINT, via_end BIGINT,
        extra TEXT,
        PRIMARY KEY (doc_id, qid))""",
    """CREATE TABLE acts (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        aid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        span_start BIGINT NOT NULL, span_end BIGINT NOT NULL,
        jurisdiction TEXT, jurisdiction_code TEXT, act TEXT, date TEXT, text TEXT,
        extra TEXT,
        PRIMARY KEY (doc_id, aid))""",
    """CREATE TABLE diagnostics (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        code TEXT NOT NULL, message TEXT NOT NULL,
        span_start BIGINT, span_end BIGINT,
        PRIMARY KEY (doc_id, seq))""",
    """CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        merged_into TEXT,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE source_spellings (
        spelling TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        how TEXT NOT NULL,
        first_seen TEXT NOT NULL)""",
    "CREATE INDEX source_spellings_source ON source_spellings (source_id)",
    """CREATE TABLE source_keys (
        key TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id))""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        place TEXT,
        year INTEGER,
        how TEXT NOT NULL,
        merged_into TEXT,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE incidents (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        is_primary INTEGER NOT NULL,
        place TEXT, place_key TEXT,
        places TEXT NOT NULL,
        names TEXT NOT NULL,
        date_lo TEXT, date_hi TEXT, date_text TEXT,
        year INTEGER,
        event_id TEXT REFERENCES events(id),
        how TEXT,
        PRIMARY KEY (doc_id, n))""",
    "CREATE INDEX incidents_event ON incidents (event_id)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
)
"""Every migration, oldest first. Append; never edit or reorder."""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def applied(db: Database) -> list[str]:
    """Names of the migrations this ledger has applied (empty for a new database)."""
    if MIGRATIONS_TABLE not in db.tables():
        return []
    return [r["name"] for r in db.query(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY name")]


def check(db: Database) -> list[str]:
    """Refuse databases that are not ledgers or are newer than this code; return applied names.

    Raises:
        LedgerError: E103 foreign tables, E104 unknown migrations.
    """
    tables = db.tables()
    if MIGRATIONS_TABLE not in tables:
        if tables:
            raise LedgerError(LedgerErrors.E103.format(path=db.label, tables=", ".join(sorted(tables)[:5])))
        return []
    names = applied(db)
    known = {m.name for m in MIGRATIONS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise LedgerError(LedgerErrors.E104.format(path=db.label, names=", ".join(unknown)))
    return names


def migrate(db: Database) -> list[str]:
    """Apply the missing migrations, each in one transaction; return the names applied now.

    Raises:
        LedgerError: the database is not a ledger (E103) or is newer than the code (E104).
    """
    done = set(check(db))
    new: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        with db.transaction():
            db.lock_for_migration()
            db.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT)")
            if db.scalar(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE name = ?", (migration.name,)):
                continue  # another process applied it while we waited for the lock
            for statement in migration.statements:
                db.execute(statement)
            if migration.after is not None:
                migration.after(db)
            db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)", (migration.name, _now()))
        new.append(migration.name)
    if new and "0003_event_summaries" in done | set(new):
        from counterclaim.store.summaries import refresh_stale

        with db.transaction():  # the events the migrations marked stale, computed with the final schema
            refresh_stale(db)
    return new


# -- 0002_batch_failures (batch ingestion, counterclaim.batch) ----------------------------
# ``failures``: one row per input that a batch ingest could not use (unreadable, or it
# crashed the extractor), keyed by its label (a path, or ``path:line`` for JSON Lines);
# the row is deleted when a later run stores the document. ``documents_path`` lets a
# resumed run find what is already stored for an input without reading the whole table.
_BATCH_FAILURES = (
    """CREATE TABLE failures (
        label TEXT PRIMARY KEY,
        doc_id TEXT,
        path TEXT NOT NULL,
        line BIGINT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        exit_code INTEGER NOT NULL,
        failed_at TEXT NOT NULL)""",
    "CREATE INDEX documents_path ON documents (path)",
)
MIGRATIONS = (*MIGRATIONS, Migration("0002_batch_failures", _BATCH_FAILURES))


# -- 0003_event_summaries (incremental grouping and ledger-kept aggregates) -----------------
# Grouping new documents must not read every incident, and the overview must not read every
# figure. ``place_keys`` fixes each place key's canonical key once; ``incident_places`` indexes
# incidents by place; ``event_places`` sums each event's places (what a new incident is
# compared with) and ``event_outcomes`` keeps each event's comparison rows without their
# claims (low/best/high, sources, summary line). The new ``events`` columns hold the
# event's date window for grouping, its main place, what the overview shows and the flags of
# its checks (JSON, as :func:`counterclaim.reconcile.checks.run_checks` gives them); ``stale``
# marks events whose aggregates must be recomputed (done before every write transaction that
# changed them ends). Unassigned incidents not yet looked at have ``how IS NULL``; incidents
# looked at that joined no event (documents without figures) get ``how = 'none'``.
_EVENT_SUMMARIES = (
    "ALTER TABLE events ADD COLUMN stale INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN main_key TEXT",
    "ALTER TABLE events ADD COLUMN win_lo TEXT",
    "ALTER TABLE events ADD COLUMN win_hi TEXT",
    "ALTER TABLE events ADD COLUMN n_documents INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN date_start TEXT",
    "ALTER TABLE events ADD COLUMN date_end TEXT",
    "ALTER TABLE events ADD COLUMN also_called TEXT",
    "ALTER TABLE events ADD COLUMN spread DOUBLE PRECISION",
    "ALTER TABLE events ADD COLUMN search_text TEXT",
    "ALTER TABLE events ADD COLUMN checks TEXT",
    "UPDATE events SET stale = 1",
    """CREATE TABLE place_keys (
        key TEXT PRIMARY KEY,
        canon TEXT NOT NULL)""",
    "CREATE INDEX place_keys_canon ON place_keys (canon)",
    """CREATE TABLE incident_places (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL)""",
    "CREATE INDEX incident_places_key ON incident_places (key)",
    "CREATE INDEX incident_places_incident ON incident_places (doc_id, n)",
    """CREATE TABLE event_places (
        event_id TEXT NOT NULL,
        canon TEXT NOT NULL,
        kind TEXT NOT NULL,
        wsum DOUBLE PRECISION NOT NULL,
        wmax DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (event_id, canon))""",
    "CREATE INDEX event_places_canon ON event_places (canon)",
    """CREATE TABLE event_outcomes (
        event_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        grp TEXT NOT NULL,
        low BIGINT, best BIGINT, high BIGINT,
        sources INTEGER NOT NULL,
        n_documents INTEGER NOT NULL,
        summary TEXT NOT NULL,
        disagreement DOUBLE PRECISION,
        PRIMARY KEY (event_id, seq))""",
    "CREATE INDEX incidents_unassigned ON incidents (doc_id, n) WHERE event_id IS NULL AND how IS NULL",
    "CREATE INDEX events_stale ON events (stale)",
)


def _upgrade_event_summaries(db: Database) -> None:
    from counterclaim.store.events import upgrade

    upgrade(db)


MIGRATIONS = (*MIGRATIONS, Migration("0003_event_summaries", _EVENT_SUMMARIES, after=_upgrade_event_summaries))


# -- 0004_kinds_stance_places (issue 11: like with like) --------------------------------------
# ``figures`` keep the stance (asserted | hedged | denied | rejected) and the kind (whole |
# partial | breakdown | background | other_incident; NULL: undecided) with its reason.
# ``incidents.scope`` keeps cumulative tolls apart (``background`` incidents form their own
# events); ``incidents.place_country`` is the country the text gives the place itself ("Bogota,
# Colombia"). ``events`` keep where the event happened, from the gazetteer: country, admin area,
# coordinates and precision (:mod:`counterclaim.reconcile.gazetteer`). ``event_outcomes`` lose
# nothing: ``best`` stays for the export's ``best`` column (never shown on pages). Source
# spellings are looked up case-folded. The data step fills the stance of stored figures from
# ``hedged`` (or what newer extractions kept in ``extra``) and classifies their kinds from their
# sentences, then marks every event for recomputation.
_KINDS_STANCE_PLACES = (
    "ALTER TABLE figures ADD COLUMN stance TEXT",
    "ALTER TABLE figures ADD COLUMN kind TEXT",
    "ALTER TABLE figures ADD COLUMN kind_reason TEXT",
    "ALTER TABLE incidents ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident'",
    "ALTER TABLE incidents ADD COLUMN place_country TEXT",
    "ALTER TABLE events ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident'",
    "ALTER TABLE events ADD COLUMN country TEXT",
    "ALTER TABLE events ADD COLUMN adm_1 TEXT",
    "ALTER TABLE events ADD COLUMN adm_1_code TEXT",
    "ALTER TABLE events ADD COLUMN latitude DOUBLE PRECISION",
    "ALTER TABLE events ADD COLUMN longitude DOUBLE PRECISION",
    "ALTER TABLE events ADD COLUMN where_prec INTEGER",
    "ALTER TABLE events ADD COLUMN geonameid BIGINT",
    "ALTER TABLE event_outcomes ADD COLUMN asserted INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE event_outcomes ADD COLUMN kinds TEXT",
    "CREATE INDEX source_spellings_folded ON source_spellings (lower(spelling))",
    "UPDATE events SET stale = 1",
)


def _upgrade_kinds(db: Database) -> None:
    from counterclaim.store.write import upgrade_figures

    upgrade_figures(db)


MIGRATIONS = (*MIGRATIONS, Migration("0004_kinds_stance_places", _KINDS_STANCE_PLACES, after=_upgrade_kinds))


# -- 0005_place_spellings (search finds every spelling of a place) -----------------------------
# ``place_spellings``: each place name as documents write it ("Hojali", "Khojaly") with its place
# key, so that a search for one spelling also finds the others (through ``place_keys``' canonical
# keys). Filled from the stored incidents; new documents add theirs when they are stored.
_PLACE_SPELLINGS = (
    """CREATE TABLE place_spellings (
        spelling TEXT PRIMARY KEY,
        key TEXT NOT NULL)""",
    "CREATE INDEX place_spellings_key ON place_spellings (key)",
)


def _fill_place_spellings(db: Database) -> None:
    from counterclaim.store.write import add_place_spellings, place_spelling_rows

    spellings: dict[str, str] = {}  # distinct spellings: bounded by the vocabulary, not the ledger
    for row in db.stream("SELECT places FROM incidents ORDER BY doc_id, n"):
        for spelling, key in place_spelling_rows(row["places"]):
            spellings.setdefault(spelling, key)
    add_place_spellings(db, spellings)


MIGRATIONS = (*MIGRATIONS, Migration("0005_place_spellings", _PLACE_SPELLINGS, after=_fill_place_spellings))


# -- 0006_event_comparison (the event page reads its comparison, not every figure) -------------
# ``events.comparison``: the event's comparison rows with their claims (JSON, as
# :func:`counterclaim.reconcile.compare.compare` gives them), kept with the other aggregates, so
# that the first view of a large event's page reads one value instead of every figure.
_EVENT_COMPARISON = (
    "ALTER TABLE events ADD COLUMN comparison TEXT",
    "UPDATE events SET stale = 1",
)
MIGRATIONS = (*MIGRATIONS, Migration("0006_event_comparison", _EVENT_COMPARISON))
