"""Where a quotation's attribution can be: the sentence text around it, and speech verbs.

``Frames`` gives, for each quotation, the stretch of its sentence before the opening mark
(back to a sentence end, the previous quotation or the paragraph start) and after the closing
mark (up to a sentence end, the next quotation or the paragraph end). Sentence ends are read
from the text rather than from the parser, which is easily confused by quotation marks;
abbreviations ("Mr.", "U.S.", initials) do not end a sentence.

Example: in ``“We will rebuild,” said Mayor Vasquez. “It will take years.”`` the first
quotation's after-frame is ``said Mayor Vasquez.`` and the second's before-frame is empty.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from counterclaim import lexicons as _lex
from counterclaim.attribute import speakerwords as sw
from counterclaim.extract.quotemarks import QuotedStretch, paragraph_starts
from counterclaim.extract.spans import entity_at

_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "col", "gen", "lt", "capt", "sgt", "maj", "st", "jr", "sr", "rev",
           "sen", "rep", "gov", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
           "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "a.m", "p.m", "adm", "brig", "cpl"}
_CLOSERS = "”\"'’»"

_PARTICLE_VERBS = _lex.mapping("speech_particle_verbs.tsv")
"""Verbs that report speech with their particle only ("shot back"): lemma → particle."""



def is_stop(text: str, i: int) -> bool:
    """True when ``text[i]`` ends a sentence (not an abbreviation or an initial)."""
    if text[i] not in ".!?":
        return False
    nxt = text[i + 1:i + 2]
    if nxt and not (nxt.isspace() or nxt in _CLOSERS or nxt.isupper()):
        return False
    if text[i] == ".":
        m = re.search(r"([\w.]+)$", text[max(0, i - 12):i])
        word = m.group(1).lower() if m else ""
        if word in _ABBREV or re.fullmatch(r"[a-z]", word) or text[i - 1:i] == ".":
            return False
    return True


class Frames:
    """Text before and after each quotation, up to the sentence edge or the next quotation."""

    def __init__(self, text: str, quotes: list[QuotedStretch]) -> None:
        self.text = text
        self.quotes = quotes
        self.paras = paragraph_starts(text)

    def close_end(self, q: QuotedStretch) -> int:
        return (q.close_at + 1) if q.close_at is not None else q.end

    def before(self, k: int) -> tuple[int, int]:
        q = self.quotes[k]
        lo = max([p for p in self.paras if p <= q.open_at], default=0)
        if lo > 0 and not self.text[lo:q.open_at].strip() and self.text[:lo].rstrip().endswith(":"):
            lo = max([p for p in self.paras if p < lo], default=0)  # "... and said:\n\n“We ...”"
        if k > 0:
            lo = max(lo, self.close_end(self.quotes[k - 1]))
        start = lo
        for i in range(q.open_at - 1, lo - 1, -1):
            if is_stop(self.text, i):
                start = i + 1
                break
        return start, q.open_at

    def after(self, k: int) -> tuple[int, int]:
        q = self.quotes[k]
        s = self.close_end(q)
        hi = min([p for p in self.paras if p > s] + [len(self.text)])
        if k + 1 < len(self.quotes):
            hi = min(hi, self.quotes[k + 1].open_at)
        for i in range(s, hi):
            if is_stop(self.text, i):
                return s, i + 1
        return s, hi


def is_speech(tok: Token, partial: bool = False) -> bool:
    """A speech verb ("said", "told", "added", "reads"); with ``partial``, not a naming verb."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX", "NOUN") and not (tok.tag_.startswith("VB")):
        return False
    if tok.pos_ == "NOUN":
        return False
    if lemma in _PARTICLE_VERBS and lemma not in sw.SPEECH_VERBS:
        # "shot back, “…”", "“…,” she shot back.": with its particle, and nothing but punctuation after it
        # ("shot back at the police" is no speech)
        doc = tok.doc
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == _PARTICLE_VERBS[lemma] and c.i == tok.i + 1
                   for c in tok.children) and (after is None or after.is_punct or after.is_space)
    return lemma in sw.SPEECH_VERBS and not (partial and lemma in sw.NAMING_VERBS)


def relay_in(toks: list[Token]) -> Token | None:
    """The relaying source of "As reported by X", "according to X", "in an interview with X".

    Returns the last token of the first person or organisation named after the cue (or the
    cue's object): "As reported by the historian Jonas Berg in his memoir" → "Berg".
    """
    for i, t in enumerate(toks):
        low = t.lower_
        hit = (low == "by" and i > 0 and toks[i - 1].lemma_.lower() in ("report", "quote", "cite", "write")) \
            or (low == "to" and i > 0 and toks[i - 1].lower_ == "according") \
            or (low == "with" and i > 0 and toks[i - 1].lower_ == "interview")
        if not hit:
            continue
        for r in toks[i + 1:i + 15]:
            if r.ent_type_ == "PERSON" or (r.ent_type_ == "ORG" and r.pos_ == "PROPN"):
                ent = entity_at(r.doc, r.i)
                if ent is not None:
                    return r.doc[ent.end - 1]
        return next((g for g in t.children if g.dep_ == "pobj"), None)
    return None
