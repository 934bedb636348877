"""The parse-friendly copy maps back onto the original text exactly (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.nlp.normalize import NormText, header_length, normalize

HARD_WRAPPED = (
    "Title: FLOOD KILLS 40 IN VALLEY\n"
    "Author: \n"
    "Published: 2001-04-02\n"
    "URL: https://example.org/story/12345\n"
    "\n"
    "    The river burst its  banks on Sunday and swept through\n"
    "three villages, officials  said on Monday in the capital.\n"
    "    Rescue teams  found 40 bodies in the mud.\n"
)


def test_header_block_keeps_only_the_title():
    norm = normalize(HARD_WRAPPED)
    assert norm.text.startswith("Flood kills 40 in valley\n\n")
    assert "example.org" not in norm.text and "2001" not in norm.text
    assert header_length(HARD_WRAPPED) == HARD_WRAPPED.index("    The river")


def test_hard_wrapped_lines_join_and_indented_lines_start_paragraphs():
    norm = normalize(HARD_WRAPPED)
    assert "swept through three villages, officials said" in norm.text
    assert "\n\nRescue teams found 40 bodies" in norm.text


def test_glued_sentences_and_headings_are_split():
    text = 'the city.Police said."We saw it" he said.Car bombsThe second blast'
    norm = normalize(text)
    assert "city. Police" in norm.text
    assert 'said." We' in norm.text
    assert "Car bombs\n\nThe second" in norm.text


def test_spans_map_back_to_the_original():
    norm = normalize(HARD_WRAPPED)
    i = norm.text.index("found 40 bodies")
    s, e = norm.to_original(i, i + len("found 40 bodies"))
    assert HARD_WRAPPED[s:e] == "found 40 bodies"
    j = norm.text.index("banks on")
    s, e = norm.to_original(j - 4, j + 5)
    assert HARD_WRAPPED[s:e] == "its  banks"


def test_identity():
    norm = NormText.identity("abc")
    assert norm.to_original(0, 3) == (0, 3)


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'`AZ09:-")), max_size=200))
def test_every_normalised_character_comes_from_a_character_or_a_gap(text):
    norm = normalize(text)
    assert len(norm.text) == len(norm.origin)
    for ch, o in zip(norm.text, norm.origin, strict=True):
        assert 0 <= o <= len(text)
        if not ch.isspace():  # a quotation mark typed as two apostrophes or backticks reads as one '"'
            assert text[o].lower() == ch.lower() or (ch == '"' and text[o:o + 2] in ("''", "``"))
    assert list(norm.origin) == sorted(norm.origin)


@pytest.mark.parametrize(("text", "expected"), [
    # an opening curly mark glued to the word or comma before it gets its space back in the parse copy
    ("Ryan said,“Look, no.”", "Ryan said, “Look, no.”"),
    ("He warned“We will go.”", "He warned “We will go.”"),
    ("She replied:‘Not today.’", "She replied: ‘Not today.’"),
    # not: an apostrophe inside a word, or a mark already spaced
    ("They don’t know O’Brien.", "They don’t know O’Brien."),
    ("He said, “Yes.”", "He said, “Yes.”"),
])
def test_an_opening_mark_glued_to_the_word_before_it_is_spaced(text: str, expected: str) -> None:
    norm = normalize(text)
    assert norm.text == expected
    assert norm.original_text(0, len(norm.text)) == text
