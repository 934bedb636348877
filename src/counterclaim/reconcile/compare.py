"""Competing figures side by side: per event, outcome and victim group, like with like.

**Neutrality rules** (issue 11; the tool never says which source is right):

* ``low`` and ``high`` come only from *asserted whole-incident tolls*, per outcome and victim
  group: claims the text states (not reported with distance, not denied) and whose kind is
  ``whole`` (:mod:`counterclaim.analysis.kinds`). A source's revised figure replaces its earlier
  one (:mod:`counterclaim.reconcile.revisions`).
* Partial counts (one place, one morgue, bodies seen) and breakdowns ("169 women and children"
  of the 613) are listed *under* their whole (``partial``), labelled as such, never compared.
* Denied and rejected figures are listed as such (``denied``), never as a claim of the toll.
* Background tolls (a war's, a year's, "since 2003") belong to their own events; one found in an
  incident's event is listed apart (``background``) and not compared.
* The disagreement badge (``disagreement``, highest ÷ lowest) compares only asserted whole
  tolls of at least two different sources; otherwise it is None.
* No single "best" figure is given: pages show each source's claim, low and high. (The UCDP
  GED-like export keeps a ``best`` column for compatibility, with the rule that made it in
  ``best_rule``: :mod:`counterclaim.present.export`.)

**Rows.** Figures are split by outcome and by *victim group*: ``all`` (the whole toll, also when
described by who the victims were: "613 Azerbaijani civilians", "men, women and children") or a
named group ("combatants", "police", "children" alone) when the figure's own words name it.

**Claims.** Within a row, one claim per source, count, stance and kind: the same source
repeating a count in several documents is one claim with its document count and first and last
publication dates. A figure in the text's own voice is claimed by its publication.

**Summary line**: one entry per source, lowest to highest, "200+ (per Human Rights Watch), 613
(per the Azerbaijani government)"; counts are phrased by :mod:`counterclaim.present.counts`.
Hedged claims carry "(reportedly)"; revisions read "1,000 → 613"; denied figures follow as
"denied: 1,000 (per …)": the source whose clause holds the figure, not necessarily the one who
denies it (a newspaper reporting a denial).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from functools import lru_cache
from typing import Any

from counterclaim.present.counts import count_text
from counterclaim.records import OUTCOMES

WHOLE = {"civilians", "men", "women", "children", "elderly"}
MAX_SUMMARY_ITEMS = 8


@lru_cache(maxsize=1)
def _group_words() -> dict[str, str]:
    # imported when first needed: the extract package imports spaCy, which readers of a ledger do not need
    from counterclaim.extract.lexicon import GROUP_WORDS

    return dict(GROUP_WORDS)


def group_label(figure: dict[str, Any]) -> str:
    """The comparison row of a figure: ``all``, ``part`` or its named groups (see the module docstring)."""
    words = {w.strip(".,;:()").lower() for w in figure["text"].split()}
    group_words = _group_words()
    named = [g for g in figure["groups"] if any(group_words.get(w) == g for w in words)]
    if not named:
        return "part" if figure.get("part_of") else "all"
    if not figure.get("part_of") and set(named) <= WHOLE and (set(named) <= {"civilians"} or len(named) >= 2
                                                              or named == ["men"]):
        return "all"
    return "+".join(g for g in named if g != "civilians" or len(named) == 1)


def _central(claim: dict[str, Any]) -> float | None:
    if claim["qualifier"] == "vague":
        return None
    if claim["value"] is not None:
        return float(claim["value"])
    if claim["low"] is not None and claim["high"] is not None:
        return (claim["low"] + claim["high"]) / 2
    return None



def role(f: dict[str, Any]) -> str:
    """How a figure row takes part in its event's comparison: ``whole``, ``partial``, ``denied``,
    ``background`` or ``undecided``."""
    if f.get("stance") in ("denied", "rejected"):
        return "denied"
    kind = f.get("kind", "whole")
    if kind == "whole" or kind == "other_incident" and not f.get("is_primary", True):
        return "whole"
    if kind == "background":
        return "whole" if f.get("incident_scope") == "background" else "background"
    if kind in ("partial", "breakdown", "other_incident"):
        return "partial"
    return "undecided"


def claims_of(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per source, count, stance and kind among ``figures`` (figure rows of one row)."""
    claims: dict[tuple[Any, ...], dict[str, Any]] = {}
    seen: dict[tuple[Any, ...], tuple[set[str], set[str]]] = {}  # documents and spellings, for membership tests
    for f in figures:
        stance = f.get("stance") or ("hedged" if f["hedged"] else "asserted")
        key = (f["source_id"], f["value"], f["low"], f["high"], f["qualifier"], stance, f.get("kind"))
        c = claims.get(key)
        if c is None:
            c = claims[key] = {
                "source_id": f["source_id"], "source": f["source"] or f["claimant"], "source_type": f["source_type"],
                "source_kind": f["source_kind"], "voice": f["voice"], "value": f["value"], "low": f["low"],
                "high": f["high"], "qualifier": f["qualifier"],
                "count": count_text(f["value"], f["low"], f["high"], f["qualifier"], f["text"]),
                "stance": stance, "kind": f.get("kind"), "kind_reason": f.get("kind_reason"), "role": role(f),
                "groups": [], "hedged": stance != "asserted", "documents": [], "figures": [], "spellings": [],
                "first_seen": None, "last_seen": None, "of": f.get("whole_text")}
        for g in f["groups"]:
            if g not in c["groups"]:
                c["groups"].append(g)
        docs, spellings = seen.setdefault(key, (set(), set()))
        if f["doc_id"] not in docs:
            docs.add(f["doc_id"])
            c["documents"].append(f["doc_id"])
        c["figures"].append(f"{f['doc_id'][:12]}:{f['fid']}")
        if f["claimant"] not in spellings:
            spellings.add(f["claimant"])
            c["spellings"].append(f["claimant"])
        if f["published"]:
            c["first_seen"] = min(filter(None, (c["first_seen"], f["published"])))
            c["last_seen"] = max(filter(None, (c["last_seen"], f["published"])))
    out = list(claims.values())
    for c in out:
        c["n_documents"] = len(c["documents"])
        c["central"] = _central(c)
    return sorted(out, key=lambda c: (c["central"] if c["central"] is not None else float(c["low"] or 0),
                                      c["source"] or ""))


