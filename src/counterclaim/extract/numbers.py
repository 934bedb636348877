"""Counts as written: digits, number words, ranges, vague amounts and their qualifiers.

ANNOTATION.md section 1: ``value`` is the integer ("1,275" → 1275, "seventy-six" → 76);
ranges ("500-1,000", "between 10 and 20") give ``low``/``high``; vague amounts
("dozens", "hundreds") have no value. Qualifiers come from the words before the number
("at least", "more than", "nearly", "up to", ...).

Deliberately not handled here: whether the number counts people at all (years, ages,
money and units are filtered in ``figures``).

>>> [(m.text, m.count.value, m.count.qualifier) for m in find_numbers("at least 1,275 people")]
[('at least 1,275', 1275, 'at_least')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.records import Count

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# vague amounts: bounds are the extractor's (OUTPUT.md allows any)
VAGUE = {
    "dozens": (24, 99), "dozen": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 9_999_999),
}

QUALIFIERS: list[tuple[str, str]] = [
    # longest first within each family
    ("no fewer than", "at_least"), ("not less than", "at_least"), ("a minimum of", "at_least"),
    ("at least", "at_least"), ("at minimum", "at_least"),
    ("more than", "more_than"), ("upwards of", "more_than"), ("in excess of", "more_than"),
    ("well over", "more_than"), ("just over", "more_than"), ("over", "more_than"),
    ("above", "more_than"), ("beyond", "more_than"),
    ("an estimated", "approx"), ("approximately", "approx"), ("roughly", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("about", "approx"), ("around", "approx"),
    ("close to", "approx"), ("some", "approx"), ("circa", "approx"), ("estimated", "approx"),
    ("an approximate", "approx"), ("just under", "approx"), ("approx.", "approx"),
    ("as many as", "at_most"), ("as high as", "at_most"), ("up to", "at_most"),
    ("at most", "at_most"), ("no more than", "at_most"), ("fewer than", "at_most"),
    ("less than", "at_most"), ("not more than", "at_most"),
]
_QUAL_RE = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q, _ in
                    sorted(QUALIFIERS, key=lambda x: -len(x[0])))
_QUAL_MAP = {q: k for q, k in QUALIFIERS}

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WORDNUM = (r"(?:(?:two|three|four|five|six)\s+dozen|a\s+dozen|half\s+a\s+(?:dozen|hundred|thousand|million|billion)"
            r"|a\s+(?:hundred|thousand|million)"
            rf"|(?:{_WORD})(?:[-\s](?:{'|'.join(UNITS)}))?"
            rf"(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?(?:{_WORD})(?:-(?:{'|'.join(UNITS)}))?)?)?"
            r")")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|billion|thousand|hundred)\b|m\b)?"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_VAGUE = (r"(?:hundreds\s+of\s+thousands|tens\s+of\s+thousands|many\s+thousands|many\s+hundreds"
          r"|several\s+(?:thousand|hundred)|dozens|dozen(?=\s+of\b)|scores(?=\s+(?:of|were|have|had|more|dead|killed|injured|wounded)\b)"
          r"|hundreds|thousands|millions)")

NUMBER_RE = re.compile(
    rf"(?<![\w.,-])(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:(?:between|from|anywhere\s+from)\s+(?P<rlow>{_NUM})\s+(?:and|to)\s+(?P<rhigh>{_NUM})"
    rf"|(?P<low>{_DIGITS})\s*(?:-|–|—)\s*(?P<high>{_DIGITS})(?![\w-])"
    rf"|(?P<low2>{_NUM})\s+to\s+(?P<high2>{_NUM})(?![\w-])"
    rf"|(?P<vague>{_VAGUE}(?:,?\s+(?:possibly|perhaps|maybe|or\s+even|even|if\s+not|or)\s+{_VAGUE})?)"
    rf"|(?:in\s+the\s+)(?P<decade>[1-9]0)s(?![\w])"
    rf"|(?P<num>{_NUM})(?P<plus>\+)?)(?![\w])",
    re.IGNORECASE,
)


MAX_DIGITS = 15
"""Longer runs of digits are never counts of people (identifiers, noise); they are skipped."""
_CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rising|rises|rise|increased|increasing|increases|climbed|climbing|"
                            r"climbs|jumped|jumps|grew|grown|soared|fell|fallen|falling|dropped|drops|declined|"
                            r"revised|revising|raised|raising|lowered|lowering|cut|corrected|upped|went|gone|up|"
                            r"down|pushed|pushing|brought|bringing|lifted|lifting)(?:\s+[\w'’-]+){0,5}\s+$",
                            re.IGNORECASE)
"""A verb of change up to five words before "from X to Y" ("increasing the confirmed toll from 14 to 31")."""


@dataclass(frozen=True)
class NumberMention:
    """A count found in the (normalised) text: ``start``/``end`` cover qualifier and number."""

    start: int
    end: int
    num_start: int
    text: str
    count: Count


def word_value(text: str) -> int | None:
    """Value of a number written in words or digits ("seventy-six" → 76, "1,275" → 1275)."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"[\d,]+(\.\d+)?( (million|billion|thousand|hundred)|m)?", t):
        scale = 1
        for name, mult in SCALES.items():
            if t.endswith(" " + name):
                scale, t = mult, t[: -len(name) - 1]
        if t.endswith("m"):
            scale, t = 1_000_000, t[:-1]
        digits = t.replace(",", "")
        if len(digits.split(".")[0]) > MAX_DIGITS:
            return None  # far beyond any count of people (and beyond a float: "1e309" overflows)
        try:
            value = float(digits)
        except ValueError:
            return None
        return int(round(value * scale))
    if t in ("a dozen", "dozen"):
        return 12
    if t.startswith("half a "):  # "half a dozen", "half a million"
        whole = {"dozen": 12, **SCALES}.get(t.split()[-1])
        return whole // 2 if whole else None
    m = re.fullmatch(r"(two|three|four|five|six) dozen", t)
    if m:
        return UNITS[m.group(1)] * 12
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word in ("and", "a"):
            current = current or (1 if word == "a" else 0)
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def _vague_bounds(text: str) -> tuple[int, int]:
    t = re.sub(r"\s+", " ", text.lower())
    parts = re.split(r",? (?:possibly|perhaps|maybe|or even|even|if not|or) ", t)
    if len(parts) == 2:  # "hundreds, possibly thousands"
        return _vague_bounds(parts[0])[0], _vague_bounds(parts[1])[1]
    for key in ("hundreds of thousands", "tens of thousands"):
        if key in t:
            return VAGUE[key]
    last = t.split()[-1]
    if t.startswith(("many", "several")):
        last = {"thousand": "thousands", "hundred": "hundreds"}.get(last, last)
    return VAGUE.get(last, (2, 999_999))


