"""Events in the ledger: grouping incidents, stable ids, merges and splits by users.

:func:`regroup` assigns every incident that has no event yet (new documents, re-extracted
ones), following the rule of :mod:`counterclaim.ledger.grouping`. Assigned incidents keep
their event, so an event id, once created, does not change when more documents arrive;
an automatic event's display name is refreshed from its documents. An automatic event
left without incidents (after a re-extraction) is removed.

Users decide with :func:`merge_events` (all incidents of the merged events move to the
target; the old ids keep resolving to it) and :func:`split_event` (the incidents of chosen
documents move to a new event). Their decisions are marked ``how = 'user'`` and are never
undone by regrouping.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from counterclaim.ledger.db import Database, placeholders
from counterclaim.ledger.errors import LedgerError, LedgerErrors, NotFoundError
from counterclaim.ledger.grouping import Node, cluster, name_event, prepare, slug
from counterclaim.ledger.sources import unique_id


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def load_nodes(db: Database) -> list[Node]:
    """Every stored incident as a grouping node, in a stable order."""
    counts = {(r["doc_id"], r["incident"]): r["n"] for r in db.query(
        "SELECT doc_id, incident, COUNT(*) AS n FROM figures GROUP BY doc_id, incident")}
    rows = db.query("SELECT i.doc_id, i.n, i.places, i.names, i.date_lo, i.date_hi, i.event_id, d.published "
                    "FROM incidents i JOIN documents d ON d.id = i.doc_id ORDER BY d.published, i.doc_id, i.n")
    return [Node(doc_id=r["doc_id"], n=r["n"], places=[tuple(p) for p in json.loads(r["places"])],
                 names=json.loads(r["names"]), lo=_date(r["date_lo"]), hi=_date(r["date_hi"]),
                 n_figures=counts.get((r["doc_id"], r["n"]), 0), event_id=r["event_id"]) for r in rows]


def regroup(db: Database) -> dict[str, int]:
    """Assign unassigned incidents to events (one transaction); return counts.

    Returns:
        ``{"assigned": incidents given an event, "created": new events, "removed": empty events dropped}``.
    """
    with db.transaction():
        nodes = load_nodes(db)
        canon = prepare(nodes)
        assigned = created = 0
        for group in cluster(nodes):
            existing = next((n.event_id for n in group if n.event_id), None)
            new = [n for n in group if not n.event_id]
            if not new:
                continue
            if existing is None:
                if not any(n.n_figures for n in group):
                    continue  # a document without figures does not start an event
                naming = name_event(group, canon)
                existing = unique_id(db, "events", naming.id)
                db.execute("INSERT INTO events (id, name, place, year, how, merged_into, created_at) "
                           "VALUES (?, ?, ?, ?, 'auto', NULL, ?)",
                           (existing, naming.name, naming.place, naming.year, _now()))
                created += 1
            for n in new:
                db.execute("UPDATE incidents SET event_id = ?, how = 'auto' WHERE doc_id = ? AND n = ?",
                           (existing, n.doc_id, n.n))
                n.event_id = existing
                assigned += 1
        removed = _refresh(db, nodes, canon)
    return {"assigned": assigned, "created": created, "removed": removed}


def _refresh(db: Database, nodes: list[Node], canon: dict[str, str]) -> int:
    """Rename automatic events from their incidents; drop automatic events without any."""
    members: dict[str, list[Node]] = {}
    for n in nodes:
        if n.event_id:
            members.setdefault(n.event_id, []).append(n)
    removed = 0
    for e in db.query("SELECT id, name, place, year, how FROM events WHERE merged_into IS NULL"):
        group = members.get(e["id"])
        if not group:
            if e["how"] == "auto" and not db.scalar("SELECT 1 FROM events WHERE merged_into = ?", (e["id"],)):
                db.execute("DELETE FROM events WHERE id = ?", (e["id"],))
                removed += 1
            continue
        if e["how"] == "auto":
            naming = name_event(group, canon)
            if (naming.name, naming.place, naming.year) != (e["name"], e["place"], e["year"]):
                db.execute("UPDATE events SET name = ?, place = ?, year = ? WHERE id = ?",
                           (naming.name, naming.place, naming.year, e["id"]))
    return removed


def resolve_event(db: Database, event_id: str) -> str:
    """The live id of an event, following merges.

    Raises:
        NotFoundError: E110 no such event.
    """
    current, seen = event_id, set()
    while current not in seen:
        seen.add(current)
        row = db.query("SELECT merged_into FROM events WHERE id = ?", (current,))
        if not row:
            break
        if row[0]["merged_into"] is None:
            return current
        current = row[0]["merged_into"]
    raise NotFoundError(LedgerErrors.E110.format(id=event_id))


def merge_events(db: Database, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
    """Merge events into one (``into``, else the first id); return the target id.

    Raises:
        LedgerError: E114 fewer than two distinct events; NotFoundError: E110 unknown id.
    """
    resolved = list(dict.fromkeys(resolve_event(db, i) for i in ids + ([into] if into else [])))
    if len(resolved) < 2:
        raise NotFoundError(LedgerErrors.E114.format(what="merge-events", ids=", ".join(ids)))
    target = resolve_event(db, into) if into else resolved[0]
    with db.transaction():
        for other in resolved:
            if other != target:
                db.execute("UPDATE incidents SET event_id = ?, how = 'user' WHERE event_id = ?", (target, other))
                db.execute("UPDATE events SET merged_into = ? WHERE id = ? OR merged_into = ?", (target, other, other))
        db.execute("UPDATE incidents SET how = 'user' WHERE event_id = ?", (target,))
        if name:
            db.execute("UPDATE events SET name = ?, how = 'user' WHERE id = ?", (name, target))
    return target


def split_event(db: Database, event_id: str, documents: list[str], *, new_id: str | None = None,
                name: str | None = None) -> str:
    """Move the incidents of ``documents`` (ids or unique id prefixes) out of an event; return the new id.

    Raises:
        NotFoundError: E110 unknown event, E112 unknown document, E113 a document not in the event;
            LedgerError: E115 ``new_id`` taken, E117 invalid id.
    """
    source = resolve_event(db, event_id)
    doc_ids = [resolve_document(db, d) for d in documents]
    for doc in doc_ids:
        if not db.scalar("SELECT 1 FROM incidents WHERE doc_id = ? AND event_id = ?", (doc, source)):
            raise NotFoundError(LedgerErrors.E113.format(doc=doc[:12], event=source))
    if new_id is not None:
        if slug(new_id) != new_id:
            raise LedgerError(LedgerErrors.E117.format(id=new_id))
        if db.scalar("SELECT 1 FROM events WHERE id = ?", (new_id,)):
            raise LedgerError(LedgerErrors.E115.format(id=new_id))
    old = db.query("SELECT name, place, year FROM events WHERE id = ?", (source,))[0]
    with db.transaction():
        target = new_id or unique_id(db, "events", slug(name) if name else source)
        db.execute("INSERT INTO events (id, name, place, year, how, merged_into, created_at) "
                   "VALUES (?, ?, ?, ?, 'user', NULL, ?)",
                   (target, name or f"{old['name']} (split)", old["place"], old["year"], _now()))
        db.execute(f"UPDATE incidents SET event_id = ?, how = 'user' WHERE event_id = ? "
                   f"AND doc_id IN ({placeholders(len(doc_ids))})", [target, source, *doc_ids])
        db.execute("UPDATE incidents SET how = 'user' WHERE event_id = ?", (source,))
    return target


def resolve_document(db: Database, doc_id: str) -> str:
    """A document id from its full sha256 or a unique prefix (at least 6 characters).

    Raises:
        NotFoundError: E112 no such document (or an ambiguous prefix).
    """
    if db.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)):
        return doc_id
    if len(doc_id) >= 6 and all(c in "0123456789abcdef" for c in doc_id.lower()):
        rows = db.query("SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                        (doc_id.lower(), doc_id.lower() + "g"))
        if len(rows) == 1:
            return str(rows[0]["id"])
    rows = db.query("SELECT id FROM documents WHERE path = ? ORDER BY id LIMIT 2", (doc_id,))
    if len(rows) == 1:
        return str(rows[0]["id"])
    raise NotFoundError(LedgerErrors.E112.format(id=doc_id))


def event_rows(db: Database, event_id: str | None = None) -> list[dict[str, Any]]:
    """Live events (or one) with their documents and incident dates (plain dicts, no claims)."""
    only = " AND id = ?" if event_id else ""
    events = db.query(f"SELECT id, name, place, year, how FROM events WHERE merged_into IS NULL{only} ORDER BY id",
                      (event_id,) if event_id else ())
    incidents = db.query("SELECT i.event_id, i.doc_id, i.date_lo, i.date_hi, i.names, d.published FROM incidents i "
                         "JOIN documents d ON d.id = i.doc_id WHERE i.event_id IS NOT NULL"
                         + (" AND i.event_id = ?" if event_id else ""), (event_id,) if event_id else ())
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in incidents:
        by_event.setdefault(r["event_id"], []).append(r)
    aliases: dict[str, list[str]] = {}
    for r in db.query("SELECT id, merged_into FROM events WHERE merged_into IS NOT NULL"):
        aliases.setdefault(r["merged_into"], []).append(r["id"])
    out = []
    for e in events:
        rows = by_event.get(e["id"], [])
        names: dict[str, int] = {}
        for r in rows:
            for n in json.loads(r["names"]):
                if not n.startswith("*"):
                    names[n] = names.get(n, 0) + 1
        precise = [(r["date_lo"], r["date_hi"]) for r in rows if r["date_lo"] and r["date_lo"][:7] == r["date_hi"][:7]]
        out.append({"id": e["id"], "name": e["name"], "place": e["place"], "year": e["year"], "how": e["how"],
                    "date_start": min((p[0] for p in precise), default=None),
                    "date_end": max((p[1] for p in precise), default=None),
                    "also_called": sorted(names, key=lambda n: (-names[n], n)),
                    "documents": sorted({r["doc_id"] for r in rows}),
                    "published_first": min((r["published"] for r in rows if r["published"]), default=None),
                    "published_last": max((r["published"] for r in rows if r["published"]), default=None),
                    "merged_ids": sorted(aliases.get(e["id"], []))})
    return out
