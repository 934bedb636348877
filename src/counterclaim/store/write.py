"""Writing extractions into the ledger: one transaction per document, keyed by its sha256.

:func:`store` inserts a document that is not there yet together with its figures, quotes,
acts, diagnostics, incidents and the source spellings they need, all in one transaction:
an interruption (even ``kill -9``) leaves either the whole document or nothing, and
storing a document already present writes nothing at all. :func:`replace_extraction`
swaps a stored document's extraction for a newer one (``counterclaim reextract``) in one
transaction, keeping the users' decisions: a new incident takes the event of the old
incident with the same main place and year.

Every figure gets a *claimant*: the source's name as written, or — for a figure stated in
the text's own voice — the publisher (else the author; else the document itself, never a
pooled "unattributed" source). Claimant spellings are mapped to normalised sources by :mod:`counterclaim.store.sources`.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from counterclaim.analysis.incidents import Incident
from counterclaim.reconcile.claimants import clean_spelling, not_a_claimant
from counterclaim.records import Figure, Result
from counterclaim.store.db import Database
from counterclaim.store.sources import ensure_spellings

_FIGURE_KEYS = {"id", "span", "text", "outcome", "count", "groups", "part_of", "source", "hedged", "sentence",
                "confidence", "stance", "kind", "kind_reason"}


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def claimant(figure: Figure, result: Result) -> tuple[str, str]:
    """``(spelling, voice)``: who claims the figure; voice is ``attributed`` or ``own``.

    A source name that is no claimant (a place, a fragment: :func:`~counterclaim.reconcile.claimants.
    not_a_claimant`) counts as the text's own voice. The text's own voice is its publication's:
    the publisher, else the author, else the document itself (``document <id>``) — never one
    pooled "unattributed" source.
    """
    if figure.source is not None and figure.source.name.strip() and not not_a_claimant(figure.source.name):
        return clean_spelling(figure.source.name), "attributed"
    doc = result.document
    for name in (doc.publisher, doc.author):
        if name and name.strip():
            return clean_spelling(name), "own"
    return f"document {doc.id[:12]}", "own"


def _extra(d: dict[str, Any], known: set[str]) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None


def _figure_rows(result: Result, incident_of: dict[str, int]) -> list[tuple[Any, ...]]:
    from counterclaim.analysis.kinds import classify_all

    rows = []
    for seq, f in enumerate(classify_all(list(result.figures), result.document.text)):
        spelling, voice = claimant(f, result)
        src = f.source
        rows.append((
            result.document.id, f.id, seq, f.span[0], f.span[1], f.text, f.outcome, f.count.value, f.count.low,
            f.count.high, f.count.qualifier, ",".join(f.groups), f.part_of, src.name if src else None,
            src.type if src else None, src.span[0] if src and src.span else None,
            src.span[1] if src and src.span else None, int(f.hedged), f.sentence[0] if f.sentence else None,
            f.sentence[1] if f.sentence else None, f.confidence, _extra(f.to_dict(), _FIGURE_KEYS), spelling, voice,
            incident_of.get(f.id, 0), stance_of(f), f.kind, f.kind_reason))
    return rows


def stance_of(figure: Figure) -> str:
    """The figure's stance; a hedged figure from before stances existed reads as ``hedged``."""
    if figure.stance in ("denied", "rejected", "hedged"):
        return figure.stance
    return "hedged" if figure.hedged else "asserted"


def _settled(result: Result, incidents: list[Incident]) -> list[Incident]:
    """Incidents with their scope and place country, derived again when they came without them.

    An incident that crossed a process boundary as a plain dict may have lost them; both follow
    from the figures' kinds and the text (:func:`counterclaim.analysis.incidents.place_country`).
    """
    from dataclasses import replace

    from counterclaim.analysis.incidents import place_country

    kinds = {f.id: f.kind for f in result.figures if not f.part_of}
    out = []
    for inc in incidents:
        own = [kinds[fid] for fid in inc.figures if fid in kinds]
        scope = inc.scope
        if scope == "incident" and not inc.is_primary and own and all(k == "background" for k in own):
            scope = "background"
        country = inc.place_country
        if country is None and inc.place is not None and inc.place.kind == "place":
            country = place_country(result.document.text, inc.place.name)
        out.append(replace(inc, scope=scope, place_country=country))
    return out


