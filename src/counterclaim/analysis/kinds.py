"""What a figure counts, read from the text's own signals: its *kind* and a short reason.

Every stored figure gets one of :data:`counterclaim.records.FIGURE_KINDS`:

* ``breakdown`` — a part of another figure of the document (``part_of``): "169 women and
  children" of the 613;
* ``background`` — a cumulative or background toll, not the incident's: "since 2003", "so far
  this year", "in three years of unrest", "has claimed some 2,400 lives", "during the war",
  "the number of troops killed in <country> now stands at";
* ``partial`` — a count of one part of the incident: bodies seen or recovered ("7 corpses",
  "the bodies of 12"), one cemetery or morgue ("29 were buried"), "in X alone" (a place, not a
  date), those on one register ("certified", "identified", "registered" right after the
  figure), what one witness counted ("I saw"), one of several places counted in one sentence;
  "these N" takes the kind of the earlier figure of N it refers back to;
* ``partial`` also — a count its clause places in another town than the incident's (set when the
  document's incidents are found, :func:`located_elsewhere`): "a mortar hit the market in the
  town, killing two", where "the town" is the town named last, not the incident's; "a car bomb in
  the capital, Easton, killed five" in a report on an attack in another province; or a count at a place the
  text names as where people fled to or arrived in (a refuge is not the incident's place);
* ``other_incident`` — a figure dated to another time than the document's incident (set when
  the document's incidents are found, :func:`counterclaim.analysis.incidents.find_incidents`);
* ``whole`` — the incident's toll (for its victim group): none of the above.

When the sentence carries cues of two kinds that exclude each other (a background span *and*
bodies seen), the kind stays undecided (``None``) and the reason says why; the ledger's
checks list such figures. The rules of :func:`classify` read only the figure's own words and its
sentence, so they give the same answer at extraction time and for figures stored before kinds
existed; the place rule (:func:`located_elsewhere`) also needs the document's place mentions and
its incident's places, and is applied when a document is ingested or re-extracted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace

from counterclaim import lexicons as _lex
from counterclaim.analysis.places import PlaceMention, related_keys
from counterclaim.records import Figure


def _alternatives(terms: Iterable[str]) -> str:
    """A regex alternation of word-list terms: escaped, longest first, the words of a phrase matched
    across any whitespace ("sought refuge" matches "sought  refuge"). An empty list is refused (it
    would match everywhere)."""
    terms = list(terms)
    if not terms:
        raise _lex.LexiconError("a cue's word list is empty")
    return "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in sorted(terms, key=lambda t: (-len(t), t)))


def _with(name: str, value: str, values: frozenset[str]) -> frozenset[str]:
    """The terms of the ``term<TAB>value`` file ``data/NAME`` whose value is ``value``."""
    return frozenset(t for t, v in _lex.mapping(name, values=values).items() if v == value)


# The word lists of the cues are data (lexicons/data/kind_*.txt, kind_*.tsv: each file's header says
# which cue reads it); the regexes are built from them once, at import.
_SINCE = frozenset({"optional", "the"})
_BODY_WHERE = frozenset({"own", "own_and_of"})
_WITNESS = frozenset({"subject", "verb"})
_FULL_MONTHS = [max((m for m, n in _lex.months().items() if n == k), key=len) for k in range(1, 13)]
"""The full month names (the longest name of each month in lexicons/data/months.tsv)."""
_BACKGROUND = re.compile(
    rf"\b(?:since\s+(?:(?:the\s+)?(?:{_alternatives(_with('kind_since_words.tsv', 'optional', _SINCE))})\b|"
    rf"(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b|(?:{_alternatives(_FULL_MONTHS)})\b|"
    rf"the\s+(?:{_alternatives(_with('kind_since_words.tsv', 'the', _SINCE))})\b)"
    r"|so\s+far\s+(?:this|in|during)\b|this\s+year\b|to\s+date\b"
    rf"|\bby\s+the\s+end\s+of\s+(?:(?:19|20)\d\d|the\s+(?:{_alternatives(_lex.words('kind_end_of_nouns.txt'))}))\b"
    r"|(?:in|over|during)\s+(?:the\s+)?(?:past|last|previous)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b"
    r"|(?:in|over|after)\s+(?:\w+|\d+)\s+(?:years?|decades?)\s+of\b"
    r"|(?:has|have|had)\s+(?:so\s+far\s+)?claimed\s+(?:\w+\s+){0,3}lives\b"
    rf"|(?:during|throughout|in\s+the\s+course\s+of)\s+the\s+(?:\w+\s+)?"
    rf"(?:{_alternatives(_lex.words('kind_during_nouns.txt'))})\b"
    rf"|(?:{_alternatives(_lex.words('kind_war_nouns.txt'))})['’]s\s+(?:total|toll)\b|\bcumulative\b"
    r"|\bnow\s+stands\s+at\b|\b(?:number|total)\s+of\s+(?:[\w.]+\s+){0,3}(?:killed|dead|deaths)\s+(?:in|since)\s+"
    rf"(?:the\s+)?(?:{_alternatives(_lex.words('kind_war_nouns.txt'))}|(?-i:[A-Z])))",
    re.IGNORECASE)
_BODIES = re.compile(rf"\b(?:{_alternatives(_lex.mapping('kind_body_words.tsv', values=_BODY_WHERE))})\b",
                     re.IGNORECASE)
_BODIES_NEAR = re.compile(rf"\b(?:{_alternatives(_with('kind_body_words.tsv', 'own_and_of', _BODY_WHERE))})\s+of\s*$",
                          re.IGNORECASE)
_ONE_PLACE = re.compile(rf"\b(?:{_alternatives(_lex.words('kind_one_place_words.txt'))})\b", re.IGNORECASE)
_MONTHS = "|".join(m.title() for m in _lex.months() if len(m) > 3 or m == "may")
"""Month names from lexicons/data/months.tsv (abbreviations of four letters or more included)."""
_ALONE = re.compile(rf"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:(?:{_alternatives(_lex.words('kind_alone_place_nouns.txt'))})"
                    rf"\s+of\s+)?(?!(?:{_MONTHS})\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s+alone\b")
_REGISTER = re.compile(rf"^[^.;]{{0,40}}?\b(?:{_alternatives(_lex.words('kind_register_words.txt'))})\b",
                       re.IGNORECASE)
_LOCATIVE = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}(?i:in|at|by|around|near|outside|along|on)\s+(?i:the\s+)?"
                       rf"(?:[A-Z]|(?i:{_alternatives(_lex.words('kind_locative_nouns.txt'))}))")
_COUNTED = re.compile(rf"\b(?:{_alternatives(_with('kind_witness_words.tsv', 'subject', _WITNESS))})\s+(?:\w+\s+)?"
                      rf"(?:{_alternatives(_with('kind_witness_words.tsv', 'verb', _WITNESS))})\b", re.IGNORECASE)

CUE_REACH = 400
"""Characters read on each side of a figure for its kind's cues."""
KIND_LABELS = {"whole": "whole-incident toll", "partial": "partial count", "breakdown": "breakdown",
               "background": "background toll", "other_incident": "another incident", None: "kind undecided"}
