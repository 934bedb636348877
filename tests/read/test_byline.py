"""Headline, byline and dateline detection in texts without a header block."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.read import read_path, read_text
from counterclaim.read.byline import detect_byline, find_author, find_dateline, find_wire_dateline

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def test_title_byline_and_dateline() -> None:
    document, _ = read_path(RESOURCES / "article_byline.txt")
    assert document.title == "Ferry capsizes off the northern cape"
    assert document.author == "Tomas Brandt and Ilse Maren"
    assert document.published == "2019-03-12"
    assert document.text == (RESOURCES / "article_byline.txt").read_text(encoding="utf-8")


def test_wire_dateline_gives_the_agency() -> None:
    document, _ = read_path(RESOURCES / "article_wire.txt")
    assert document.publisher == "Reuters"
    assert document.published is None  # "May 4" has no year
    assert document.title is None  # the first line is hard-wrapped body text


@pytest.mark.parametrize(("line", "expected"), [
    ("March 2 (Reuters) - Fresh reports came in", (None, "Reuters")),
    ("Agdam,Elsewhere,March 2 (Reuters) - Fresh reports", (None, "Reuters")),
    ("NEW TOWN, Dec. 29, 2004 (UPI) -- With the toll rising", ("2004-12-29", "UPI")),
    ("HARBOURVILLE, Northland (CNN) -- Two blasts shook", (None, "CNN")),
    ("The army said (officially) that it had won.", None),
])
def test_find_wire_dateline(line: str, expected: tuple[str | None, str] | None) -> None:
    assert find_wire_dateline(line) == expected


@pytest.mark.parametrize(("line", "author"), [
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe, Staff Writer", "Jane Doe"),
    ("BY JOHN SMITH | Associated Press", "JOHN SMITH"),
    ("By Maria de la Cruz", "Maria de la Cruz"),
    ("By Ana Silva and Tom Reyes", "Ana Silva and Tom Reyes"),
    ("By Tuesday, 300 people had fled the town.", None),
    ("By the end of the day the fighting had stopped.", None),
    ("By March the river had risen again", None),
    ("By Sunday evening, rescuers had found the last survivors of the crash on the hill.", None),
])
def test_find_author(line: str, author: str | None) -> None:
    found = find_author(line)
    assert (found[0] if found else None) == author


@pytest.mark.parametrize(("line", "iso"), [
    ("On 25 February 2021 at 03:13", "2021-02-25"),
    ("25 Feb 2021", "2021-02-25"),
    ("Published: Thursday 25 Feb 2021, 10:05 GMT", "2021-02-25"),
    ("Updated March 3, 2011 4:15 p.m. EST", "2011-03-03"),
    ("On 25 February 1992 troops entered the town.", None),
    ("On 25 February 1992, people died", None),
    ("March 2 (Reuters)", None),
])
def test_find_dateline(line: str, iso: str | None) -> None:
    assert find_dateline(line) == iso


def test_byline_with_date_on_one_line() -> None:
    meta = detect_byline("Quake shakes the coast\nBy Jane Doe | March 3, 2011\n\nThe ground shook for a minute.")
    assert (meta.title, meta.author, meta.published) == ("Quake shakes the coast", "Jane Doe", "2011-03-03")


def test_sentence_first_line_is_not_a_title() -> None:
    assert detect_byline("At least 12 people were killed, police said.\n\nMore text.").title is None
    assert detect_byline("Only one line without a final stop").title is None


def test_date_in_the_first_sentence_is_not_the_publication_date() -> None:
    meta = detect_byline("On 26 February 1992 the town was attacked and many people fled.\n\nMore.")
    assert meta.published is None


def test_metadata_never_changes_the_text() -> None:
    text = "Ferry sinks\n\nBy Jane Doe\n25 Feb 2021\n\nThe ferry sank."
    document, diagnostics = read_text(text)
    assert document.text == text
    assert diagnostics == []
    assert (document.title, document.author, document.published) == ("Ferry sinks", "Jane Doe", "2021-02-25")


def test_empty_text() -> None:
    assert detect_byline("").as_kwargs() == {"title": None, "author": None, "published": None, "publisher": None,
                                            "url": None}
