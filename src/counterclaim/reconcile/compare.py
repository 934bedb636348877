"""Competing figures side by side: per event, outcome and victim group, every source's claim.

**Rows.** An event's figures are split by outcome (killed, injured, missing, captured,
displaced) and by *victim group*:

* ``all`` — the whole toll: figures without a group named in their own words, and tolls
  described by who the victims were ("613 Azerbaijani civilians", "about 600 men, women and
  children", "7,000 men and boys", "between 7,000 and 8,000 men"), so that the tolls people
  actually compare sit in one row (the groups are listed with each claim);
* a named group ("women+children", "combatants", "police") when the figure's own words
  name it and it is a part of another figure ("169 women and children" of the 613), names
  women, children or the elderly alone ("three dead children") or a group outside the
  civilian population ("44 Azeri militiamen");
* ``part`` — a subset given without a group ("151 people [were killed by gunshots]").

**Claims.** Within a row, one claim per source and number: the same source repeating the
same count in several documents is one claim with its document count and its first and
last publication dates. A figure stated in the text's own voice is claimed by the
publisher ("per The Sunday Times"); ``hedged`` marks claims only reported as rumour.

**low / best / high** (in the spirit of UCDP-GED): ``low`` is the smallest lower bound and
``high`` the largest upper bound over the row's claims; ``best`` is the median of the
sources' central values (a source giving several numbers contributes its median; a range
its midpoint). Only claims of named sources count when there are any — a publication's own
narration mixes partial counts ("29 bodies had been buried") — and vague amounts
("hundreds") count only when nothing else is given. These numbers describe the spread of
the claims: the tool never says which source is right.

**Summary line** (in the spirit of Wikipedia's infobox): one entry per source, with its
counts ("184 or 600"), from the lowest to the highest, e.g. ``200+ (per Human Rights Watch),
613 (per the Azerbaijani government)``. ``N+`` is "at least"/"more than", ``c. N`` approximate,
``up to N`` at most, ``N–M`` a range; sources giving the same counts share one entry. When
there are more than eight entries, named sources are kept before generic ones
("officials") and before the publications' own narration, and the rest are counted.
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


def claims_of(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per source and count among ``figures`` (rows of one outcome and group)."""
    claims: dict[tuple[Any, ...], dict[str, Any]] = {}
    seen: dict[tuple[Any, ...], tuple[set[str], set[str]]] = {}  # documents and spellings, for membership tests
    for f in figures:
        key = (f["source_id"], f["value"], f["low"], f["high"], f["qualifier"])
        c = claims.get(key)
        if c is None:
            c = claims[key] = {
                "source_id": f["source_id"], "source": f["source"] or f["claimant"], "source_type": f["source_type"],
                "source_kind": f["source_kind"], "voice": f["voice"], "value": f["value"], "low": f["low"],
                "high": f["high"], "qualifier": f["qualifier"],
                "count": count_text(f["value"], f["low"], f["high"], f["qualifier"], f["text"]),
                "groups": [], "hedged": True, "documents": [], "figures": [], "spellings": [],
                "first_seen": None, "last_seen": None}
        c["hedged"] = c["hedged"] and f["hedged"]
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


def _attributed(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims of named sources when there are any, else every claim."""
    named = [c for c in claims if c["voice"] == "attributed" and c["source_kind"] not in ("unattributed",)]
    return named or claims


def spread(claims: list[dict[str, Any]]) -> dict[str, int | None]:
    """``low``, ``best`` and ``high`` of a row's claims (the rule is in the module docstring)."""
    claims = _attributed(claims)
    usable = [c for c in claims if c["qualifier"] != "vague"] or claims
    lows = [c["low"] for c in usable if c["low"] is not None]
    highs = [c["high"] for c in usable if c["high"] is not None]
    per_source: dict[Any, list[float]] = defaultdict(list)
    for c in usable:
        centre = _central(c) if c["qualifier"] != "vague" else (
            (c["low"] + c["high"]) / 2 if c["low"] is not None and c["high"] is not None else None)
        if centre is not None:
            per_source[c["source_id"]].append(centre)
    centres = [statistics.median(v) for v in per_source.values()]
    return {"low": min(lows) if lows else None,
            "best": round(statistics.median(centres)) if centres else None,
            "high": max(highs) if highs else None}


def _rank(claims: list[dict[str, Any]]) -> int:
    c = claims[0]
    if c["voice"] == "own" or c["source_kind"] == "unattributed":
        return 2
    return 1 if c["source_kind"] == "generic" else 0


def summary_line(claims: list[dict[str, Any]], *, limit: int = MAX_SUMMARY_ITEMS) -> str:
    """``200+ (per Human Rights Watch), 613 (per the Azerbaijani government)`` (see the module docstring)."""
    by_source: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        by_source[c["source_id"]].append(c)
    entries: dict[str, dict[str, Any]] = {}
    for members in by_source.values():
        counts = list(dict.fromkeys(c["count"] for c in members))
        text = " or ".join(counts) if len(counts) <= 3 else f"{len(counts)} counts from {counts[0]} to {counts[-1]}"
        if all(c["hedged"] for c in members):
            text += " (reportedly)"
        top = max((c["central"] if c["central"] is not None else float(c["low"] or 0)) for c in members)
        entry = entries.setdefault(text, {"names": [], "top": top, "rank": _rank(members)})
        first = members[0]
        singular_body = first["source_kind"] == "state" and not first["source"].endswith("s")  # not "officials"
        entry["names"].append(f"the {first['source']}" if singular_body else first["source"])
        entry["rank"] = min(entry["rank"], _rank(members))
    chosen = sorted(entries.items(), key=lambda kv: (kv[1]["rank"], kv[1]["top"]))[:limit]
    chosen.sort(key=lambda kv: (kv[1]["top"], kv[0]))
    items = [f"{text} (per {'; '.join(e['names'])})" for text, e in chosen]
    if len(entries) > limit:
        items.append(f"and {len(entries) - limit} more")
    return ", ".join(items)


def compare(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comparison rows of one event's figures (from :func:`counterclaim.store.queries.figure_rows`).

    Returns:
        Rows ordered by outcome, then ``all`` before named groups and ``part``; each with
        ``outcome``, ``group``, ``claims``, ``sources`` (distinct), ``documents``, ``low``,
        ``best``, ``high`` and ``summary``.
    """
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        rows[(f["outcome"], group_label(f))].append(f)
    order = {o: i for i, o in enumerate(OUTCOMES)}
    out = []
    for (outcome, group), members in sorted(rows.items(), key=lambda kv: (
            order.get(kv[0][0], 99), kv[0][1] != "all", kv[0][1] == "part", kv[0][1])):
        claims = claims_of(members)
        out.append({"outcome": outcome, "group": group, "claims": claims,
                    "sources": len({c["source_id"] for c in claims}),
                    "documents": sorted({f["doc_id"] for f in members}),
                    **spread(claims), "summary": summary_line(claims)})
    return out


def disagreement(row: dict[str, Any]) -> float | None:
    """How far apart a row's claims are: ``high / low`` (1.0 = agreement); None without numbers."""
    low, high = row.get("low"), row.get("high")
    if not low or high is None:
        return None
    return round(high / low, 2)
