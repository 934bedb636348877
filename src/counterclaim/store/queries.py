"""Named read queries returning plain dicts: the only SQL that compare, checks and export use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from counterclaim.records import Act, Count, Diagnostic, Document, Figure, Quote, Result, Source, Speaker
from counterclaim.store.db import Database, in_batches, placeholders

_FIGURES = (
    "SELECT f.doc_id, f.fid, f.seq, f.span_start, f.span_end, f.text, f.outcome, f.value, f.low, f.high, f.qualifier, "
    "f.groups, f.part_of, f.source_name, f.source_type, f.source_start, f.source_end, f.hedged, f.sentence_start, "
    "f.sentence_end, f.confidence, f.claimant, f.voice, f.incident, d.title, d.published, d.publisher, d.path, "
    "d.rules_version, s.source_id, src.name AS source, src.kind AS source_kind, i.event_id, i.is_primary, "
    "i.date_lo, i.date_hi, i.place AS incident_place, i.year AS incident_year, f.stance, f.kind, f.kind_reason, "
    "i.scope AS incident_scope, f.sentence_start AS s0 "
    "FROM figures f JOIN documents d ON d.id = f.doc_id "
    "LEFT JOIN source_spellings s ON s.spelling = f.claimant "
    "LEFT JOIN sources src ON src.id = s.source_id "
    "LEFT JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident")


def _figure(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["groups"] = [g for g in (row.get("groups") or "").split(",") if g]
    row["hedged"] = bool(row["hedged"])
    row["is_primary"] = bool(row["is_primary"]) if row.get("is_primary") is not None else None
    row["source_type"] = row["source_type"] or ("media" if row["voice"] == "own" else "unspecified")
    if row["voice"] == "own":
        row["source_type"] = "media"  # the text's own voice is its publication's
    row["stance"] = row.get("stance") or ("hedged" if row["hedged"] else "asserted")
    row.pop("s0", None)
    return row


def figure_rows(db: Database, *, event_id: str | None = None, doc_id: str | None = None,
                doc_ids: list[str] | None = None, source_id: str | None = None,
                sentences: bool = False) -> list[dict[str, Any]]:
    """Figures with their document, normalised source and event, in document order.

    Each argument given narrows the rows: one event, one document, a list of documents, one
    (normalised) source. ``sentences`` adds each figure's ``sentence`` (cut by the database).
    """
    where, params = [], []
    if event_id is not None:
        where.append("i.event_id = ?")
        params.append(event_id)
    if doc_id is not None:
        where.append("f.doc_id = ?")
        params.append(doc_id)
    if source_id is not None:
        where.append("s.source_id = ?")
        params.append(source_id)
    if doc_ids is not None:
        ids = sorted(set(doc_ids))
        out = []
        for part in in_batches(ids):
            out += figure_rows_where(db, [*where, f"f.doc_id IN ({placeholders(len(part))})"], [*params, *part],
                                     sentences=sentences)
        out.sort(key=lambda f: (f["published"] is not None, f["published"] or "", f["doc_id"], f["seq"]))
        return out
    return figure_rows_where(db, where, params, sentences=sentences)


_SENTENCE = (", substr(d.text, CAST(f.sentence_start AS INTEGER) + 1, "
             "CAST(f.sentence_end - f.sentence_start AS INTEGER)) AS sentence ")


def figure_rows_where(db: Database, where: list[str], params: list[Any], *,
                      sentences: bool = False) -> list[dict[str, Any]]:
    """Figure rows (as :func:`figure_rows`) matching SQL conditions on ``f`` (figures), ``d``, ``s``, ``i``."""
    base = _FIGURES.replace(" FROM figures f", _SENTENCE + "FROM figures f", 1) if sentences else _FIGURES
    sql = base + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.published, f.doc_id, f.seq"
    return [_figure(r) for r in db.query(sql, params)]


def document_rows(db: Database, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Documents with counts of figures, quotes and acts, and the events they contribute to.

    All of them in publication order, or ``limit`` of them from ``offset`` (only those are read).
    """
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    docs = db.query("SELECT id, path, title, author, published, publisher, url, rules_version, ingested_at, "
                    "extracted_at FROM documents ORDER BY published, id" + page)
    counts: dict[str, dict[str, int]] = {}
    events: dict[str, set[str]] = {}
    parts = [None] if limit is None else list(in_batches([d["id"] for d in docs]))
    for part in parts:
        where = "" if part is None else f" WHERE doc_id IN ({placeholders(len(part))})"
        args = part or ()
        for table in ("figures", "quotes", "acts"):
            for r in db.query(f"SELECT doc_id, COUNT(*) AS n FROM {table}{where} GROUP BY doc_id", args):
                counts.setdefault(r["doc_id"], {})[table] = r["n"]
        for r in db.query("SELECT doc_id, event_id FROM incidents WHERE event_id IS NOT NULL"
                          + (where.replace(" WHERE", " AND") if where else ""), args):
            events.setdefault(r["doc_id"], set()).add(r["event_id"])
    for d in docs:
        c = counts.get(d["id"], {})
        d.update(figures=c.get("figures", 0), quotes=c.get("quotes", 0), acts=c.get("acts", 0),
                 events=sorted(events.get(d["id"], ())))
    return docs


