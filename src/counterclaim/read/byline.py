"""Headline, byline and dateline at the top of a text that has no header block.

Only metadata is taken; the text itself is never changed. The rules are kept
conservative: a sentence of the article must not be mistaken for a byline or a
publication date, so a line counts only when it is short and made of little else.
"""

from __future__ import annotations

import re

from counterclaim import lexicons as _lex
from counterclaim.read.dates import MONTH_RE, WEEKDAY_RE, find_date
from counterclaim.read.header import Metadata, clean_value

SCAN_LINES = 5
"""How many non-empty lines at the top are looked at."""

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25

_PARTICLE = r"(?:de|da|di|del|der|den|van|von|al|el|bin|ibn|le|la|du|dos|ter)"
_NAME_WORD = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(rf"^(?:By|BY|by)[: \t]+(?P<name>{_NAME}(?:[ \t]*(?:,?[ \t]+and|&)[ \t]+{_NAME})*)(?P<rest>.*)$")
_NOT_NAMES = {
    "the", "this", "that", "these", "those", "then", "now", "early", "late", "last", "next", "midnight",
    "noon", "nightfall", "dawn", "dusk", "evening", "morning", "night", "today", "tomorrow", "yesterday",
    *_lex.months(), "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "contrast", "comparison", "far", "all", "most", "some", "one", "two", "air", "land", "sea", "road",
}
_AGENCY = r"[A-Z][A-Za-z&.]*(?:[ -][A-Z][A-Za-z&.]*){0,3}"
_DASH = r"(?:--|-|–|—|:)"
# "Agdam, Azerbaijan, March 2 (Reuters) -", "NEW DELHI, Dec. 29 (UPI) --", "March 2, 1992 (AP) -"
_WIRE_DATED = re.compile(
    rf"^(?:[A-Z][^\n()]{{0,60}}?,?[ \t]*)?(?P<month>{MONTH_RE})\.?[ \t]+(?P<day>\d{{1,2}})"
    rf"(?:,?[ \t]+(?P<year>\d{{4}}))?[ \t]*\((?P<agency>{_AGENCY})\)[ \t]*{_DASH}")
# "BAGHDAD, Iraq (CNN) --"
_WIRE = re.compile(rf"^[A-Z][A-Za-z .,'’-]{{1,60}}?[ \t]*\((?P<agency>{_AGENCY})\)[ \t]*{_DASH}")
_PLACE = r"[A-Z][A-Za-z .'’-]{1,40}?(?:[ \t]*\([A-Z][A-Za-z .'’-]{1,30}\))?"
# "BOGOTA, 1 SEP 88 (INRAVISION TELEVISION CADENA 1) --", "VALLEDUPAR (COLOMBIA), 21 FEB 90 (RADIO X) --",
# "SAN SALVADOR, NO DATE (FBIS) --": day, month and a two- or four-digit year, or no date, then the source
_WIRE_DAY_FIRST = re.compile(
    rf"^{_PLACE},[ \t]*(?:(?P<day>\d{{1,2}})[ \t]+(?P<month>{MONTH_RE})\.?,?[ \t]+(?P<year>\d{{4}}|\d{{2}})"
    rf"|NO DATE)[ \t]*\((?P<agency>[^()\n]{{1,60}})\)[ \t]*{_DASH}", re.IGNORECASE)
# "STEPANAKERT, March 5 -", "KABUL, Afghanistan, 12 May -": a dateline without a source
_PLAIN = re.compile(
    rf"^[A-Z][A-Z .'’-]{{1,40}}(?:,[ \t]*[A-Z][A-Za-z .'’-]{{1,30}})?,[ \t]*(?:(?P<month>{MONTH_RE})\.?[ \t]+"
    rf"(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{MONTH_RE})\.?)(?:,?[ \t]+(?P<year>\d{{4}}))?"
    rf"[ \t]*{_DASH}[ \t]")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?", re.IGNORECASE)
_FILLER = re.compile(
    rf"\b(?:{WEEKDAY_RE}|on|at|by|published|updated|posted|last|first|modified|date|dated|am|pm|utc|gmt)\b"
    r"|[+-]\d{2}:?\d{2}\b|[^\w\s]", re.IGNORECASE)
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")
_MARKUP = "*_#> \t"