"""How each kind is named on pages and in tables."""


def _clause(sentence: str, rel_start: int, rel_end: int) -> str:
    """The part of the sentence around the figure: up to the nearest ';' or ' — ' on each side."""
    left = max(sentence.rfind(";", 0, rel_start), sentence.rfind(" — ", 0, rel_start), sentence.rfind(" -- ", 0,
                                                                                                      rel_start))
    rights = [i for i in (sentence.find(";", rel_end), sentence.find(" — ", rel_end), sentence.find(" -- ", rel_end))
              if i >= 0]
    return sentence[left + 1 if left >= 0 else 0:min(rights) if rights else len(sentence)]


def classify(figure: Figure, text: str, *, wholes: frozenset[str] = frozenset()) -> tuple[str | None, str]:
    """``(kind, reason)`` of a figure of a document whose text is ``text`` (rules in the module docstring).

    Args:
        figure: the figure (original offsets into ``text``).
        text: the document text.
        wholes: ids of the document's figures, so that ``part_of`` is known to point at one.
    """
    if figure.part_of and (not wholes or figure.part_of in wholes):
        return "breakdown", f"part of {figure.part_of}"
    s0, s1 = figure.sentence or (max(0, figure.span[0] - 200), min(len(text), figure.span[1] + 200))
    # cues are read near the figure: a sentence of thousands of figures costs time linear in its length
    s0, s1 = max(s0, figure.span[0] - CUE_REACH), min(s1, figure.span[1] + CUE_REACH)
    sentence = text[s0:s1]
    clause = _clause(sentence, figure.span[0] - s0, figure.span[1] - s0)
    background = _BACKGROUND.search(clause)
    own = figure.text
    bodies = _BODIES.search(own) or _BODIES_NEAR.search(text[max(0, figure.span[0] - 20):figure.span[0]])
    one_place = _ONE_PLACE.search(clause) or _ALONE.search(clause)
    register = _REGISTER.search(text[figure.span[1]:s1])
    seen = _COUNTED.search(clause)
    partial = bodies or one_place or register or (seen if figure.outcome == "killed" else None)
    if background and partial:
        words = " ".join(background.group(0).split())
        cue = " ".join((partial.group(0)).split())
        return None, f"cues of a background toll ({words!r}) and of a partial count ({cue!r})"
    if background:
        return "background", f"cumulative: {' '.join(background.group(0).split())!r}"
    if bodies:
        return "partial", f"bodies seen or recovered: {' '.join(bodies.group(0).split())!r}"
    if one_place:
        return "partial", f"one place only: {' '.join(one_place.group(0).split())!r}"
    if register:
        return "partial", f"only those on one register: {' '.join(register.group(0).split()[-1:])!r}"
    if seen:
        return "partial", f"what one witness counted: {' '.join(seen.group(0).split())!r}"
    return "whole", "the incident's toll"


