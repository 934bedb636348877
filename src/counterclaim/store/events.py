"""Events in the ledger: grouping incidents, stable ids, merges and splits by users.

:func:`regroup` assigns every incident that has no event yet (new documents, re-extracted
ones), following the rule of :mod:`counterclaim.reconcile.grouping`. Assigned incidents keep
their event, so an event id, once created, does not change when more documents arrive;
an automatic event's display name is refreshed from its documents. An automatic event
left without incidents (after a re-extraction) is removed.

Grouping is incremental, so its memory does not grow with the ledger: new incidents are
taken :data:`CHUNK` at a time (in document order within a chunk), each chunk together with
the events and the earlier incidents without an event that share a place with it. An
existing event takes part as its summary (:mod:`counterclaim.store.summaries`): its date
window, its main place and, per place, the largest weight one of its incidents gives it, so
a new incident joins an event when it would have been linked to one of the event's
incidents. A new incident that joins no event and has no figures (an article without a
toll) waits, marked ``how = 'none'``, until a later incident at its place takes it along.

Users decide with :func:`merge_events` (all incidents of the merged events move to the
target; the old ids keep resolving to it) and :func:`split_event` (the incidents of chosen
documents move to a new event). Their decisions are marked ``how = 'user'`` and are never
undone by regrouping.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import defaultdict
from typing import Any

from counterclaim.errors import LedgerError, LedgerErrors, NotFoundError
from counterclaim.reconcile.grouping import (
    TOLERANCE_DAYS,
    Node,
    apply_canon,
    canonical_of_weights,
    cluster,
    name_event,
    slug,
)
from counterclaim.store.db import Database, in_batches, placeholders
from counterclaim.store.merges import live_id, merge_plan
from counterclaim.store.placekeys import KeyMap, place_rows, weights_of
from counterclaim.store.sources import unique_id
from counterclaim.store.summaries import MEMBERS, EventAggregate, mark_stale, node_of, refresh_stale, widened

CHUNK = 256
"""New incidents grouped together in one step (bounds the memory of :func:`regroup`)."""
PENDING_LIMIT = 200
"""Waiting incidents (``how = 'none'``) taken along per place and chunk, the most recent first."""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _figure_counts(db: Database, nodes: list[Node]) -> None:
    docs = sorted({n.doc_id for n in nodes})
    counts: dict[tuple[str, int], int] = {}
    for part in in_batches(docs):
        for r in db.query("SELECT doc_id, incident, COUNT(*) AS n FROM figures "
                          f"WHERE doc_id IN ({placeholders(len(part))}) GROUP BY doc_id, incident", part):
            counts[(r["doc_id"], r["incident"])] = r["n"]
    for node in nodes:
        node.n_figures = counts.get(node.ref, 0)


def _keys_with_spans(nodes: list[Node]) -> dict[str, tuple[_dt.date, _dt.date] | None]:
    """The keys new nodes link through (specific places, else countries), with the span of their windows."""
    spans: dict[str, tuple[_dt.date, _dt.date] | None] = {}
    undated: set[str] = set()
    for node in nodes:
        window = widened(node)
        for key in node.specific or node.countries:
            if window is None:
                undated.add(key)
            elif key in spans and spans[key] is not None:
                old = spans[key]
                assert old is not None
                spans[key] = (min(old[0], window[0]), max(old[1], window[1]))
            else:
                spans[key] = window
    for key in undated:
        spans[key] = None
    return spans


def _candidate_events(db: Database, spans: dict[str, tuple[_dt.date, _dt.date] | None]) -> list[Node]:
    """Summary nodes of the live events sharing a key with the new nodes and whose windows can overlap."""
    ids: set[str] = set()
    scopes: dict[str, str] = {}
    for key, span in spans.items():
        if span is None:
            continue  # an undated incident joins no event on its place alone
        sql = ("SELECT DISTINCT ep.event_id, e.scope FROM event_places ep JOIN events e ON e.id = ep.event_id "
               "WHERE ep.canon = ? AND ep.wmax > 0 AND e.merged_into IS NULL "
               "AND e.win_lo IS NOT NULL AND e.win_lo <= ? AND e.win_hi >= ?")
        for r in db.query(sql, (key, span[1].isoformat(), span[0].isoformat())):
            ids.add(r["event_id"])
            scopes[r["event_id"]] = r["scope"] or "incident"
    out = []
    pad = _dt.timedelta(days=TOLERANCE_DAYS)
    for event_id in sorted(ids):
        agg = EventAggregate.read(db, event_id)
        window = agg.window()
        lo, hi = (window[0] + pad, window[1] - pad) if window else (None, None)
        main = agg.main()
        specific = {k: e[2] for k, e in agg.places.items() if e[0] == "place" and e[2] > 0}
        countries = {k: e[2] for k, e in agg.places.items() if e[0] == "country" and e[2] > 0}
        ref = f"event:{event_id}"
        if specific:
            out.append(Node(doc_id=ref, n=0, places=[], names=[], lo=lo, hi=hi, n_figures=1, event_id=event_id,
                            specific=specific, main_key=main, scope=scopes[event_id]))
        if countries:  # incidents naming only countries link to such incidents only
            country_main = max(sorted(countries), key=lambda k: countries[k])
            out.append(Node(doc_id=ref, n=1, places=[], names=[], lo=lo, hi=hi, n_figures=1, event_id=event_id,
                            countries=countries, main_key=main if not specific else country_main,
                            scope=scopes[event_id]))
    return out


def _pending(db: Database, nodes: list[Node], spans: dict[str, tuple[_dt.date, _dt.date] | None],
             keys: KeyMap) -> list[Node]:
    """Waiting incidents (no event, ``how = 'none'``) that share a key with the new nodes."""
    refs: set[tuple[str, int]] = {n.ref for n in nodes}
    found: list[dict[str, Any]] = []
    for key, span in spans.items():
        if span is None:
            continue  # undated: never grouped on its place alone
        sql = ("SELECT i.doc_id, i.n, i.places, i.names, i.date_lo, i.date_hi, i.event_id, d.published, i.scope "
               "FROM place_keys pk JOIN incident_places ip ON ip.key = pk.key "
               "JOIN incidents i ON i.doc_id = ip.doc_id AND i.n = ip.n JOIN documents d ON d.id = i.doc_id "
               "WHERE pk.canon = ? AND i.event_id IS NULL AND i.how = 'none'")
        params: list[Any] = [key]
        sql += " AND i.date_lo IS NOT NULL AND i.date_lo <= ? AND i.date_hi >= ?"
        pad = _dt.timedelta(days=TOLERANCE_DAYS)
        params += [(span[1] + pad).isoformat(), (span[0] - pad).isoformat()]
        sql += " ORDER BY d.published DESC, i.doc_id, i.n LIMIT ?"
        for r in db.query(sql, [*params, PENDING_LIMIT]):
            if (r["doc_id"], r["n"]) not in refs:
                refs.add((r["doc_id"], r["n"]))
                found.append(r)
    pending = [node_of(r) for r in found]
    for node in pending:
        for _, key, _, _ in node.places:
            keys.get(key)
    apply_canon(pending, keys.canon)
    return pending


def _next_chunk(db: Database, keys: KeyMap) -> list[Node]:
    """The next :data:`CHUNK` incidents never grouped, canonical keys given to their new places."""
    rows = db.query(MEMBERS + " WHERE i.event_id IS NULL AND i.how IS NULL ORDER BY i.doc_id, i.n LIMIT ?", (CHUNK,))
    nodes = [node_of(r) for r in rows]
    published = {(r["doc_id"], r["n"]): r["published"] or "" for r in rows}
    nodes.sort(key=lambda n: (published[n.ref], n.doc_id, n.n))
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for node in nodes:
        for kk, w in weights_of(node.places).items():
            weights[kk] += w
    keys.assign(weights)
    apply_canon(nodes, keys.canon)
    _figure_counts(db, nodes)
    return nodes


def regroup(db: Database) -> dict[str, int]:
    """Assign unassigned incidents to events (one transaction); return counts.

    Returns:
        ``{"assigned": incidents given an event, "created": new events, "removed": empty events dropped}``.
    """
    assigned = created = 0
    with db.transaction():
        keys = KeyMap(db)
        while True:
            nodes = _next_chunk(db, keys)
            if not nodes:
                break
            spans = _keys_with_spans(nodes)
            pending = _pending(db, nodes, spans, keys)
            summaries = _candidate_events(db, spans)
            for group in cluster(nodes + pending + summaries):
                existing = next((n.event_id for n in group if n.event_id), None)
                new = [n for n in group if not n.event_id]
                if not new:
                    continue
                if existing is None:
                    if not any(n.n_figures for n in new):
                        continue  # a document without figures does not start an event
                    naming = name_event(new, keys.canon)
                    existing = unique_id(db, "events", naming.id)
                    db.execute("INSERT INTO events (id, name, place, year, how, merged_into, created_at, stale, scope) "
                               "VALUES (?, ?, ?, ?, 'auto', NULL, ?, 1, ?)",
                               (existing, naming.name, naming.place, naming.year, _now(), new[0].scope))
                    created += 1
                    agg = EventAggregate()
                else:
                    agg = EventAggregate.read(db, existing)
                for n in new:
                    db.execute("UPDATE incidents SET event_id = ?, how = 'auto' WHERE doc_id = ? AND n = ?",
                               (existing, n.doc_id, n.n))
                    n.event_id = existing
                    agg.add(n)
                    assigned += 1
                agg.write(db, existing)  # later chunks compare with the event as it is now
                mark_stale(db, [existing])
            left = [n.ref for n in nodes if not n.event_id]
            db.executemany("UPDATE incidents SET how = 'none' WHERE doc_id = ? AND n = ?", left)
        removed = refresh_stale(db, keys)
    return {"assigned": assigned, "created": created, "removed": removed}


def upgrade(db: Database) -> None:
    """Fill the tables of migration ``0003_event_summaries`` for a ledger written before it.

    Reads the incidents once, as a stream: their places into ``incident_places``, one
    canonical key per place key (heaviest spelling first, as grouping a whole ledger does), then
    recomputes every event's aggregates.
    """
    weights: dict[str, float] = defaultdict(float)
    kinds: dict[str, str] = {}
    batch: list[tuple[str, int, str, str, float]] = []
    for row in db.stream("SELECT doc_id, n, places FROM incidents ORDER BY doc_id, n"):
        for rec in place_rows(row["doc_id"], row["n"], row["places"]):
            batch.append(rec)
            weights[rec[2]] += rec[4]
            kinds.setdefault(rec[2], rec[3])
        if len(batch) >= 2000:
            db.executemany("INSERT INTO incident_places (doc_id, n, key, kind, weight) VALUES (?, ?, ?, ?, ?)", batch)
            batch = []
    db.executemany("INSERT INTO incident_places (doc_id, n, key, kind, weight) VALUES (?, ?, ?, ?, ?)", batch)
    canon = canonical_of_weights({k: w for k, w in weights.items() if kinds[k] == "place"})
    db.executemany("INSERT INTO place_keys (key, canon) VALUES (?, ?)",
                   [(k, canon.get(k, k)) for k in sorted(weights)])
    # the events are recomputed by the migrations after this one (0004 marks every event stale)


def resolve_event(db: Database, event_id: str) -> str:
    """The live id of an event, following merges.

    Raises:
        NotFoundError: E110 no such event.
    """
    return live_id(db, "events", event_id, LedgerErrors.E110.format(id=event_id))


def merge_events(db: Database, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
    """Merge events into one (``into``, else the first id); return the target id.

    Raises:
        LedgerError: E114 fewer than two distinct events; NotFoundError: E110 unknown id.
    """
    resolved, target = merge_plan(ids, into, lambda i: resolve_event(db, i), "merge-events")
    with db.transaction():
        for other in resolved:
            if other != target:
                db.execute("UPDATE incidents SET event_id = ?, how = 'user' WHERE event_id = ?", (target, other))
                db.execute("UPDATE events SET merged_into = ? WHERE id = ? OR merged_into = ?", (target, other, other))
        db.execute("UPDATE incidents SET how = 'user' WHERE event_id = ?", (target,))
        if name:
            db.execute("UPDATE events SET name = ?, how = 'user' WHERE id = ?", (name, target))
        mark_stale(db, resolved)
        refresh_stale(db)
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
        mark_stale(db, [source, target])
        refresh_stale(db)
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
    events = db.query(f"SELECT id, name, place, year, how, date_start, date_end FROM events "
                      f"WHERE merged_into IS NULL{only} ORDER BY id",
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
        out.append({"id": e["id"], "name": e["name"], "place": e["place"], "year": e["year"], "how": e["how"],
                    "date_start": e["date_start"], "date_end": e["date_end"],
                    "also_called": sorted(names, key=lambda n: (-names[n], n)),
                    "documents": sorted({r["doc_id"] for r in rows}),
                    "published_first": min((r["published"] for r in rows if r["published"]), default=None),
                    "published_last": max((r["published"] for r in rows if r["published"]), default=None),
                    "merged_ids": sorted(aliases.get(e["id"], []))})
    return out
