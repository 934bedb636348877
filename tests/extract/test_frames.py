"""Outcome frames (``extract.frames``) on hand-built Docs: the patterns are data, no model needed."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim.extract.frames import (
    adjacent_cues,
    frame_hits,
    frame_outcomes,
    hits_at,
    load_frames,
    load_sequences,
    parse_frames,
)
from counterclaim.lexicons import LexiconError

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


def hits_of(d: Doc) -> set[tuple[str, str, int]]:
    return {(h.frame.name, h.frame.outcome, i) for (_, i), found in frame_hits(d).items() for h in found}


@pytest.mark.parametrize(("d", "verb"), [
    # "Villagers were taken away."
    (doc(["Villagers", "were", "taken", "away"], [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "prt"],
         ["villager", "be", "take", "away"]), 2),
    # "Gunmen carried away four nurses."
    (doc(["Gunmen", "carried", "away", "four", "nurses"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "prt", "nummod", "dobj"],
         ["gunman", "carry", "away", "four", "nurse"]), 1),
    # "Police led away two guards."
    (doc(["Police", "led", "away", "two", "guards"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "prt", "nummod", "dobj"],
         ["police", "lead", "away", "two", "guard"]), 1),
])
def test_taken_away(d: Doc, verb: int) -> None:
    assert ("taken-away", "captured", verb) in hits_of(d)


def test_not_taken_away_without_the_verb() -> None:
    # "Workers threw away the rubble."
    d = doc(["Workers", "threw", "away", "the", "rubble"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "prt", "det", "dobj"],
            ["worker", "throw", "away", "the", "rubble"])
    assert not {h for h in hits_of(d) if h[0] == "taken-away"}


@pytest.mark.parametrize("lemma", ["wounded", "wound", "WOUNDED"])
def test_a_participle_reads_as_its_verb_whatever_the_model_says(lemma: str) -> None:
    # "Shells wounded 40." (lemma_of reads "wounded" as "wound" from participle_lemmas.tsv)
    d = doc(["Shells", "wounded", "40"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["shell", lemma, "40"])
    assert ("outcome-verb", "injured", 1) in hits_of(d)


def test_hits_are_ranked_by_their_complement_left_to_right() -> None:
    # "Two were in custody in hospital": both complements hang on "were"; the first one wins
    d = doc(["Two", "were", "in", "custody", "in", "hospital"], [1, 1, 1, 2, 1, 4],
            ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj"], ["two", "be", "in", "custody", "in", "hospital"])
    assert [h.frame.name for h in hits_at(d[1], "complement")] == ["in-custody", "in-hospital"]


FRAME = {"name": "x", "family": "complement", "outcome": "killed", "example": "An example.",
         "pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "die"}}]}


@pytest.mark.parametrize(("change", "message"), [
    ({"outcome": "slain"}, "unknown outcome"),
    ({"family": "misc"}, "unknown family"),
    ({"example": ""}, "needs an example"),
    ({"key": "noun"}, "no node of the pattern"),
    ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": "@no_such_list"}}}]}, "unknown list"),
    ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"SHAPE": "dd"}}]}, "not supported"),
    ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "verb", "REL_OP": "$++", "RIGHT_ID": "obj", "RIGHT_ATTRS": {}}]}, "not supported"),
    ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {}}]}, "LEFT_ID"),
])
def test_the_loader_refuses_broken_frames(change: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_frames(json.dumps({"frames": [{**FRAME, **change}]}))


def test_the_loader_refuses_a_list_twice_named_or_upper_case() -> None:
    for lists in ({"words": ["die", "die"]}, {"words": ["Die"]}, {"words": {"die": "slain"}}):
        with pytest.raises(LexiconError):
            parse_frames(json.dumps({"lists": lists, "frames": [FRAME]}))


def test_an_outcome_list_makes_one_frame_per_outcome() -> None:
    frame = {**FRAME, "outcome": "@verbs",
             "pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["@verbs"]}}}]}
    frames = parse_frames(json.dumps({"lists": {"verbs": {"die": "killed", "vanish": "missing"}}, "frames": [frame]}))
    assert {(f.outcome, tuple(f.patterns[0][0]["RIGHT_ATTRS"]["LEMMA"]["IN"])) for f in frames} == {
        ("killed", ("die",)), ("missing", ("vanish",))}


# sequence: (outcome, three texts whose first token starts it, the token that names the outcome in each,
#            a text it does not start)
SEQUENCES: dict[str, tuple[str, list[tuple[str, int]], str]] = {
    "flee-headline": ("displaced", [("flee fighting", 0), ("fled the town", 0), ("flee floods in the north", 0)],
                      "were fleeing"),
    "die-headline": ("killed", [("die in crash", 0), ("dies in fire", 0), ("die as bus plunges", 0)], "were dying"),
    "frozen-to-death": ("killed", [("froze to death", 2), ("were frozen to death", 3),
                                   ("had been starved to death", 4)], "were burned in the fire"),
    "outcome-after": ("injured", [("wounded", 0), ("were seriously injured", 2), ("were later hurt", 2)],
                      "were treated"),
    "held-hostage-after": ("captured", [("taken hostage", 1), ("were held captive", 2),
                                        ("were later kept prisoner", 3)], "were taken home"),
    "suffered-injuries-after": ("injured", [("suffered injuries", 0), ("sustained minor burns", 0),
                                            ("had also suffered serious head wounds", 2)], "suffered losses"),
}


@pytest.mark.parametrize(("name", "text", "cue"), [(n, t, c) for n, (_, cases, _) in SEQUENCES.items()
                                                   for t, c in cases])
def test_the_sequence_names_the_outcome_of_a_figure_before_it(name: str, text: str, cue: int) -> None:
    d = Doc(NLP.vocab, words=text.split())
    assert adjacent_cues(d).get(0) == (SEQUENCES[name][0], cue)


@pytest.mark.parametrize("text", [t for _, _, t in SEQUENCES.values()] + [
    "were were were were killed",  # an auxiliary after the third word ends the words skipped
    "to death"])
def test_no_sequence_starts_at_the_first_word(text: str) -> None:
    d = Doc(NLP.vocab, words=text.split())
    assert adjacent_cues(d).get(0) is None


def test_a_headline_verb_counts_only_right_after_the_number() -> None:
    d = Doc(NLP.vocab, words=["were", "later", "fled"])
    assert adjacent_cues(d).get(0) is None and adjacent_cues(d).get(2) == ("displaced", 2)


def test_every_sequence_of_the_outcome_table_has_cases() -> None:
    assert {q.name for q in load_sequences("outcome_frames.json")} == set(SEQUENCES)


def test_up_to_three_auxiliaries_are_skipped() -> None:
    d = Doc(NLP.vocab, words=["were", "were", "were", "killed"])
    assert adjacent_cues(d).get(0) == ("killed", 3)


def test_the_anchored_sequences_agree_with_spacys_matcher() -> None:
    from spacy.matcher import Matcher

    from counterclaim.extract.frames import SequenceMatcher

    sequences = load_sequences("outcome_frames.json")
    reference = Matcher(NLP.vocab)
    for q in sequences:
        reference.add(q.name, [list(q.pattern)])
    anchored = SequenceMatcher(sequences)
    texts = [t for _, cases, neg in SEQUENCES.values() for t in [c for c, _ in cases] + [neg]]
    texts += ["were were were killed", "were were were were killed", "58 \n wounded and 12 were later kept hostage"]
    for text in texts:
        d = Doc(NLP.vocab, words=text.split(" "))
        expected = {(NLP.vocab.strings[key], start, end) for key, start, end in reference(d)}
        found = {(q.name, start, end) for k, q in enumerate(sequences) for start in range(len(d))
                 for end in anchored.ends(d, k, start) if end > start}
        assert found == expected, text
