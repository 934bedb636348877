"""The cues of a figure's kind read their word lists from data files (lexicons/data/kind_*): every
term of each file is matched by its cue on an invented sentence, and a word the file does not list
is not. No spaCy model needed."""

from __future__ import annotations

import pytest

from counterclaim import lexicons
from counterclaim.analysis import kinds
from counterclaim.analysis.kinds import classify, classify_all, figure_place, nested_pairs, refuge_keys
from counterclaim.analysis.places import PlaceMention, place_key
from counterclaim.records import Count, Figure

KIND_FILES = ["kind_alone_place_nouns.txt", "kind_area_nouns.txt", "kind_body_words.tsv", "kind_compass_words.txt",
              "kind_during_nouns.txt", "kind_end_of_nouns.txt", "kind_locative_nouns.txt",
              "kind_one_place_words.txt", "kind_refuge_verbs.tsv", "kind_register_words.txt",
              "kind_reported_at_words.tsv", "kind_since_words.tsv", "kind_street_words.txt", "kind_war_nouns.txt",
              "kind_witness_words.tsv"]


def _terms(name: str, value: str | None = None) -> list[str]:
    if name.endswith(".tsv"):
        return sorted(t for t, v in lexicons.mapping(name).items() if value is None or v == value)
    return sorted(lexicons.words(name))


def _figure(text: str, words: str, *, fid: str = "f1", outcome: str = "killed", after: int = 0) -> Figure:
    start = text.index(words, after)
    return Figure(id=fid, span=(start, start + len(words)), text=words, outcome=outcome,
                  count=Count(None, None, None, "exact"), sentence=(0, len(text)))


def _kind(text: str, words: str, *, outcome: str = "killed") -> tuple[str | None, str]:
    return classify(_figure(text, words, outcome=outcome), text)


def _mentions(text: str, *names: str) -> list[PlaceMention]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(PlaceMention(name, place_key(name), start, start + len(name), "place"))
    return sorted(out, key=lambda m: m.start)


def test_the_kind_files_are_listed_and_load() -> None:
    assert set(KIND_FILES) <= set(lexicons.names())
    for name in KIND_FILES:
        assert _terms(name), name


# -- background ---------------------------------------------------------------------------------

@pytest.mark.parametrize("word", _terms("kind_since_words.tsv"))
def test_since_the_words_of_the_file_make_a_background_toll(word: str) -> None:
    text = f"Some 40 people have died since the {word} of unrest in the valley."
    kind, reason = _kind(text, "Some 40 people")
    assert kind == "background" and f"since the {word}" in reason


@pytest.mark.parametrize(("word", "needs_the"), [(w, v == "the") for w, v in
                                                 sorted(lexicons.mapping("kind_since_words.tsv").items())])
def test_since_without_the_is_background_only_for_the_words_marked_optional(word: str, needs_the: bool) -> None:
    text = f"Some 40 people have died since {word} and still the valley mourns."
    assert _kind(text, "Some 40 people")[0] == ("whole" if needs_the else "background")


@pytest.mark.parametrize(("template", "name"), [
    ("Some 40 people have died since the {w} in the valley.", "kind_since_words.tsv"),
    ("Some 40 people have died during the long {w} in the valley.", "kind_during_nouns.txt"),
    ("By the end of the {w}, some 40 people had died in the valley.", "kind_end_of_nouns.txt"),
    ("The {w}'s toll rose to some 40 people in the valley.", "kind_war_nouns.txt"),
])
def test_each_background_span_reads_its_own_file(template: str, name: str) -> None:
    for word in _terms(name):
        kind, reason = _kind(template.format(w=word), "some 40 people" if "some" in template else "Some 40 people")
        assert kind == "background" and word in reason.lower(), (word, reason)
    # a word none of the files lists
    assert _kind(template.format(w="ceremony"), "some 40 people" if "some" in template else "Some 40 people") \
        == ("whole", "the incident's toll")


def test_the_background_spans_keep_their_own_lists() -> None:
    # "occupation" is a span of a whole war ("during the occupation") but not a start ("since the occupation")
    assert "occupation" in _terms("kind_during_nouns.txt") and "occupation" not in _terms("kind_since_words.tsv")
    assert _kind("Some 40 people have died since the occupation of the valley.", "Some 40 people")[0] == "whole"
    assert _kind("Some 40 people died during the occupation of the valley.", "Some 40 people")[0] == "background"


# -- partial counts -------------------------------------------------------------------------------

@pytest.mark.parametrize("word", _terms("kind_body_words.tsv"))
def test_every_body_word_makes_the_figure_a_count_of_bodies(word: str) -> None:
    text = f"Rescuers pulled 12 {word} from the river on Sunday."
    assert _kind(text, f"12 {word}") == ("partial", f"bodies seen or recovered: {word!r}")


