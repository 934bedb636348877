"""Normalised sources in the ledger: every spelling seen, merged and split by users.

A *spelling* is a claimant exactly as a document writes it (whitespace collapsed):
"Azerbaijan’s Government" and "Azerbaijan's Government" are two spellings. Spellings that
differ only in case ("bracho", "Bracho") are one source. Each spelling
points to one *source*. A new spelling is normalised (:mod:`counterclaim.reconcile.claimants`);
when its key is already known it joins that key's source, else a new source is created
with a readable id (``azerbaijani-government``, ``human-rights-watch``).

Users correct the rules by command: :func:`merge_sources` moves every spelling and key of
the merged sources to the target (the old ids keep resolving to it); :func:`split_source`
moves chosen spellings to a new source. Later spellings with the same key follow the key,
so decisions survive new ingests.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from counterclaim.errors import LedgerErrors, NotFoundError
from counterclaim.reconcile.claimants import normalise
from counterclaim.reconcile.grouping import slug
from counterclaim.store.db import Database, in_batches, placeholders
from counterclaim.store.merges import live_id, merge_plan


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def unique_id(db: Database, table: str, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free in ``table``."""
    base = base or "x"
    candidate, n = base, 1
    while db.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (candidate,)):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def short_slug(name: str, limit: int = 40) -> str:
    """A readable id of at most ``limit`` characters, cut at a hyphen."""
    text = slug(name) or "source"
    if len(text) <= limit:
        return text
    return text[:limit].rsplit("-", 1)[0] or text[:limit]


def ensure_spellings(db: Database, spellings: dict[str, tuple[str, str | None]], *, document_text: str = "") -> None:
    """Make sure every spelling points to a source (inside the caller's transaction).

    Args:
        db: the ledger's database.
        spellings: spelling → (voice, source type); voice ``own`` marks a publisher's name.
        document_text: the text the spellings come from (completes a surname used alone).
    """
    if not spellings:
        return
    names = list(spellings)
    known = {r["spelling"] for r in db.query(
        f"SELECT spelling FROM source_spellings WHERE spelling IN ({placeholders(len(names))})", names)}
    for spelling in names:
        if spelling in known:
            continue
        voice, source_type = spellings[spelling]
        same = db.query("SELECT key, source_id FROM source_spellings WHERE lower(spelling) = ? LIMIT 1",
                        (spelling.lower(),))
        if same:  # "bracho" and "Bracho": one source, whatever the case
            db.execute("INSERT INTO source_spellings (spelling, key, source_id, how, first_seen) "
                       "VALUES (?, ?, ?, 'auto', ?)", (spelling, same[0]["key"], same[0]["source_id"], _now()))
            continue
        found = normalise(spelling, source_type=source_type, document_text=document_text, publication=voice == "own")
        source_id = db.scalar("SELECT source_id FROM source_keys WHERE key = ?", (found.key,))
        if source_id is None:
            source_id = unique_id(db, "sources", short_slug(found.name))
            db.execute("INSERT INTO sources (id, name, kind, country, merged_into, created_at) "
                       "VALUES (?, ?, ?, ?, NULL, ?)", (source_id, found.name, found.kind, found.country, _now()))
            db.execute("INSERT INTO source_keys (key, source_id) VALUES (?, ?)", (found.key, source_id))
        db.execute("INSERT INTO source_spellings (spelling, key, source_id, how, first_seen) "
                   "VALUES (?, ?, ?, 'auto', ?)", (spelling, found.key, source_id, _now()))


def resolve_source(db: Database, source_id: str) -> str:
    """The live id of a source, following merges; also accepts a spelling.

    Raises:
        NotFoundError: E111 no such source.
    """
    def by_spelling(spelling: str) -> str | None:
        found = db.scalar("SELECT source_id FROM source_spellings WHERE spelling = ?", (spelling,))
        return None if found is None else str(found)

    return live_id(db, "sources", source_id, LedgerErrors.E111.format(id=source_id), by_spelling)


