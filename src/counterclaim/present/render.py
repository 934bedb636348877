"""Text tables of the ledger's listings, for people (``--format table``); no I/O here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counterclaim.records import OUTCOMES


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
    low, high = row["low"], row["high"]
    return _n(low) if low == high else f"{_n(low)}–{_n(high)}"


def events_table(events: list[dict[str, Any]]) -> str:
    """``counterclaim events``: one line per event with its death toll spread and other outcomes."""
    if not events:
        return "(no events: ingest documents with counterclaim ingest PATHS)"
    rows = [("ID", "YEAR", "DOCS", "NAME", "KILLED", "BEST", "SOURCES", "SPREAD", "OTHER OUTCOMES")]
    for e in events:
        whole = {r["outcome"]: r for r in e["outcomes"] if r["group"] == "all"}
        killed = whole.get("killed")
        others = ", ".join(f"{o} {_range(whole[o])}" for o in OUTCOMES if o != "killed" and o in whole)
        spread = killed.get("disagreement") if killed else None
        rows.append((e["id"], str(e["year"] or "-"), str(len(e["documents"])), _cut(e["name"], 34), _range(killed),
                     _n(killed["best"]) if killed else "-", str(killed["sources"]) if killed else "-",
                     f"×{spread:g}" if spread else "-", others or "-"))
    lines = table(rows, right=(2, 5, 6))
    lines.append("")
    lines.append("KILLED is the lowest–highest claim for the whole toll; BEST the median of the sources; SPREAD "
                 "highest/lowest. Details: counterclaim event ID")
    return "\n".join(lines)


def event_text(event: dict[str, Any], *, outcome: str | None = None) -> str:
    """``counterclaim event ID``: documents, then per outcome and group every source's claim."""
    when = ""
    if event["date_start"]:
        when = f" ({event['date_start']}" + (f" – {event['date_end']})" if event["date_end"] != event["date_start"]
                                             else ")")
    head = [f"{event['id']} · {event['name']} · {event['place'] or 'place unknown'} · {event['year'] or 'year unknown'}"
            f"{when}"]
    if event["requested_id"] != event["id"]:
        head.append(f"({event['requested_id']} was merged into {event['id']})")
    if event["also_called"]:
        head.append("also called: " + ", ".join(event["also_called"][:8]))
    head.append(f"{len(event['document_details'])} document(s):")
    head += ["  " + line for line in table([
        (d["id"][:12], d["published"] or "-", _cut(d["publisher"], 28) or "-", _cut(d["title"] or d["path"], 60))
        for d in event["document_details"]])]
    for row in event["outcomes"]:
        if outcome and row["outcome"] != outcome:
            continue
        head.append("")
        head.append(f"{row['outcome']} · {row['group']} · low {_n(row['low'])} · best {_n(row['best'])} · "
                    f"high {_n(row['high'])} · {row['sources']} source(s)")
        head.append(f"  {row['summary']}")
        rows = [("COUNT", "SOURCE", "TYPE", "DOCS", "FIRST SEEN", "LAST SEEN", "GROUPS")]
        for c in row["claims"]:
            count = c["count"] + (" (reportedly)" if c["hedged"] else "")
            source = c["source"] + (" [own voice]" if c["voice"] == "own" else "")
            rows.append((count, _cut(source, 40), c["source_type"] or "-", str(c["n_documents"]),
                         c["first_seen"] or "-", c["last_seen"] or "-", ",".join(c["groups"]) or "-"))
        head += ["  " + line for line in table(rows, right=(3,))]
    if event.get("checks"):
        head.append("")
        head.append("checks:")
        head += [f"  {c['severity']:<7}  {c['check']}: {c['message']}" for c in event["checks"]]
    return "\n".join(head)


def sources_table(sources: list[dict[str, Any]]) -> str:
    """``counterclaim sources``: id, name, type, counts and every spelling seen."""
    if not sources:
        return "(no sources yet)"
    rows = [("ID", "NAME", "KIND", "TYPE", "CLAIMS", "DOCS", "SPELLINGS")]
    rows += [(s["id"], _cut(s["name"], 36), s["kind"], s["type"] or "-", str(s["claims"]), str(s["documents"]),
              " | ".join(s["spellings"])) for s in sources]
    return "\n".join(table(rows, right=(4, 5)))


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
    rows = [("SEVERITY", "CHECK", "EVENT", "MESSAGE")]
    rows += [(f["severity"], f["check"], f["event_id"] or "-", " ".join(f["message"].split())) for f in flags]
    return "\n".join(table(rows))


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