@pytest.mark.parametrize(("word", "before"), sorted(lexicons.mapping("kind_body_words.tsv").items()))
def test_only_the_body_words_marked_own_and_of_count_right_before_the_figure(word: str, before: str) -> None:
    text = f"Rescuers found the {word} of 12 people in the river."
    assert _kind(text, "12 people")[0] == ("partial" if before == "own_and_of" else "whole")


def test_a_word_absent_from_the_body_file_is_no_body() -> None:
    assert "coffins" not in _terms("kind_body_words.tsv")
    assert _kind("Rescuers carried 12 coffins from the river.", "12 coffins")[0] == "whole"
    assert _kind("Rescuers found the coffins of 12 people in the river.", "12 people")[0] == "whole"


@pytest.mark.parametrize("word", _terms("kind_one_place_words.txt"))
def test_every_one_place_word_makes_a_partial_count(word: str) -> None:
    text = f"Volunteers said 20 people were counted at the {word} on Monday."
    assert _kind(text, "20 people") == ("partial", f"one place only: {word!r}")


def test_a_word_absent_from_the_one_place_file_counts_no_one_place() -> None:
    assert _kind("Volunteers said 20 people were counted at the stadium on Monday.", "20 people")[0] == "whole"


@pytest.mark.parametrize("word", _terms("kind_alone_place_nouns.txt"))
def test_in_the_place_of_x_alone_reads_the_kinds_of_place_of_the_file(word: str) -> None:
    text = f"In the {word} of Hilltown alone, 30 people died on Monday."
    assert _kind(text, "30 people") == ("partial", f"one place only: 'In the {word} of Hilltown alone'")


def test_a_kind_of_place_absent_from_the_file_names_no_one_place() -> None:
    assert _kind("In the valley of Hilltown alone, 30 people died on Monday.", "30 people")[0] == "whole"


@pytest.mark.parametrize("word", _terms("kind_register_words.txt"))
def test_every_register_word_right_after_the_figure_makes_a_partial_count(word: str) -> None:
    text = f"By Monday 20 people had been {word} by the clinic."
    assert _kind(text, "20 people") == ("partial", f"only those on one register: {word!r}")


def test_a_word_absent_from_the_register_file_is_no_register() -> None:
    assert _kind("By Monday 20 people had been treated by the clinic.", "20 people")[0] == "whole"


@pytest.mark.parametrize("subject", _terms("kind_witness_words.tsv", "subject"))
def test_every_witness_subject_makes_a_count_of_the_killed_partial(subject: str) -> None:
    text = f"On the road {subject} saw 20 dead near the bridge."
    assert _kind(text, "20 dead") == ("partial", f"what one witness counted: '{subject} saw'")


@pytest.mark.parametrize("verb", _terms("kind_witness_words.tsv", "verb"))
def test_every_witness_verb_makes_a_count_of_the_killed_partial(verb: str) -> None:
    text = f"On the road reporters later {verb} 20 dead near the bridge."
    assert _kind(text, "20 dead") == ("partial", f"what one witness counted: 'reporters later {verb}'")


def test_a_witness_or_verb_absent_from_the_file_counts_nothing() -> None:
    assert _kind("On the road neighbours saw 20 dead near the bridge.", "20 dead")[0] == "whole"
    assert _kind("On the road reporters heard of 20 dead near the bridge.", "20 dead")[0] == "whole"


@pytest.mark.parametrize("word", _terms("kind_locative_nouns.txt"))
def test_figures_each_placed_by_a_locative_noun_of_the_file_count_one_place_each(word: str) -> None:
    text = f"That night 12 people died by the {word} and 9 people near the {word} further on."
    figures = [_figure(text, "12 people", fid="f1"), _figure(text, "9 people", fid="f2")]
    assert [(f.kind, f.kind_reason) for f in classify_all(figures, text)] == \
        [("partial", "one of several places counted in one sentence")] * 2


def test_figures_placed_by_a_noun_absent_from_the_locative_file_stay_whole() -> None:
    text = "That night 12 people died by the wall and 9 people near the wall further on."
    figures = [_figure(text, "12 people", fid="f1"), _figure(text, "9 people", fid="f2")]
    assert [f.kind for f in classify_all(figures, text)] == ["whole", "whole"]


# -- counts at another place ------------------------------------------------------------------------

@pytest.mark.parametrize("word", _terms("kind_area_nouns.txt"))
def test_an_area_noun_of_the_file_may_come_between_the_preposition_and_the_place(word: str) -> None:
    text = f"Eight police officers died on Sunday in the northern {word} of Kestel."
    placed = figure_place(_figure(text, "Eight police officers"), text, _mentions(text, "Kestel"), (0, len(text)))
    assert placed is not None and placed[1] == f"in the northern {word} of Kestel"


def test_a_noun_absent_from_the_area_file_does_not_place_the_figure() -> None:
    text = "Eight police officers died on Sunday in the northern valley of Kestel."
    assert figure_place(_figure(text, "Eight police officers"), text, _mentions(text, "Kestel"), (0, len(text))) is None


