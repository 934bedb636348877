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
from itertools import islice

from spacy.tokens import Span, Token

from counterclaim import lexicons as _lex
from counterclaim.extract import lexicon as lx

_DISTANCE = re.compile(r"\bno (?:official |independent )?confirmation\b|\bcould not (?:be )?(?:independently )?"
                       r"(?:verif|confirm)|\bnot (?:possible|able) to (?:independently )?(?:verify|confirm)\b|"
                       r"^if confirmed\b|\bunconfirmed reports?\b", re.IGNORECASE)
_PASSIVE_HEDGES = {"believe", "think", "say", "rumour", "rumor", "report", "fear", "feared", "understand",
                   "suspect", "presume", "allege", "claim", "estimate"}


ANCESTOR_REACH = 12
"""Heads above a figure that are read for a stance word (a long chain of "and" is not walked whole)."""
CLAUSE_REACH = 15
"""Dependents of the figure's verbs are read within this many tokens of each verb, so that a
sentence of thousands of figures costs time linear in its length."""


def _clause(tok: Token) -> tuple[list[Token], dict[int, list[Token]]]:
    """The figure's own clause: the chain of verbs above it, with their direct dependents near them.

    Returns the clause's tokens and, for each token of the chain, its dependents found.
    """
    chain: list[Token] = []
    node = tok
    for _ in range(6):
        if node.head is node:
            chain.append(node)
            break
        node = node.head
        chain.append(node)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj") and any(
                t.dep_ == "nsubj" and t.head.i == node.i for t in _near(node)):
            break
    kids: dict[int, list[Token]] = {n.i: [t for t in _near(n) if t.head.i == n.i and t.i != n.i] for n in chain}
    return chain + [k for ks in kids.values() for k in ks], kids


def _near(node: Token) -> list[Token]:
    doc = node.doc
    return list(doc[max(0, node.i - CLAUSE_REACH):min(len(doc), node.i + CLAUSE_REACH + 1)])


_STANCE_WORDS: dict[str, str] = _lex.mapping("stance_words.tsv", values=frozenset({"denied", "rejected"}))


def _denied_or_rejected(tok: Token) -> str | None:
    """"X denied that its forces had killed 1,000 people" → denied; "the 50,000 estimate was
    inflated", "dismissed reports of 300 dead" → rejected. The figure must lie in the scope of
    the word: an ancestor (a verb or a noun such as "denials" whose clause holds the figure) or
    the predicate of the clause whose subject the figure (or the estimate it counts) is."""
    for anc in islice(tok.ancestors, ANCESTOR_REACH):
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


def stance(tok: Token, sent: Span, nearby_distanced: bool, *, has_source: bool) -> str:
    """How the text holds the figure at ``tok``: ``denied``, ``rejected``, ``hedged`` (reported with
    distance) or ``asserted``. A denied or rejected figure is never shown as asserted."""
    found = _denied_or_rejected(tok)
    if found:
        return found
    return "hedged" if is_hedged(tok, sent, nearby_distanced, has_source=has_source) else "asserted"


def is_hedged(tok: Token, sent: Span, nearby_distanced: bool, *, has_source: bool) -> bool:
    """Whether the text distances itself from the figure at ``tok``.

    Args:
        tok: the figure's head token.
        sent: its sentence.
        nearby_distanced: whether a sentence up to two before or after it says the report could not
            be confirmed (:func:`distanced`, computed once per sentence by the caller).
        has_source: whether a claimant was found for the figure.
    """
    clause, kids = _clause(tok)
    words = {t.lower_ for t in clause}
    if words & lx.HEDGE_WORDS:
        return True
    if words & {"denials", "denial", "denied", "denies", "deny"}:
        return True
    for t in clause:
        children = kids.get(t.i, [])
        passive = any(c.dep_ == "auxpass" for c in children)
        has_agent = any(c.dep_ == "agent" for c in children)
        if t.lemma_.lower() in _PASSIVE_HEDGES and passive and not has_agent and not has_source:
            return True
        if t.lemma_.lower() == "claim" and t.pos_ == "VERB" and has_source and not any(
                c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in children):
            return True
    for anc in islice(tok.ancestors, ANCESTOR_REACH):  # "the rebels claimed they had killed 60 soldiers"
        if anc.lemma_.lower() == "claim" and anc.pos_ == "VERB" and not any(
                c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in anc.children):
            return True
    return nearby_distanced


def distanced(sent: Span) -> bool:
    """Whether a sentence says the text cannot confirm what it reports ("could not be verified")."""
    return bool(_DISTANCE.search(sent.text.strip()))
