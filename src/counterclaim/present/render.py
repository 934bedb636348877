"""Text tables of the ledger's listings, for people (``--format table``); no I/O here."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from counterclaim.present.counts import range_text


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _n(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def table(rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> list[str]:
    """Rows padded into columns; columns in ``right`` are right-aligned; the last is not padded."""
    if not rows:
        return []
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(widths[i]) if i in right else c if i == len(r) - 1 else c.ljust(widths[i])
                 for i, c in enumerate(r)]
        out.append("  ".join(cells).rstrip())
    return out


def _range(row: dict[str, Any] | None) -> str:
    if not row or row.get("low") is None:
        return "-"
    return range_text(row["low"], row["high"])


WIDTH = 80
"""Tables fit 80 columns: long cells are cut with "…"."""


def events_table(events: list[dict[str, Any]]) -> str:
    """``counterclaim events``: one line per event with its killed toll (low–high) and spread."""
    if not events:
        return "(no events: ingest documents with counterclaim ingest PATHS)"
    rows = [("ID", "YEAR", "DOCS", "KILLED", "SPREAD", "NAME [COUNTRY]")]
    for e in events:
        whole = {r["outcome"]: r for r in e["outcomes"] if r["group"] == "all"}
        killed = whole.get("killed")
        spread = killed.get("disagreement") if killed else None
        rows.append((_cut(e["id"], 22), str(e["year"] or "-"), str(len(e["documents"])), _cut(_range(killed), 13),
                     f"×{spread:g}" if spread else "-", f"{e['name']} [{e.get('country') or '?'}]"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    room = max(12, WIDTH - sum(widths) - 2 * 5)
    rows = [(*r[:5], r[5] if len(r[5]) <= room else r[5][:room - 1] + "…") for r in rows]
    lines = fit(table(rows, right=(2,)))
    lines.append("")
    lines.append("KILLED: lowest–highest asserted whole-incident toll; SPREAD: highest ÷ lowest")
    lines.append("when two or more sources assert one. Every claim, by kind and stance:")
    lines.append("counterclaim event ID")
    return "\n".join(lines)


def fit(lines: list[str], width: int = WIDTH) -> list[str]:
    """Lines cut to ``width`` characters (the last column is the one cut)."""
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def _claim_lines(claims: list[dict[str, Any]]) -> list[str]:
    rows = [("COUNT", "SOURCE", "KIND · STANCE", "DOCS", "FIRST SEEN")]
    for c in claims:
        count = c["count"]
        source = c["source"] + (" [own voice]" if c["voice"] == "own" else "")
        label = c.get("kind_label") or c.get("kind") or "undecided"
        if c.get("superseded"):
            label += f", revised to {c['superseded']}"
        rows.append((_cut(count, 14), _cut(source, 30), _cut(f"{label} · {c['stance']}", 36), str(c["n_documents"]),
                     c["first_seen"] or "-"))
    return ["  " + line for line in fit(table(rows, right=(3,)), WIDTH - 2)]


def event_text(event: dict[str, Any], *, outcome: str | None = None) -> str:
    """``counterclaim event ID``: where and when, documents, then per outcome and group the claims by role."""
    when = ""
    if event["date_start"]:
        when = f" ({event['date_start']}" + (f" – {event['date_end']})" if event["date_end"] != event["date_start"]
                                             else ")")
    where = event.get("country_name") or "country unknown"
    if event.get("adm_1"):
        where = f"{event['adm_1']}, {where}"
    head = [f"{event['id']} · {event['name']}", f"{event['place'] or 'place unknown'} ({where}) · "
            f"{event['year'] or 'year unknown'}{when}"]
    if event.get("latitude") is not None:
        head[-1] += f" · {event['latitude']:.3f}, {event['longitude']:.3f}"
    if event["requested_id"] != event["id"]:
        head.append(f"({event['requested_id']} was merged into {event['id']})")
    if event["also_called"]:
        head.append(_cut("also called: " + ", ".join(event["also_called"][:8]), WIDTH))
    head.append(f"{len(event['document_details'])} document(s):")
    head += ["  " + line for line in fit(table([
        (d["id"][:12], d["published"] or "-", _cut(d["publisher"], 24) or "-", d["title"] or d["path"] or "-")
        for d in event["document_details"]]), WIDTH - 2)]
    for row in event["outcomes"]:
        if outcome and row["outcome"] != outcome:
            continue
        head.append("")
        group = "whole toll" if row["group"] == "all" else row["group"]
        head.append(f"{row['outcome']} · {group} · low–high {range_text(row['low'], row['high'])} · "
                    f"{row['sources']} source(s)")
        if row["summary"]:
            head.append("  " + row["summary"])
        for change in row.get("revisions", []):
            head.append(f"  revision: {change['text']}")
        for section in row.get("sections") or [{"label": "claims", "claims": row["claims"]}]:
            head.append(f"  {section['label']}:")
            head += _claim_lines(section["claims"])
    if event.get("checks"):
        head.append("")
        head.append("checks:")
        for c in event["checks"]:
            head += textwrap.wrap(f"{c['severity']} · {c['check']}: {c['message']}", WIDTH, initial_indent="  ",
                                  subsequent_indent="    ")
    return "\n".join(head)


def sources_table(sources: list[dict[str, Any]]) -> str:
    """``counterclaim sources``: id, name, type, counts and every spelling seen."""
    if not sources:
        return "(no sources yet)"
    rows = [("ID", "NAME", "TYPE", "CLAIMS", "DOCS", "SPELLINGS")]
    rows += [(_cut(s["id"], 22), _cut(s["name"], 24), s["type"] or "-", str(s["claims"]), str(s["documents"]),
              " | ".join(s["spellings"])) for s in sources]
    return "\n".join(fit(table(rows, right=(3, 4))))


def documents_table(documents: list[dict[str, Any]]) -> str:
    """``counterclaim documents``: short id, date, counts, events and title."""
    if not documents:
        return "(no documents: counterclaim ingest PATHS)"
    rows = [("ID", "PUBLISHED", "FIGS", "QUOTES", "ACTS", "EVENTS", "TITLE OR PATH")]
    rows += [(d["id"][:12], d["published"] or "-", str(d["figures"]), str(d["quotes"]), str(d["acts"]),
              ",".join(d["events"]) or "-", _cut(d["title"] or d["path"], 60)) for d in documents]
    return "\n".join(table(rows, right=(2, 3, 4)))


def checks_table(flags: list[dict[str, Any]]) -> str:
    """``counterclaim checks``: one line per flag."""
    if not flags:
        return "(no flags)"
    lines: list[str] = []
    for f in flags:
        lines.append(f"{f['severity']} · {f['check']} · {f['event_id'] or '-'}")
        lines += textwrap.wrap(" ".join(f["message"].split()), WIDTH, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines)


def ingest_summary(report: Any, counts: dict[str, int], verb: str = "ingest") -> str:
    """The closing line of ``ingest`` / ``reextract``."""
    parts = []
    if verb == "ingest":
        parts.append(f"added {report.added} document(s), skipped {report.skipped} already stored")
    else:
        parts.append(f"re-extracted {report.reextracted} document(s)")
    if report.failures:
        parts.append(f"{len(report.failures)} failed")
    g = report.grouping or {}
    parts.append(f"{g.get('created', 0)} new event(s)")
    line = "; ".join(parts) + (f". Ledger: {counts['documents']} documents, {counts['figures']} figures, "
                               f"{counts['events']} events, {counts['sources']} sources.")
    if getattr(report, "stale", 0):
        line += f" {report.stale} document(s) were extracted by older rules: run counterclaim reextract."
    return line
