"""Checks that flag figures which cannot all be true — only those, each with both sentences.

A flag says what does not fit, why, and quotes the sentences; it never says which figure is
wrong. Four checks, over figure rows (:func:`counterclaim.store.queries.figure_rows` with
``sentences=True``):

* ``subset_exceeds_whole`` (error, in a document): a figure marked as part of another
  (``part_of``), of the same outcome, whose lowest value is above the whole's highest ("70
  children among 60 dead"). An open-ended whole ("at least 60") is no ceiling.
* ``source_contradicts_itself`` (warning): one source gives whole-incident tolls for the same
  event, outcome and victim group that cannot both hold (disjoint intervals: exact N is [N, N],
  "at least N" [N, ∞), "up to N" [0, N], "about N" ±10 %), in one document or in undated
  documents. Published on different dates they are a *revision*
  (:mod:`counterclaim.reconcile.revisions`), not a contradiction.
* ``same_day_tolls_differ`` (warning): as above, in different documents published the same day.
* ``kind_undecided`` (warning): a figure whose kind (whole toll, partial count, breakdown,
  background) the text did not decide (:mod:`counterclaim.analysis.kinds`).

Not flagged, by design: breakdowns (parts need not add up to a whole), partial counts (one
place, one morgue, bodies seen), counts of several places, background tolls, denied or hedged
figures, and generic speakers ("officials"), who are not one voice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from counterclaim.reconcile.compare import group_label, role

SKIP_KINDS = ("generic",)
CHECKS = ("subset_exceeds_whole", "source_contradicts_itself", "same_day_tolls_differ", "kind_undecided")
"""Every check, in the order flags are listed."""


def _flag(check: str, severity: str, message: str, members: Iterable[dict[str, Any]], *,
          source_id: str | None = None) -> dict[str, Any]:
    members = list(members)
    return {"check": check, "severity": severity, "event_id": members[0]["event_id"], "source_id": source_id,
            "documents": sorted({f["doc_id"] for f in members}), "figures": [_ref(f) for f in members],
            "sentences": [" ".join((f.get("sentence") or f["text"]).split()) for f in members], "message": message}


def _ref(f: dict[str, Any]) -> str:
    return f"{f['doc_id'][:12]}:{f['fid']}"


def _quote(f: dict[str, Any]) -> str:
    return "“" + " ".join((f.get("sentence") or f["text"]).split()) + "”"


def _interval(f: dict[str, Any]) -> tuple[float, float]:
    v, lo, hi, q = f["value"], f["low"], f["high"], f["qualifier"]
    if q in ("at_least", "more_than") and v is not None:
        return (v + (1 if q == "more_than" else 0), float("inf"))
    if q == "at_most" and v is not None:
        return (0, v)
    if q == "approx" and v is not None:
        return (v * 0.9, v * 1.1)
    return (lo if lo is not None else 0, hi if hi is not None else float("inf"))


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ia, ib = _interval(a), _interval(b)
    return ia[1] < ib[0] or ib[1] < ia[0]


def subset_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``subset_exceeds_whole`` flags of one document's figures."""
    by_id = {f["fid"]: f for f in figures}
    out = []
    for f in figures:
        whole = by_id.get(f["part_of"] or "")
        if whole is None or whole["outcome"] != f["outcome"] or whole["qualifier"] in ("at_least", "more_than",
                                                                                        "vague"):
            continue
        if f["low"] is not None and whole["high"] is not None and f["low"] > whole["high"]:
            out.append(_flag("subset_exceeds_whole", "error",
                             f"{' '.join(f['text'].split())!r} ({f['low']:,}) is given as part of "
                             f"{' '.join(whole['text'].split())!r} ({whole['high']:,}) but is larger: "
                             f"{_quote(f)} / {_quote(whole)}", [f, whole]))
    return out


def source_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``source_contradicts_itself`` and ``same_day_tolls_differ`` flags across an event's figures.

    Linear in the figures of each (event, outcome, group, source) row: its figures are sorted by
    their lower bound and each is paired with its neighbour and with the highest, the figures
    most likely not to overlap it (one flag per row and kind of conflict).
    """
    rows: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        if f["event_id"] and f["source_id"] and f["source_kind"] not in SKIP_KINDS and role(f) == "whole" \
                and f.get("stance", "asserted") == "asserted" and f["qualifier"] != "vague":
            rows[(f["event_id"], f["outcome"], group_label(f), f["source_id"])].append(f)
    out = []
    for (_, outcome, group, source_id), members in sorted(rows.items()):
        members.sort(key=lambda f: (_interval(f)[0], f["doc_id"], f["fid"]))
        found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for i, a in enumerate(members[:-1]):
            for b in (members[i + 1], members[-1]) if i + 1 < len(members) - 1 else (members[-1],):
                if not _disjoint(a, b):
                    continue
                if a["doc_id"] == b["doc_id"] or not a["published"] or not b["published"]:
                    found.setdefault("source_contradicts_itself", (a, b))
                elif a["published"] == b["published"]:
                    found.setdefault("same_day_tolls_differ", (a, b))
        for check, (a, b) in found.items():
            why = ("in one document or undated documents, so neither revises the other"
                   if check == "source_contradicts_itself" else f"both published on {a['published']}")
            out.append(_flag(check, "warning",
                             f"{a['source']} gives {' '.join(a['text'].split())!r} and {' '.join(b['text'].split())!r} "
                             f"as the whole {outcome} toll ({group}), {why}: {_quote(a)} / {_quote(b)}",
                             [a, b], source_id=source_id))
    return out


def kind_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``kind_undecided`` flags: figures whose kind the text did not decide."""
    return [_flag("kind_undecided", "warning",
                  f"{' '.join(f['text'].split())!r}: the kind of count is undecided"
                  f" ({f.get('kind_reason') or 'no reason recorded'}): {_quote(f)}", [f])
            for f in figures if f.get("kind") is None and f.get("stance", "asserted") not in ("denied", "rejected")]


def checks_of_figures(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every flag of a set of figure rows (the documents' own checks and the per-source ones)."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        by_doc[f["doc_id"]].append(f)
    flags: list[dict[str, Any]] = []
    for doc_figures in by_doc.values():
        flags += subset_checks(doc_figures)
    flags += source_checks(figures)
    flags += kind_checks(figures)
    order = {c: i for i, c in enumerate(CHECKS)}
    return sorted(flags, key=lambda f: (order[f["check"]], f["event_id"] or "", f["figures"]))