def _insert_extraction(db: Database, result: Result, incidents: list[Incident]) -> None:
    doc_id = result.document.id
    incidents = _settled(result, incidents)
    incident_of = {fid: inc.n for inc in incidents for fid in inc.figures}
    db.executemany(
        "INSERT INTO figures (doc_id, fid, seq, span_start, span_end, text, outcome, value, low, high, qualifier, "
        "groups, part_of, source_name, source_type, source_start, source_end, hedged, sentence_start, sentence_end, "
        "confidence, extra, claimant, voice, incident, stance, kind, kind_reason) VALUES (" + ", ".join("?" * 28) + ")",
        _figure_rows(result, incident_of))
    db.executemany(
        "INSERT INTO quotes (doc_id, qid, seq, span_start, span_end, text, speaker, speaker_start, speaker_end, via, "
        "via_start, via_end, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, q.id, seq, q.span[0], q.span[1], q.text, q.speaker.name if q.speaker else None,
          q.speaker.span[0] if q.speaker and q.speaker.span else None,
          q.speaker.span[1] if q.speaker and q.speaker.span else None, q.via.name if q.via else None,
          q.via.span[0] if q.via and q.via.span else None, q.via.span[1] if q.via and q.via.span else None,
          _extra(q.to_dict(), {"id", "span", "text", "speaker", "via"})) for seq, q in enumerate(result.quotes)])
    db.executemany(
        "INSERT INTO acts (doc_id, aid, seq, span_start, span_end, jurisdiction, jurisdiction_code, act, date, text, "
        "extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, a.id, seq, a.span[0], a.span[1], a.jurisdiction, a.jurisdiction_code, a.act, a.date, a.text,
          _extra(a.to_dict(), {"id", "span", "jurisdiction", "jurisdiction_code", "act", "date", "text"}))
         for seq, a in enumerate(result.acts)])
    db.executemany(
        "INSERT INTO diagnostics (doc_id, seq, code, message, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, seq, d.code, d.message, d.span[0] if d.span else None, d.span[1] if d.span else None)
         for seq, d in enumerate(result.diagnostics)])
    db.executemany(
        "INSERT INTO incidents (doc_id, n, is_primary, place, place_key, places, names, date_lo, date_hi, date_text, "
        "year, event_id, how, scope, place_country) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
        [(doc_id, inc.n, int(inc.is_primary), inc.place.name if inc.place else None,
          inc.place.key if inc.place else None,
          json.dumps([[p.name, p.key, p.kind, p.weight] for p in inc.places], ensure_ascii=False),
          json.dumps(inc.names, ensure_ascii=False), inc.lo.isoformat() if inc.lo else None,
          inc.hi.isoformat() if inc.hi else None, inc.date_text, inc.year, inc.scope, inc.place_country)
         for inc in incidents])
    db.executemany("INSERT INTO incident_places (doc_id, n, key, kind, weight) VALUES (?, ?, ?, ?, ?)",
                   [(doc_id, inc.n, p.key, p.kind, float(p.weight)) for inc in incidents for p in inc.places])
    add_place_spellings(db, {p.name: p.key for inc in incidents for p in inc.places if p.kind == "place" and p.key})
    spellings: dict[str, tuple[str, str | None]] = {}
    for f in result.figures:
        spelling, voice = claimant(f, result)
        spellings.setdefault(spelling, (voice, f.source.type if f.source and voice == "attributed" else "media"))
    ensure_spellings(db, spellings, document_text=result.document.text)


def store(db: Database, result: Result, incidents: list[Incident], *, meta: dict[str, Any] | None = None) -> bool:
    """Store a new document and its extraction in one transaction.

    Args:
        db: the ledger's database.
        result: the extraction (``result.document.id`` is the key).
        incidents: the document's incidents (:func:`counterclaim.analysis.incidents.find_incidents`).
        meta: extra metadata to keep with the document (e.g. fields of a JSON Lines input).

    Returns:
        True when the document was stored; False when a document with this id was there.
    """
    doc = result.document
    stamp = now()
    with db.transaction():
        if db.scalar("SELECT 1 FROM documents WHERE id = ?", (doc.id,)):
            return False
        db.execute(
            "INSERT INTO documents (id, path, title, author, published, publisher, url, text, meta, rules_version, "
            "versions, ingested_at, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.path, doc.title, doc.author, doc.published, doc.publisher, doc.url, doc.text,
             json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None, result.versions.get("rules"),
             json.dumps(result.versions, sort_keys=True), stamp, stamp))
        _insert_extraction(db, result, incidents)
    return True


