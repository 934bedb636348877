"""Casualty figures: a count of people plus the outcome they suffered (ANNOTATION.md §1).

A number becomes a figure when (1) it counts people or bodies, and (2) an outcome cue is
attached to it: inside its noun phrase ("479 deaths", "three dead children"), right after
it ("58 wounded", "147 died"), or through the verb that governs it ("613 civilians were
murdered", "killed 1,269 soldiers", "were taken hostages", "went missing", "left 25 hurt",
"death toll of 11", "the toll stands at 1,270").

Deliberately not figures: populations, forces, ages, years, dates, money, units,
proportions ("two-thirds"), and bare singulars ("a soldier was killed").

>>> # "Two car bombs killed sixteen people" → one figure: "sixteen people", killed, 16
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from counterclaim.extract import lexicon as lx
from counterclaim.extract.frames import word_list
from counterclaim.extract.groups import figure_groups, inherit_groups
from counterclaim.extract.numbers import NumberMention, find_numbers
from counterclaim.extract.outcomes import adjacent_outcome, figure_outcome, of_object
from counterclaim.extract.subsets import link_subsets
from counterclaim.records import Count

_FRACTIONS = word_list("fraction_words", "np_cues.json")  # "two-thirds", "40 percent": no count of people
# a year followed by one of these is a count after all ("2000 people")
_YEAR_COUNT = re.compile(r"\s+(?:" + "|".join(map(re.escape, sorted(word_list("year_count_words", "np_cues.json"))))
                         + r")\b")
# endings of nouns for people ("farmers", "guards", "Libyans")
_PEOPLE_ENDING = re.compile("(?:" + "|".join(sorted(word_list("people_endings", "np_cues.json"))) + ")$")


@dataclass
class FigureMention:
    """A figure in normalised offsets, before attribution."""

    start: int
    end: int
    count: Count
    outcome: str
    number: NumberMention
    num_token: Token
    head: Token
    groups: list[str] = field(default_factory=list)
    part_of: FigureMention | None = None  # the whole this figure is a subset of
    rule: str = ""
    confidence: float = 0.8
    sentence: Span | None = None


def _token_at(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _lower(tok: Token) -> str:
    return tok.lower_


def _is_year(num: NumberMention, text: str) -> bool:
    raw = text[num.num_start:num.end]
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", raw)) and num.count.qualifier == "exact"


def _filtered(num: NumberMention, text: str, toks: list[Token]) -> bool:
    """True when the number is not a count of people (ANNOTATION.md: not figures)."""
    before = text[max(0, num.start - 12):num.start]
    after = text[num.end:num.end + 24]
    if re.match(r"\s*[-–]\s*[A-Za-z]", after) and not re.match(r"\s*[-–]\s*(?:and|or)\b", after):
        return True  # "15-man", "40-year-old", "5,000-strong", "two-thirds"
    if re.match(r"[:.]\d", after) or re.search(r"\d[:.]$", before):
        return True  # times and decimals "9:30"
    if re.search(r"[$£€¥]\s*$|\b(?:US|A|C)\$\s*$|\b(?:No|no|Article|Checkpoint|Resolution|Route|"
                 r"Highway|page|Chapter|Section|Paragraph|Room|Flight|Platform|Gate|Unit|Camp|"
                 r"Brigade|Division|Battalion|Regiment|Army|Corps|Act|Law|Protocol|Annex|Item)\.?\s*$",
                 before):
        return True
    nxt = re.match(r"\s*([A-Za-z%]+)", after)
    if nxt:
        word = nxt.group(1).lower()
        if word in lx.NOT_PEOPLE or word in lx.MONTHS or word in ("st", "nd", "rd", "th"):
            return True
        if word in _FRACTIONS:
            return True
    if re.search(r"\b(?:" + "|".join(lx.MONTHS) + r")\.?\s*$", before, re.IGNORECASE):
        return True  # "February 26", "May 10"
    if re.search(r"\bin every\s*$|\bone in\s*$", before, re.IGNORECASE):
        return True
    if _is_year(num, text) and not _YEAR_COUNT.match(after):
        return True
    if num.count.value is not None and num.count.value > 50_000_000:
        return True
    return len(text[num.num_start:num.end]) > 12 and text[num.num_start:num.end].isdigit()


def _np_head(num_tok: Token) -> Token:
    """The noun a number counts ("613 Ruritanian civilians" → civilians), or the number itself."""
    tok = num_tok
    if tok.head.i == tok.i + 1 and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ != "nummod":
        return tok.head  # "Thirty inmates": the tagger took the number for a noun
    if tok.dep_ in ("meta", "dep", "npadvmod", "appos", "advmod") and tok.head.i > tok.i \
            and tok.head.i - tok.i <= 4 and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.dep_ in ("meta", "dep", "nsubj", "npadvmod") and nxt is not None and nxt.tag_ in ("NNS", "NNPS") \
            and nxt.head.i == tok.head.i and tok.dep_ != "nummod":
        return nxt  # "131 Iraqis died" parsed with the number hung on the verb
    for _ in range(3):
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and tok.head.i > tok.i \
                and tok.head.i - tok.i <= 6 and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON"):
            tok = tok.head
        else:
            break
    return tok


def _people_like(head: Token, num_tok: Token, norm_text: str) -> bool:
    word = head.lower_
    if head.i == num_tok.i or head.pos_ == "NUM":
        return True
    if word in lx.PERSON_NOUNS or head.lemma_.lower() in lx.PERSON_NOUNS or word in lx.OUTCOME_NOUNS:
        return True
    if word in lx.NOT_PEOPLE or head.lemma_.lower() in lx.NOT_PEOPLE:
        return False
    if head.ent_type_ in ("NORP",) or (head.text[:1].isupper() and word.endswith("s")):
        return True  # demonyms: "Libyans", "Azeris"
    return bool(_PEOPLE_ENDING.search(word))


def find_figure_mentions(doc: Doc, norm_text: str) -> list[FigureMention]:
    """Every casualty figure of a parsed (normalised) text, in text order."""
    mentions: list[FigureMention] = []
    for num in find_numbers(norm_text):
        toks = _token_at(doc, num.num_start, num.end)
        if not toks or _filtered(num, norm_text, toks):
            continue
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside and not t.is_punct]
        num_tok = roots[-1] if roots else toks[-1]
        if num_tok.is_space or num_tok.is_punct:
            continue
        head = _np_head(num_tok)
        of_obj = of_object(head) if head.i == num_tok.i or head.pos_ == "NUM" else None
        noun = of_obj if of_obj is not None else head
        if num.count.value == 1 and (noun.i == num_tok.i or noun.lower_ in ("of",)) and of_obj is None:
            # "one" alone is a pronoun far more often than a count ("the other one")
            if not adjacent_outcome(doc, num_tok.i + 1)[0]:
                continue
        if num_tok.i + 1 < len(doc) and doc[num_tok.i + 1].lower_ == "of" and num.count.value == 1 and not (
                of_obj is not None and of_obj.lower_ in lx.OUTCOME_NOUNS):
            continue  # "one of three soldiers to survive" (but "One of the wounded died")
        right_after, _ = adjacent_outcome(doc, num_tok.i + 1)
        if head.i != num_tok.i and right_after and num_tok.i + 1 <= head.i \
                and doc[num_tok.i + 1].lower_ in ("flee", "fled", "froze", "die", "dies", "died"):
            head = noun = num_tok  # headline grammar: "18,000 flee fighting", "six froze to death"
            of_obj = None
        if not _people_like(noun, num_tok, norm_text):
            continue
        np_end_tok = max(head.i, num_tok.i)
        conj_end = max([c.i for c in head.conjuncts if c.i > head.i and not any(
            g.dep_ == "nummod" for g in c.children)], default=np_end_tok)
        if not adjacent_outcome(doc, np_end_tok + 1)[0] and adjacent_outcome(doc, conj_end + 1)[0]:
            np_end_tok = conj_end
        outcome, rule = figure_outcome(doc, num_tok, head, np_end_tok + 1)
        if outcome is None and of_obj is not None:
            outcome, rule = figure_outcome(doc, num_tok, of_obj, of_obj.i + 1)
        start = num.start
        if of_obj is not None and of_obj.i > np_end_tok and of_obj.i - num_tok.i <= 6:
            np_end_tok = of_obj.i  # "hundreds of Western tourists"
        adjacent, adj_i = adjacent_outcome(doc, np_end_tok + 1)
        if noun.i == num_tok.i and adjacent and 0 < adj_i - np_end_tok <= 2:
            np_end_tok = adj_i  # "58 wounded", "25 hurt": the anchor names the outcome
        elif noun.i == head.i and head.i != num_tok.i:
            np_end_tok = max([np_end_tok] + [c.i for c in head.conjuncts if c.i > head.i and c.i - head.i <= 4
                                             and not any(g.dep_ == "nummod" for g in c.children)])
        end_tok = doc[np_end_tok]
        end = max(num.end, end_tok.idx + len(end_tok.text))
        mention = FigureMention(start=start, end=end, count=num.count, outcome=outcome or "", number=num,
                                num_token=num_tok, head=head, rule=rule, sentence=num_tok.sent)
        mention.groups = figure_groups(head, num_tok, doc)
        if of_obj is not None and not mention.groups:
            mention.groups = figure_groups(of_obj, num_tok, doc)
        mentions.append(mention)
    link_subsets(doc, mentions)
    kept = [m for m in mentions if m.outcome]
    inherit_groups(kept)
    return kept
