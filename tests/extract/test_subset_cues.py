"""The cues of ``part_of`` links (``lexicons/data/subset_cues.json``): token sequences on hand-built
Docs (only the words matter), dependency cues on invented sentences parsed by the model."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim import extract_text
from counterclaim.extract.frames import frame_hits, load_cues, load_sequences, parse_frames, sequences
from counterclaim.lexicons import LexiconError

NLP = spacy.blank("en")

# sequence: (three texts it is found in, one it is not)
SEQUENCES: dict[str, tuple[list[str], str]] = {
    "of-them": (["Ninety were killed , 40 of them children .", "Twelve of them are in hospital .",
                 "Thirty guards , six of whom were hurt"], "Six of the guards were hurt ."),
    "of-whom": (["Ninety were hurt , of whom 12 critically .", "Forty died , of whom nine were women .",
                 "The victims , of whom many were young"], "Forty died , of which nine were women ."),
    "among-the-dead": (["Five officers were among the dead .", "Two nurses were among those abducted .",
                        "Among the victims were 17 children ."], "Five officers were among the guests ."),
    "among-them": (["Among them were two infants .", "Nine died , among them three pupils .",
                    "Four guards , among them the chief"], "Among those present were two infants ."),
    "wave-of-attacks": (["A wave of attacks killed 107 people .", "A series of car bomb blasts hit the city .",
                         "A day of violence left 12 dead ."], "A wave of protests hit the city ."),
    "separate-attacks": (["Forty died in three separate attacks .", "Nine were hurt in two simultaneous blasts .",
                          "They died in several coordinated bombings ."], "Forty died in three separate accidents ."),
    "attacks-across": (["Attacks across the province killed 60 .", "A string of attacks across the north",
                        "Rebels launched attacks across the region ."], "Attacks on the province killed 60 ."),
}


def words(text: str) -> Doc:
    return Doc(NLP.vocab, words=text.split())


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (texts, _) in SEQUENCES.items() for t in texts])
def test_the_sequence_is_found(name: str, text: str) -> None:
    assert name in sequences(words(text))


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_, t) in SEQUENCES.items()])
def test_the_sequence_is_not_found(name: str, text: str) -> None:
    assert name not in sequences(words(text))


def test_every_sequence_has_cases_and_is_found_in_its_example() -> None:
    assert {q.name for q in load_sequences()} == set(SEQUENCES)
    for q in load_sequences():
        assert q.name in sequences(NLP(q.example)), q.example


# dependency cue: (three sentences it is found in, one it is not)
CUES: dict[str, tuple[list[str], str]] = {
    "including-part": (["Rebels killed 40 soldiers, including 12 officers.",
                        "The floods displaced 9,000 people, including 3,000 children.",
                        "Militants abducted 30 pupils, among them 11 girls."],
                       "The attack killed 613 civilians near 169 shops."),
    "including-part-below": (["Ten civilians died, including in the capital.",
                              "Protests spread, including to the north.",
                              "Fighting went on, including near the border."],
                             "Fighting went on near the border."),
    "include-object": (["The toll of 12,500 included 7,000 soldiers.", "The 300 dead included 40 children.",
                        "The 52 people killed included nine police officers."],
                       "The 52 people killed were police officers."),
}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (texts, _) in CUES.items() for t in texts])
def test_the_cue_is_found(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    doc = load_nlp()(text)
    assert name in {h.frame.name for hits in frame_hits(doc, cues=True).values() for h in hits}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_, t) in CUES.items()])
def test_the_cue_is_not_found(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    doc = load_nlp()(text)
    assert name not in {h.frame.name for hits in frame_hits(doc, cues=True).values() for h in hits}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "part", "whole"), [
    ("Rebels killed 40 soldiers, including 12 officers.", "12 officers", "40 soldiers"),
    ("Militants abducted 30 pupils, among them 11 girls.", "11 girls", "30 pupils"),
    ("The 300 dead included 40 children.", "40 children", "300 dead"),
    ("Ninety people were killed, 40 of them children.", "40 of them", "Ninety people"),
    ("Some 80 people were wounded, 12 of them seriously.", "12 of them", "Some 80 people"),
    ("Gunmen killed 22 people. Five officers were among the dead.", "Five officers", "22 people"),
])
def test_the_cues_link_a_part_to_its_whole(text: str, part: str, whole: str) -> None:
    figures = {f.id: f for f in extract_text(text).figures}
    links = {f.text: figures[f.part_of].text for f in figures.values() if f.part_of}
    assert links.get(part) == whole, links


def test_every_cue_has_cases() -> None:
    assert {f.name for f in load_cues() if f.family == "subset"} == set(CUES)


@pytest.mark.parametrize(("frame", "message"), [
    ({"name": "x", "family": "subset", "outcome": "killed", "example": "An example.",
      "pattern": [{"RIGHT_ID": "part", "RIGHT_ATTRS": {"DEP": "pobj"}}]}, "no outcome"),
    ({"name": "x", "family": "verb", "example": "An example.",
      "pattern": [{"RIGHT_ID": "part", "RIGHT_ATTRS": {"DEP": "pobj"}}]}, "unknown family"),
])
def test_the_loader_refuses_a_broken_cue(frame: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_frames(json.dumps({"frames": [frame]}), cues=True)


REPEATS = (["Of these 184 people, 51 were women.", "Those 12 soldiers were buried.", "The 30 victims were named."],
           "Some 30 victims were named.")


@pytest.mark.slow
@pytest.mark.parametrize("text", REPEATS[0])
def test_a_definite_determiner_marks_a_repeat(text: str) -> None:
    from counterclaim.nlp import load_nlp

    doc = load_nlp()(text)
    assert "definite-repeat" in {h.frame.name for hits in frame_hits(doc, cues=True).values() for h in hits}


@pytest.mark.slow
def test_no_repeat_without_a_definite_determiner() -> None:
    from counterclaim.nlp import load_nlp

    doc = load_nlp()(REPEATS[1])
    assert "definite-repeat" not in {h.frame.name for hits in frame_hits(doc, cues=True).values() for h in hits}


@pytest.mark.slow
def test_a_repeat_takes_the_outcome_of_the_figure_it_repeats() -> None:
    figures = extract_text("Floods killed 40 villagers. The 40 villagers were buried on Sunday.").figures
    assert [(f.text, f.outcome) for f in figures] == [("40 villagers", "killed"), ("40 villagers", "killed")]


def test_every_repeat_cue_has_cases() -> None:
    assert {f.name for f in load_cues() if f.family == "repeat"} == {"definite-repeat"}


def test_the_anchored_sequences_agree_with_spacys_matcher() -> None:
    from counterclaim.extract.frames import sequence_ends

    for texts, negative in SEQUENCES.values():
        for text in [*texts, negative]:
            d = words(text)
            expected = {(name, start, end) for name, spans in sequences(d).items() for start, end in spans}
            found = {(q.name, start, end) for q in load_sequences() for start in range(len(d))
                     for end in sequence_ends(d, q.name, start)}
            assert found == expected, text
