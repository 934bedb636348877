"""Long texts are parsed in pieces and joined into one Doc whose text is unchanged."""

from __future__ import annotations

import pytest

from counterclaim import extract_text
from counterclaim.assemble import parse
from counterclaim.nlp import load_nlp

pytestmark = pytest.mark.slow

PARAGRAPH = ("A car bomb killed 14 people and wounded 30 others in Varno on Monday, police said. "
             "The blast destroyed six shops.")


def test_parse_in_pieces_keeps_the_text_and_the_annotations():
    nlp = load_nlp()
    text = "\n\n".join(PARAGRAPH for _ in range(30))
    whole = parse(nlp, text, chunk_chars=500)
    assert whole.text == text
    assert len(list(whole.sents)) == 60
    assert [t.dep_ for t in whole[:6]] == [t.dep_ for t in nlp(PARAGRAPH)[:6]]


def test_a_text_over_spacys_max_length_is_extracted():
    # about 1.1 million characters in few tokens (a long word per paragraph), so that the parse stays cheap
    text = "\n\n".join(f"{PARAGRAPH} {'z' * 1100}" for _ in range(900))
    assert len(text) > 1_000_000
    result = extract_text(text)
    assert len(result.figures) == 1800
    last = result.figures[-1]
    assert text[last.span[0]:last.span[1]] == last.text == "30 others"
    assert result.figures[-1].id == "f1800" and result.figures[-2].part_of in (None, "f1799")
