"""HTML pages: main text through trafilatura, metadata, sniffing by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.errors import InputError
from counterclaim.read import read_bytes, read_path, read_text, text_id
from counterclaim.read.html import looks_like_html

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def test_main_text_without_noise() -> None:
    document, diagnostics = read_path(RESOURCES / "article.html")
    assert diagnostics == []
    text = document.text
    assert "the city fire brigade said at least six people were killed." in text
    assert "said a cyclist who was crossing at the time." in text
    for noise in ("trackingCode", "analytics-noise", "script noise", "font-family", "Sport pages", "Weather desk",
                  "newsletter", "Copyright"):
        assert noise not in text
    assert "<" not in text and ">" not in text


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    document, _ = read_path(RESOURCES / "article.html")
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) >= 3
    assert all(p.strip() and "\n" not in p for p in paragraphs)


def test_metadata_from_the_page() -> None:
    document, _ = read_path(RESOURCES / "article.html")
    assert document.title == "Bridge collapse kills commuters"
    assert document.author == "Lena Osei"
    assert document.published == "2021-09-14"
    assert document.publisher == "The Harbour Times"
    assert document.url == "https://example.org/2021/09/bridge-collapse"
    assert document.id == text_id(document.text)


def test_html_is_sniffed_by_content(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_bytes((RESOURCES / "article.html").read_bytes())
    document, _ = read_path(path)
    assert document.title == "Bridge collapse kills commuters"
    assert "<p>" not in document.text and "six people were killed" in document.text


def test_fragment_of_paragraphs() -> None:
    document, _ = read_bytes(b"<p>Fire swept through the market hall.</p>\n<p>Nobody was hurt.</p>")
    assert document.text == "Fire swept through the market hall.\n\nNobody was hurt."


def test_read_text_reduces_html_too() -> None:
    document, _ = read_text("<html><body><p>Smoke rose over the old port at dawn.</p></body></html>")
    assert document.text == "Smoke rose over the old port at dawn."


def test_no_main_text_is_e007(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><script>run()</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_path(path)
    assert info.value.code == "E007"
    assert str(path) in info.value.message


def test_html_extension_with_plain_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("Just a plain note, no markup at all.\n", encoding="utf-8")
    document, _ = read_path(path)
    assert document.text == "Just a plain note, no markup at all.\n"


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("  <html lang='en'>")
    assert looks_like_html("<div class='story'>text</div>")
    assert looks_like_html("Intro line\n<p>first paragraph</p>")
    assert not looks_like_html("A plain article where x < y and a > b.")
    assert not looks_like_html("Title: HTML explained\nAuthor: Ann\n\nThe <body> tag holds the page.")