def _places_counted(figures: list[Figure], text: str) -> set[str]:
    """Ids of figures that count one of several places in one sentence ("470-500 in A, 650-700 by the
    road and 85-100 around B"): two or more figures of one outcome, each followed by where."""
    by_sentence: dict[tuple[tuple[int, int] | None, str], list[Figure]] = {}
    for f in figures:
        if not f.part_of and f.sentence:
            by_sentence.setdefault((f.sentence, f.outcome), []).append(f)
    out: set[str] = set()
    for members in by_sentence.values():
        placed = [f for f in members if _LOCATIVE.match(text[f.span[1]:f.span[1] + 60])]
        if len(placed) >= 2:
            out.update(f.id for f in placed)
    return out


def classify_all(figures: list[Figure], text: str) -> list[Figure]:
    """The figures with ``kind`` and ``kind_reason`` set where extraction left them empty."""
    places = _places_counted(figures, text)
    out = []
    for f in figures:
        if f.kind is not None or f.kind_reason:
            out.append(f)
            continue
        kind, reason = classify(f, text)
        if kind == "whole" and f.id in places:
            kind, reason = "partial", "one of several places counted in one sentence"
        earlier = _referent(f, out, text) if kind == "whole" else None
        if earlier is not None and earlier.kind != "whole":  # "Of these 184 people": the 184 counted before
            kind, reason = earlier.kind, f"refers back to {earlier.id} ({earlier.kind_reason})"
        out.append(replace(f, kind=kind, kind_reason=reason))
    return out


_BACK = re.compile(r"\b(?:these|those|the same)\s+$", re.IGNORECASE)


def _referent(figure: Figure, before: list[Figure], text: str) -> Figure | None:
    """The earlier figure a figure written "these N" refers back to: the last with the same count and outcome."""
    if not _BACK.search(text[max(0, figure.span[0] - 12):figure.span[0]]):
        return None
    return next((f for f in reversed(before[-REFERENT_REACH:]) if f.outcome == figure.outcome
                 and f.count.value is not None and f.count.value == figure.count.value), None)


REFERENT_REACH = 50
"""How many earlier figures "these N" may refer back to (keeps a document of thousands of figures linear)."""


# -- counts at another place than the incident's ------------------------------------------------

PLACE_NOUNS = _lex.words("place_nouns.txt")
"""Nouns of a settlement (lexicons/data/place_nouns.txt): "the city" refers back to the town named last."""
_NOUNS = _alternatives(PLACE_NOUNS | _lex.words("kind_area_nouns.txt"))
_PREPOSITIONS = r"in|at|on|near|outside|around|inside|across|throughout|off|upon"
_LOCATED_BEFORE = re.compile(rf"\b(?i:{_PREPOSITIONS})\s+(?:(?i:the|a|an)\s+)?"
                             rf"(?:(?:[\w'’.-]+\s+){{0,3}}?(?i:{_NOUNS})(?:\s+of|,)\s+)?$")
"""What comes right before a place the clause locates something in: "in", "near the city of", "in the
southeastern province of", "in the capital," (a place after "from", "to" or "into" is where people
came from or went)."""
_DESCRIPTION = re.compile(rf"\b(?i:{_PREPOSITIONS})\s+(?i:the)\s+(?P<noun>{'|'.join(sorted(PLACE_NOUNS))})\b"
                          rf"(?!\s+of\b|['’]s\b|,?\s+(?-i:[A-Z]))", re.IGNORECASE)