def replace_extraction(db: Database, result: Result, incidents: list[Incident]) -> None:
    """Replace a stored document's figures, quotes, acts, diagnostics and incidents (one transaction).

    The document row (text, metadata, ingest time) stays; versions and ``extracted_at`` are
    updated. Incidents keep the event (and who decided it) of an old incident with the same
    main place and year; the others are grouped again by the next regroup. The events the
    document contributed to are marked ``stale``: the next regroup recomputes their aggregates.
    """
    doc_id = result.document.id
    with db.transaction():
        old = db.query("SELECT place_key, year, event_id, how FROM incidents WHERE doc_id = ? AND event_id IS NOT NULL",
                       (doc_id,))
        db.execute("UPDATE events SET stale = 1 WHERE id IN (SELECT event_id FROM incidents WHERE doc_id = ?)",
                   (doc_id,))
        for table in ("figures", "quotes", "acts", "diagnostics", "incident_places", "incidents"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        _insert_extraction(db, result, incidents)
        for inc in incidents:
            key = (inc.place.key if inc.place else None, inc.year)
            match = next((o for o in old if (o["place_key"], o["year"]) == key), None)
            if match:
                db.execute("UPDATE incidents SET event_id = ?, how = ? WHERE doc_id = ? AND n = ?",
                           (match["event_id"], match["how"], doc_id, inc.n))
        db.execute("UPDATE documents SET rules_version = ?, versions = ?, extracted_at = ? WHERE id = ?",
                   (result.versions.get("rules"), json.dumps(result.versions, sort_keys=True), now(), doc_id))


def place_spelling_rows(places_json: str) -> list[tuple[str, str]]:
    """``(spelling, key)`` of an incident's stored places (specific places only, not countries)."""
    return [(name, key) for name, key, kind, _ in json.loads(places_json) if kind == "place" and key]


def add_place_spellings(db: Database, spellings: dict[str, str]) -> None:
    """Record place spellings not yet known (inside the caller's transaction)."""
    names = sorted(spellings)
    from counterclaim.store.db import in_batches, placeholders

    for part in in_batches(names):
        known = {r["spelling"] for r in db.query(
            f"SELECT spelling FROM place_spellings WHERE spelling IN ({placeholders(len(part))})", part)}
        db.executemany("INSERT INTO place_spellings (spelling, key) VALUES (?, ?)",
                       [(n, spellings[n]) for n in part if n not in known])


def upgrade_figures(db: Database) -> None:
    """Fill ``stance``, ``kind`` and ``kind_reason`` of figures stored before migration 0004.

    Reads one document at a time (its text and figures), so memory stays flat on a large ledger.
    """
    from counterclaim.analysis.kinds import classify
    from counterclaim.records import Count

    ids = [r["id"] for r in db.query("SELECT id FROM documents ORDER BY id")]
    for doc_id in ids:
        text = db.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,)) or ""
        updates = []
        for r in db.query("SELECT fid, span_start, span_end, text, outcome, value, low, high, qualifier, part_of, "
                          "hedged, sentence_start, sentence_end, extra FROM figures WHERE doc_id = ?", (doc_id,)):
            extra = json.loads(r["extra"]) if r["extra"] else {}
            figure = Figure(id=r["fid"], span=(int(r["span_start"]), int(r["span_end"])), text=r["text"],
                            outcome=r["outcome"], count=Count(r["value"], r["low"], r["high"], r["qualifier"]),
                            part_of=r["part_of"], hedged=bool(r["hedged"]),
                            sentence=(int(r["sentence_start"]), int(r["sentence_end"]))
                            if r["sentence_start"] is not None else None,
                            stance=extra.get("stance") or "asserted")
            kind, reason = (extra["kind"], extra.get("kind_reason")) if extra.get("kind") else classify(figure, text)
            updates.append((stance_of(figure), kind, reason, doc_id, r["fid"]))
        db.executemany("UPDATE figures SET stance = ?, kind = ?, kind_reason = ? WHERE doc_id = ? AND fid = ?",
                       updates)
