"""Full-text search over documents (title and text) and quotes.

**SQLite:** two external-content FTS5 tables, ``documents_fts`` (title, text) and
``quotes_fts`` (text), read from ``documents`` and ``quotes`` and kept in step by triggers,
so every writer (``counterclaim ingest``, ``reextract``, the web app) updates them without
knowing they exist. **PostgreSQL:** GIN expression indexes on ``to_tsvector('simple', …)``
of the same columns; nothing needs keeping in step.

The index is created by :func:`ensure_index` (idempotent, one transaction; the web server
calls it once at start with a writable connection). It is not a migration because the
statements differ by engine; a ledger without it is still searched, by ``LIKE``/``ILIKE``
(:func:`search` falls back), only more slowly.

Queries are words, not a query language: ``"human rights" watch`` and ``HRW 2004`` match
documents holding every word (prefixes of the last word too). Snippets come back with the
matches between :data:`MARK_START` and :data:`MARK_END` (private-use characters) so that
callers can escape the text first and then turn the marks into highlighting.

>>> terms("Khojaly's 613 <script>")
['Khojaly', 's', '613', 'script']
"""

from __future__ import annotations

import re
from typing import Any

from counterclaim.store.db import Database

MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_TERMS = 12

_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_au AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text); END",
)

_PG_DOC_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
_PG_QUOTE_VECTOR = "to_tsvector('simple', text)"
_PG_INDEX = (
    f"CREATE INDEX IF NOT EXISTS documents_fts ON documents USING gin ({_PG_DOC_VECTOR})",
    f"CREATE INDEX IF NOT EXISTS quotes_fts ON quotes USING gin ({_PG_QUOTE_VECTOR})",
)


def terms(query: str) -> list[str]:
    """The words of a query (letters and digits), at most :data:`MAX_TERMS`."""
    return re.findall(r"\w+", query)[:MAX_TERMS]


def has_index(db: Database) -> bool:
    """Whether the full-text index exists in this ledger."""
    if db.dialect == "postgresql":
        return bool(db.scalar("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() "
                              "AND indexname = 'documents_fts'"))
    return bool(db.scalar("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'"))


def ensure_index(db: Database) -> bool:
    """Create the full-text index when it is missing (one transaction); True when created now."""
    if has_index(db):
        return False
    with db.transaction():
        if db.dialect == "postgresql":
            for statement in _PG_INDEX:
                db.execute(statement)
        else:
            for statement in _SQLITE_INDEX:
                db.execute(statement)
            db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
            db.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    return True


def variants(db: Database, word: str, limit: int = 12) -> list[str]:
    """Other spellings of a place written ``word`` ("Hojali" for "Khojaly"), by the place-key folding.

    Spellings whose key has the same canonical key (:mod:`counterclaim.store.placekeys`) as the
    word's; none when the word is no known place.
    """
    from counterclaim.analysis.places import place_key

    key = place_key(word)
    if len(key) < 4:
        return []
    canon = db.scalar("SELECT canon FROM place_keys WHERE key = ?", (key,)) or key
    rows = db.query("SELECT ps.spelling FROM place_spellings ps JOIN place_keys pk ON pk.key = ps.key "
                    "WHERE pk.canon = ? ORDER BY ps.spelling LIMIT ?", (canon, limit))
    return [r["spelling"] for r in rows if r["spelling"].lower() != word.lower()]


def _groups(db: Database, words: list[str]) -> list[list[str]]:
    """Each query word with its other spellings (the first is the word as typed)."""
    return [[w, *variants(db, w)] for w in words]


def _fts5_query(groups: list[list[str]]) -> str:
    parts = []
    for n, group in enumerate(groups):
        quoted = ['"' + " ".join(re.findall(r"\w+", w)).replace('"', '""') + '"' for w in group]
        if n == len(groups) - 1:
            quoted[0] += "*"  # the last word may still be being typed
        parts.append("(" + " OR ".join(quoted) + ")" if len(quoted) > 1 else quoted[0])
    return " AND ".join(parts)


def _search_sqlite(db: Database, groups: list[list[str]], limit: int) -> dict[str, list[dict[str, Any]]]:
    match = _fts5_query(groups)
    documents = db.query(
        "SELECT d.id, d.title, d.published, d.publisher, d.path, "
        f"snippet(documents_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ?", (match, limit))
    quotes = db.query(
        "SELECT q.doc_id, q.qid, q.speaker, d.title, d.published, "
        f"snippet(quotes_fts, 0, '{MARK_START}', '{MARK_END}', '…', 32) AS snippet "
        "FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN documents d ON d.id = q.doc_id "
        "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?", (match, limit))
    return {"documents": documents, "quotes": quotes}


def _search_postgres(db: Database, groups: list[list[str]], limit: int) -> dict[str, list[dict[str, Any]]]:
    # each word becomes a lexeme (the last one may be a prefix, ':*'), its spellings joined by '|',
    # a spelling of several words by '<->'; '&' joins the words
    parts = []
    for i, group in enumerate(groups):
        alternatives: list[str] = []
        for n, w in enumerate(group):
            lexemes = [x for x in (re.sub(r"[^\w]", "", t) for t in w.split()) if x]
            if not lexemes:
                continue
            phrase = " <-> ".join(lexemes)
            alternatives.append(f"{phrase}:*" if i == len(groups) - 1 and n == 0 and len(lexemes) == 1 else phrase)
        if alternatives:
            parts.append("(" + " | ".join(alternatives) + ")")
    tsquery = " & ".join(parts)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"
    documents = db.query(
        "SELECT id, title, published, publisher, path, "
        f"ts_headline('simple', text, q, '{options}') AS snippet "
        f"FROM documents, to_tsquery('simple', ?) AS q WHERE {_PG_DOC_VECTOR} @@ q "
        f"ORDER BY ts_rank({_PG_DOC_VECTOR}, q) DESC, id LIMIT ?", (tsquery, limit))
    quotes = db.query(
        "SELECT qt.doc_id, qt.qid, qt.speaker, d.title, d.published, "
        f"ts_headline('simple', qt.text, q, '{options}') AS snippet "
        "FROM quotes qt JOIN documents d ON d.id = qt.doc_id, to_tsquery('simple', ?) AS q "
        "WHERE to_tsvector('simple', qt.text) @@ q ORDER BY ts_rank(to_tsvector('simple', qt.text), q) DESC "
        "LIMIT ?", (tsquery, limit))
    return {"documents": documents, "quotes": quotes}


