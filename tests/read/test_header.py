"""The Title:/Author:/Published:/Publisher:/URL: block, Markdown metadata and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.read import read_path, read_text
from counterclaim.read.dates import find_date, normalize_date
from counterclaim.read.header import header_length, looks_like_markdown, markdown_metadata, parse_header

RESOURCES = Path(__file__).resolve().parents[1] / "resources"

HEADER = (
    "Title: Dam breach floods farmland\n"
    "Author: \n"
    "Published: March 5, 1987\n"
    "Publisher: Northern Wire\n"
    "URL: https://example.org/dam\n"
    "\n"
    "The dam gave way overnight, officials said.\n"
)


def test_header_values_fill_the_document() -> None:
    document, diagnostics = read_text(HEADER, "dam.txt")
    assert diagnostics == []
    assert document.title == "Dam breach floods farmland"
    assert document.author is None  # empty value
    assert document.published == "1987-03-05"
    assert document.publisher == "Northern Wire"
    assert document.url == "https://example.org/dam"


def test_header_stays_in_the_text() -> None:
    document, _ = read_text(HEADER)
    assert document.text == HEADER
    body = document.text[header_length(document.text):]
    assert body == "The dam gave way overnight, officials said.\n"


def test_header_from_a_file() -> None:
    document, _ = read_path(RESOURCES / "article_header.txt")
    assert (document.title, document.author, document.published, document.publisher) == (
        "Storm floods river towns in the valley", "Petra Holm", "2022-10-07", "The Valley Ledger")
    assert document.text.startswith("Title: Storm floods")


def test_header_with_crlf_and_unparseable_date() -> None:
    document, _ = read_text("Title: A report\r\nPublished: some day last spring\r\n\r\nBody text here.\r\n")
    assert document.text == "Title: A report\nPublished: some day last spring\n\nBody text here.\n"
    assert document.title == "A report"
    assert document.published is None


def test_all_empty_header() -> None:
    meta = parse_header("Title: \nAuthor: \nPublished: \nPublisher: \nURL: \n\nBody.")
    assert meta is not None
    assert meta.as_kwargs() == {"title": None, "author": None, "published": None, "publisher": None, "url": None}


def test_one_line_is_not_a_header_block() -> None:
    assert parse_header("URL: https://example.org\n\nBody.") is None
    assert parse_header("No header here.\nTitle: later line") is None


@pytest.mark.parametrize(("value", "iso"), [
    ("1987-03-05", "1987-03-05"),
    ("1987-03-05T10:22:00Z", "1987-03-05"),
    ("2004/12/4", "2004-12-04"),
    ("5 March 1987", "1987-03-05"),
    ("5th of Mar. 1987", "1987-03-05"),
    ("March 5, 1987", "1987-03-05"),
    ("Thu, 25 Feb 2021 03:13:00 +0000", "2021-02-25"),
    ("25/02/2021", "2021-02-25"),
    ("02/25/2021", "2021-02-25"),
    ("03/04/2021", None),  # ambiguous
    ("March 1987", None),  # partial: the contract wants a full date or null
    ("1987-02-30", None),
    ("", None),
    (None, None),
])
def test_normalize_date(value: str | None, iso: str | None) -> None:
    assert normalize_date(value) == iso


def test_find_date_gives_the_span() -> None:
    line = "Updated on 25 February 2021 at 03:13"
    iso, start, end = find_date(line)
    assert iso == "2021-02-25"
    assert line[start:end] == "25 February 2021"


def test_markdown_heading_and_byline() -> None:
    document, _ = read_path(RESOURCES / "article.md")
    assert document.title == "Landslide buries mountain village"
    assert document.author == "Anna Krol"
    assert document.published == "2020-06-18"
    assert document.text == (RESOURCES / "article.md").read_text(encoding="utf-8")


def test_markdown_front_matter() -> None:
    text = '---\ntitle: "Front matter title"\nauthor: [Ada Lind, Bo Stern]\ndate: 2020-01-02\n---\n\n# Other\n\nBody.'
    meta, body = markdown_metadata(text)
    assert (meta.title, meta.author, meta.published) == ("Front matter title", "Ada Lind, Bo Stern", "2020-01-02")
    assert text[body:].strip() == "Body."
    document, _ = read_text(text)
    assert document.text == text
    assert document.title == "Front matter title"


def test_setext_heading() -> None:
    meta, _ = markdown_metadata("Harbour fire spreads\n====================\n\nText.")
    assert meta.title == "Harbour fire spreads"


def test_looks_like_markdown() -> None:
    assert looks_like_markdown("# Heading\n\nText")
    assert looks_like_markdown("Some **bold** words and a [link](https://example.org).")
    assert not looks_like_markdown("Plain text, with - a dash and a #hashtag.")