def _lines(text: str, limit: int) -> list[str]:
    """The first ``limit`` non-empty lines, stripped of surrounding Markdown marks."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip().strip(_MARKUP).strip()
        if line:
            out.append(line)
            if len(out) == limit:
                break
    return out


def find_author(line: str) -> tuple[str, str] | None:
    """The author named by a byline line such as ``By Jane Doe, Staff Writer``.

    Args:
        line: one stripped line.

    Returns:
        ``(author, rest of the line)``, or None when the line is not a byline.
    """
    if len(line) > 120:
        return None
    match = _BYLINE.match(line)
    if not match or match["name"].split()[0].lower().strip(".") in _NOT_NAMES:
        return None
    rest = match["rest"].strip()
    if rest and rest[0] not in ",|/–—-·•(" and not rest.lower().startswith(("on ", "in ", "for ", "published",
                                                                            "updated", "posted")):
        return None
    if rest and not find_date(rest) and (len(rest.split()) > 6 or rest.endswith(".")):
        return None
    return match["name"].rstrip(" ,."), rest


def find_dateline(line: str) -> str | None:
    """The publication date of a line made of a date and little else.

    ``On 25 February 2021 at 03:13``, ``Published: Thursday 25 Feb 2021, 10:05 GMT``,
    ``25 Feb 2021`` qualify; ``On 25 February 1992 troops entered the town.`` does not.

    Args:
        line: one stripped line (or what follows an author in a byline).

    Returns:
        The date as ``YYYY-MM-DD``, or None.
    """
    if len(line) > 100:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    rest = _FILLER.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", line[:start] + " " + line[end:]))).split()
    # what is left may name a place or an outlet ("Jerusalem", "Reuters"), not continue a sentence
    return iso if len(rest) <= 3 and all(w[0].isupper() or w[0].isdigit() for w in rest) else None


def _year(text: str) -> int:
    """A dateline's year: four digits as written; two digits in the century that puts it within the
    last 80 years of 2029 ("88" → 1988, "19" → 2019)."""
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value <= 29 else 1900 + value


def find_wire_dateline(line: str) -> tuple[str | None, str | None] | None:
    """Date and source of a wire-story opening, in every common form.

    ``NEW DELHI, Dec. 29 (UPI) --``, ``March 2, 1992 (AP) -``, ``MOSCOW (UPI) --``,
    ``BAGHDAD, Iraq (CNN) --``, ``BOGOTA, 1 SEP 88 (INRAVISION TELEVISION CADENA 1) --``,
    ``VALLEDUPAR (COLOMBIA), 21 FEB 90 (RADIO CADENA NACIONAL) --``, ``SAN SALVADOR, NO DATE
    (FBIS) --`` and, without a source, ``STEPANAKERT, March 5 -``.

    Returns:
        ``(date or None, agency or None)``, the date only when the dateline gives a year (two
        digits read as in :func:`_year`); None when the line does not start with a dateline.
    """
    match = _WIRE_DAY_FIRST.match(line)
    if match:
        day_first: str | None = None
        if match["year"]:
            found = find_date(f"{match['day']} {match['month']} {_year(match['year'])}")
            day_first = found[0] if found else None
        return day_first, " ".join(match["agency"].split())
    match = _WIRE_DATED.match(line)
    if match:
        date = None
        if match["year"]:
            date = find_date(f"{match['month']} {match['day']} {match['year']}")
        return (date[0] if date else None), match["agency"]
    match = _WIRE.match(line)
    if match:
        return None, match["agency"]
    match = _PLAIN.match(line)
    if match:
        plain: str | None = None
        if match["year"]:
            found = find_date(f"{match['day'] or match['day2']} {match['month'] or match['month2']} {match['year']}")
            plain = found[0] if found else None
        return plain, None
    return None


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a sentence."""
    if len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    first = line[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘"


def detect_byline(text: str) -> Metadata:
    """Title, author, publication date and wire agency from the top of a text.

    Looks at the first :data:`SCAN_LINES` non-empty lines: the first line is the title
    when it stands alone (a blank line or a byline follows) and looks like a headline;
    a ``By NAME`` line gives the author; a short line holding a full date gives the
    publication date; a wire dateline (``March 2 (Reuters) -``) gives the publisher, and
    the date when it has a year.

    Args:
        text: the document text (no header block).

    Returns:
        The metadata found (fields None when not found).
    """
    lines = _lines(text, SCAN_LINES)
    if not lines:
        return Metadata()
    author = published = publisher = title = None
    for line in lines:
        byline = find_author(line) if author is None else None
        if byline:
            author = clean_value(byline[0])
            if published is None and byline[1]:
                published = find_dateline(byline[1].lstrip(",|/–—-·•( "))
            continue
        if published is None:
            published = find_dateline(line)
            if published:
                continue
        wire = find_wire_dateline(line) if publisher is None else None
        if wire:
            published = published or wire[0]
            publisher = clean_value(wire[1]) if wire[1] else None
            break  # the article body has started
    first = lines[0]
    if (len(lines) > 1 and _stands_alone(text, lines[1]) and looks_like_headline(first)
            and find_author(first) is None and find_dateline(first) is None and find_wire_dateline(first) is None):
        title = clean_value(first)
    return Metadata(title=title, author=author, published=published, publisher=publisher)


def _stands_alone(text: str, second: str) -> bool:
    """Whether the first non-empty line of ``text`` is followed by a blank line or a byline/dateline."""
    tail = text.lstrip("\n \t").partition("\n")[2]
    next_line = tail.split("\n", 1)[0] if tail else ""
    if not next_line.strip():
        return True
    return find_author(second) is not None or find_dateline(second) is not None
