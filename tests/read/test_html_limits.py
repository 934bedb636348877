"""HTML pages of any shape are read in time and memory linear in their size (issue 13).

Pages over a limit of :mod:`counterclaim.read.htmlscan` are read by their text content with a
W007 diagnostic instead of losing their text or taking minutes; the complexity test checks
that doubling such a page at most about doubles the time.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from counterclaim.read import read_bytes
from counterclaim.read.htmlscan import MAX_ATTRIBUTES, MAX_BLOCKS_FULL, MAX_DEPTH, scan, text_content, tokens

SENTENCE = "<p>Ten people were killed in the village on Monday, officials said.</p>"


def page(body: str) -> bytes:
    return f"<html><head><title>Flood report</title></head><body>{body}</body></html>".encode()


def test_deeply_nested_page_keeps_its_text() -> None:
    document, diagnostics = read_bytes(page("<div>" * 10_000 + SENTENCE + "</div>" * 10_000), "deep.html")
    assert "Ten people were killed in the village on Monday, officials said." in document.text
    assert [d.code for d in diagnostics] == ["W007"]
    assert "nests elements 10,00" in diagnostics[0].message
    assert document.title == "Flood report"


def test_unclosed_inline_tags_keep_their_text() -> None:
    document, diagnostics = read_bytes(page("<b>word " * 5_000 + SENTENCE), "bold.html")
    assert document.text.count("word") == 5_000 and "Ten people were killed" in document.text
    assert [d.code for d in diagnostics] == ["W007"]


def test_thousands_of_attributes_on_one_tag() -> None:
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(40_000))
    start = time.perf_counter()
    document, diagnostics = read_bytes(page(f"<div {attributes}>{SENTENCE}</div>"), "attributes.html")
    assert time.perf_counter() - start < 5  # 33 s before the limit
    assert document.text == "Ten people were killed in the village on Monday, officials said."
    assert "40,000 attributes" in diagnostics[0].message


def test_normal_page_is_not_affected() -> None:
    body = "<nav><a href='/'>Home</a></nav><article>" + SENTENCE * 5 + "</article><footer>(c) Wire</footer>"
    document, diagnostics = read_bytes(page(body), "normal.html")
    assert diagnostics == []
    assert "Home" not in document.text and "Ten people were killed" in document.text


def test_scan_measures_the_shape() -> None:
    shape = scan("<!doctype html><html><body><div a=1 b='2' c=\"3>\" d><p>one<p>two<br><img src=x/>"
                 "<ul><li>a<li>b</ul><script>if (a<b) {'<div>'}</script></div></body></html>")
    assert shape.attributes == 4
    assert shape.depth == 5  # html > body > div > ul > li: <ul> ends the <p>, <li> the <li>
    assert shape.tags == 11
    assert scan("<div>" * (MAX_DEPTH + 1)).too_complex() is not None
    assert scan("<i " + "a " * (MAX_ATTRIBUTES + 1) + ">").too_complex() is not None
    assert not scan("<p>x</p>" * MAX_BLOCKS_FULL).fast and scan("<p>x</p>" * (MAX_BLOCKS_FULL + 1)).fast


def test_text_content_skips_scripts_and_decodes_entities() -> None:
    text, title = text_content("<title>A &amp; B</title><style>p{}</style><p>caf&eacute; &lt;x&gt;</p>"
                               "<script>var s = '<p>no</p>';</script><!-- <p>hidden</p> --><p>end")
    assert title == "A & B"
    assert text.split() == ["café", "<x>", "end"]


def test_tokenizer_survives_broken_markup() -> None:
    broken = "<div a=\"unclosed <p>x</p> <!-- never closed <a href='"
    assert [kind for kind, *_ in tokens(broken)][:1] == ["start"]
    assert scan(broken).tags >= 1
    assert scan("< p>1 < 2 and 3 > 2 <<>>").tags == 0


SHAPES: dict[str, Callable[[int], str]] = {
    "tag bomb": lambda n: "<div><p>x</p></div>" * n,
    "list bomb": lambda n: "<ul><li>x</li></ul>" * n,
    "attributes": lambda n: "<div " + " ".join(f"a{i}=v" for i in range(n)) + ">" + SENTENCE + "</div>",
    "nesting": lambda n: "<div>" * n + SENTENCE,
    "unclosed quotes": lambda n: '<a x="' * n + SENTENCE,
    "comments": lambda n: "<!-- c -->" * n + SENTENCE,
}
SIZES = {"tag bomb": 2_000, "list bomb": 2_000,  # 6,000 and 12,000 tags: trafilatura, fast mode
         "attributes": 40_000, "nesting": 40_000, "unclosed quotes": 40_000, "comments": 40_000}


def _seconds(data: bytes) -> float:
    """The best of three CPU times of reading ``data`` (CPU time: other processes on the machine
    do not count, as they would in wall time)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        with contextlib.suppress(Exception):  # an input error is a result too: only the time matters
            read_bytes(data, "page.html")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_a_pathological_page_about_doubles_the_time(shape: str) -> None:
    n = SIZES[shape]
    small, large = _seconds(page(SHAPES[shape](n))), _seconds(page(SHAPES[shape](2 * n)))
    assert large < 5, f"{shape}: {large:.2f} s for {2 * n:,} units"
    assert large <= 3 * max(small, 0.1), f"{shape}: {small:.3f} s -> {large:.3f} s when doubled"
