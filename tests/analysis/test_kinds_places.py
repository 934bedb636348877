"""A whole toll counted at another town than the incident's is a partial count (issue 11: the ledger
compares like with like). Invented sentences in varied wording, with negatives: a count in the
incident's own town, "the town" referring back to it, a region the text puts the town in, where a
speaker spoke, and the lead's toll under a dateline of another city.

The first tests read places with the lexical finder (no model); the last ones run the whole chain
the ledger runs (trained pipeline, NER places, incidents, final kinds)."""

from __future__ import annotations

import pytest

from counterclaim.analysis.kinds import figure_place, located_elsewhere, nested, nested_pairs, refuge_keys
from counterclaim.analysis.places import lexical_places, place_key
from counterclaim.records import Count, Figure


def _figure(text: str, words: str, sentence: str) -> Figure:
    start = text.index(words)
    s0 = text.index(sentence)
    return Figure(id="f1", span=(start, start + len(words)), text=words, outcome="killed",
                  count=Count(None, None, None, "exact"), sentence=(s0, s0 + len(sentence)), kind="whole")


def _decide(text: str, words: str, sentence: str, incident: str) -> tuple[str, str] | None:
    places = lexical_places(text)
    figure = _figure(text, words, sentence)
    return located_elsewhere(figure, text, places, figure.sentence or (0, len(text)), {place_key(incident)},
                             refuge_keys(text, places))


@pytest.mark.parametrize(("text", "words", "sentence", "where"), [
    # a settlement described, referring back to the town named last (sentences before)
    ("Gunmen raided a market in Hilltown. The mayor later toured the town of Westford. At dawn a mortar "
     "landed in the town, killing two people.", "two people", "At dawn a mortar landed in the town, killing two "
     "people.", "Westford"),
    # named after a locative preposition, through "the city of"
    ("Gunmen raided a market in Hilltown. A week earlier a car bomb near the city of Easton killed five soldiers.",
     "five soldiers", "A week earlier a car bomb near the city of Easton killed five soldiers.", "Easton"),
    # a province, after the figure
    ("Gunmen raided a market in Hilltown. Eight police officers died on Sunday in the northern province of Kestel.",
     "Eight police officers", "Eight police officers died on Sunday in the northern province of Kestel.",
     "Kestel"),
])
def test_a_toll_counted_at_another_town_is_a_partial_count(text: str, words: str, sentence: str,
                                                           where: str) -> None:
    assert "Hilltown" in {m.name for m in lexical_places(text)}
    decided = _decide(text, words, sentence, "Hilltown")
    assert decided is not None and decided[0] == "partial" and where in decided[1]


@pytest.mark.parametrize(("text", "words", "sentence"), [
    # the incident's own town, named
    ("Gunmen raided a market in Hilltown. In Hilltown, relatives said at least 45 people had died.",
     "at least 45 people", "In Hilltown, relatives said at least 45 people had died."),
    # "the town" refers back to the incident's own town
    ("Gunmen raided a farm near Westford on Monday. Rescuers reached the town of Hilltown by noon. By evening "
     "52 people had died in the town.", "52 people", "By evening 52 people had died in the town."),
    # where the speaker was is not where the figure was counted
    ("Gunmen raided a market in Hilltown. Speaking in Westford, the minister said 48 people had been killed.",
     "48 people", "Speaking in Westford, the minister said 48 people had been killed."),
    # "from" and "to" say where people came from or went, not where they were counted
    ("Gunmen raided a market in Hilltown. Some 300 people from Westford were reported missing.", "Some 300 people",
     "Some 300 people from Westford were reported missing."),
    # a town too far back: "the town" resolves to nothing
    ("Gunmen raided a market in Hilltown. The mayor toured the town of Westford. Roads were cut. Power failed. "
     "Rain fell. Nine people died in the town.", "Nine people", "Nine people died in the town."),
])
def test_a_toll_at_the_incident_s_own_town_or_not_placed_stays_whole(text: str, words: str,
                                                                    sentence: str) -> None:
    assert _decide(text, words, sentence, "Hilltown") is None


def test_the_city_resolves_to_the_town_named_last() -> None:
    text = ("Troops entered the town of Hilltown. Families later sought refuge in Westford. Shells fell on the "
            "city, killing three.")
    places = lexical_places(text)
    figure = _figure(text, "three", "Shells fell on the city, killing three.")
    place, words = figure_place(figure, text, places, figure.sentence or (0, 0)) or (None, "")
    assert place is not None and place.name == "Westford" and words == "on the city (Westford)"
    assert refuge_keys(text, places) == {place_key("Westford")}


