"""Token and character-offset helpers shared by the extractors and the attribution model."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Non-space tokens that start in ``[start, end)`` (character offsets of ``doc.text``), found by bisection."""
    i = bisect_left(doc, start, key=lambda t: t.idx)  # type: ignore[arg-type]
    out: list[Token] = []
    while i < len(doc) and doc[i].idx < end:
        if not doc[i].is_space:
            out.append(doc[i])
        i += 1
    return out


_ENTS = "counterclaim.entities"
_ENT_AT = "counterclaim.entity_at"


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy makes new Span objects on every access)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTS] = cached
    return cached  # type: ignore[no-any-return]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` belongs to, or None (an index built once per Doc)."""
    index = doc.user_data.get(_ENT_AT)
    if index is None:
        index = {t: ent for ent in entities(doc) for t in range(ent.start, ent.end)}
        doc.user_data[_ENT_AT] = index
    return index.get(i)  # type: ignore[no-any-return]


class SpanSet:
    """Character spans ``[start, end)``, sorted, with a membership test by bisection (no linear scan)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = []  # the furthest end among the spans up to each index (they may overlap)
        far = -1
        for _, e in self.spans:
            far = max(far, e)
            self.reach.append(far)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.reach[k] > pos and any(s <= pos < e for s, e in self._around(k, pos))

    def _around(self, k: int, pos: int) -> list[tuple[int, int]]:
        out = []
        while k >= 0 and self.reach[k] > pos:
            out.append(self.spans[k])
            k -= 1
        return out
