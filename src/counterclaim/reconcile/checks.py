"""Checks that flag figures which cannot all be true, inside a document and across the corpus.

A flag says what does not fit and where; it never says which figure is wrong.

* ``subset_exceeds_whole`` (error, in a document): a figure marked as part of another
  (``part_of``) whose lowest value is above the whole's highest ("700 children among 600
  dead").
* ``parts_exceed_whole`` (error, in a document): the parts of one whole that name disjoint
  groups (or no group at all) add up to more than the whole.
* ``parts_do_not_add_up`` (warning, in a document): the parts cover the whole by their groups
  (civilians + combatants; men + women + children), all are exact, and the sum differs.
* ``source_disagrees_with_itself`` (warning, across documents): one source gives counts that
  cannot both hold (disjoint intervals: exact N is [N, N], "at least N" [N, ∞), "up to N"
  [0, N], "about N" ±10 %) for the same event, outcome and victim group. Generic sources
  ("officials") and unattributed figures are left out: they are not one speaker.
* ``group_exceeds_total`` (warning, across documents): a source's count for a victim group is
  above the same source's whole toll for the same event and outcome.
* ``time_span_contradicts_dates`` (warning, in a document): a span of years in the text
  ("after over 30 years", "25 years ago") does not fit between the incident's date (a year
  written in the same sentence, else the document's incident) and the publication date;
  e.g. "after over 30 years" written in February 2021 about February 1992 (29 years).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from counterclaim.reconcile.compare import group_label
from counterclaim.analysis.dates import date_mentions, parse_iso, time_spans
from counterclaim.store.db import Database, in_batches, placeholders
from counterclaim.store.queries import figure_rows

PARTITIONS = ({"civilians", "combatants"}, {"men", "women", "children"})
SKIP_KINDS = ("generic", "unattributed")


def _flag(check: str, severity: str, message: str, *, event_id: str | None = None, documents: Iterable[str] = (),
          figures: Iterable[str] = (), source_id: str | None = None) -> dict[str, Any]:
    return {"check": check, "severity": severity, "event_id": event_id, "source_id": source_id,
            "documents": sorted(set(documents)), "figures": list(figures), "message": message}


def _ref(f: dict[str, Any]) -> str:
    return f"{f['doc_id'][:12]}:{f['fid']}"


def _interval(f: dict[str, Any]) -> tuple[float, float]:
    v, lo, hi, q = f["value"], f["low"], f["high"], f["qualifier"]
    if q in ("at_least", "more_than") and v is not None:
        return (v + (1 if q == "more_than" else 0), float("inf"))
    if q == "at_most" and v is not None:
        return (0, v)
    if q == "approx" and v is not None:
        return (v * 0.9, v * 1.1)
    return (lo if lo is not None else 0, hi if hi is not None else float("inf"))


def _document_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    by_id = {f["fid"]: f for f in figures}
    children: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        whole = by_id.get(f["part_of"] or "")
        if whole is None:
            continue
        children[whole["fid"]].append(f)
        if f["low"] is not None and whole["high"] is not None and f["low"] > whole["high"] \
                and whole["qualifier"] not in ("at_least", "more_than", "vague"):
            out.append(_flag("subset_exceeds_whole", "error",
                             f"{f['text']!r} ({f['low']:,}) is part of {whole['text']!r} ({whole['high']:,}) "
                             f"but larger", event_id=f["event_id"], documents=[f["doc_id"]],
                             figures=[_ref(f), _ref(whole)]))
    for wid, parts in children.items():
        whole = by_id[wid]
        if whole["qualifier"] in ("at_least", "more_than", "vague") or whole["high"] is None:
            continue
        grouped = [p for p in parts if p["groups"]]
        disjoint = all(not set(a["groups"]) & set(b["groups"]) for i, a in enumerate(grouped) for b in grouped[i + 1:])
        for label, members in (("groups", grouped if disjoint else []), ("no group", [p for p in parts
                                                                                      if not p["groups"]])):
            if len(members) < 2 or any(p["low"] is None for p in members):
                continue
            total = sum(p["low"] for p in members)
            if total > whole["high"]:
                out.append(_flag("parts_exceed_whole", "error",
                                 f"parts ({label}) add up to {total:,}, more than {whole['text']!r} "
                                 f"({whole['high']:,})", event_id=whole["event_id"], documents=[whole["doc_id"]],
                                 figures=[_ref(whole)] + [_ref(p) for p in members]))
        covered = set().union(*(set(p["groups"]) for p in grouped)) if grouped else set()
        exact = all(p["qualifier"] == "exact" for p in grouped) and whole["qualifier"] == "exact"
        if disjoint and exact and any(covered >= part for part in PARTITIONS):
            total = sum(p["value"] for p in grouped)
            if total != whole["value"]:
                out.append(_flag("parts_do_not_add_up", "warning",
                                 f"{' + '.join(str(p['value']) for p in grouped)} = {total:,}, but the whole "
                                 f"{whole['text']!r} is {whole['value']:,}", event_id=whole["event_id"],
                                 documents=[whole["doc_id"]], figures=[_ref(whole)] + [_ref(p) for p in grouped]))
    return out


class _Extremes:
    """The smallest upper bound and the largest lower bound among intervals, kept for the two best documents."""

    def __init__(self) -> None:
        self.low_hi: list[tuple[float, str]] = []  # up to two (hi, doc): the smallest his of distinct documents
        self.high_lo: list[tuple[float, str]] = []  # up to two (-lo, doc): the largest los of distinct documents

    @staticmethod
    def _keep(best: list[tuple[float, str]], value: float, doc: str) -> None:
        mine = [b for b in best if b[1] == doc]
        if mine and mine[0][0] <= value:
            return
        best[:] = sorted([b for b in best if b[1] != doc] + [(value, doc)])[:2]

    def add(self, interval: tuple[float, float], doc: str) -> None:
        self._keep(self.low_hi, interval[1], doc)
        self._keep(self.high_lo, -interval[0], doc)

    def clash(self, interval: tuple[float, float], doc: str | None = None) -> bool:
        """Whether an interval kept here (of another document than ``doc``, when given) is disjoint from it."""
        hi = next((v for v, d in self.low_hi if doc is None or d != doc), None)
        lo = next((v for v, d in self.high_lo if doc is None or d != doc), None)
        return (hi is not None and hi < interval[0]) or (lo is not None and -lo > interval[1])


def _clashing(firm: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures of one source's row whose intervals are disjoint from another figure of the row.

    A pair counts when either figure is attributed in its text or they come from different
    documents (a publication's own narration mixes partial counts: only its different documents
    are compared). Linear in the number of figures: the extremes of the others suffice, since an
    interval is never disjoint from itself.
    """
    every, attributed = _Extremes(), _Extremes()
    for f in firm:
        every.add(_interval(f), f["doc_id"])
        if f["voice"] == "attributed":
            attributed.add(_interval(f), f["doc_id"])
    return [f for f in firm if (every.clash(_interval(f)) if f["voice"] == "attributed" else
                                attributed.clash(_interval(f)) or every.clash(_interval(f), f["doc_id"]))]


