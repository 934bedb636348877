"""Subset relations between figures (ANNOTATION.md ``part_of``), and repeated mentions.

Rules: "613 civilians including 169 women and children"; "the toll of 12,500 included
7,000"; "496 had been killed, 258 of them civilians"; "Of these 184 people, 51 were women";
"Five police officers were among the dead"; "13 were hurt but 11 are still in hospital";
a run of figures that adds up exactly to an earlier one ("70 were injured ... Ten officers
were seriously wounded and 60 suffered slight injuries"); and the figures of single
attacks after an aggregate ("A wave of attacks killed 107 people ... In the deadliest, at
least 42 were killed").

A subset inherits the outcome of its whole. Deliberately not linked: parts that do not add
up and are not marked by any of these words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from counterclaim.extract.outcomes import lemma_of

if TYPE_CHECKING:
    from counterclaim.extract.figures import FigureMention

_SUBSET_PREPS = {"including", "among", "include", "includes", "included"}
_AGGREGATE = re.compile(r"\b(?:wave|series|string|spate|string|rash|chain|number|day) of (?:\w+ ){0,2}"
                        r"(?:attacks|bombings|blasts|explosions|assaults|strikes|raids|shootings|violence)\b|"
                        r"\bin \w+ (?:different|separate|coordinated|simultaneous) (?:attacks|bombings|blasts)\b|"
                        r"\battacks across\b", re.IGNORECASE)
_OTHER_TIME = {"DATE"}
_AMONG_WORDS = {"dead", "killed", "victims", "casualties", "wounded", "injured", "missing", "hostages",
                "abducted", "kidnapped", "detained", "arrested", "displaced", "evacuated"}


def _subset_whole(head: Token, mentions_by_token: dict[int, int]) -> int | None:
    """``part_of`` from the syntax: "613 civilians including 169 women", "eight ... among the dead",
    "258 of them civilians", "Of these 184 people, 51 were women"."""
    tok = head
    # "including 169 women" / "among them 8 children": prep attached to the whole or its verb
    for anc in [tok.head, tok.head.head] if tok.dep_ == "pobj" else []:
        if anc.lower_ in _SUBSET_PREPS:
            gov = anc.head
            for cand in [gov] + list(gov.children) + list(gov.subtree):
                if cand.i in mentions_by_token and cand.i < tok.i:
                    return mentions_by_token[cand.i]
    if tok.dep_ == "dobj" and lemma_of(tok.head) == "include":
        for subj in tok.head.children:
            if subj.dep_ == "nsubj":
                for cand in subj.subtree:
                    if cand.i in mentions_by_token:
                        return mentions_by_token[cand.i]
    return None



def _of_them_whole(doc: Doc, m: FigureMention, mentions: list[FigureMention], i: int) -> int | None:
    """"496 had been killed, 258 of them civilians" / "40 of whom were children"."""
    nxt = doc[m.num_token.i + 1:m.num_token.i + 3]
    prv = doc[max(0, m.num_token.i - 2):m.num_token.i]
    if (len(nxt) == 2 and nxt[0].lower_ == "of" and nxt[1].lower_ in ("them", "whom")) or (
            len(prv) == 2 and prv[0].lower_ == "of" and prv[1].lower_ == "whom"):
        for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            w = mentions[j]
            if w.sentence == m.sentence and w.outcome:
                return j
        # "... 84 others were wounded. Twenty-two of them are in a critical condition"
        start = m.sentence.start if m.sentence is not None else -1
        prev = [j for j in range(max(0, i - LOOKBACK), i) if mentions[j].outcome
                and _sentence_end(mentions[j]) == start]
        if prev and (not m.outcome or mentions[prev[-1]].outcome == m.outcome):
            return prev[-1]
    return None


LOOKBACK = 64
"""A whole is looked for among the 64 figures before a part at most, so that a sentence of
thousands of numbers costs time linear in its length (a whole further back is not linked)."""


def _before(mentions: list[FigureMention], i: int) -> Iterator[FigureMention]:
    """The figures before ``mentions[i]``, nearest first, at most :data:`LOOKBACK` of them."""
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        yield mentions[j]


def _sentence_end(m: FigureMention) -> int:
    return m.sentence.end if m.sentence is not None else -2


def _resolve_repeats(mentions: list[FigureMention]) -> None:
    """"Of these 184 people": a definite repeat of an earlier figure takes its outcome."""
    for i, m in enumerate(mentions):
        if m.outcome or m.count.value is None:
            continue
        dets = {c.lower_ for c in m.head.children if c.dep_ == "det"}
        if not dets & {"these", "those", "the"}:
            continue
        for w in _before(mentions, i):
            if w.outcome and w.count.value == m.count.value:
                m.outcome = w.outcome
                m.rule = "repeat"
                break


def link_subsets(doc: Doc, mentions: list[FigureMention]) -> None:
    """Set ``part_of`` (and the inherited outcome) on every figure that is a subset."""
    _resolve_repeats(mentions)
    by_token = {m.head.i: i for i, m in enumerate(mentions)}
    by_token.update({m.num_token.i: i for i, m in enumerate(mentions)})
    for i, m in enumerate(mentions):
        whole = _subset_whole(m.head, by_token)
        if whole is None and m.head.i == m.num_token.i:
            whole = _of_them_whole(doc, m, mentions, i)
        if whole is not None and whole != i and mentions[whole].outcome and (
                not m.outcome or m.outcome == mentions[whole].outcome):
            # ANNOTATION.md: a subset inherits the outcome of its whole; a part that suffered
            # something else ("146 kidnapped ... 12 of them are still missing") is not a subset
            m.part_of = mentions[whole]
            m.outcome = mentions[whole].outcome
            m.rule = m.rule or "subset"
    _link_of_these(mentions)
    _link_breakdowns(doc, mentions)
    _link_among(mentions)
    _link_but(doc, mentions)
    _link_sums(mentions)
    _link_aggregates(doc, mentions)
    _link_narrowings(mentions)


_BREAKDOWN_OPENERS = {"with", "including", "includes", "included", ":", "of", "among", "--", "—", "–"}
_BREAKDOWN_PREPS = {"in", "from", "at", "on", "near", "inside", "outside", "among"}


def _link_breakdowns(doc: Doc, mentions: list[FigureMention]) -> None:
    """A list of bare numbers, each with its place or group, after a total: "Injuries rose to 140,
    with 41 in Northville, 22 in Southville and nine in the capital"; "killed 20: 14 civilians, ...".

    A bare number that names no outcome of its own, is followed by a preposition ("in X", "from
    the army"), and comes after an opener ("with", "including", a colon) that follows the total
    in the same sentence, is a part of that total and inherits its outcome.
    """
    for i, m in enumerate(mentions):
        if (m.outcome and m.rule != "toll") or m.part_of is not None or m.head.i != m.num_token.i \
                or m.count.value is None:
            continue  # (a bare number after "with" under a toll verb got the toll's outcome: still a part)
        nxt = doc[m.num_token.i + 1] if m.num_token.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ not in _BREAKDOWN_PREPS:
            continue
        for w in _before(mentions, i):
            if w.sentence != m.sentence:
                break
            if not w.outcome or (m.outcome and w.outcome != m.outcome):
                continue
            gap = [t for t in doc[max(w.num_token.i, w.head.i) + 1:m.num_token.i] if not t.is_space]
            if gap and gap[-1].lower_ in (",", "and", ";") and any(t.lower_ in _BREAKDOWN_PREPS for t in gap) \
                    and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in gap):
                # a sibling in a list of places: "21 injured in A, 36 in B and seven in C"
                m.outcome, m.part_of, m.rule = w.outcome, w.part_of, "breakdown"
                break
            whole = w if w.part_of is None else w.part_of  # a list goes on: "41 in A, 22 in B"
            between = doc[whole.num_token.i + 1:m.num_token.i]
            if whole.count.value and m.count.value < whole.count.value and any(
                    t.lower_ in _BREAKDOWN_OPENERS for t in between):
                m.part_of = whole
                m.outcome = w.outcome
                m.rule = "breakdown"
            break


def _link_of_these(mentions: list[FigureMention]) -> None:
    """"Of these 184 people, 51 were women" / "Of the seven corpses I saw, two were children"."""
    for i, m in enumerate(mentions):
        sent = m.sentence
        if sent is None or m.part_of is not None:
            continue
        first = next((t for t in sent if not t.is_space), sent[0])
        if first.lower_ != "of":
            continue
        for j in range(max(0, i - LOOKBACK), i):
            w = mentions[j]
            if w.sentence == sent and w.start < m.start and w.head.i <= first.i + 6:
                if w.count.value and m.count.value and m.count.value < w.count.value and w.outcome:
                    m.part_of = w
                    m.outcome = w.outcome
                break


def _link_among(mentions: list[FigureMention]) -> None:
    """"Five police officers were among the dead", "three officers were among those killed",
    "Among them were two infants": the nearest earlier total, not a sibling in the same list."""
    words_of: dict[int, list[str]] = {}
    for i, m in enumerate(mentions):
        if m.part_of is not None or m.sentence is None or m.count.value is None:
            continue
        if m.sentence.start not in words_of:
            words_of[m.sentence.start] = [t.lower_ for t in m.sentence]
        words = words_of[m.sentence.start]
        if "among" not in words:
            continue
        k = words.index("among")
        nxt = words[k + 1:k + 3]
        if not (len(nxt) == 2 and nxt[0] in ("the", "those") and nxt[1] in _AMONG_WORDS) and nxt[:1] != ["them"]:
            continue
        siblings = {c.i for c in m.head.conjuncts} | {m.head.i}
        for w in _before(mentions, i):
            if w.part_of is not None or w.head.i in siblings or any(c.i in siblings for c in w.head.conjuncts):
                continue
            if w.outcome and (w.outcome == m.outcome or not m.outcome) and w.count.value \
                    and w.count.value > m.count.value:
                m.part_of = w
                m.outcome = w.outcome  # "among them were two infants" names no outcome of its own
                break


def _link_but(doc: Doc, mentions: list[FigureMention]) -> None:
    """"13 people had suffered injuries but 11 were still in hospital": a bare number after "but"."""
    for i, m in enumerate(mentions):
        if m.part_of is not None or m.head.i != m.num_token.i or i == 0:
            continue
        w = mentions[i - 1]
        if w.sentence != m.sentence or w.outcome != m.outcome or not w.count.value or not m.count.value:
            continue
        between = {t.lower_ for t in doc[w.num_token.i + 1:m.num_token.i]}
        if "but" in between and m.count.value < w.count.value:
            m.part_of = w


def _link_sums(mentions: list[FigureMention]) -> None:
    """A run of later figures of one outcome that adds up exactly to an earlier figure."""
    for i, whole in enumerate(mentions):
        if not whole.count.value or whole.count.qualifier != "exact" or whole.part_of is not None:
            continue
        run: list[FigureMention] = []
        total = 0
        for m in mentions[i + 1:i + 8]:
            if m.outcome != whole.outcome or m.part_of is not None:
                if run:
                    break
                continue
            if not m.count.value or m.count.value >= whole.count.value:
                break
            run.append(m)
            total += m.count.value
            if total >= whole.count.value:
                break
        if len(run) >= 2 and total == whole.count.value:
            for m in run:
                m.part_of = whole


def _dates_by_sentence(doc: Doc) -> dict[int, set[str]]:
    """DATE entities per sentence start, read in one pass (``Span.ents`` walks the whole Doc)."""
    out: dict[int, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ in _OTHER_TIME:
            out.setdefault(ent.sent.start, set()).add(ent.text.lower())
    return out


def _link_aggregates(doc: Doc, mentions: list[FigureMention]) -> None:
    """Figures of single attacks after an aggregate figure of the same outcome and day."""
    wholes: dict[str, FigureMention] = {}
    dates = _dates_by_sentence(doc)
    aggregate: dict[int, bool] = {}
    for m in mentions:
        sent = m.sentence
        if sent is None:
            continue
        if sent.start not in aggregate:
            aggregate[sent.start] = bool(_AGGREGATE.search(sent.text))
        if aggregate[sent.start]:
            if m.count.value and m.outcome not in wholes and m.part_of is None:
                wholes[m.outcome] = m
                continue
            if m.outcome in wholes and wholes[m.outcome].sentence != sent:
                wholes.clear()  # a new aggregate (another day, another wave) ends the old one
                if m.count.value:
                    wholes[m.outcome] = m
                continue
        whole = wholes.get(m.outcome)
        if whole is None or m is whole or m.part_of is not None:
            continue
        whole_dates = dates.get(whole.sentence.start, set()) if whole.sentence is not None else set()
        if dates.get(sent.start, set()) - whole_dates - {"monday", "tuesday", "wednesday", "thursday",
                                                     "friday", "saturday", "sunday", "today"}:
            wholes.clear()  # the text moved to another time
            continue
        if m.count.value and whole.count.value and m.count.value < whole.count.value:
            m.part_of = whole


_GENERIC_HEADS = {"people", "persons", "others", "more", "dead", "victims", "casualties", "deaths", "fatalities",
                  "wounded", "injured", "individuals", "bodies"}


def _narrows(m: FigureMention) -> bool:
    """A figure whose noun names a group or a nationality: "six Mexican nationals", "two Buddhist
    pilgrims", "fourteen civilians", "Armed Forces personnel"."""
    if m.groups:
        return True
    head = m.head
    if head.i == m.num_token.i:
        return False
    return head.ent_type_ == "NORP" or any(c.ent_type_ in ("NORP", "ORG") and c.i < head.i for c in head.children)


def _link_narrowings(mentions: list[FigureMention]) -> None:
    """A later, smaller figure of a group or nationality is part of the whole toll given before it:
    "At least 20 were killed. ... The confirmed deaths are fourteen civilians, five soldiers";
    "22 people died ... six Mexican nationals were killed". The whole is the latest earlier figure of
    the same outcome whose noun names nobody in particular ("people", a bare number) and that is
    itself a whole; only figures in later sentences are linked (within a sentence the rules above
    decide)."""
    for i, m in enumerate(mentions):
        if m.part_of is not None or not m.outcome or m.count.value is None or not _narrows(m) \
                or m.sentence is None:
            continue
        for w in _before(mentions, i):
            if w.sentence is None or w.sentence == m.sentence or w.outcome != m.outcome or w.part_of is not None \
                    or w.count.qualifier in ("at_most", "range", "vague"):
                continue
            if w.head.i == w.num_token.i or w.head.lower_ in _GENERIC_HEADS:
                if w.count.value is not None and w.count.value > m.count.value:  # ranges and vague wholes skipped above
                    m.part_of = w
                break
