"""The claimant cues of claim_cues.json: each sequence on its own (hand-built Docs, no model) and in
the extraction (three invented sentences of varied wording and a negative each); the word lists are
the table's."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim.attribute import claimcues

_VOCAB = spacy.blank("en").vocab  # lexical attributes (LOWER) without a trained pipeline


Starts = list[bool | int | None] | None


def _doc(words: list[str], sent_starts: Starts = None) -> Doc:
    return Doc(_VOCAB, words=words, sent_starts=sent_starts)


def test_every_sequence_has_an_example_and_the_lists_are_the_table_s() -> None:
    names = [name for name, example, _ in claimcues.sequences() if example]
    assert names == ["according-to", "per-in-brackets", "by-estimate-at-sentence-start", "by-estimate-after-a-break"]
    assert "figures" in claimcues.word_list("estimate_nouns") and "toll" in claimcues.word_list("toll_objects")
    with pytest.raises(ValueError, match="no list"):
        claimcues.word_list("no-such-list")


@pytest.mark.parametrize(("words", "starts", "name", "end"), [
    (["According", "to", "the", "governor", ",", "31", "died", "."], None, "according-to", 1),
    (["The", "toll", "(", "per", "local", "medics", ")", "is", "26", "."], None, "per-in-brackets", 3),
    (["By", "one", "count", ",", "40", "died", "."], [True] + [False] * 6, "by-estimate-at-sentence-start", 0),
    (["Fires", "burned", ",", "by", "early", "reports", ",", "30", "were", "hurt", "."], None,
     "by-estimate-after-a-break", 3),
])
def test_each_sequence_ends_where_its_claimant_hangs(words: list[str], starts: Starts, name: str, end: int) -> None:
    assert claimcues.cue_ends(_doc(words, starts)).get(name) == [end]


@pytest.mark.parametrize("words", [
    ["The", "figures", "were", "checked", "by", "reporters", "."],  # "by" inside a clause
    ["They", "agreed", "to", "per", "diem", "rates", "."],  # "per" without a bracket
    ["He", "acted", "according", "as", "he", "saw", "fit", "."],  # "according" without "to"
])
def test_no_cue_without_its_frame(words: list[str]) -> None:
    starts: Starts = [n == 0 for n in range(len(words))]
    assert claimcues.cue_ends(_doc(words, starts)) == {}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "source"), [
    ("According to the provincial governor, 31 people died in the floods.", "the provincial governor"),
    ("At least 12 miners, according to the union, were trapped and 4 were killed.", "the union"),
    ("The toll (per local medics) now stands at 26 dead.", "local medics"),
    ("By one count, 40 people were killed in the raid.", "one count"),
    ("The shelling went on all night and, by early reports, at least 30 people were hurt.", "early reports"),
    ("By most estimates, 200 villagers were displaced.", "most estimates"),
])
def test_a_cue_names_the_claimant_of_its_sentence(text: str, source: str) -> None:
    from counterclaim import extract_text

    assert [f.source.name if f.source else None for f in extract_text(text).figures][0] == source


@pytest.mark.slow
def test_by_without_an_estimate_noun_names_nobody() -> None:
    from counterclaim import extract_text

    figures = extract_text("By nightfall, 40 people had been killed in the raid.").figures
    assert [f.source for f in figures] == [None]
