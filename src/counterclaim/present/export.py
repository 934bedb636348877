"""Exports: CSV, JSON, JSON Lines (OUTPUT.md objects), Parquet and a UCDP-GED-like table.

Tables (``--table``) for CSV, JSON and Parquet:

* ``figures`` — one row per figure, with its document, normalised source and event;
* ``claims`` — one row per event × outcome × victim group × source × count
  (:mod:`counterclaim.reconcile.compare`), with the row's low/best/high;
* ``events`` — one row per event, with low/best/high and the summary line of each outcome's
  whole toll (``killed_low``, ``killed_best``, ``killed_high``, ``killed_summary``, …);
* ``sources`` and ``documents``.

``jsonl`` writes every stored document as its OUTPUT.md object (what ``counterclaim
extract --format jsonl`` printed), whatever ``--table`` says.

``ucdp`` writes one row per event × source in the manner of UCDP-GED: the source's
``low``/``best``/``high`` for deaths (the ``killed`` outcome's whole toll; ``best`` is the
median of that source's values), ``deaths_civilians`` when the source gives a civilian
toll, the event's place, country, dates and year, and the source fields ``source_article``
(document titles), ``source_office`` (publishers), ``source_date``, ``source_original``
(the source as written) and ``number_of_sources`` (documents). Sources that give no
death toll for an event have no row.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TextIO

from counterclaim.errors import LedgerError, LedgerErrors
from counterclaim.records import OUTCOMES

TABLES = ("figures", "claims", "events", "sources", "documents")
FORMATS = ("csv", "json", "jsonl", "parquet", "ucdp")


def _join(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values if v not in (None, ""))


def figure_table(ledger: Any) -> list[dict[str, Any]]:
    """One flat row per figure."""
    from counterclaim.reconcile.compare import count_text, group_label

    names = {e["id"]: e["name"] for e in ledger.events(with_claims=False)}
    return [{"event_id": f["event_id"], "event_name": names.get(f["event_id"]), "doc_id": f["doc_id"],
             "fid": f["fid"], "outcome": f["outcome"], "group": group_label(f), "value": f["value"], "low": f["low"],
             "high": f["high"], "qualifier": f["qualifier"],
             "count": count_text(f["value"], f["low"], f["high"], f["qualifier"], f["text"]),
             "groups": _join(f["groups"]), "part_of": f["part_of"], "hedged": f["hedged"],
             "source_id": f["source_id"], "source": f["source"], "source_type": f["source_type"],
             "source_spelling": f["claimant"], "voice": f["voice"], "text": " ".join(f["text"].split()),
             "span_start": f["span_start"], "span_end": f["span_end"], "doc_title": f["title"],
             "doc_published": f["published"], "doc_publisher": f["publisher"], "doc_path": f["path"],
             "incident_place": f["incident_place"], "incident_date_start": f["date_lo"],
             "incident_date_end": f["date_hi"], "rules_version": f["rules_version"]}
            for f in ledger.figures()]


def claim_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per claim of every event's comparison."""
    rows = []
    for e in ledger.events():
        for r in e["outcomes"]:
            for c in r["claims"]:
                rows.append({"event_id": e["id"], "event_name": e["name"], "outcome": r["outcome"],
                             "group": r["group"], "source_id": c["source_id"], "source": c["source"],
                             "source_type": c["source_type"], "voice": c["voice"], "count": c["count"],
                             "value": c["value"], "low": c["low"], "high": c["high"], "qualifier": c["qualifier"],
                             "hedged": c["hedged"], "groups": _join(c["groups"]), "n_documents": c["n_documents"],
                             "documents": _join(c["documents"]), "first_seen": c["first_seen"],
                             "last_seen": c["last_seen"], "spellings": _join(c["spellings"]),
                             "row_low": r["low"], "row_best": r["best"], "row_high": r["high"]})
    return rows


def event_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per event with each outcome's whole-toll spread and summary."""
    rows = []
    for e in ledger.events():
        row: dict[str, Any] = {"event_id": e["id"], "name": e["name"], "place": e["place"], "year": e["year"],
                               "date_start": e["date_start"], "date_end": e["date_end"],
                               "n_documents": len(e["documents"]), "also_called": _join(e["also_called"])}
        whole = {r["outcome"]: r for r in e["outcomes"] if r["group"] == "all"}
        for outcome in OUTCOMES:
            r = whole.get(outcome, {})
            row.update({f"{outcome}_low": r.get("low"), f"{outcome}_best": r.get("best"),
                        f"{outcome}_high": r.get("high"), f"{outcome}_sources": r.get("sources"),
                        f"{outcome}_summary": r.get("summary")})
        rows.append(row)
    return rows


def source_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per normalised source."""
    return [{**s, "types": _join(s["types"]), "spellings": _join(s["spellings"]), "events": _join(s["events"])}
            for s in ledger.sources()]


def document_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per document."""
    return [{**d, "events": _join(d["events"])} for d in ledger.documents()]


