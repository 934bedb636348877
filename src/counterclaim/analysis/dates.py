"""Dates written in a document, as windows of days, resolved against the publication date.

:func:`date_mentions` finds:

* full dates ("26 February 1992", "February 26, 1992", "1992-02-26") → that day; day ranges
  ("16 to 18 September 1982", "June 3 and 4, 1989") → those days;
* month and year ("January 1990") → the month; a month alone ("in February",
  "February's killings") → that month in the publication year, or the year before when
  the month is later than the publication;
* day and month ("25 February", "March 2") → that day, the year taken the same way;
* years ("in 2020", "since 1992", a bare "1912") → the year; numbers that are part of a
  casualty figure ("2000 others") are passed in ``skip`` and ignored;
* relative words ("yesterday", "on Monday", "last week", "this week", "today") → the two
  weeks before publication, flagged ``relative``; "last year" → the year before; "N years
  ago" → that year.

Recurring dates ("February 26 every year", "each year") are dropped: they are
anniversaries, not the incident. Without a publication date, partial and relative dates
cannot be placed and are dropped too.

:func:`time_spans` finds spans of years ("after over 30 years", "nearly two decades
later", "30 years ago") for the time-span check.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from counterclaim import lexicons as _lex
from counterclaim.read.dates import MONTH_RE, MONTHS, WEEKDAY_RE

RELATIVE_DAYS = 14
"""A relative word ("on Monday", "last week") puts the incident in the two weeks before publication."""

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "several": 3}

_TO = r"(?:\s*(?:-|–|and|to)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?"
_FULL = (
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_TO}\s+(?:of\s+)?(?P<m>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}})"
               rf"(?!\d)", re.IGNORECASE),
    re.compile(rf"\b(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_TO},?\s+(?P<y>\d{{4}})(?!\d)",
               re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})(?!\d)"),
)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
_DAY_MONTH = (
    re.compile(rf"(?<![\d,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_RE})\b(?!\.?,?\s+\d{{4}})"),
    re.compile(rf"\b(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})(?!\d)"),
)
_FULL_MONTHS = "|".join(m.title() for m in _lex.months() if len(m) > 4 or m in ("march", "april", "june", "july"))
"""Month names written out (not "May", which is mostly a verb, nor abbreviations), from lexicons/data/months.tsv."""
_MONTH_ALONE = re.compile(rf"\b(?:in|of|since|until|by|early|late|mid-?|last|this)\s+(?P<m>{_FULL_MONTHS})\b"
                          rf"(?!\s+\d)|\b(?P<m2>{_FULL_MONTHS})['’]s\b")
_YEAR = re.compile(r"(?<![\d,.\-$£€])(?P<y>1[89]\d\d|20\d\d)(?![\d,]|\s*(?:people|persons|dead|bodies|killed|"
                   r"wounded|injured|civilians|soldiers|troops|others|men|women|children|-year))")
_RELATIVE = re.compile(rf"\b(?:yesterday|today|tonight|last night|this morning|this week|last week|earlier this week|"
                       rf"(?:on|last|this|late|early)\s+{WEEKDAY_RE}|{WEEKDAY_RE}['’]s)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)
_YEARS_AGO = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+years?\s+ago\b", re.IGNORECASE)
_RECURRING = re.compile(r"^\W{0,3}(?:every|each)\s+year|^\W{0,3}annually", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date in the text as a window ``[lo, hi]`` of days.

    ``precision`` is ``day``, ``month``, ``year`` or ``relative`` (relative to publication).
    """

    start: int
    end: int
    text: str
    lo: _dt.date
    hi: _dt.date
    precision: str

    @property
    def year(self) -> int | None:
        """The year when the window lies in one year."""
        return self.lo.year if self.lo.year == self.hi.year else None


