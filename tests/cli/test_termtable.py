"""counterclaim.termtable: tables fitted to a width, wrapped or truncated, safe for a terminal."""

from __future__ import annotations

import time

import pytest

from counterclaim.termtable import (
    Column,
    clean_cell,
    display_width,
    fit_line,
    fit_widths,
    render,
    terminal_width,
    truncate,
    wrap,
)

COLUMNS = [Column("id", min_width=2, max_width=4), Column("name", min_width=8, wrap=True),
           Column("note", min_width=6), Column("n", min_width=1, align="right")]
ROWS = [("e1", "Flood in the northern valley after three days of rain", "confirmed by two agencies", "12"),
        ("e2", "Quarry blast", "-", "7")]


def test_fits_when_there_is_room() -> None:
    lines = render(COLUMNS, ROWS, width=200)
    assert lines[0].split() == ["id", "name", "note", "n"]
    assert "Flood in the northern valley after three days of rain" in lines[1]
    assert len(lines) == 3


@pytest.mark.parametrize("width", [80, 60, 40, 30])
def test_every_line_fits_the_width(width: int) -> None:
    lines = render(COLUMNS, ROWS, width=width)
    assert max(display_width(line) for line in lines) <= width
    flat = " ".join(" ".join(lines).split())
    for word in ("Flood", "northern", "valley", "rain", "Quarry", "12"):  # wrapped, not lost
        assert word in flat
    assert "…" in " ".join(lines) or width >= 60  # the note column is cut, not wrapped


def test_minimum_widths_win_over_the_width() -> None:
    lines = render(COLUMNS, ROWS, width=10)
    assert all(len(line.split("  ")[0]) <= 4 for line in lines)  # no column disappears
    assert lines[0].startswith("id")


def test_right_alignment_and_max_width() -> None:
    columns = [Column("n", min_width=5, align="right"), Column("x", min_width=1, max_width=3)]
    lines = render(columns, [("7", "abcdef")], width=80)
    assert lines[1] == "    7  ab…"


def test_fit_widths_shrinks_the_widest_first() -> None:
    columns = [Column("a", min_width=2), Column("b", min_width=2), Column("c", min_width=2)]
    assert fit_widths(columns, [10, 30, 5], 40, gap=1) == [10, 23, 5]
    assert fit_widths(columns, [30, 30, 5], 40, gap=1) == [16, 17, 5] or fit_widths(columns, [30, 30, 5], 40,
                                                                                    gap=1) == [17, 16, 5]
    assert sum(fit_widths(columns, [30, 30, 30], 40, gap=1)) == 38


def test_cells_are_safe_for_a_terminal() -> None:
    assert clean_cell("red\x1b[31m alert\x07\n\tnow") == "red[31m alert now"
    lines = render([Column("x")], [("\x1b]0;title\x07evil",)], width=80)
    assert "\x1b" not in "".join(lines) and "\x07" not in "".join(lines)
    assert clean_cell(None) == ""


def test_wide_characters_count_twice() -> None:
    assert display_width("東京") == 4 and display_width("é") == 1 and display_width("e\u0301") == 1
    assert truncate("東京都庁舎", 5) == "東京…"
    assert all(display_width(line) <= 5 for line in wrap("東京都庁舎の前で", 5))
    lines = render([Column("city", wrap=True, min_width=4), Column("n")], [("東京都庁舎の前で", "3")], width=12)
    assert max(display_width(line) for line in lines) <= 12


def test_wrap_and_truncate() -> None:
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("", 5) == [""]
    assert truncate("abcdef", 4) == "abc…" and truncate("abc", 4) == "abc" and truncate("abc", 0) == ""


def test_fit_line_keeps_the_indentation() -> None:
    assert fit_line("  q1  a very long line of words", 15) == ["  q1 a very lo…"]
    lines = fit_line("  W005 three undecodable bytes replaced", 20, indent="    ", wrap_lines=True)
    assert lines[0].startswith("  W005") and all(line.startswith("    ") for line in lines[1:])
    assert all(len(line) <= 20 for line in lines)


def test_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "123")
    assert terminal_width() == 123
    assert terminal_width(50) == 50 and terminal_width(0) > 10_000


def test_cost_is_linear() -> None:
    def seconds(n: int) -> float:
        rows = [(str(i), "word " * 50, "x" * 300, str(i)) for i in range(n)]
        start = time.process_time()  # CPU time: other processes do not count
        render(COLUMNS, rows, width=80)
        return time.process_time() - start

    small, large = min(seconds(2_000) for _ in range(2)), min(seconds(4_000) for _ in range(2))
    assert large <= 3 * small + 0.05