def test_the_city_never_refers_back_to_a_street() -> None:
    text = "Gunmen attacked the town of Westford. A second bomb went off in Mill Road. Nine died in the city."
    places = lexical_places(text)
    assert "Mill Road" in {m.name for m in places}
    figure = _figure(text, "Nine", "Nine died in the city.")
    located = figure_place(figure, text, places, figure.sentence or (0, 0))
    assert located is not None and located[0].name == "Westford"


def test_a_place_the_text_puts_the_town_in_is_no_other_place() -> None:
    text = ("Gunmen raided the town of Hilltown in the east of Northland province. Later 50 people died in "
            "Northland province.")
    places = lexical_places(text)
    assert nested(place_key("Northland"), place_key("Hilltown"), nested_pairs(text, places))
    assert _decide(text, "50 people", "Later 50 people died in Northland province.", "Hilltown") is None
    beside = ("Gunmen raided the town of Hilltown, west of Northland province. Later 50 people died in "
              "Northland province.")
    assert not nested(place_key("Northland"), place_key("Hilltown"), nested_pairs(beside, lexical_places(beside)))


# -- the whole chain the ledger runs (trained pipeline) ---------------------------------------------

def _kinds(text: str) -> dict[str, tuple[str | None, str | None]]:
    from counterclaim import extract_text
    from counterclaim.analysis.incidents import final_kinds, find_incidents
    from counterclaim.ledger.ingest import find_places

    result = extract_text(text)
    result = final_kinds(result, find_incidents(result, find_places(text)))
    return {" ".join(f.text.split()): (f.kind, f.kind_reason) for f in result.figures}


@pytest.mark.slow
def test_a_strike_on_the_town_people_fled_to_is_no_whole_toll() -> None:
    kinds = _kinds("Soldiers attacked a village in the hills on Saturday, killing at least 60 people, survivors "
                   "said.\n\nHundreds of families arrived in Port Amber on foot. On Friday night shells fell on "
                   "the town, killing three people.\n")
    assert kinds["at least 60 people"][0] == "whole"
    kind, reason = kinds["three people"]
    assert kind == "partial" and "fled to" in (reason or "")


@pytest.mark.slow
def test_another_town_s_toll_is_partial_and_the_incident_s_stays_whole() -> None:
    kinds = _kinds("Militiamen killed 40 villagers in the town of Hilltown on Monday, the provincial governor "
                   "said.\n\nThe governor spoke after touring the nearby town of Westford. Later that night a "
                   "mortar landed in the town, killing two people, police said. Rescuers reached Hilltown by "
                   "noon, and by evening 52 people had died in the town, officials said. A car bomb killed six "
                   "guards outside a ministry in the capital, Easton, on Sunday.\n")
    assert kinds["40 villagers"][0] == "whole" and kinds["52 people"][0] == "whole"
    assert kinds["two people"][0] == "partial" and "Westford" in (kinds["two people"][1] or "")
    assert kinds["six guards"][0] == "partial" and "the capital, Easton" in (kinds["six guards"][1] or "")


@pytest.mark.slow
def test_the_lead_s_toll_stays_whole_under_a_dateline_of_another_city() -> None:
    kinds = _kinds("WESTFORD, May 3 - Gunmen killed 30 people in the village of Dolen, police said.\n\n"
                   "Officials in Westford said the toll in Dolen later rose to 34 people.\n")
    assert kinds["30 people"][0] == "whole" and kinds["34 people"][0] == "whole"


def test_the_place_rule_stays_linear_on_a_long_text() -> None:
    import time

    from counterclaim.analysis.kinds import every_mention

    def run(n: int) -> float:
        text = "".join(f"Gunmen killed 12 people in the town of Hill{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}. "
                       f"Later 5 died in the city, near the village of West{chr(65 + i % 26)}. " for i in range(n))
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            places = every_mention(text, lexical_places(text))
            for number in ("12 people", "5 died"):
                at = -1
                while (at := text.find(number, at + 1)) >= 0:
                    figure = Figure(id="f", span=(at, at + len(number)), text=number, outcome="killed",
                                    count=Count(None, None, None, "exact"), kind="whole")
                    figure_place(figure, text, places, (text.rfind(". ", 0, at) + 2, text.find(". ", at) + 1))
            best = min(best, time.process_time() - start)
        return best

    small, big = run(1500), run(3000)
    assert big / max(small, 0.01) <= 3.0, (small, big)