def merge_sources(db: Database, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
    """Merge sources into one (``into``, else the first id); return the target id.

    Raises:
        LedgerError: E114 fewer than two distinct sources; NotFoundError: E111 unknown id.
    """
    resolved, target = merge_plan(ids, into, lambda i: resolve_source(db, i), "merge-sources")
    with db.transaction():
        for other in resolved:
            if other == target:
                continue
            db.execute("UPDATE source_spellings SET source_id = ?, how = 'user' WHERE source_id = ?", (target, other))
            db.execute("UPDATE source_keys SET source_id = ? WHERE source_id = ?", (target, other))
            db.execute("UPDATE sources SET merged_into = ? WHERE id = ? OR merged_into = ?", (target, other, other))
        if name:
            db.execute("UPDATE sources SET name = ? WHERE id = ?", (name, target))
        _restate(db, resolved)
    return target


def split_source(db: Database, source_id: str, spellings: list[str], *, new_id: str | None = None,
                 name: str | None = None) -> str:
    """Move ``spellings`` of a source to a new source; return the new id.

    Raises:
        NotFoundError: E111 unknown source, E116 a spelling that is not the source's;
            LedgerError: E115 ``new_id`` taken, E117 invalid id.
    """
    from counterclaim.errors import LedgerError

    source = resolve_source(db, source_id)
    own = {r["spelling"]: r for r in db.query("SELECT spelling, key FROM source_spellings WHERE source_id = ?",
                                             (source,))}
    for s in spellings:
        if s not in own:
            raise NotFoundError(LedgerErrors.E116.format(spelling=s, id=source))
    display = name or spellings[0]
    if new_id is not None:
        if slug(new_id) != new_id:
            raise LedgerError(LedgerErrors.E117.format(id=new_id))
        if db.scalar("SELECT 1 FROM sources WHERE id = ?", (new_id,)):
            raise LedgerError(LedgerErrors.E115.format(id=new_id))
    with db.transaction():
        target = new_id or unique_id(db, "sources", short_slug(display))
        kind = db.scalar("SELECT kind FROM sources WHERE id = ?", (source,))
        db.execute("INSERT INTO sources (id, name, kind, country, merged_into, created_at) "
                   "VALUES (?, ?, ?, NULL, NULL, ?)", (target, display, kind, _now()))
        for s in spellings:
            db.execute("UPDATE source_spellings SET source_id = ?, how = 'user' WHERE spelling = ?", (target, s))
        _restate(db, [source, target])
    return target


def _restate(db: Database, source_ids: list[str]) -> None:
    """Recompute the events whose summary lines name these sources (inside the caller's transaction)."""
    from counterclaim.store.summaries import mark_stale_for_sources, refresh_stale

    mark_stale_for_sources(db, source_ids)
    refresh_stale(db)


def source_rows(db: Database, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Live sources with their spellings, types, claim and document counts (plain dicts).

    All of them in id order, or ``limit`` of them from ``offset`` (only those are read).
    """
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    sources = db.query("SELECT id, name, kind, country FROM sources WHERE merged_into IS NULL ORDER BY id" + page)
    spellings: dict[str, list[str]] = {}
    stats: dict[str, dict[str, Any]] = {}
    ids = [s["id"] for s in sources]
    parts = [None] if limit is None else list(in_batches(ids))
    for part in parts:
        where = "" if part is None else f" WHERE s.source_id IN ({placeholders(len(part))})"
        args = part or ()
        for r in db.query(f"SELECT s.spelling, s.source_id FROM source_spellings s{where} ORDER BY s.spelling", args):
            spellings.setdefault(r["source_id"], []).append(r["spelling"])
        for r in db.query("SELECT s.source_id, f.doc_id, f.source_type, f.voice, i.event_id FROM figures f "
                          "JOIN source_spellings s ON s.spelling = f.claimant "
                          "LEFT JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident" + where, args):
            st = stats.setdefault(r["source_id"], {"claims": 0, "docs": set(), "types": {}, "events": set()})
            st["claims"] += 1
            st["docs"].add(r["doc_id"])
            kind = "media" if r["voice"] == "own" else r["source_type"] or "unspecified"
            st["types"][kind] = st["types"].get(kind, 0) + 1
            if r["event_id"]:
                st["events"].add(r["event_id"])
    out = []
    for s in sources:
        st = stats.get(s["id"], {"claims": 0, "docs": set(), "types": {}, "events": set()})
        types = sorted(st["types"], key=lambda t: (-st["types"][t], t))
        out.append({"id": s["id"], "name": s["name"], "kind": s["kind"], "type": types[0] if types else None,
                    "types": types, "country": s["country"], "spellings": spellings.get(s["id"], []),
                    "claims": st["claims"], "documents": len(st["docs"]), "events": sorted(st["events"])})
    return out


def events_with_source_type(db: Database, source_type: str) -> set[str]:
    """The events where a source of this type (one of the types :func:`source_rows` lists) claims a figure.

    What ``source_rows`` gives, read alone: a source has a type when one of its figures has it
    (``media`` for a publisher's own voice).
    """
    rows = db.query(
        "SELECT DISTINCT i.event_id FROM figures f JOIN source_spellings s ON s.spelling = f.claimant "
        "JOIN sources src ON src.id = s.source_id AND src.merged_into IS NULL "
        "JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident "
        "WHERE i.event_id IS NOT NULL AND s.source_id IN (SELECT t.source_id FROM figures g "
        "JOIN source_spellings t ON t.spelling = g.claimant "
        "WHERE CASE WHEN g.voice = 'own' THEN 'media' ELSE COALESCE(g.source_type, 'unspecified') END = ?)",
        (source_type,))
    return {r["event_id"] for r in rows}
