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

The cues are data (``lexicons/data/subset_cues.json``): "including"/"among"/"included" are
dependency cues, "of them", "of whom", "among the dead" and the aggregate phrases ("a wave of
attacks") are token sequences, matched once per Doc by ``extract.frames``. Which figure is the
whole (nearest, same sentence, larger, same outcome) is decided here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from counterclaim.extract.frames import hits_at, sequence_ends, sequence_spans, word_list

if TYPE_CHECKING:
    from counterclaim.extract.figures import FigureMention

_OTHER_TIME = {"DATE"}


def _subset_whole(head: Token, mentions_by_token: dict[int, int]) -> int | None:
    """``part_of`` from the syntax: "613 civilians including 169 women", "eight ... among the dead",
    "the toll of 12,500 included 7,000": the ``subset`` cues of ``subset_cues.json`` filed under the
    part; the whole is the first figure before it under the cue's governor (or the verb's subject)."""
    for hit in hits_at(head, "subset"):
        if "verb" in hit.nodes:  # "the toll of 12,500 included 7,000"
            for subj in head.doc[hit.nodes["verb"]].children:
                if subj.dep_ == "nsubj":
                    for cand in subj.subtree:
                        if cand.i in mentions_by_token:
                            return mentions_by_token[cand.i]
            continue
        gov = head.doc[hit.nodes["cue"]].head  # "including 169 women": on the whole or its verb
        for cand in [gov] + list(gov.children) + list(gov.subtree):
            if cand.i in mentions_by_token and cand.i < head.i:
                return mentions_by_token[cand.i]
    return None


def _of_them_whole(doc: Doc, m: FigureMention, mentions: list[FigureMention], i: int) -> int | None:
    """"496 had been killed, 258 of them civilians" / "40 of whom were children": the sequences
    ``of-them`` right after the number or ``of-whom`` right before it."""
    n = m.num_token.i
    if sequence_ends(doc, "of-them", n + 1) or n in sequence_ends(doc, "of-whom", n - 2):
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
        if not hits_at(m.head, "repeat"):  # "these 184 people": a definite determiner (subset_cues.json)
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
    _link_among(doc, mentions)
    _link_but(doc, mentions)
    _link_sums(mentions)
    _link_aggregates(doc, mentions)
    _link_narrowings(mentions)


_BREAKDOWN_OPENERS = word_list("breakdown_openers", "subset_cues.json")
_BREAKDOWN_PREPS = word_list("breakdown_preps", "subset_cues.json")


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


def _link_among(doc: Doc, mentions: list[FigureMention]) -> None:
    """"Five police officers were among the dead", "three officers were among those killed",
    "Among them were two infants" (the sequences ``among-the-dead``, ``among-them`` at the first
    "among" of the sentence): the nearest earlier total, not a sibling in the same list."""
    first_among: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if m.part_of is not None or m.sentence is None or m.count.value is None:
            continue
        if m.sentence.start not in first_among:
            first_among[m.sentence.start] = next((t.i for t in m.sentence if t.lower_ == "among"), -1)
        k = first_among[m.sentence.start]
        if not any(end <= m.sentence.end for name in ("among-the-dead", "among-them")
                   for end in sequence_ends(doc, name, k)):
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


_AGGREGATES = ("wave-of-attacks", "separate-attacks", "attacks-across")


def _aggregate_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences that name several attacks ("a wave of attacks", "in three separate
    bombings", "attacks across the province"): the aggregate sequences of ``subset_cues.json``."""
    out = set()
    for start, end in sequence_spans(doc, _AGGREGATES):
        sent = doc[start].sent
        if end <= sent.end:
            out.add(sent.start)
    return out


def _link_aggregates(doc: Doc, mentions: list[FigureMention]) -> None:
    """Figures of single attacks after an aggregate figure of the same outcome and day."""
    wholes: dict[str, FigureMention] = {}
    dates = _dates_by_sentence(doc)
    aggregate = _aggregate_sentences(doc) if mentions else set()
    for m in mentions:
        sent = m.sentence
        if sent is None:
            continue
        if sent.start in aggregate:
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


_GENERIC_HEADS = word_list("generic_heads", "subset_cues.json")


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