def _source_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    rows: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        if f["event_id"] and f["source_id"] and f["source_kind"] not in SKIP_KINDS:
            rows[(f["event_id"], f["outcome"], group_label(f), f["source_id"])].append(f)
    for (event_id, outcome, group, source_id), members in sorted(rows.items()):
        if group == "part":
            continue  # parts of a whole differ by nature
        involved = _clashing([f for f in members if f["qualifier"] != "vague"])
        if not involved:
            continue
        counts = sorted({(f["low"] or 0, f["text"]) for f in involved})
        words = ", ".join(repr(" ".join(t.split())) for _, t in counts)
        out.append(_flag("source_disagrees_with_itself", "warning",
                         f"{members[0]['source']} gives {words} for {outcome} ({group})", event_id=event_id,
                         source_id=source_id, documents=[f["doc_id"] for f in involved],
                         figures=[_ref(f) for f in involved]))
    totals = {k: v for k, v in rows.items() if k[2] == "all"}
    for (event_id, outcome, group, source_id), members in sorted(rows.items()):
        if group in ("all", "part") or (event_id, outcome, "all", source_id) not in totals:
            continue
        whole = totals[(event_id, outcome, "all", source_id)]
        top = max((w["high"] for w in whole if w["high"] is not None and w["qualifier"] not in
                   ("at_least", "more_than", "vague")), default=None)
        for f in members:
            if top is not None and f["low"] is not None and f["low"] > top:
                out.append(_flag("group_exceeds_total", "warning",
                                 f"{f['source']}: {group} {outcome} {f['text']!r} is above its whole toll {top:,}",
                                 event_id=event_id, source_id=source_id, documents=[f["doc_id"]], figures=[_ref(f)]))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    right = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0]
    return (left + 1 if left >= 0 else 0, min(right) if right else len(text))