def _event_countries(ledger: Any) -> dict[str, str]:
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in ledger.db.query("SELECT event_id, places FROM incidents WHERE event_id IS NOT NULL"):
        for _, key, kind, w in json.loads(r["places"]):
            if kind == "country":
                weights[r["event_id"]][key.lstrip("@")] += w
    return {e: max(ws, key=lambda k: ws[k]) for e, ws in weights.items() if ws}


def ucdp_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per event × source (deaths), UCDP-GED style (see the module docstring)."""
    from counterclaim.analysis.countries import country_name

    countries = _event_countries(ledger)
    docs = {d["id"]: d for d in ledger.documents()}
    rows = []
    for e in ledger.events():
        killed = [r for r in e["outcomes"] if r["outcome"] == "killed"]
        whole = next((r for r in killed if r["group"] == "all"), None)
        if whole is None:
            continue
        civilians: dict[str, list[int]] = defaultdict(list)
        for c in whole["claims"]:
            if "civilians" in c["groups"] and c["value"] is not None:
                civilians[c["source_id"]].append(c["value"])
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in whole["claims"]:
            by_source[c["source_id"]].append(c)
        code = countries.get(e["id"])
        for source_id, claims in sorted(by_source.items(), key=lambda kv: kv[0] or ""):
            doc_ids = sorted({d for c in claims for d in c["documents"]})
            centres = [c["central"] for c in claims if c["central"] is not None]
            lows = [c["low"] for c in claims if c["low"] is not None]
            highs = [c["high"] for c in claims if c["high"] is not None]
            rows.append({
                "id": f"{e['id']}:{source_id}", "relid": e["id"], "year": e["year"], "event_name": e["name"],
                "where_description": e["place"], "country": country_name(code).removeprefix("the ") if code else None,
                "country_code": code, "date_start": e["date_start"], "date_end": e["date_end"],
                "source_id": source_id, "source_original": _join(sorted({s for c in claims for s in c["spellings"]})),
                "source_name": claims[0]["source"], "source_type": claims[0]["source_type"],
                "source_article": _join(docs[d]["title"] for d in doc_ids if d in docs),
                "source_office": _join(sorted({docs[d]["publisher"] for d in doc_ids if d in docs and
                                               docs[d]["publisher"]})),
                "source_date": _join(sorted({docs[d]["published"] for d in doc_ids if d in docs and
                                             docs[d]["published"]})),
                "source_headline": _join(docs[d]["title"] for d in doc_ids if d in docs),
                "number_of_sources": len(doc_ids), "low": min(lows) if lows else None,
                "best": round(statistics.median(centres)) if centres else None,
                "high": max(highs) if highs else None,
                "deaths_civilians": round(statistics.median(civilians[source_id])) if civilians[source_id] else None,
                "qualifiers": _join(sorted({c["qualifier"] for c in claims})),
                "event_low": whole["low"], "event_best": whole["best"], "event_high": whole["high"]})
    return rows


BUILDERS = {"figures": figure_table, "claims": claim_table, "events": event_table, "sources": source_table,
            "documents": document_table}


def _csv(rows: list[dict[str, Any]], out: TextIO) -> None:
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})


def _parquet(rows: list[dict[str, Any]], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise LedgerError(LedgerErrors.E131.format()) from exc
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    try:
        pq.write_table(table, path)
    except OSError as exc:
        raise LedgerError(LedgerErrors.E132.format(path=path, detail=exc)) from exc


def write_export(ledger: Any, fmt: str, *, table: str = "figures", out: TextIO | None = None,
           path: str | None = None) -> int:
    """Write an export; return the number of rows (documents for ``jsonl``).

    Args:
        ledger: an open :class:`counterclaim.ledger.Ledger`.
        fmt: one of :data:`FORMATS`.
        table: one of :data:`TABLES` (ignored by ``jsonl`` and ``ucdp``).
        out: a text stream for the text formats (when ``path`` is None).
        path: a file to write; required for ``parquet``.

    Raises:
        LedgerError: E130 Parquet without a path, E131 pyarrow missing, E132 unwritable path.
    """
    if fmt == "jsonl":
        return _write_text(lambda stream: _jsonl(ledger, stream), out, path)
    rows = ucdp_table(ledger) if fmt == "ucdp" else BUILDERS[table](ledger)
    if fmt == "parquet":
        if not path:
            raise LedgerError(LedgerErrors.E130.format(fmt="Parquet", ext="parquet"))
        _parquet(rows, path)
        return len(rows)
    if fmt == "json":
        _write_text(lambda stream: stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n"), out, path)
    else:
        _write_text(lambda stream: _csv(rows, stream), out, path)
    return len(rows)


def _jsonl(ledger: Any, stream: TextIO) -> int:
    n = 0
    for result in ledger.results():
        stream.write(json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        n += 1
    return n


def _write_text(write: Any, out: TextIO | None, path: str | None) -> int:
    if path is None:
        stream = out or io.StringIO()
        return write(stream) or 0
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            return write(handle) or 0
    except OSError as exc:
        raise LedgerError(LedgerErrors.E132.format(path=path, detail=exc.strerror or exc)) from exc