def _qualifier(words: str | None) -> str | None:
    if not words:
        return None
    return _QUAL_MAP.get(re.sub(r"\s+", " ", words.lower()))


def find_numbers(text: str) -> list[NumberMention]:
    """Every count-like number expression in ``text``, in order, without overlaps."""
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        qual = _qualifier(m.group("qual"))
        low_group = next((g for g in ("rlow", "low", "low2") if m.group(g)), None)
        if low_group == "rlow" and m.group(0).lower().startswith("from") and not qual \
                and _CHANGE_BEFORE.search(text[max(0, m.start() - 80):m.start()]):
            # "the toll rose from twelve to 27": a change between two figures, not a range
            for group in ("rlow", "rhigh"):
                value = word_value(m.group(group))
                if value is not None:
                    out.append(NumberMention(m.start(group), m.end(group), m.start(group), m.group(group),
                                             Count(value, value, value, "exact")))
            continue
        if m.group("decade"):  # "in the 30s"
            low = int(m.group("decade"))
            out.append(NumberMention(m.start(), m.end(), m.start("decade"), m.group(0),
                                     Count(None, low, low + 9, "range")))
            continue
        if low_group:
            high_group = {"rlow": "rhigh", "low": "high", "low2": "high2"}[low_group]
            low_value, high_value = word_value(m.group(low_group)), word_value(m.group(high_group))
            if low_value is None or high_value is None or not 0 <= low_value < high_value:
                continue
            low, high = low_value, high_value
            count = Count(None, low, high, "range")
            num_start = m.start(low_group)
            start = m.start("rlow") - 0 if low_group != "rlow" else m.start()
            start = m.start() if low_group == "rlow" else num_start
        elif m.group("vague"):
            low, high = _vague_bounds(m.group("vague"))
            count = Count(None, low, high, "vague")
            start = num_start = m.start("vague")
        else:
            value = word_value(m.group("num"))
            if value is None:
                continue
            count = Count(value, value, value, "more_than" if m.group("plus") and not qual else qual or "exact")
            num_start = m.start("num")
            start = m.start() if qual else num_start
        out.append(NumberMention(start, m.end(), num_start, text[start:m.end()], count))
    return out