def _elapsed(published: _dt.date, lo: _dt.date, hi: _dt.date) -> tuple[float, float]:
    return ((published - hi).days / 365.25, (published - lo).days / 365.25)


def _contradicts(years: int, qualifier: str, shortest: float, longest: float) -> bool:
    if qualifier == "more_than":
        return longest <= years
    if qualifier == "at_least":
        return longest < years
    if qualifier == "approx":
        return abs((shortest + longest) / 2 - years) > max(1.5, 0.15 * years)
    return years < shortest - 1 or years > longest + 1


def time_span_checks(db: Database, doc_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """``time_span_contradicts_dates`` flags for the documents (all when None)."""
    out: list[dict[str, Any]] = []
    for d, inc in _dated_documents(db, doc_ids):
        published = parse_iso(d["published"])
        if published is None:
            continue
        for span in time_spans(d["text"]):
            s, e = _sentence_around(d["text"], span.start, span.end)
            sentence = d["text"][s:e]
            here = [m for m in date_mentions(sentence, published) if m.precision != "relative"
                    and not (m.precision == "day" and m.lo == published)]
            if here:
                lo, hi = here[0].lo, here[0].hi
            elif inc and inc["date_lo"] and inc["date_lo"][:4] != d["published"][:4]:
                lo, hi = _dt.date.fromisoformat(inc["date_lo"]), _dt.date.fromisoformat(inc["date_hi"])
            else:
                continue
            shortest, longest = _elapsed(published, lo, hi)
            if _contradicts(span.years, span.qualifier, shortest, longest):
                words = re.sub(r"\s+", " ", span.text)
                out.append(_flag("time_span_contradicts_dates", "warning",
                                 f"{words!r} written on {published.isoformat()} about {lo.isoformat()}"
                                 f"{'' if lo == hi else '..' + hi.isoformat()}: {shortest:.1f} years passed",
                                 event_id=inc["event_id"] if inc else None, documents=[d["id"]]))
    return out


def _dated_documents(db: Database, doc_ids: list[str] | None
                     ) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Documents with a publication date (all, or ``doc_ids``), each with its primary incident."""
    sql = ("SELECT d.id, d.text, d.published, i.doc_id AS incident, i.date_lo, i.date_hi, i.event_id FROM documents d "
           "LEFT JOIN incidents i ON i.doc_id = d.id AND i.is_primary = 1 WHERE d.published IS NOT NULL")
    if doc_ids is None:
        batches: list[list[str] | None] = [None]
    else:
        ids = sorted(set(doc_ids))
        batches = list(in_batches(ids))
    for part in batches:
        where = "" if part is None else f" AND d.id IN ({placeholders(len(part))})"
        for r in db.query(sql + where + " ORDER BY d.id", part or ()):
            yield r, ({k: r[k] for k in ("date_lo", "date_hi", "event_id")} if r["incident"] else None)


def run_checks(db: Database, *, event_id: str | None = None) -> list[dict[str, Any]]:
    """Every flag of the ledger, or of one event (documents that contribute to it)."""
    if event_id is None:
        figures = figure_rows(db)
    else:
        docs = sorted({f["doc_id"] for f in figure_rows(db, event_id=event_id)})
        figures = figure_rows(db, doc_ids=docs)
    flags = checks_of_figures(db, figures, whole_ledger=event_id is None)
    if event_id is not None:
        flags = [f for f in flags if f["event_id"] == event_id]
    return flags


def checks_of_figures(db: Database, figures: list[dict[str, Any]], *, whole_ledger: bool = False
                      ) -> list[dict[str, Any]]:
    """The flags of a set of figure rows: per document, per source, and the time-span checks of
    their documents (of every document when ``whole_ledger``)."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        by_doc[f["doc_id"]].append(f)
    flags: list[dict[str, Any]] = []
    for doc_figures in by_doc.values():
        flags += _document_checks(doc_figures)
    flags += _source_checks(figures)
    flags += time_span_checks(db, None if whole_ledger else sorted(by_doc))
    return flags
