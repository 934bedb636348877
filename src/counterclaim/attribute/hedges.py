"""``hedged``: distancing in the text's own voice (ANNOTATION.md conventions).

Marks "reportedly", "allegedly", "is believed to", "purportedly" in the figure's clause, a
figure the text reports as denied, "feared" or a passive "are reported" with no named
source, figures a claimant only "claimed", and every figure within two sentences of
"there was no official confirmation" / "could not be verified" / "If confirmed".

Deliberately not hedged: a named source's own uncertainty ("the ministry estimated").

>>> # "Some 40 people were reportedly killed."  →  hedged
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from counterclaim.extract import lexicon as lx

_DISTANCE = re.compile(r"\bno (?:official |independent )?confirmation\b|\bcould not (?:be )?(?:independently )?"
                       r"(?:verif|confirm)|\bnot (?:possible|able) to (?:independently )?(?:verify|confirm)\b|"
                       r"^if confirmed\b|\bunconfirmed reports?\b", re.IGNORECASE)
_PASSIVE_HEDGES = {"believe", "think", "say", "rumour", "rumor", "report", "fear", "feared", "understand",
                   "suspect", "presume", "allege", "claim", "estimate"}


def _clause(tok: Token) -> list[Token]:
    """The figure's own clause: the chain of verbs above it, with their direct dependents."""
    out: list[Token] = []
    node = tok
    for _ in range(6):
        if node.head is node:
            out.extend(node.children)
            out.append(node)
            break
        node = node.head
        out.append(node)
        out.extend(node.children)
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj",) for c in node.children) \
                and node.dep_ not in ("xcomp", "conj"):
            break
    return out


def is_hedged(tok: Token, sent: Span, nearby: list[Span], *, has_source: bool) -> bool:
    """Whether the text distances itself from the figure at ``tok``.

    Args:
        tok: the figure's head token.
        sent: its sentence.
        nearby: the sentences up to two before and two after it.
        has_source: whether a claimant was found for the figure.
    """
    clause = _clause(tok)
    words = {t.lower_ for t in clause}
    if words & lx.HEDGE_WORDS:
        return True
    if words & {"denials", "denial", "denied", "denies", "deny"}:
        return True
    for t in clause:
        passive = any(c.dep_ == "auxpass" for c in t.children)
        has_agent = any(c.dep_ == "agent" for c in t.children)
        if t.lemma_.lower() in _PASSIVE_HEDGES and passive and not has_agent and not has_source:
            return True
        if t.lemma_.lower() == "claim" and t.pos_ == "VERB" and has_source and not any(
                c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in t.children):
            return True
    for anc in tok.ancestors:  # "the rebels claimed they had killed 60 soldiers"
        if anc.lemma_.lower() == "claim" and anc.pos_ == "VERB" and not any(
                c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in anc.children):
            return True
    return any(_DISTANCE.search(s.text.strip()) for s in nearby)
