"""What a figure counts, read from the text's own signals: its *kind* and a short reason.

Every stored figure gets one of :data:`counterclaim.records.FIGURE_KINDS`:

* ``breakdown`` — a part of another figure of the document (``part_of``): "169 women and
  children" of the 613;
* ``background`` — a cumulative or background toll, not the incident's: "since 2003", "so far
  this year", "in three years of unrest", "has claimed some 2,400 lives", "during the war";
* ``partial`` — a count of one part of the incident: bodies seen or recovered ("7 corpses",
  "the bodies of 12"), one cemetery or morgue ("29 were buried"), "in X alone", one of
  several places counted;
* ``other_incident`` — a figure dated to another time than the document's incident (set when
  the document's incidents are found, :func:`counterclaim.analysis.incidents.find_incidents`);
* ``whole`` — the incident's toll (for its victim group): none of the above.

When the sentence carries cues of two kinds that exclude each other (a background span *and*
bodies seen), the kind stays undecided (``None``) and the reason says why; the ledger's
checks list such figures. The rules read only the figure's own words and its sentence, so they
give the same answer at extraction time and for figures stored before kinds existed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from counterclaim.records import Figure

_BACKGROUND = re.compile(
    r"\b(?:since\s+(?:(?:the\s+)?(?:start|beginning|outbreak|end)\b|(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"the\s+(?:war|conflict|invasion|uprising|unrest|fighting|insurgency|violence)\b)"
    r"|so\s+far\s+(?:this|in|during)\b|this\s+year\b|to\s+date\b"
    r"|(?:in|over|during)\s+(?:the\s+)?(?:past|last|previous)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b"
    r"|(?:in|over|after)\s+(?:\w+|\d+)\s+(?:years?|decades?)\s+of\b"
    r"|(?:has|have|had)\s+(?:so\s+far\s+)?claimed\s+(?:\w+\s+){0,3}lives\b"
    r"|(?:during|throughout|in\s+the\s+course\s+of)\s+the\s+(?:\w+\s+)?(?:war|conflict|uprising|unrest|insurgency|"
    r"occupation|campaign)\b|(?:war|conflict)['’]s\s+(?:total|toll)\b|\bcumulative\b)",
    re.IGNORECASE)
_BODIES = re.compile(r"\b(?:bodies|body|corpses|corpse|remains|graves?)\b", re.IGNORECASE)
_BODIES_NEAR = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s*$", re.IGNORECASE)
_ONE_PLACE = re.compile(r"\b(?:morgue|mortuary|cemetery|cemeteries|graveyard|buried|burial|funerals?)\b|"
                        r"\balone\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:I|we|he|she|they|reporters?|journalists?|correspondents?)\s+(?:\w+\s+)?"
                      r"(?:saw|see|seen|counted|count)\b", re.IGNORECASE)

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
    sentence = text[s0:s1]
    clause = _clause(sentence, figure.span[0] - s0, figure.span[1] - s0)
    background = _BACKGROUND.search(clause)
    own = figure.text
    bodies = _BODIES.search(own) or _BODIES_NEAR.search(text[max(0, figure.span[0] - 20):figure.span[0]])
    one_place = _ONE_PLACE.search(clause)
    seen = _COUNTED.search(clause)
    partial = bodies or one_place or (seen if figure.outcome == "killed" else None)
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
    if seen:
        return "partial", f"what one witness counted: {' '.join(seen.group(0).split())!r}"
    return "whole", "the incident's toll"


def classify_all(figures: list[Figure], text: str) -> list[Figure]:
    """The figures with ``kind`` and ``kind_reason`` set where extraction left them empty."""
    out = []
    for f in figures:
        if f.kind is not None or f.kind_reason:
            out.append(f)
            continue
        kind, reason = classify(f, text)
        out.append(replace(f, kind=kind, kind_reason=reason))
    return out
