"""Outcome frames (``extract.frames``) on hand-built Docs: the patterns are data, no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim.extract.frames import frame_outcomes, load_frames

NLP = spacy.blank("en")


def doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str] | None = None) -> Doc:
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas or [w.lower() for w in words])


@pytest.mark.parametrize(("d", "anchor", "frame"), [
    # "Inhabitants left the town."
    (doc(["Inhabitants", "left", "the", "town", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
         ["inhabitant", "leave", "the", "town", "."]), 1, "left-home"),
    # "Families abandoned their homes."
    (doc(["Families", "abandoned", "their", "homes"], [1, 1, 3, 1], ["nsubj", "ROOT", "poss", "dobj"],
         ["family", "abandon", "their", "home"]), 1, "left-home"),
    # "Thousands were forced out."
    (doc(["Thousands", "were", "forced", "out"], [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "prt"],
         ["thousand", "be", "force", "out"]), 2, "forced-out"),
    # "Hundreds were driven from their villages."
    (doc(["Hundreds", "were", "driven", "from", "their", "villages"], [2, 2, 2, 2, 5, 3],
         ["nsubjpass", "auxpass", "ROOT", "prep", "poss", "pobj"],
         ["hundred", "be", "drive", "from", "their", "village"]), 2, "driven-from-home"),
])
def test_frames_anchor_on_the_verb(d: Doc, anchor: int, frame: str) -> None:
    assert frame_outcomes(d) == {anchor: ("displaced", frame)}


@pytest.mark.parametrize("d", [
    # "Delegates left the meeting." (not a home)
    doc(["Delegates", "left", "the", "meeting"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
        ["delegate", "leave", "the", "meeting"]),
    # "Police forced the door." (no "out")
    doc(["Police", "forced", "the", "door"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
        ["police", "force", "the", "door"]),
])
def test_no_frame_without_its_parts(d: Doc) -> None:
    assert frame_outcomes(d) == {}


def test_the_frames_load_with_their_word_lists() -> None:
    frames = {f.name: f for f in load_frames()}
    assert {"left-home", "forced-out", "driven-from-home"} <= set(frames)
    verbs = frames["left-home"].patterns[0][0]["RIGHT_ATTRS"]["LEMMA"]["IN"]
    assert "leave" in verbs and all(isinstance(v, str) for v in verbs)
