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

from counterclaim import lexicons as _lex
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


_STANCE_WORDS: dict[str, str] = _lex.mapping("stance_words.tsv", values=frozenset({"denied", "rejected"}))


def _denied_or_rejected(tok: Token) -> str | None:
    """"X denied that its forces had killed 1,000 people" → denied; "the 50,000 estimate was
    inflated", "dismissed reports of 300 dead" → rejected. The figure must lie in the scope of
    the word: an ancestor (a verb or a noun such as "denials" whose clause holds the figure) or
    the predicate of the clause whose subject the figure (or the estimate it counts) is."""
    for anc in tok.ancestors:
        found = _STANCE_WORDS.get(anc.lemma_.lower()) or _STANCE_WORDS.get(anc.lower_)
        if found and anc.pos_ in ("VERB", "NOUN", "AUX"):
            return found
        if anc.dep_ in ("nsubj", "nsubjpass"):  # "the 50,000 estimate was wildly inflated"
            gov = anc.head
            for c in list(gov.children) + [gov]:
                if c.dep_ in ("acomp", "attr", "oprd") or c is gov:
                    word = _STANCE_WORDS.get(c.lower_) or _STANCE_WORDS.get(c.lemma_.lower())
                    if word == "rejected" and c.pos_ in ("ADJ", "VERB"):
                        return word
    return None


def stance(tok: Token, sent: Span, nearby: list[Span], *, has_source: bool) -> str:
    """How the text holds the figure at ``tok``: ``denied``, ``rejected``, ``hedged`` (reported with
    distance) or ``asserted``. A denied or rejected figure is never shown as asserted."""
    found = _denied_or_rejected(tok)
    if found:
        return found
    return "hedged" if is_hedged(tok, sent, nearby, has_source=has_source) else "asserted"


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