"""A definite description of a settlement in a locative phrase ("on the city", "in the town"), not
"the town of X", "the city's", "the capital, X" (those name it)."""
_REPORTED = frozenset({"alone", "object"})
_REPORTED_AT = re.compile(rf"\b(?:(?:{_alternatives(_with('kind_reported_at_words.tsv', 'object', _REPORTED))})"
                          rf"\s+(?:\w+\s+)?|{_alternatives(_with('kind_reported_at_words.tsv', 'alone', _REPORTED))})"
                          r"\s+$", re.IGNORECASE)
"""Right before the preposition: where the speaker was ("said in X", "an official in X"), not the figure."""
_REFUGE_VERBS = _lex.mapping("kind_refuge_verbs.tsv")
_REFUGE_PHRASES = "|".join(
    rf"(?:{_alternatives(t for t, v in _REFUGE_VERBS.items() if v == prepositions)})"
    rf"\s+(?:{_alternatives(prepositions.split())})" for prepositions in sorted(set(_REFUGE_VERBS.values())))
"""Each group of verb phrases (lexicons/data/kind_refuge_verbs.tsv) with the prepositions it takes."""
_REFUGE = re.compile(rf"\b(?i:{_REFUGE_PHRASES})\s+(?:(?i:the)\s+)?"
                     rf"(?:(?:[\w'’.-]+\s+){{0,3}}?(?i:{_NOUNS})\s+of\s+)?$")
"""Right before a place the text names as where people fled to or arrived in."""
RESOLVE_SENTENCES = 2
""""The city" refers back to the place named last in its own sentence or the two before it."""
RESOLVE_CHARS = 1500
"""... and no further back than this many characters (keeps a long text linear)."""
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


def _clause_span(figure: Figure, text: str, sentence: tuple[int, int]) -> tuple[int, int]:
    s0, s1 = max(sentence[0], figure.span[0] - CUE_REACH), min(sentence[1], figure.span[1] + CUE_REACH)
    clause = _clause(text[s0:s1], figure.span[0] - s0, figure.span[1] - s0)
    start = s0 + text[s0:s1].find(clause)
    return start, start + len(clause)


_NO_TOWN = re.compile(rf"\b(?:{_alternatives(_lex.words('kind_street_words.txt'))})\.?$", re.IGNORECASE)
"""Names of a street, a square or a building: "the city" does not refer back to them."""


