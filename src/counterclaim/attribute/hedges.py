"""``hedged``: distancing in the text's own voice (ANNOTATION.md conventions).

Marks "reportedly", "allegedly", "is believed to", "purportedly", a figure the text reports
as denied, "feared" with no named source, "no official confirmation" or "could not be
verified" in the next sentence, and figures a claimant only "claimed".

Deliberately not hedged: a named source's own uncertainty ("the ministry estimated").

>>> # "Some 40 people were reportedly killed."  →  hedged
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from counterclaim.extract import lexicon as lx

_BELIEVED = re.compile(r"\b(?:is|are|was|were|being) (?:believed|thought|said|rumou?red|understood)\b|"
                       r"\bdenials?\b|\bdenied\b|\bdenies\b|\bunconfirmed\b|\bunverified\b", re.IGNORECASE)
_NEXT = re.compile(r"\bno (?:official |independent )?confirmation\b|\bcould not (?:be )?(?:independently )?"
                   r"(?:verif|confirm)|\bnot (?:possible|able) to (?:independently )?(?:verify|confirm)\b|"
                   r"^if confirmed\b", re.IGNORECASE)
_FEARED = re.compile(r"\bfeared\b", re.IGNORECASE)


def is_hedged(tok: Token, sent: Span, next_sent: Span | None, *, has_source: bool) -> bool:
    """Whether the text distances itself from the figure at ``tok``."""
    words = {t.lower_ for t in sent}
    if words & lx.HEDGE_WORDS:
        return True
    if _BELIEVED.search(sent.text):
        return True
    if not has_source and _FEARED.search(sent.text):
        return True
    if any(t.lemma_.lower() == "claim" and t.pos_ == "VERB" for t in sent) and has_source:
        return True
    return bool(next_sent is not None and _NEXT.search(next_sent.text.strip()))
