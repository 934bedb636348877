"""Exports: CSV, JSON, JSON Lines (OUTPUT.md objects), Parquet and a UCDP GED-like table.

Every column of every table, and the rule behind it, is documented in ``docs/export.md``.

Tables (``--table``) for CSV, JSON and Parquet: ``figures`` (one row per figure, with its stance,
kind and kind reason), ``claims`` (one row per claim of every comparison row, with its role,
kind, stance and the revision that superseded it), ``events`` (one row per event: where, when,
each outcome's low–high of asserted whole-incident tolls, summary line and revisions),
``sources`` and ``documents``. ``jsonl`` writes every stored document as its OUTPUT.md object.

``ucdp`` writes one row per event in the manner of UCDP GED (:data:`UCDP_COLUMNS`): GED's
``best`` column is kept for compatibility, with ``best_rule`` saying how it was computed —
never a verdict on which source is right.
"""

from __future__ import annotations

import csv
import io
import json
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
    from counterclaim.present.counts import count_text
    from counterclaim.reconcile.compare import group_label

    names = {e["id"]: e["name"] for e in ledger.events(with_claims=False)}
    return [{"event_id": f["event_id"], "event_name": names.get(f["event_id"]), "doc_id": f["doc_id"],
             "fid": f["fid"], "outcome": f["outcome"], "group": group_label(f), "value": f["value"], "low": f["low"],
             "high": f["high"], "qualifier": f["qualifier"],
             "count": count_text(f["value"], f["low"], f["high"], f["qualifier"], f["text"]),
             "stance": f["stance"], "kind": f["kind"], "kind_reason": f["kind_reason"],
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
                             "stance": c["stance"], "kind": c["kind"], "kind_reason": c["kind_reason"],
                             "role": c["role"], "superseded_by": c.get("superseded"),
                             "row_low": r["low"], "row_high": r["high"]})
    return rows


def event_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per event with each outcome's whole-toll spread and summary."""
    rows = []
    for e in ledger.events():
        row: dict[str, Any] = {"event_id": e["id"], "name": e["name"], "place": e["place"], "year": e["year"],
                               "scope": e.get("scope"), "country": e.get("country"), "adm_1": e.get("adm_1"),
                               "adm_1_code": e.get("adm_1_code"), "latitude": e.get("latitude"),
                               "longitude": e.get("longitude"), "where_prec": e.get("where_prec"),
                               "date_start": e["date_start"], "date_end": e["date_end"],
                               "n_documents": len(e["documents"]), "also_called": _join(e["also_called"])}
        whole = {r["outcome"]: r for r in e["outcomes"] if r["group"] == "all"}
        for outcome in OUTCOMES:
            r = whole.get(outcome, {})
            row.update({f"{outcome}_low": r.get("low"), f"{outcome}_high": r.get("high"),
                        f"{outcome}_sources": r.get("sources"), f"{outcome}_summary": r.get("summary"),
                        f"{outcome}_revisions": _join(c["text"] for c in r.get("revisions", []))})
        rows.append(row)
    return rows


def source_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per normalised source."""
    return [{**s, "types": _join(s["types"]), "spellings": _join(s["spellings"]), "events": _join(s["events"])}
            for s in ledger.sources()]


def document_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per document."""
    return [{**d, "events": _join(d["events"])} for d in ledger.documents()]


BEST_RULE = "median of the sources' asserted whole-incident tolls (one value per source: its latest revision)"
"""How the UCDP-like ``best`` column is computed; written into every row's ``best_rule``."""
CIVILIAN_GROUPS = {"civilians", "men", "women", "children", "elderly"}
UCDP_COLUMNS = ("id", "relid", "year", "event_name", "scope", "where_description", "where_prec", "adm_1",
                "adm_1_code", "country", "country_id", "latitude", "longitude", "geonameid", "date_start", "date_end",
                "date_prec", "deaths_civilians", "deaths_a", "deaths_b", "deaths_unknown", "deaths_combatants", "low",
                "best", "high", "best_rule", "sources", "source_original", "number_of_sources", "source_article",
                "source_office", "source_date", "document_ids", "hedged", "denied")