def _named_before(text: str, start: int, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place (not a country, not a street) named last before ``start``, in its sentence or the two
    before it."""
    for i in range(bisect_left(mentions, start, key=_start) - 1, -1, -1):
        m = mentions[i]
        if start - m.end > RESOLVE_CHARS:
            return None
        if m.end > start or m.kind != "place" or _NO_TOWN.search(m.name):
            continue
        breaks = sum(1 for b in _SENTENCE_BREAK.finditer(text, m.end, start))
        return m if breaks <= RESOLVE_SENTENCES else None
    return None


def _start(m: PlaceMention) -> int:
    return m.start


def figure_place(figure: Figure, text: str, mentions: list[PlaceMention], sentence: tuple[int, int]
                 ) -> tuple[PlaceMention, str] | None:
    """Where a figure's clause locates it, nearest the figure first: a place named after a locative
    preposition ("in Westford", "near the village of X"), or a settlement described ("on the city")
    that refers back to the place named last; with the words that locate it. None when the clause
    names no place (countries and nationalities are no place here: they hold the incident's town)."""
    c0, c1 = _clause_span(figure, text, sentence)
    found: list[tuple[int, PlaceMention, str]] = []
    for m in mentions[bisect_left(mentions, c0, key=_start):bisect_left(mentions, c1, key=_start)]:
        if m.kind != "place" or m.end > c1 or m.start < figure.span[1] and m.end > figure.span[0]:
            continue
        before = _LOCATED_BEFORE.search(text[max(c0, m.start - 60):m.start])
        if before and not _REPORTED_AT.search(text[max(c0, m.start - 60):m.start - len(before.group(0))]):
            found.append((min(abs(m.start - figure.span[1]), abs(figure.span[0] - m.end)), m,
                          " ".join((before.group(0) + text[m.start:m.end]).split())))
    for d in _DESCRIPTION.finditer(text, c0, c1):
        if _REPORTED_AT.search(text[max(c0, d.start() - 30):d.start()]):
            continue
        referent = _named_before(text, d.start(), mentions)
        if referent is not None:
            found.append((min(abs(d.start() - figure.span[1]), abs(figure.span[0] - d.end())), referent,
                          f"{' '.join(d.group(0).split())} ({referent.name})"))
    if not found:
        return None
    _, place, words = min(found, key=lambda x: x[0])
    return place, words


def every_mention(text: str, mentions: list[PlaceMention], skip: list[tuple[int, int]] | None = None
                  ) -> list[PlaceMention]:
    """The mentions, plus every other place in the text where a place's name is written again (a
    finder may tag a name in one sentence and miss it in the next; "the town" must still find it),
    except inside the ``skip`` spans (sources' names: "police in X" is where the speaker is)."""
    taken = bytearray(len(text) + 1)
    for s0, s1 in [(m.start, m.end) for m in mentions] + list(skip or ()):
        taken[s0:s1] = b"\x01" * max(0, s1 - s0)
    models = {m.name: m for m in reversed(mentions) if m.kind == "place"}
    by_first: dict[str, list[str]] = {}
    for name in sorted(models, key=len, reverse=True):  # the longest name first: "Port Amber" before "Port"
        first = re.match(r"[\w-]+", name)
        if first:
            by_first.setdefault(first.group(0), []).append(name)
    extra: list[PlaceMention] = []
    for word in _CAPITALISED.finditer(text):  # one pass over the text, however many names
        for name in by_first.get(word.group(0), ()):
            end = word.start() + len(name)
            if text.startswith(name, word.start()) and not re.match(r"[\w-]", text[end:end + 1]) \
                    and not any(taken[word.start():end]):
                taken[word.start():end] = b"\x01" * len(name)
                extra.append(replace(models[name], start=word.start(), end=end))
                break
    return sorted([*mentions, *extra], key=_start)


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w-]*")


def refuge_keys(text: str, mentions: list[PlaceMention]) -> set[str]:
    """Keys of places the text names as where people fled to or arrived in ("arrived in X")."""
    return {m.key for m in mentions if m.kind == "place" and _REFUGE.search(text[max(0, m.start - 60):m.start])}


_NESTED = re.compile(r"^(?:\s*,\s*|\s+(?:in|on|of)\s+(?:the\s+(?:[a-z-]+\s+){0,3}?(?:of\s+)?"
                     rf"|(?:(?!(?:{_alternatives(_lex.words('kind_compass_words.txt'))})\w*\s+of\b)[a-z-]+\s+){{0,3}}?"
                     r"(?:of\s+)?)"
                     r"|\s+at\s+the\s+[a-z]+\s+of\s+)$")
"""Between a place and the place it lies in: "Riverton, Northland", "Port Amber at the tip of Westisle",
"Hilltown in the east of Eastvale" (not "Hilltown, west of Eastvale": a place beside another is not in it)."""


def nested_pairs(text: str, mentions: list[PlaceMention]) -> list[tuple[str, str]]:
    """Keys of the places the text puts one in the other ("Riverton, Northland": riverton in northland)."""
    return list(dict.fromkeys((first.key, second.key) for first, second in zip(mentions, mentions[1:], strict=False)
                              if first.kind == second.kind == "place" and first.key != second.key
                              and 0 <= second.start - first.end <= 40
                              and _NESTED.match(text[first.end:second.start])))


def nested(a: str, b: str, pairs: list[tuple[str, str]]) -> bool:
    """Whether one of the places of keys ``a`` and ``b`` lies in the other (``pairs``: :func:`nested_pairs`)."""
    return any(related_keys(x, a) and related_keys(y, b) or related_keys(x, b) and related_keys(y, a)
               for x, y in pairs)


def located_elsewhere(figure: Figure, text: str, mentions: list[PlaceMention], sentence: tuple[int, int],
                      incident_keys: set[str], refuges: set[str], nests: list[tuple[str, str]] | None = None
                      ) -> tuple[str, str] | None:
    """``("partial", reason)`` for a figure its clause counts at another town than the incident's.

    Args:
        figure: a figure of the document's incident whose kind is ``whole``.
        text: the document text.
        mentions: the place mentions of the text (original offsets), sorted by offset.
        sentence: the figure's sentence.
        incident_keys: keys of the incident's own places (its main place, the places of its names, of
            its title and of its lead's tolls); a place the text puts in one of them, or one of them
            in, is no other place ("Riverton, Northland").
        refuges: keys of places named as where people fled to or arrived in (:func:`refuge_keys`), less
            the places of the incident's names; a refuge is never the incident's place.
        nests: :func:`nested_pairs` of the text (found here when not given).
    """
    located = figure_place(figure, text, mentions, sentence)
    if located is None:
        return None
    place, words = located
    if place.key in refuges:
        return "partial", f"counted at {place.name}, where people fled to: {words!r}"
    own = incident_keys - refuges
    pairs = nested_pairs(text, mentions) if nests is None and own else nests or []
    if own and not any(related_keys(place.key, k) or nested(place.key, k, pairs) for k in own):
        return "partial", f"one place, not the incident's: {words!r}"
    return None
