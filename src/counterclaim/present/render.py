"""Text tables of the ledger's listings, for people (``--format table``); no I/O here.

Tables are fitted to the terminal's width (80 columns when it is not a terminal) by the CLI's
table renderer (:mod:`counterclaim.termtable`): long cells wrap or are cut with "…", and control
characters in untrusted text (titles, names) never reach the terminal.
"""

from __future__ import annotations

from typing import Any

from counterclaim.present.counts import range_text
from counterclaim.termtable import Column, fit_line, render, terminal_width


def _range(row: dict[str, Any] | None) -> str:
    if not row or row.get("low") is None:
        return "-"
    return range_text(row["low"], row["high"])


def events_table(events: list[dict[str, Any]], *, width: int | None = None) -> str:
    """``counterclaim events``: one line per event with its killed toll (low–high), spread, name and country."""
    if not events:
        return "(no events: ingest documents with counterclaim ingest PATHS)"
    columns = [Column("ID", min_width=10, max_width=28), Column("YEAR", max_width=4), Column("DOCS", align="right"),
               Column("KILLED", min_width=6, max_width=16), Column("SPREAD", max_width=9),
               Column("NAME [COUNTRY]", min_width=12, wrap=True)]
    rows = []
    for e in events:
        whole = {r["outcome"]: r for r in e["outcomes"] if r["group"] == "all"}
        killed = whole.get("killed")
        spread = killed.get("disagreement") if killed else None
        rows.append((e["id"], e["year"] or "-", len(e["documents"]), _range(killed), f"×{spread:g}" if spread else "-",
                     f"{e['name']} [{e.get('country') or '?'}]"))
    lines = render(columns, rows, width=width)
    lines.append("")
    for text in ("KILLED: lowest–highest asserted whole-incident toll; SPREAD: highest ÷ lowest when two or more "
                 "sources assert one. Every claim, by kind and stance: counterclaim event ID",):
        lines += fit_line(text, width, wrap_lines=True)
    return "\n".join(lines)


def _claim_lines(claims: list[dict[str, Any]], width: int | None) -> list[str]:
    columns = [Column("COUNT", min_width=5, max_width=14), Column("SOURCE", min_width=10, max_width=34, wrap=True),
               Column("KIND · STANCE", min_width=12, wrap=True), Column("DOCS", align="right"),
               Column("FIRST SEEN", max_width=10)]
    rows = []
    for c in claims:
        source = c["source"] + (" [own voice]" if c["voice"] == "own" else "")
        label = c.get("kind_label") or c.get("kind") or "undecided"
        if c.get("of"):
            label += f" of “{c['of']}”"
        if c.get("superseded"):
            label += f", revised to {c['superseded']}"
        rows.append((c["count"], source, f"{label} · {c['stance']}", c["n_documents"], c["first_seen"] or "-"))
    return ["  " + line for line in render(columns, rows, width=terminal_width(width) - 2)]


def event_text(event: dict[str, Any], *, outcome: str | None = None, width: int | None = None) -> str:
    """``counterclaim event ID``: where and when, documents, then per outcome and group the claims by role."""
    when = ""
    if event["date_start"]:
        when = f" ({event['date_start']}" + (f" – {event['date_end']})" if event["date_end"] != event["date_start"]
                                             else ")")
    where = event.get("country_name") or "country unknown"
    if event.get("adm_1"):
        where = f"{event['adm_1']}, {where}"
    head = [*fit_line(f"{event['id']} · {event['name']}", width, wrap_lines=True),
            f"{event['place'] or 'place unknown'} ({where}) · {event['year'] or 'year unknown'}{when}"]
    if event.get("latitude") is not None:
        head[-1] += f" · {event['latitude']:.3f}, {event['longitude']:.3f}"
    if event["requested_id"] != event["id"]:
        head.append(f"({event['requested_id']} was merged into {event['id']})")
    if event["also_called"]:
        head += fit_line("also called: " + ", ".join(event["also_called"][:8]), width)
    head.append(f"{len(event['document_details'])} document(s):")
    doc_columns = [Column("ID", max_width=12), Column("PUBLISHED", max_width=10),
                   Column("PUBLISHER", min_width=8, max_width=24), Column("TITLE", min_width=10)]
    head += ["  " + line for line in render(doc_columns, [
        (d["id"][:12], d["published"] or "-", d["publisher"] or "-", d["title"] or d["path"] or "-")
        for d in event["document_details"]], width=terminal_width(width) - 2)[1:]]
    for row in event["outcomes"]:
        if outcome and row["outcome"] != outcome:
            continue
        head.append("")
        group = "whole toll" if row["group"] == "all" else row["group"]
        head.append(f"{row['outcome']} · {group} · low–high {range_text(row['low'], row['high'])} · "
                    f"{row['sources']} source(s)")
        if row["summary"]:
            head += fit_line("  " + row["summary"], width, indent="  ", wrap_lines=True)
        for change in row.get("revisions", []):
            head += fit_line(f"  revision: {change['text']}", width, indent="    ", wrap_lines=True)
        for section in row.get("sections") or [{"label": "claims", "claims": row["claims"]}]:
            head.append(f"  {section['label']}:")
            head += _claim_lines(section["claims"], width)
    if event.get("checks"):
        head.append("")
        head.append("checks:")
        for c in event["checks"]:
            head += fit_line(f"  {c['severity']} · {c['check']}: {c['message']}", width, indent="    ",
                             wrap_lines=True)
    return "\n".join(head)


def sources_table(sources: list[dict[str, Any]], *, width: int | None = None) -> str:
    """``counterclaim sources``: id, name, type, counts and every spelling seen."""
    if not sources:
        return "(no sources yet)"
    columns = [Column("ID", min_width=8, max_width=24), Column("NAME", min_width=8, max_width=28, wrap=True),
               Column("TYPE", max_width=17), Column("CLAIMS", align="right"), Column("DOCS", align="right"),
               Column("SPELLINGS", min_width=10, wrap=True)]
    return "\n".join(render(columns, [(s["id"], s["name"], s["type"] or "-", s["claims"], s["documents"],
                                       " | ".join(s["spellings"])) for s in sources], width=width))


def documents_table(documents: list[dict[str, Any]], *, width: int | None = None) -> str:
    """``counterclaim documents``: short id, date, counts, events and title."""
    if not documents:
        return "(no documents: counterclaim ingest PATHS)"
    columns = [Column("ID", max_width=12), Column("PUBLISHED", max_width=10), Column("FIGS", align="right"),
               Column("QUOTES", align="right"), Column("ACTS", align="right"),
               Column("EVENTS", min_width=8, max_width=30, wrap=True), Column("TITLE OR PATH", min_width=10)]
    return "\n".join(render(columns, [(d["id"][:12], d["published"] or "-", d["figures"], d["quotes"], d["acts"],
                                       ",".join(d["events"]) or "-", d["title"] or d["path"]) for d in documents],
                             width=width))


def checks_table(flags: list[dict[str, Any]], *, width: int | None = None) -> str:
    """``counterclaim checks``: one line per flag."""
    if not flags:
        return "(no flags)"
    lines: list[str] = []
    for f in flags:
        lines.append(f"{f['severity']} · {f['check']} · {f['event_id'] or '-'}")
        lines += fit_line("  " + f["message"], width, indent="  ", wrap_lines=True)
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