"""The columns of the UCDP GED-like export, in order; docs/export.md gives the rule of each."""


def _date_prec(start: str | None, end: str | None) -> int | None:
    """UCDP's ``date_prec``: 1 one day, 2 within a week, 3 within a month, 4 within a year, 5 longer."""
    if not start or not end:
        return None
    import datetime as _dt

    days = (_dt.date.fromisoformat(end) - _dt.date.fromisoformat(start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3 if days <= 31 else 4 if days <= 366 else 5


def _group_best(claims: list[dict[str, Any]], keep: Any) -> int | None:
    from counterclaim.reconcile.compare import median_rule

    chosen = [c for c in claims if keep(set(c["groups"]))]
    return median_rule(chosen) if chosen else None


def ucdp_table(ledger: Any) -> list[dict[str, Any]]:
    """One row per event, UCDP GED-like (:data:`UCDP_COLUMNS`; the rules are in docs/export.md)."""
    from counterclaim.analysis.countries import country_name
    from counterclaim.reconcile.compare import median_rule

    docs = {d["id"]: d for d in ledger.documents()}
    rows = []
    for e in ledger.events():
        killed = [r for r in e["outcomes"] if r["outcome"] == "killed"]
        whole = next((r for r in killed if r["group"] == "all"), None)
        claims = whole["whole"] if whole else []
        combatants = [c for r in killed if r["group"] == "combatants" for c in r["whole"]]
        code = e.get("country")
        doc_ids = sorted(e["documents"])
        rows.append({
            "id": e["id"], "relid": e["id"], "year": e["year"], "event_name": e["name"], "scope": e.get("scope"),
            "where_description": e["place"], "where_prec": e.get("where_prec"), "adm_1": e.get("adm_1"),
            "adm_1_code": e.get("adm_1_code"), "country": country_name(code).removeprefix("the ") if code else None,
            "country_id": code, "latitude": e.get("latitude"), "longitude": e.get("longitude"),
            "geonameid": e.get("geonameid"), "date_start": e["date_start"], "date_end": e["date_end"],
            "date_prec": _date_prec(e["date_start"], e["date_end"]),
            "deaths_civilians": _group_best(claims, lambda g: bool(g) and g <= CIVILIAN_GROUPS),
            "deaths_a": None, "deaths_b": None,
            "deaths_unknown": _group_best(claims, lambda g: not g),
            "deaths_combatants": median_rule(combatants) if combatants else None,
            "low": whole["low"] if whole else None, "best": median_rule(claims) if claims else None,
            "high": whole["high"] if whole else None, "best_rule": BEST_RULE,
            "sources": _join(sorted({c["source_id"] for c in claims if c["source_id"]})),
            "source_original": whole["summary"] if whole else None, "number_of_sources": len(doc_ids),
            "source_article": _join(docs[d]["title"] for d in doc_ids if d in docs),
            "source_office": _join(sorted({docs[d]["publisher"] for d in doc_ids if d in docs and
                                           docs[d]["publisher"]})),
            "source_date": _join(sorted({docs[d]["published"] for d in doc_ids if d in docs and
                                         docs[d]["published"]})),
            "document_ids": _join(doc_ids), "hedged": any(c["stance"] != "asserted" for c in claims),
            "denied": _join(f"{c['count']} ({c['source']})" for c in (whole["denied"] if whole else []))})
    return rows


BUILDERS = {"figures": figure_table, "claims": claim_table, "events": event_table, "sources": source_table,
            "documents": document_table}


def _csv(rows: list[dict[str, Any]], out: TextIO, columns: list[str] | None = None) -> None:
    if not rows and not columns:
        return
    writer = csv.DictWriter(out, fieldnames=columns or list(rows[0]), lineterminator="\n")
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
    columns = list(UCDP_COLUMNS) if fmt == "ucdp" else None
    if fmt == "parquet":
        if not path:
            raise LedgerError(LedgerErrors.E130.format(fmt="Parquet", ext="parquet"))
        _parquet(rows, path)
        return len(rows)
    if fmt == "json":
        _write_text(lambda stream: stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n"), out, path)
    else:
        _write_text(lambda stream: _csv(rows, stream, columns), out, path)
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
