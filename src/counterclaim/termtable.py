"""Tables that fit the terminal: columns with a minimum and maximum width, wrapped or truncated.

A small, general renderer for the CLI's tables (``extract``'s figures, the ledger's ``events``,
``sources`` and ``event``)::

    from counterclaim.termtable import Column, render

    columns = [Column("id", max_width=8), Column("name", min_width=10, wrap=True),
               Column("figures", align="right")]
    for line in render(columns, [("e1", "Flood in the northern valley", "12")], width=40):
        print(line)

How a table is fitted to ``width`` display columns (the terminal's, see :func:`terminal_width`):

* each column's natural width is its widest cell (header included), within its
  ``min_width`` and ``max_width``;
* when the natural widths and the gaps between columns are wider than ``width``, the widest
  columns give up width first, down to their ``min_width``, until the table fits;
* a cell wider than its column is wrapped at spaces over several lines (``wrap=True``), or cut
  with an ellipsis ``…``;
* when even the minimum widths do not fit, the minimum widths are used (lines are then longer
  than ``width``): no column disappears.

Cells are made safe for a terminal: control characters (escape sequences included) are
dropped and runs of white space become one space. Widths are display widths: East Asian wide
characters take two columns, combining marks none. Every step is linear in the size of the
cells.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

ELLIPSIS = "…"
DEFAULT_WIDTH = 80
"""The width used when the terminal's cannot be known (output to a file or a pipe, no ``COLUMNS``)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        header: the column's title, on the first line.
        min_width: the column never gets narrower than this (display columns).
        max_width: nor wider than this, even when there is room (None: no limit).
        wrap: wrap long cells over several lines (else cut them with ``…``).
        align: ``left`` or ``right`` (numbers).
    """

    header: str
    min_width: int = 4
    max_width: int | None = None
    wrap: bool = False
    align: Literal["left", "right"] = "left"


def terminal_width(width: int | None = None) -> int:
    """``width`` when given (0 means no limit), else the terminal's width (``COLUMNS`` wins), else 80."""
    if width is not None:
        return width if width > 0 else 1 << 30
    return max(20, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def clean_cell(value: object) -> str:
    """A value as one line of safe text: control characters dropped, white space collapsed."""
    text = "" if value is None else str(value)
    return _SPACES.sub(" ", _CONTROL.sub("", _SPACES.sub(" ", text))).strip()


def char_width(ch: str) -> int:
    """Display width of one character: 2 for East Asian wide and full-width, 0 for combining marks."""
    if ch.isascii():
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display width of a text (see :func:`char_width`)."""
    return len(text) if text.isascii() else sum(char_width(ch) for ch in text)


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns, ending in ``…`` when it was cut."""
    if display_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def _split_word(word: str, width: int) -> list[str]:
    """A word wider than ``width`` in pieces of at most ``width`` display columns."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in word:
        w = char_width(ch)
        if current and used + w > width:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += w
    if current:
        pieces.append("".join(current))
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces into lines of at most ``width`` display columns (long words are split)."""
    width = max(1, width)
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word in text.split(" "):
        if not word:
            continue
        w = display_width(word)
        if w > width:
            if current:
                lines.append(" ".join(current))
                current, used = [], 0
            *full, last = _split_word(word, width)
            lines.extend(full)
            current, used = [last], display_width(last)
        elif current and used + 1 + w > width:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (1 if current else 0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines or [""]


def fit_widths(columns: Sequence[Column], natural: Sequence[int], width: int, gap: int = 2) -> list[int]:
    """The width of each column so that the table fits ``width`` (see the module docstring).

    Args:
        columns: the columns (their ``min_width`` and ``max_width``).
        natural: each column's widest cell, header included.
        width: the room, in display columns.
        gap: spaces between two columns.

    Returns:
        One width per column.
    """
    lows = [max(1, c.min_width) for c in columns]
    wanted = [max(low, min(n, c.max_width) if c.max_width else n)
              for c, n, low in zip(columns, natural, lows, strict=True)]
    room = width - gap * max(0, len(columns) - 1)
    if sum(wanted) <= room:
        return wanted
    if sum(lows) >= room:
        return lows
    # the largest cap such that capping every column at it (not below its minimum) fits
    lo, hi = 1, max(wanted)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(low, min(w, mid)) for w, low in zip(wanted, lows, strict=True)) <= room:
            lo = mid
        else:
            hi = mid - 1
    widths = [max(low, min(w, lo)) for w, low in zip(wanted, lows, strict=True)]
    spare = room - sum(widths)
    for i, w in enumerate(wanted):  # one more column each to the widest capped columns, left first
        if spare <= 0:
            break
        if widths[i] < w:
            widths[i] += 1
            spare -= 1
    return widths


def _pad(text: str, width: int, align: str) -> str:
    space = " " * max(0, width - display_width(text))
    return space + text if align == "right" else text + space


def render(columns: Sequence[Column], rows: Iterable[Sequence[object]], *, width: int | None = None,
           gap: int = 2) -> list[str]:
    """The table's lines, header first, fitted to ``width``.

    Args:
        columns: the columns.
        rows: the cells, one sequence per row (missing cells are empty; values go through
            :func:`clean_cell`).
        width: display columns to fit (None: :func:`terminal_width`; 0: no limit).
        gap: spaces between two columns.

    Returns:
        The lines, without trailing spaces.
    """
    room = terminal_width(width)
    cells = [[clean_cell(c.header) for c in columns]]
    cells += [[clean_cell(row[i]) if i < len(row) else "" for i in range(len(columns))] for row in rows]
    natural = [max(display_width(row[i]) for row in cells) for i in range(len(columns))]
    widths = fit_widths(columns, natural, room, gap)
    joiner = " " * gap
    lines: list[str] = []
    for row in cells:
        parts = [wrap(cell, w) if c.wrap else [truncate(cell, w)]
                 for c, cell, w in zip(columns, row, widths, strict=True)]
        for k in range(max(len(p) for p in parts)):
            line = joiner.join(_pad(p[k] if k < len(p) else "", w, c.align)
                               for c, p, w in zip(columns, parts, widths, strict=True))
            lines.append(line.rstrip())
    return lines


def fit_line(text: str, width: int | None = None, *, indent: str = "", wrap_lines: bool = False) -> list[str]:
    """One line of free text made safe and fitted to ``width``: cut with ``…``, or wrapped
    (``wrap_lines``) with ``indent`` before every line after the first. Leading spaces are kept."""
    room = terminal_width(width)
    lead = " " * (len(text) - len(text.lstrip(" ")))  # the line's own indentation is kept
    text = clean_cell(text)
    if not wrap_lines:
        return [lead + truncate(text, max(1, room - len(lead)))]
    first, *rest = wrap(text, max(1, room - max(len(lead), display_width(indent))))
    return [lead + first] + [indent + line for line in rest]