@pytest.mark.parametrize(("word", "takes_object"), [(w, v == "object") for w, v in
                                                    sorted(lexicons.mapping("kind_reported_at_words.tsv").items())])
def test_where_a_speaker_was_is_not_where_the_figure_was_counted(word: str, takes_object: bool) -> None:
    between = " reporters" if takes_object else ""  # "told reporters in X": one word may come between
    text = f"Later the {word}{between} in Westford put the toll at 48 people."
    assert figure_place(_figure(text, "48 people"), text, _mentions(text, "Westford"), (0, len(text))) is None
    text = f"Later the {word} reporters crowds in Westford put the toll at 48 people."  # two words: too far
    assert figure_place(_figure(text, "48 people"), text, _mentions(text, "Westford"), (0, len(text))) is not None


def test_a_word_absent_from_the_reported_at_file_leaves_the_figure_placed() -> None:
    text = "Later the crowds in Westford put the toll at 48 people."
    placed = figure_place(_figure(text, "48 people"), text, _mentions(text, "Westford"), (0, len(text)))
    assert placed is not None and placed[0].name == "Westford"


@pytest.mark.parametrize(("phrase", "prepositions"), sorted(lexicons.mapping("kind_refuge_verbs.tsv").items()))
def test_every_refuge_phrase_with_its_prepositions_names_a_refuge(phrase: str, prepositions: str) -> None:
    for preposition in prepositions.split():
        text = f"Hundreds of families {phrase} {preposition} the town of Westford on foot."
        assert refuge_keys(text, _mentions(text, "Westford")) == {place_key("Westford")}, (phrase, preposition)
    for preposition in {"in", "to", "towards"} - set(prepositions.split()):
        text = f"Hundreds of families {phrase} {preposition} Westford on foot."
        assert refuge_keys(text, _mentions(text, "Westford")) == set(), (phrase, preposition)


def test_a_verb_absent_from_the_refuge_file_names_no_refuge() -> None:
    text = "Hundreds of families travelled to Westford on foot."
    assert refuge_keys(text, _mentions(text, "Westford")) == set()


@pytest.mark.parametrize("word", _terms("kind_street_words.txt"))
def test_the_city_does_not_refer_back_to_a_street_or_building_of_the_file(word: str) -> None:
    street = f"Harbour {word.title()}"
    text = f"Troops entered Hilltown at dawn. Crowds gathered at {street}. Shells fell on the city, killing three."
    figure = _figure(text, "three")
    placed = figure_place(figure, text, _mentions(text, "Hilltown", street), (text.index("Shells"), len(text)))
    assert placed is not None and placed[0].name == "Hilltown"


def test_the_city_refers_back_to_a_place_whose_last_word_is_absent_from_the_street_file() -> None:
    text = ("Troops entered Hilltown at dawn. Crowds gathered at Harbour Heights. Shells fell on the city, "
            "killing three.")
    placed = figure_place(_figure(text, "three"), text, _mentions(text, "Hilltown", "Harbour Heights"),
                          (text.index("Shells"), len(text)))
    assert placed is not None and placed[0].name == "Harbour Heights"


@pytest.mark.parametrize("word", _terms("kind_compass_words.txt"))
def test_a_compass_word_of_the_file_puts_a_place_beside_another_not_in_it(word: str) -> None:
    for written in (word, f"{word}ern"):
        text = f"Hilltown in {written} of Eastvale was shelled."
        assert nested_pairs(text, _mentions(text, "Hilltown", "Eastvale")) == [], written


def test_a_word_absent_from_the_compass_file_puts_the_place_in_the_other() -> None:
    text = "Hilltown in uplands of Eastvale was shelled."
    assert nested_pairs(text, _mentions(text, "Hilltown", "Eastvale")) == [(place_key("Hilltown"),
                                                                            place_key("Eastvale"))]


# -- how the alternations are built -----------------------------------------------------------------

def test_alternatives_escape_terms_put_the_longest_first_and_refuse_an_empty_list() -> None:
    assert kinds._alternatives(["st.", "made their way", "st"]) == r"made\s+their\s+way|st\.|st"
    with pytest.raises(lexicons.LexiconError):
        kinds._alternatives([])


@pytest.mark.parametrize(("text", "words", "kind"), [
    # "the number/total of ... killed in" a war or a named country is a background toll ...
    ("The number of soldiers killed in Varnia rose to 412 this week.", "412", "background"),
    ("The total of troops killed in the war reached 1,270.", "1,270", "background"),
    # ... but not a number of people killed in an event written in lower case
    ("The number of guests killed in the blast rose to 12 on Monday.", "12", "whole"),
    ("The total of people killed in the stampede reached 31.", "31", "whole"),
])
def test_a_count_killed_in_a_named_place_or_war_is_background_but_not_in_an_event(text: str, words: str,
                                                                                   kind: str) -> None:
    assert _kind(text, words)[0] == kind
