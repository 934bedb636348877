"""The noun-phrase cues of ``lexicons/data/np_cues.json``: what a count is "of" ("dozens of bodies",
"hundreds of fleeing families"), on hand-built parses and on invented sentences parsed by the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim.extract.frames import load_cues
from counterclaim.extract.outcomes import of_object

NLP = spacy.blank("en")


def doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(("d", "head", "obj"), [
    # "dozens of bodies"
    (doc(["dozens", "of", "bodies"], [0, 0, 1], ["ROOT", "prep", "pobj"]), 0, "bodies"),
    # "hundreds of fleeing families"
    (doc(["hundreds", "of", "fleeing", "families"], [0, 0, 1, 2], ["ROOT", "prep", "pcomp", "dobj"]), 0, "families"),
    # "100 members of the guard of honour": the first "of", its object
    (doc(["100", "members", "of", "the", "guard", "of", "honour"], [1, 1, 1, 4, 2, 4, 5],
         ["nummod", "ROOT", "prep", "det", "pobj", "prep", "pobj"]), 1, "guard"),
    # "scores of them and of their children": the first "of" wins
    (doc(["scores", "of", "them", "and", "of", "children"], [0, 0, 1, 1, 0, 4],
         ["ROOT", "prep", "pobj", "cc", "prep", "pobj"]), 0, "them"),
])
def test_the_object_of_of(d: Doc, head: int, obj: str) -> None:
    found = of_object(d[head])
    assert found is not None and found.text == obj


@pytest.mark.parametrize(("d", "head"), [
    # "bodies of" with nothing after "of"
    (doc(["bodies", "of"], [0, 0], ["ROOT", "prep"]), 0),
    # "of the dead, dozens": "of" before the noun is not its object
    (doc(["of", "the", "dead", "dozens"], [3, 2, 0, 3], ["prep", "det", "pobj", "ROOT"]), 3),
    # "dozens from the town"
    (doc(["dozens", "from", "the", "town"], [0, 0, 3, 1], ["ROOT", "prep", "det", "pobj"]), 0),
])
def test_no_object_of_of(d: Doc, head: int) -> None:
    assert of_object(d[head]) is None


@pytest.mark.slow
@pytest.mark.parametrize(("text", "head", "obj"), [
    ("Rescuers found dozens of bodies.", "dozens", "bodies"),
    ("Hundreds of fleeing families reached the border.", "Hundreds", "families"),
    ("Gunmen killed 100 members of the guard.", "members", "guard"),
])
def test_the_object_of_of_in_a_parsed_sentence(text: str, head: str, obj: str) -> None:
    from counterclaim.nlp import load_nlp

    d = load_nlp()(text)
    found = of_object(next(t for t in d if t.text == head))
    assert found is not None and found.text == obj


@pytest.mark.slow
def test_no_object_of_of_in_a_parsed_sentence() -> None:
    from counterclaim.nlp import load_nlp

    d = load_nlp()("Dozens from the town were hurt.")
    assert of_object(d[0]) is None


def test_every_np_cue_is_tested() -> None:
    assert {f.name for f in load_cues() if f.family == "of-object"} == {"of-object", "of-clause-object"}
    assert {f.name for f in load_cues() if f.family == "range-object"} == {"range-number", "range-noun"}


def ranged(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos)


def range_cues(d: Doc) -> set[tuple[str, int]]:
    from counterclaim.extract.frames import frame_hits

    return {(h.frame.name, i) for (family, i), hits in frame_hits(d, cues=True).items() for h in hits
            if family == "range-object"}


@pytest.mark.parametrize(("d", "found"), [
    # "killed between 40 and 60 soldiers"
    (ranged(["killed", "between", "40", "and", "60", "soldiers"], [0, 0, 5, 2, 2, 1],
            ["ROOT", "prep", "nummod", "cc", "conj", "pobj"], ["VERB", "ADP", "NUM", "CCONJ", "NUM", "NOUN"]),
     ("range-noun", 5)),
    # "killed from 12 to 20 people"
    (ranged(["killed", "from", "12", "to", "20", "people"], [0, 0, 5, 4, 5, 1],
            ["ROOT", "prep", "nummod", "quantmod", "nummod", "pobj"], ["VERB", "ADP", "NUM", "ADP", "NUM", "NOUN"]),
     ("range-noun", 5)),
    # "killed between 40 and 60"
    (ranged(["killed", "between", "40", "and", "60"], [0, 0, 1, 2, 2], ["ROOT", "prep", "pobj", "cc", "conj"],
            ["VERB", "ADP", "NUM", "CCONJ", "NUM"]), ("range-number", 2)),
])
def test_a_range_read_as_a_prepositional_phrase(d: Doc, found: tuple[str, int]) -> None:
    assert found in range_cues(d)


@pytest.mark.parametrize("d", [
    # "died between the two villages" (no number)
    ranged(["died", "between", "the", "two", "villages"], [0, 0, 4, 4, 1], ["ROOT", "prep", "det", "nummod", "pobj"],
           ["VERB", "ADP", "DET", "NOUN", "NOUN"]),
    # "killed near 40 soldiers" (not a range)
    ranged(["killed", "near", "40", "soldiers"], [0, 0, 3, 1], ["ROOT", "prep", "nummod", "pobj"],
           ["VERB", "ADP", "NUM", "NOUN"]),
])
def test_no_range(d: Doc) -> None:
    assert not range_cues(d)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "outcome"), [
    ("Troops killed between 40 and 60 rebels.", "killed"),
    ("The raid wounded between 12 and 20 guards.", "injured"),
    ("Militants abducted between 30 and 50 pupils.", "captured"),
])
def test_a_range_takes_the_verb_it_is_the_object_of(text: str, outcome: str) -> None:
    from counterclaim import extract_text

    assert [f.outcome for f in extract_text(text).figures] == [outcome]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Some 40 percent of the wounded were children.", []),  # a proportion (fraction_words)
    ("Nearly 30 per cent of the dead were women.", []),
    ("In 1999 the attack killed 12 people.", ["12 people"]),  # a year, not followed by a count word
    ("Some 2000 people were killed.", ["Some 2000 people"]),  # a year-like number before "people" (year_count_words)
    ("Some 1999 civilians were killed in 2004.", ["Some 1999 civilians"]),
    ("Nine hikers were killed.", ["Nine hikers"]),  # a noun for people by its ending (people_endings)
    ("Twelve Marovians were killed.", ["Twelve Marovians"]),
])
def test_the_number_filters_read_their_word_lists(text: str, expected: list[str]) -> None:
    from counterclaim import extract_text

    assert [f.text for f in extract_text(text).figures] == expected
