"""Token and character-offset helpers shared by the extractors and the attribution model."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Non-space tokens that start in ``[start, end)`` (character offsets of ``doc.text``), found by bisection."""
    i = bisect_left(doc, start, key=lambda t: t.idx)  # type: ignore[arg-type]
    out: list[Token] = []
    while i < len(doc) and doc[i].idx < end:
        if not doc[i].is_space:
            out.append(doc[i])
        i += 1
    return out