def parse_iso(value: str | None) -> _dt.date | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) → a date; None when absent or invalid."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return _dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _month_end(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def _year_for(month: int, day: int, published: _dt.date) -> int:
    """The year of a day and month written without one: the latest such date not after publication."""
    try:
        candidate = _dt.date(published.year, month, day)
    except ValueError:
        candidate = _dt.date(published.year, month, 1)
    return published.year if candidate <= published + _dt.timedelta(days=1) else published.year - 1


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def date_mentions(text: str, published: _dt.date | None, *, skip: Sequence[tuple[int, int]] = ()
                  ) -> list[DateMention]:
    """Dates in ``text`` (see the module docstring), sorted by offset.

    Args:
        text: the document text.
        published: the publication date, for dates written without a year and relative words.
        skip: character spans to ignore (casualty figures, so that "2000 others" is no year).
    """
    taken: list[tuple[int, int]] = list(skip)
    out: list[DateMention] = []

    def add(m: re.Match[str], lo: _dt.date, hi: _dt.date, precision: str) -> None:
        if _RECURRING.match(text[m.end():m.end() + 20]):
            taken.append((m.start(), m.end()))
            return
        taken.append((m.start(), m.end()))
        out.append(DateMention(m.start(), m.end(), m.group(0), lo, hi, precision))

    for pattern in _FULL:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            month = int(m["mn"]) if "mn" in m.groupdict() and m["mn"] else MONTHS[m["m"].lower().rstrip(".")]
            last = m.groupdict().get("d2")
            try:
                day = _dt.date(int(m["y"]), month, int(m["d"]))
                until = _dt.date(int(m["y"]), month, int(last)) if last else day
            except ValueError:
                continue
            add(m, day, max(day, until), "day")
    for m in _MONTH_YEAR.finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            year, month = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
            add(m, _dt.date(year, month, 1), _month_end(year, month), "month")
    if published is not None:
        for pattern in _DAY_MONTH:
            for m in pattern.finditer(text):
                if _overlaps(m.start(), m.end(), taken) or m["m"].lower() == "may" and not m["m"][0].isupper():
                    continue
                month, dnum = MONTHS[m["m"].lower().rstrip(".")], int(m["d"])
                try:
                    day = _dt.date(_year_for(month, dnum, published), month, dnum)
                except ValueError:
                    continue
                add(m, day, day, "day")
        for m in _MONTH_ALONE.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                month = MONTHS[(m["m"] or m["m2"]).lower()]
                year = _year_for(month, 1, published)
                add(m, _dt.date(year, month, 1), _month_end(year, month), "month")
        for m in _RELATIVE.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                add(m, published - _dt.timedelta(days=RELATIVE_DAYS), published, "relative")
        for m in _LAST_YEAR.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                y = published.year - 1
                add(m, _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year")
        for m in _YEARS_AGO.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                n = m["n"].lower()
                y = published.year - (int(n) if n.isdigit() else _NUMBER_WORDS[n])
                add(m, _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year")
    for m in _YEAR.finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            y = int(m["y"])
            add(m, _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year")
    return sorted(out, key=lambda d: d.start)


def relative_spans(text: str) -> list[tuple[int, int]]:
    """Spans of relative date words ("on Monday", "yesterday"), found with or without a publication date."""
    return [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]


@dataclass(frozen=True)
class TimeSpan:
    """A span of years written in the text: "after over 30 years" → years 30, qualifier ``more_than``."""

    start: int
    end: int
    text: str
    years: int
    qualifier: str  # exact | more_than | approx | at_least


_QUALIFIER_WORDS = {"over": "more_than", "more than": "more_than", "nearly": "approx", "almost": "approx",
                    "about": "approx", "some": "approx", "around": "approx", "at least": "at_least"}
_NUM = r"\d{1,3}|" + "|".join(k for k in _NUMBER_WORDS if k not in ("a", "several"))
_SPAN = re.compile(
    rf"\b(?:after)\s+(?:(?P<q1>over|more than|nearly|almost|about|some|around|at least)\s+)?"
    rf"(?P<n1>{_NUM})\s+(?P<u1>years|decades)\b"
    rf"|\b(?:(?P<q2>over|more than|nearly|almost|about|some|around|at least)\s+)?(?P<n2>{_NUM})\s+"
    rf"(?P<u2>years|decades)\s+(?:ago|later|after|since|on)\b",
    re.IGNORECASE)


def time_spans(text: str) -> list[TimeSpan]:
    """Spans of years: "after (over) N years/decades", "(nearly) N years ago/later/after/since/on".

    "for N years" is left out: it is as often a prison term as the time since an incident.

    Durations of other things ("a four-year war", "sentenced to five years") are not matched.
    """
    out: list[TimeSpan] = []
    for m in _SPAN.finditer(text):
        n = (m["n1"] or m["n2"]).lower()
        unit = (m["u1"] or m["u2"]).lower()
        q = (m["q1"] or m["q2"] or "").lower()
        years = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (10 if unit == "decades" else 1)
        out.append(TimeSpan(m.start(), m.end(), m.group(0), years, _QUALIFIER_WORDS.get(q, "exact")))
    return out
