"""Who claims each figure (ANNOTATION.md attribution rules), on invented sentences."""

from __future__ import annotations

import pytest

from counterclaim import extract_text
from counterclaim.attribute.source_types import source_type

pytestmark = pytest.mark.slow


def sources(text: str) -> list[tuple[int | None, str | None, str | None, bool]]:
    return [(f.count.value, f.source.name if f.source else None, f.source.type if f.source else None, f.hedged)
            for f in extract_text(text).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the Ministry of Health, 48 people were killed in Dorvan.",
         [(48, "the Ministry of Health", "government", False)]),
        ("At least 30 people died in the fire, police said.", [(30, "police", "government", False)]),
        ("The Red Cross said 120 people were missing.", [(120, "The Red Cross", "intergovernmental", False)]),
        ("Human Rights Watch counted at least 75 civilian deaths.",
         [(75, "Human Rights Watch", "ngo", False)]),
        ("Officials said 14 soldiers were wounded.", [(14, "Officials", "unspecified", False)]),
        ("Some 40 people were reportedly killed in the raid.", [(40, None, None, True)]),
        ("Twelve villagers were killed in the raid.", [(12, None, None, False)]),
        ("Health officials put the number of dead at 45.", [(45, "Health officials", "medical", False)]),
        ("Xinhua quoted officials as saying 12 miners had died.", [(12, "officials", "unspecified", False)]),
        ("Officials fear the toll could exceed 1,000.", [(1000, "Officials", "unspecified", False)]),
        ("The ministry's figure of 300 dead is disputed.", [(300, "The ministry", "government", False)]),
        ("Unrest has claimed some 2,400 lives in three years.", [(2400, None, None, False)]),
        ("Up to 90 people were feared dead and 400 left homeless by the quake, authorities said.",
         [(90, "authorities", "unspecified", False), (400, "authorities", "unspecified", False)]),
        ("The rebels claimed they had killed 60 soldiers.", [(60, "The rebels", "armed_group", True)]),
    ],
)
def test_claimant(text, expected):
    assert sources(text) == expected


def test_sentence_initial_attribution_covers_the_whole_sentence():
    got = sources("According to the governor, 31 people died and 70 were injured while 9 remain missing.")
    assert [s[1] for s in got] == ["the governor"] * 3


def test_attribution_does_not_carry_into_the_next_sentence():
    got = sources("The army said 20 insurgents were killed. Another 5 civilians died in the crossfire.")
    assert got[0][1] == "The army" and got[1][1] is None


def test_pronoun_resolves_to_the_last_claimant_of_the_same_kind():
    text = ("The Bureau of Information said a bomb exploded at the depot. "
            "Eight guards were seriously wounded and 15 suffered slight injuries, it said.")
    assert [s[1] for s in sources(text)] == ["The Bureau of Information"] * 2


def test_person_pronoun_resolves_to_the_named_person():
    text = "Mayor Lena Ostrova visited the hospital. She said 27 patients were wounded."
    assert sources(text)[0][1] == "Lena Ostrova"


def test_adding_that_takes_the_subject_of_the_reporting_verb():
    text = "Dravia said its forces attacked overnight, adding that 200 enemy soldiers were killed."
    assert sources(text)[0][1] == "Dravia"


def test_relative_clause_speaker_is_its_antecedent():
    got = sources("The ministry counts 300 dead, a figure rejected by the opposition, which says 1,000 died.")
    assert got[-1][1] == "the opposition"


def test_own_reporting_verb_beats_a_sentence_level_according_to():
    got = sources("At least 80 people died in May, according to a police tally, although the army said 35 soldiers "
                  "died.")
    assert [g[1] for g in got] == ["a police tally", "the army"]


def test_each_clause_keeps_its_own_subject():
    text = "Norland has reported 900 dead, while Estmark suffered 400 deaths."
    assert [s[1] for s in sources(text)] == ["Norland", None]


def test_explicit_continuation_in_the_next_sentence():
    text = ("About 300 people died in the siege. The figure is drawn from hospital records and "
            "local officials.")
    assert sources(text)[0][1] == "hospital records and local officials"


def test_passive_quoted_by():
    text = "This figure of nearly 90 dead is quoted as official by Ana Morel, the ministry spokeswoman."
    assert sources(text)[0][1] == "Ana Morel"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Azerbaijan’s Government", "government"),
        ("the U.S. military", "military"),
        ("Taliban spokesman", "armed_group"),
        ("two medical officials", "medical"),
        ("The Times of India", "media"),
        ("survivors", "witness"),
        ("officials", "unspecified"),
        ("UNICEF", "intergovernmental"),
        ("Amnesty International", "ngo"),
    ],
)
def test_source_types(name, kind):
    assert source_type(name) == kind


def test_closing_reporting_clause_covers_the_sentence_even_when_parsed_as_a_conjunct():
    text = ("Armed men stopped a bus on the pass road late on Saturday and abducted 19 passengers, among them "
            "6 women, police in Dorva province said on Sunday.")
    assert [s[1] for s in sources(text)] == ["police in Dorva province"] * 2


def test_a_speech_verb_inside_the_sentence_is_not_a_closing_attribution():
    assert sources("The bomb killed 12 people as the minister said the city was safe.") == [(12, None, None, False)]


def test_it_resolves_to_a_named_body_even_when_tagged_as_a_person():
    text = ("The ministry denied the report. The monitoring group Border Watch gave lower figures. "
            "It said at least 32 combatants were killed.")
    assert sources(text)[0][1] == "Border Watch"


def test_numbers_are_not_the_subject_of_said():
    text = "Seventy-six of the survivors were injured, nine of them seriously, the health department said."
    assert [s[1] for s in sources(text)] == ["the health department"] * 2


@pytest.mark.parametrize(("text", "expected"), [
    # a body named as the subject of a reporting verb, with no figure of its own, is what "it" names
    ("The Red Crescent reported heavy shelling overnight. It said 14 bodies were recovered.", "The Red Crescent"),
    ("The interior ministry announced a curfew on Monday. It added that 23 people had been wounded.",
     "The interior ministry"),
    ("Amnesty International published a report on the camps. It estimated that 300 detainees had died.",
     "Amnesty International"),
])
def test_it_names_the_body_that_reported_before_it(text: str, expected: str) -> None:
    assert sources(text)[0][1] == expected


def test_it_never_names_a_person_and_he_never_names_a_body() -> None:
    text = ("Police chief Tomas Brell spoke to reporters. The Red Crescent said the roads were cut. "
            "It said 40 people were injured, and he said 12 people were missing.")
    assert [s[1] for s in sources(text)] == ["The Red Crescent", "Tomas Brell"]
