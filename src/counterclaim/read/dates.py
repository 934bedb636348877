"""Publication dates written in the usual ways, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as _dt
import re

from counterclaim import lexicons as _lex

MONTHS = _lex.months()  # month names and abbreviations → number (lexicons/data/months.tsv)
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?" \
           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WEEKDAY_RE = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def find_date(text: str) -> tuple[str, int, int] | None:
    """Find the first full date (day, month and year) in ``text``.

    Understands ``2021-02-25`` (also with ``/`` or ``.`` and a time after it),
    ``25 February 2021``, ``25th of Feb. 2021``, ``February 25, 2021``, ``Feb 25 2021``
    and numeric ``25/02/2021`` when the day is above 12 (otherwise ambiguous: skipped).

    Args:
        text: any string.

    Returns:
        ``(iso_date, start, end)`` for the earliest valid date, or None.
    """
    found: list[tuple[int, int, str]] = []
    for match in _ISO.finditer(text):
        iso = _iso(int(match[1]), int(match[2]), int(match[3]))
        if iso:
            found.append((match.start(), match.end(), iso))
    for match in _DAY_MONTH_YEAR.finditer(text):
        iso = _iso(int(match[3]), _month(match[2]), int(match[1]))
        if iso:
            found.append((match.start(), match.end(), iso))
    for match in _MONTH_DAY_YEAR.finditer(text):
        iso = _iso(int(match[3]), _month(match[1]), int(match[2]))
        if iso:
            found.append((match.start(), match.end(), iso))
    for match in _NUMERIC.finditer(text):
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        iso = _iso(year, b, a) if a > 12 else _iso(year, a, b) if b > 12 else None
        if iso:
            found.append((match.start(), match.end(), iso))
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def normalize_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or None when it holds no full date.

    Args:
        value: a date as written (``"5 March 1987"``, ``"1987-03-05T10:00:00Z"``, ...).

    Returns:
        The ISO date, or None for None, an empty string or a partial date ("March 1987"):
        the output contract allows only full dates or null.
    """
    if not value or not value.strip():
        return None
    found = find_date(value)
    return found[0] if found else None
