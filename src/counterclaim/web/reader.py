"""The document reader's data: every claim of a document and the text cut into highlighted pieces.

:func:`document_claims` lists the figures, the sources they are attributed to, the quotes (with
their speakers as sources) and the acts of a document as plain dicts, each with an
``anchor`` (``c1``, ``c2``…: made here, never taken from the data, so it is safe in HTML ids
and URLs). :func:`segments` cuts the text at every span boundary; each piece names the
kinds of the spans that cover it and links to the innermost one (a figure inside a quote
links to the figure). A figure names the anchor of its source's span (``source_anchor``), so
that selecting it can mark who said it too, and its ``stance`` (asserted, hedged, denied,
rejected). Nothing here builds HTML: templates escape every piece of text.

>>> segments("Ten died.", [{"anchor": "c1", "kind": "figure", "span": [0, 8]}])[0]["target"]
'c1'
"""

from __future__ import annotations

from typing import Any

from counterclaim.present.counts import count_text
from counterclaim.records import Result

KIND_ORDER = {"figure": 0, "act": 1, "source": 2, "quote": 3}
STANCE_WORDS = {"asserted": "stated as fact", "hedged": "hedged: reported with distance",
                "denied": "denied in the text", "rejected": "rejected as false in the text"}
"""How the detail panel names a figure's stance (the text's, never the tool's judgement)."""


def _span(span: Any) -> list[int] | None:
    return [int(span[0]), int(span[1])] if span else None


def _stance(figure: Any) -> str:
    stance = getattr(figure, "stance", None)
    return stance if stance in STANCE_WORDS else ("hedged" if figure.hedged else "asserted")


def document_claims(result: Result, figures: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every claim of a document, in text order.

    Args:
        result: the stored Result.
        figures: the document's figure rows (:func:`counterclaim.store.queries.figure_rows`) by
            figure id, for the normalised source and the event.
    """
    items: list[dict[str, Any]] = []
    sources: dict[tuple[int, int], dict[str, Any]] = {}
    for f in result.figures:
        row = figures.get(f.id, {})
        c = f.count
        items.append({
            "kind": "figure", "id": f.id, "span": _span(f.span), "text": f.text, "outcome": f.outcome,
            "count": count_text(c.value, c.low, c.high, c.qualifier, f.text), "value": c.value, "low": c.low,
            "high": c.high, "qualifier": c.qualifier, "groups": list(f.groups), "part_of": f.part_of,
            "source": f.source.name if f.source else None, "source_type": f.source.type if f.source else None,
            "source_id": row.get("source_id"), "source_name": row.get("source"), "voice": row.get("voice"),
            "hedged": f.hedged, "stance": _stance(f), "confidence": f.confidence, "event_id": row.get("event_id"),
            "sentence": _span(f.sentence)})
        if f.source and f.source.span:
            key = (f.source.span[0], f.source.span[1])
            entry = sources.setdefault(key, {"kind": "source", "id": f"source@{key[0]}", "span": list(key),
                                             "text": f.source.name, "source_type": f.source.type,
                                             "source_id": row.get("source_id"), "source_name": row.get("source"),
                                             "figures": [], "role": "claimant"})
            entry["figures"].append(f.id)
    for q in result.quotes:
        items.append({"kind": "quote", "id": q.id, "span": _span(q.span), "text": q.text,
                      "speaker": q.speaker.name if q.speaker else None, "via": q.via.name if q.via else None})
        for who, role in ((q.speaker, "speaker"), (q.via, "via")):
            if who and who.span:
                key = (who.span[0], who.span[1])
                entry = sources.setdefault(key, {"kind": "source", "id": f"source@{key[0]}", "span": list(key),
                                                 "text": who.name, "source_type": None, "source_id": None,
                                                 "source_name": None, "figures": [], "role": role})
                entry.setdefault("quotes", []).append(q.id)
    for a in result.acts:
        items.append({"kind": "act", "id": a.id, "span": _span(a.span), "text": a.text, "act": a.act,
                      "jurisdiction": a.jurisdiction, "jurisdiction_code": a.jurisdiction_code, "date": a.date})
    items += sources.values()
    items.sort(key=lambda i: (i["span"][0], KIND_ORDER[i["kind"]]))
    by_id = {i["id"]: i for i in items if i["kind"] == "figure"}
    for n, item in enumerate(items, 1):
        item["anchor"] = f"c{n}"
    source_of = {fid: i["anchor"] for i in items if i["kind"] == "source" for fid in i["figures"]}
    for item in items:
        if item["kind"] == "figure":
            if item["part_of"] in by_id:
                item["part_of_anchor"] = by_id[item["part_of"]]["anchor"]
            if item["id"] in source_of:
                item["source_anchor"] = source_of[item["id"]]
    return items


def segments(text: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary: ``{"text", "kinds", "target"}`` per piece, in order.

    ``kinds`` are the kinds of every span covering the piece (for styling); ``target`` the
    anchor of the innermost one (the shortest; a figure before a quote of the same length).
    Spans outside the text are ignored.
    """
    spans = [(max(0, i["span"][0]), min(len(text), i["span"][1]), i) for i in items
             if i.get("span") and i["span"][0] < i["span"][1] <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [(e - s, KIND_ORDER[i["kind"]], i) for s, e, i in spans if s <= a and b <= e]
        if not covering:
            out.append({"text": text[a:b], "kinds": [], "target": None})
            continue
        covering.sort(key=lambda t: (t[0], t[1]))
        kinds = sorted({t[2]["kind"] for t in covering}, key=KIND_ORDER.__getitem__)
        out.append({"text": text[a:b], "kinds": kinds, "target": covering[0][2]["anchor"]})
    return out