def comparable(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims low and high are taken from: asserted whole tolls, not superseded by a revision."""
    usable = [c for c in claims if c["role"] == "whole" and c["stance"] == "asserted" and not c.get("superseded")]
    firm = [c for c in usable if c["qualifier"] != "vague"]
    return firm or usable


def spread(claims: list[dict[str, Any]]) -> dict[str, int | None]:
    """``low`` and ``high`` of a row: over :func:`comparable` claims only (see the module docstring)."""
    usable = comparable(claims)
    lows = [c["low"] for c in usable if c["low"] is not None]
    highs = [c["high"] for c in usable if c["high"] is not None]
    return {"low": min(lows) if lows else None, "high": max(highs) if highs else None}


def median_rule(claims: list[dict[str, Any]]) -> int | None:
    """The median of the sources' central values over :func:`comparable` claims (for the export's ``best``)."""
    per_source: dict[Any, list[float]] = defaultdict(list)
    for c in comparable(claims):
        centre = c["central"] if c["qualifier"] != "vague" else (
            (c["low"] + c["high"]) / 2 if c["low"] is not None and c["high"] is not None else None)
        if centre is not None:
            per_source[c["source_id"]].append(centre)
    centres = [statistics.median(v) for v in per_source.values()]
    return round(statistics.median(centres)) if centres else None


def _rank(claims: list[dict[str, Any]]) -> int:
    c = claims[0]
    if c["voice"] == "own":
        return 2
    return 1 if c["source_kind"] == "generic" else 0


def _shown_name(claim: dict[str, Any]) -> str:
    singular_body = claim["source_kind"] == "state" and not claim["source"].endswith("s")  # not "officials"
    return f"the {claim['source']}" if singular_body else claim["source"]


def summary_line(claims: list[dict[str, Any]], *, limit: int = MAX_SUMMARY_ITEMS,
                 revisions: dict[Any, str] | None = None) -> str:
    """``200+ (per Human Rights Watch), 613 (per the Azerbaijani government)`` (see the module docstring)."""
    by_source: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        by_source[c["source_id"]].append(c)
    entries: dict[str, dict[str, Any]] = {}
    for source_id, members in by_source.items():
        counts = list(dict.fromkeys(c["count"] for c in members))
        if revisions and source_id in revisions:
            text = revisions[source_id]
        else:
            text = " or ".join(counts) if len(counts) <= 3 else \
                f"{len(counts)} counts from {counts[0]} to {counts[-1]}"
        if all(c["hedged"] for c in members):
            text += " (reportedly)"
        top = max((c["central"] if c["central"] is not None else float(c["low"] or 0)) for c in members)
        entry = entries.setdefault(text, {"names": [], "top": top, "rank": _rank(members)})
        entry["names"].append(_shown_name(members[0]))
        entry["rank"] = min(entry["rank"], _rank(members))
    chosen = sorted(entries.items(), key=lambda kv: (kv[1]["rank"], kv[1]["top"]))[:limit]
    chosen.sort(key=lambda kv: (kv[1]["top"], kv[0]))
    items = [f"{text} (per {'; '.join(e['names'])})" for text, e in chosen]
    if len(entries) > limit:
        items.append(f"and {len(entries) - limit} more")
    return ", ".join(items)


def _row_key(f: dict[str, Any], wholes: dict[tuple[str, str], dict[str, Any]]) -> tuple[str, str]:
    """The (outcome, group) row a figure is listed in: a part goes under its whole."""
    if role(f) != "whole":
        whole = wholes.get((f["doc_id"], f["part_of"] or ""))
        if whole is not None and whole["outcome"] == f["outcome"]:
            return _row_key(whole, wholes)
        named = group_label({**f, "part_of": None})
        return f["outcome"], named if named in ("all",) or role(f) == "denied" else "all"
    return f["outcome"], group_label(f)


def compare(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comparison rows of one event's figures (from :func:`counterclaim.store.queries.figure_rows`).

    Returns:
        Rows ordered by outcome, then ``all`` before named groups; each with ``outcome``,
        ``group``, ``claims`` (every claim, each with its ``role``, ``kind`` and ``stance``),
        ``whole`` / ``partial`` / ``denied`` / ``background`` / ``undecided`` (the claims of each
        role), ``revisions``, ``sources`` (distinct sources of whole tolls), ``asserted_sources``,
        ``documents``, ``low``, ``high``, ``disagreement`` and ``summary``.
    """
    from counterclaim.reconcile.revisions import revisions

    by_ref = {(f["doc_id"], f["fid"]): f for f in figures}
    for f in figures:
        whole = by_ref.get((f["doc_id"], f["part_of"] or ""))
        f.setdefault("whole_text", " ".join(whole["text"].split()) if whole else None)
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        rows[_row_key(f, by_ref)].append(f)
    order = {o: i for i, o in enumerate(OUTCOMES)}
    out = []
    for (outcome, group), members in sorted(rows.items(), key=lambda kv: (
            order.get(kv[0][0], 99), kv[0][1] != "all", kv[0][1])):
        claims = claims_of(members)
        changes = revisions([c for c in claims if c["role"] == "whole"])
        by_role = {r: [c for c in claims if c["role"] == r] for r in ROLES}
        tolls = by_role["whole"]
        row: dict[str, Any] = {
            "outcome": outcome, "group": group, "claims": claims, **by_role, "revisions": changes,
            "sources": len({c["source_id"] for c in tolls}),
            "asserted_sources": len({c["source_id"] for c in comparable(claims)}),
            "documents": sorted({f["doc_id"] for f in members}), **spread(claims),
            "summary": summary_line(tolls, revisions={r["source_id"]: r["chain"] for r in changes})}
        if by_role["denied"]:
            denied = "; ".join(f"{c['count']} (per {_shown_name(c)})" for c in by_role["denied"])
            row["summary"] = (row["summary"] + "; " if row["summary"] else "") + f"denied: {denied}"
        row["disagreement"] = disagreement(row)
        out.append(row)
    return out


ROLES = ("whole", "partial", "denied", "background", "undecided")
"""The roles of a row's claims, in the order pages list them."""


def with_roles(row: dict[str, Any]) -> dict[str, Any]:
    """A row (as stored without them) with the claims of each role listed again under the role's name."""
    for r in ROLES:
        row[r] = [c for c in row["claims"] if c["role"] == r]
    return row


def disagreement(row: dict[str, Any]) -> float | None:
    """How far apart a row's comparable claims are: ``high / low`` (1.0 = agreement).

    None without numbers, or when fewer than two sources give asserted whole tolls.
    """
    low, high = row.get("low"), row.get("high")
    if not low or high is None or row.get("asserted_sources", 2) < 2:
        return None
    return round(high / low, 2)