def _span(a: Any, b: Any) -> tuple[int, int] | None:
    return None if a is None or b is None else (int(a), int(b))


def load_result(db: Database, doc_id: str) -> Result:
    """Rebuild the stored Result of a document: ``to_dict()`` is its OUTPUT.md object again."""
    d = db.query("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]
    document = Document(id=d["id"], text=d["text"], path=d["path"], title=d["title"], author=d["author"],
                        published=d["published"], publisher=d["publisher"], url=d["url"])
    figures = tuple(
        Figure(id=f["fid"], span=(int(f["span_start"]), int(f["span_end"])), text=f["text"], outcome=f["outcome"],
               count=Count(f["value"], f["low"], f["high"], f["qualifier"]),
               groups=tuple(g for g in (f["groups"] or "").split(",") if g), part_of=f["part_of"],
               source=Source(f["source_name"], f["source_type"] or "unspecified",
                             _span(f["source_start"], f["source_end"])) if f["source_name"] is not None else None,
               hedged=bool(f["hedged"]), sentence=_span(f["sentence_start"], f["sentence_end"]),
               confidence=f["confidence"], stance=f.get("stance") or ("hedged" if f["hedged"] else "asserted"),
               kind=f.get("kind"), kind_reason=f.get("kind_reason"))
        for f in db.query("SELECT * FROM figures WHERE doc_id = ? ORDER BY seq", (doc_id,)))
    quotes = tuple(
        Quote(id=q["qid"], span=(int(q["span_start"]), int(q["span_end"])), text=q["text"],
              speaker=Speaker(q["speaker"], _span(q["speaker_start"], q["speaker_end"])) if q["speaker"] else None,
              via=Speaker(q["via"], _span(q["via_start"], q["via_end"])) if q["via"] else None)
        for q in db.query("SELECT * FROM quotes WHERE doc_id = ? ORDER BY seq", (doc_id,)))
    acts = tuple(
        Act(id=a["aid"], span=(int(a["span_start"]), int(a["span_end"])), jurisdiction=a["jurisdiction"],
            jurisdiction_code=a["jurisdiction_code"], act=a["act"], date=a["date"], text=a["text"])
        for a in db.query("SELECT * FROM acts WHERE doc_id = ? ORDER BY seq", (doc_id,)))
    diagnostics = tuple(
        Diagnostic(x["code"], x["message"], _span(x["span_start"], x["span_end"]))
        for x in db.query("SELECT * FROM diagnostics WHERE doc_id = ? ORDER BY seq", (doc_id,)))
    versions = json.loads(d["versions"]) if d["versions"] else {}
    return Result(document=document, figures=figures, quotes=quotes, acts=acts, diagnostics=diagnostics,
                  versions=versions)


def iter_results(db: Database) -> Iterator[Result]:
    """Every stored Result, in publication order."""
    for row in db.query("SELECT id FROM documents ORDER BY published, id"):
        yield load_result(db, row["id"])


def document_ids(db: Database) -> list[str]:
    """All document ids."""
    return [r["id"] for r in db.query("SELECT id FROM documents ORDER BY id")]


def summary_counts(db: Database) -> dict[str, int]:
    """How many documents, figures, quotes, acts, sources and events the ledger holds."""
    out = {t: int(db.scalar(f"SELECT COUNT(*) FROM {t}") or 0) for t in ("documents", "figures", "quotes", "acts")}
    out["sources"] = int(db.scalar("SELECT COUNT(*) FROM sources WHERE merged_into IS NULL") or 0)
    out["events"] = int(db.scalar("SELECT COUNT(*) FROM events WHERE merged_into IS NULL") or 0)
    out["ungrouped"] = int(db.scalar("SELECT COUNT(DISTINCT doc_id) FROM incidents WHERE event_id IS NULL "
                                     "AND how IS NULL") or 0)
    return out


def document_details(db: Database, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Id, title, publication date, publisher and path of documents, oldest first."""
    out: list[dict[str, Any]] = []
    for part in in_batches(sorted(set(doc_ids))):
        out += db.query(f"SELECT id, title, published, publisher, path FROM documents WHERE id IN "
                        f"({placeholders(len(part))})", part)
    return sorted(out, key=lambda d: (d["published"] or "", d["id"]))


def event_places(db: Database, event_id: str) -> dict[str, Any]:
    """Where an event happened, as the ledger keeps it (country, admin area, coordinates, precision)."""
    rows = db.query("SELECT scope, country, adm_1, adm_1_code, latitude, longitude, where_prec, geonameid "
                    "FROM events WHERE id = ?", (event_id,))
    return rows[0] if rows else {}


def event_ids_like(db: Database, text: str, limit: int = 10) -> list[str]:
    """Live event ids that start with, or contain, ``text`` (for suggestions), best first."""
    needle = text.lower().replace("\\", "").replace("%", "").replace("_", "")
    rows = db.query("SELECT id FROM events WHERE merged_into IS NULL AND (id LIKE ? OR lower(name) LIKE ?) "
                    "ORDER BY n_documents DESC, id LIMIT ?", (f"%{needle}%", f"%{needle}%", limit))
    return sorted((r["id"] for r in rows), key=lambda i: (not i.startswith(needle), i))


def all_checks(db: Database) -> list[dict[str, Any]]:
    """Every stored flag of every live event."""
    out: list[dict[str, Any]] = []
    for r in db.query("SELECT checks FROM events WHERE merged_into IS NULL AND checks IS NOT NULL ORDER BY id"):
        out += json.loads(r["checks"])
    return out


_PG_FINGERPRINT = (
    "SELECT (SELECT COUNT(*) FROM documents) AS d, (SELECT MAX(extracted_at) FROM documents) AS x, "
    "(SELECT COUNT(*) FROM events) AS e, (SELECT COUNT(*) FROM events WHERE merged_into IS NOT NULL) AS m, "
    "(SELECT COUNT(*) FROM sources WHERE merged_into IS NULL) AS s, "
    "(SELECT COUNT(*) FROM incidents WHERE how = 'user') AS u, "
    "(SELECT COUNT(*) FROM source_spellings WHERE how = 'user') AS v")


def fingerprint(db: Database) -> Any:
    """A value that changes when another connection changes the ledger (SQLite's ``data_version``;
    on PostgreSQL, counts of what writes change)."""
    if db.dialect == "postgresql":
        return tuple(db.query(_PG_FINGERPRINT)[0].values())
    return db.scalar("PRAGMA data_version")


def document_meta(db: Database, doc_id: str) -> dict[str, Any]:
    """When a document was ingested and extracted, and by which rules."""
    return db.query("SELECT ingested_at, extracted_at, rules_version FROM documents WHERE id = ?", (doc_id,))[0]


def count_of(db: Database, what: str) -> int:
    """How many ``documents`` or live ``sources`` the ledger holds."""
    sql = {"documents": "SELECT COUNT(*) FROM documents",
           "sources": "SELECT COUNT(*) FROM sources WHERE merged_into IS NULL"}[what]
    return int(db.scalar(sql) or 0)


def source_row(db: Database, source_id: str) -> dict[str, Any] | None:
    """One source with its spellings (None when there is no such source)."""
    rows = db.query("SELECT id, name, kind, country FROM sources WHERE id = ?", (source_id,))
    if not rows:
        return None
    spellings = [r["spelling"] for r in db.query(
        "SELECT spelling FROM source_spellings WHERE source_id = ? ORDER BY spelling", (source_id,))]
    return {**rows[0], "spellings": spellings}


def source_countries(db: Database, source_ids: list[str]) -> dict[str, str]:
    """The country code of each of these live sources that has one, by source id."""
    out: dict[str, str] = {}
    for part in in_batches(sorted(set(source_ids))):
        out.update({r["id"]: r["country"] for r in db.query(
            f"SELECT id, country FROM sources WHERE id IN ({placeholders(len(part))}) "
            "AND merged_into IS NULL AND country IS NOT NULL", part) if r["country"]})
    return out


def event_names(db: Database, event_ids: list[str]) -> dict[str, str]:
    """Names of events by id."""
    out: dict[str, str] = {}
    for part in in_batches(sorted(set(event_ids))):
        out.update({r["id"]: r["name"] for r in db.query(
            f"SELECT id, name FROM events WHERE id IN ({placeholders(len(part))})", part)})
    return out


def has_document(db: Database, doc_id: str) -> bool:
    """Whether a document with this sha256 is stored."""
    return bool(db.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)))


def stale_document_ids(db: Database, rules_version: str) -> list[str]:
    """Ids of documents extracted by other rules than ``rules_version``."""
    rows = db.query("SELECT id FROM documents WHERE rules_version IS NULL OR rules_version <> ? ORDER BY id",
                    (rules_version,))
    return [r["id"] for r in rows]


def has_ungrouped(db: Database) -> bool:
    """Whether stored incidents were never looked at by grouping (a run killed before it regrouped)."""
    return bool(db.scalar("SELECT 1 FROM incidents WHERE event_id IS NULL AND how IS NULL LIMIT 1"))


def figure_sentences(db: Database, refs: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Some figures with their sentences (cut by the database): ``(doc_id, fid)`` → ``{"text", "sentence"}``."""
    wanted = set(refs)
    by_doc: dict[str, set[str]] = {}
    for doc_id, fid in wanted:
        by_doc.setdefault(doc_id, set()).add(fid)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for part in in_batches(sorted(by_doc)):
        fids = sorted({f for d in part for f in by_doc[d]})
        for batch in in_batches(fids, 200):
            for r in db.query("SELECT f.doc_id, f.fid, f.text" + _SENTENCE +
                              "FROM figures f JOIN documents d ON d.id = f.doc_id "
                              f"WHERE f.doc_id IN ({placeholders(len(part))}) AND f.fid IN "
                              f"({placeholders(len(batch))})", [*part, *batch]):
                if (r["doc_id"], r["fid"]) in wanted:
                    out[(r["doc_id"], r["fid"])] = {"text": r["text"], "sentence": r["sentence"] or ""}
    return out


def source_summary(db: Database, source_id: str) -> dict[str, Any]:
    """A source's claims counted per event (most first), its documents and its source types (one read)."""
    rows = db.query(
        "SELECT i.event_id, f.doc_id, CASE WHEN f.voice = 'own' THEN 'media' "
        "ELSE COALESCE(f.source_type, 'unspecified') END AS t, COUNT(*) AS n "
        "FROM figures f JOIN source_spellings s ON s.spelling = f.claimant "
        "LEFT JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident WHERE s.source_id = ? "
        "GROUP BY i.event_id, f.doc_id, t", (source_id,))
    events: dict[str | None, int] = {}
    documents: set[str] = set()
    types: set[str] = set()
    for r in rows:
        events[r["event_id"]] = events.get(r["event_id"], 0) + int(r["n"])
        documents.add(r["doc_id"])
        types.add(r["t"])
    ranked = sorted(events.items(), key=lambda kv: (-kv[1], kv[0] or "~"))
    return {"events": ranked, "claims": sum(events.values()), "documents": len(documents), "types": sorted(types)}


def source_figures(db: Database, source_id: str, event_ids: list[str | None], *,
                   sentences: bool = False) -> list[dict[str, Any]]:
    """Figure rows of one source in some events (``None`` for figures outside any event);
    ``sentences`` adds each figure's ``sentence`` (as :func:`figure_rows`)."""
    named = [e for e in event_ids if e]
    conditions = []
    if named:
        conditions.append(f"i.event_id IN ({placeholders(len(named))})")
    if None in event_ids:
        conditions.append("i.event_id IS NULL")
    if not conditions:
        return []
    return figure_rows_where(db, ["s.source_id = ?", "(" + " OR ".join(conditions) + ")"], [source_id, *named],
                             sentences=sentences)


def document_events(db: Database, doc_id: str) -> list[str]:
    """The ids of the events a document contributes to, sorted."""
    rows = db.query("SELECT DISTINCT event_id FROM incidents WHERE doc_id = ? AND event_id IS NOT NULL", (doc_id,))
    return sorted(r["event_id"] for r in rows)
