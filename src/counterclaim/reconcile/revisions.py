"""A source that changes its figure over time revises it; it does not disagree with itself.

When one source gives different asserted whole tolls for the same event, outcome and victim
group on *different publication dates*, the later count revises the earlier one: the chain
reads "1,000 → 613" and the page says "1,000 → 613, per the Azerbaijani government". The
earlier counts are marked ``superseded`` and leave the row's low and high; they stay listed.

Different counts of one source published on the *same* day are no revision: the checks flag
them (:mod:`counterclaim.reconcile.checks`), with both sentences.

>>> claims = [{"source_id": "g", "source": "Azerbaijani government", "source_kind": "state", "count": "1,000",
...            "stance": "asserted", "first_seen": "1992-03-03", "last_seen": "1992-03-03"},
...           {"source_id": "g", "source": "Azerbaijani government", "source_kind": "state", "count": "613",
...            "stance": "asserted", "first_seen": "2021-02-25", "last_seen": "2021-02-25"}]
>>> revisions(claims)[0]["text"]
'1,000 → 613, per the Azerbaijani government'
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def revisions(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Revision chains of a row's whole-toll claims; marks superseded claims in place.

    Returns:
        One entry per revising source: ``source_id``, ``source``, ``chain`` ("1,000 → 613"),
        ``text`` (with "per …"), ``counts`` and ``dates`` in order.
    """
    by_source: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        if c.get("stance") == "asserted" and c.get("first_seen"):
            by_source[c["source_id"]].append(c)
    out = []
    for source_id, members in by_source.items():
        dates = {c["first_seen"] for c in members}
        counts = {c["count"] for c in members}
        if len(dates) < 2 or len(counts) < 2:
            continue
        ordered = sorted(members, key=lambda c: (c["last_seen"], c["first_seen"]))
        latest_day = ordered[-1]["last_seen"]
        if sum(1 for c in members if c["last_seen"] == latest_day) > 1:
            continue  # two counts on the latest day: no revision to show, the checks flag it
        chain: list[str] = []
        for c in ordered:
            if not chain or chain[-1] != c["count"]:
                chain.append(c["count"])
        for c in ordered[:-1]:
            if c["count"] != ordered[-1]["count"]:
                c["superseded"] = ordered[-1]["count"]
        name = ordered[-1]["source"]
        shown = f"the {name}" if ordered[-1].get("source_kind") == "state" and not name.endswith("s") else name
        text = " → ".join(chain)
        out.append({"source_id": source_id, "source": name, "chain": text, "text": f"{text}, per {shown}",
                    "counts": chain, "dates": [c["first_seen"] for c in ordered]})
    return out