def _like_snippet(text: str, words: list[str], width: int = 160) -> str:
    lowered = text.lower()
    pos = min((p for p in (lowered.find(w.lower()) for w in words) if p >= 0), default=0)
    start = max(0, pos - width // 3)
    piece = " ".join(text[start:start + width].split())
    for w in sorted(set(words), key=len, reverse=True):
        piece = re.sub(re.escape(w), lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", piece, flags=re.IGNORECASE)
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _search_like(db: Database, groups: list[list[str]], limit: int) -> dict[str, list[dict[str, Any]]]:
    op = "ILIKE" if db.dialect == "postgresql" else "LIKE"
    doc_where = " AND ".join("(" + " OR ".join(f"(coalesce(title, '') || ' ' || text) {op} ?" for _ in g) + ")"
                             for g in groups)
    quote_where = " AND ".join("(" + " OR ".join(f"q.text {op} ?" for _ in g) + ")" for g in groups)
    params = [f"%{w}%" for g in groups for w in g]
    words = [w for g in groups for w in g]
    documents = db.query(f"SELECT id, title, published, publisher, path, text FROM documents WHERE {doc_where} "
                         "ORDER BY published DESC, id LIMIT ?", [*params, limit])
    for d in documents:
        d["snippet"] = _like_snippet(d.pop("text"), words)
    quotes = db.query("SELECT q.doc_id, q.qid, q.speaker, q.text, d.title, d.published FROM quotes q "
                      f"JOIN documents d ON d.id = q.doc_id WHERE {quote_where} ORDER BY d.published DESC, q.doc_id "
                      "LIMIT ?", [*params, limit])
    for q in quotes:
        q["snippet"] = _like_snippet(q.pop("text"), words)
    return {"documents": documents, "quotes": quotes}


def search(db: Database, query: str, *, limit: int = 50) -> dict[str, Any]:
    """Documents and quotes matching every word of ``query``, best first.

    Every word also matches the other spellings of the same place ("Khojaly" finds "Hojali":
    :func:`variants`, listed in ``variants``).

    Returns:
        ``{"query", "terms", "engine", "documents", "quotes", "events", "figures", "variants"}``;
        events carry ``id``, ``name``, ``place``, ``year``, ``country``, ``n_documents``; figures
        ``doc_id``, ``fid``, ``text``, ``outcome``, counts, ``stance``, ``kind``, ``claimant`` and
        ``event_id``; documents carry
        ``id``, ``title``, ``published``, ``publisher``, ``path`` and ``snippet``; quotes
        ``doc_id``, ``qid``, ``speaker``, ``title``, ``published`` and ``snippet``. An empty
        query finds nothing.
    """
    words = terms(query)
    out: dict[str, Any] = {"query": query, "terms": words, "engine": None, "documents": [], "quotes": [],
                           "events": [], "figures": [], "variants": {}}
    if not words:
        return out
    groups = _groups(db, words)
    if has_index(db):
        engine = "postgresql-tsvector" if db.dialect == "postgresql" else "sqlite-fts5"
        found = (_search_postgres if db.dialect == "postgresql" else _search_sqlite)(db, groups, limit)
    else:
        engine, found = "like", _search_like(db, groups, limit)
    out.update(engine=engine, **found, variants={g[0]: g[1:] for g in groups if len(g) > 1})
    out["events"] = _events(db, groups, limit)
    out["figures"] = _figures(db, groups, [e["id"] for e in out["events"]], limit)
    return out


def _events(db: Database, groups: list[list[str]], limit: int) -> list[dict[str, Any]]:
    """Live events whose id, name, place or other names hold every word (in any of its spellings)."""
    where = " AND ".join("(" + " OR ".join("search_text LIKE ?" for _ in g) + ")" for g in groups)
    params = [f"%{w.lower()}%" for g in groups for w in g]
    return db.query(f"SELECT id, name, place, year, country, n_documents FROM events WHERE merged_into IS NULL "
                    f"AND {where} ORDER BY n_documents DESC, id LIMIT ?", [*params, limit])


def _figures(db: Database, groups: list[list[str]], event_ids: list[str], limit: int) -> list[dict[str, Any]]:
    """Figures of the matching events, and figures whose words or source hold a query word."""
    from counterclaim.store.db import placeholders

    words = [w for g in groups for w in g]
    text_where = " OR ".join("f.text LIKE ? OR f.claimant LIKE ?" for _ in words)
    params: list[Any] = [p for w in words for p in (f"%{w}%", f"%{w}%")]
    ids = event_ids[:50]
    where = f"({text_where})" + (f" OR i.event_id IN ({placeholders(len(ids))})" if ids else "")
    rows = db.query("SELECT f.doc_id, f.fid, f.text, f.outcome, f.value, f.low, f.high, f.qualifier, f.stance, "
                    "f.kind, f.claimant, i.event_id FROM figures f "
                    "LEFT JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident "
                    f"WHERE {where} ORDER BY i.event_id, f.doc_id, f.seq LIMIT ?", [*params, *ids, limit])
    return rows
