"""General classes of figures, stances, sources and speakers (issue 10), each with invented
sentences in varied wording and at least one negative. Run on the trained pipeline."""

from __future__ import annotations

import pytest

from counterclaim import extract_text

pytestmark = pytest.mark.slow


def figures(text: str) -> list[tuple[str, int | None, str]]:
    return [(f.outcome, f.count.value, f.count.qualifier) for f in extract_text(text).figures]


@pytest.mark.parametrize(("text", "expected"), [
    # any human noun carries a figure, perpetrators included (lexicons/data/person_nouns.txt)
    ("Three judges were killed in the attack.", [("killed", 3, "exact")]),
    ("One sailor died when the trawler sank.", [("killed", 1, "exact")]),
    ("Two pilots and five engineers were killed.", [("killed", 2, "exact"), ("killed", 5, "exact")]),
    ("Eleven athletes were taken hostage.", [("captured", 11, "exact")]),
    ("Six bandits were killed by troops.", [("killed", 6, "exact")]),
    ("Three buildings were destroyed in the attack.", []),
    # headline grammar and tolls
    ("Death toll in floods climbs to 31", [("killed", 31, "exact")]),
    ("Quake: 300+ dead", [("killed", 300, "more_than")]),
    ("Injuries rose to 140 on Sunday.", [("injured", 140, "exact")]),
    ("The index climbed to 31 points.", []),
    # executions
    ("The country carried out 54 executions last year.", [("killed", 54, "exact")]),
    ("Officials recorded 212 executions in the province.", [("killed", 212, "exact")]),
    ("At least 19 executions were reported in May.", [("killed", 19, "at_least")]),
    # number forms
    ("Half a million people were displaced.", [("displaced", 500_000, "exact")]),
    ("The death toll rose from twelve to 27.", [("killed", 12, "exact"), ("killed", 27, "exact")]),
    ("The number of injured climbed from 8 to 15 overnight.", [("injured", 8, "exact"), ("injured", 15, "exact")]),
    ("Between 10 and 20 people were hurt.", [("injured", None, "range")]),
    ("New finds pushed the confirmed death toll from 14 to 31.", [("killed", 14, "exact"), ("killed", 31, "exact")]),
    # ellipsis after "as": the main clause's outcome
    ("Ninety civilians were wounded, as were 17 soldiers.", [("injured", 90, "exact"), ("injured", 17, "exact")]),
    ("Forty villagers were abducted, as were six teachers.", [("captured", 40, "exact"), ("captured", 6, "exact")]),
    # survivors and the rescued are no figures
    ("At least 17 people died and 35 were rescued.", [("killed", 17, "at_least")]),
    ("Twelve miners survived the collapse.", []),
    # leaving and displacement verbs
    ("About 40,000 inhabitants left the town after the shelling.", [("displaced", 40_000, "approx")]),
    ("Thousands were forced out of the district.", [("displaced", None, "vague")]),
    ("Over 2,000 residents abandoned their homes.", [("displaced", 2000, "more_than")]),
    ("Twelve delegates left the meeting early.", []),
    # nominalisations and bodies
    ("The strike led to the injuring of hundreds more.", [("injured", None, "vague")]),
    ("Witnesses described the killing of 12 villagers.", [("killed", 12, "exact")]),
    ("We counted the bodies of six men and two infants.", [("killed", 6, "exact"), ("killed", 2, "exact")]),
])
def test_figure_classes(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Injuries rose to 140, with 41 in Northville, 22 in Southville and nine in the capital.",
    "The toll reached 60, including 35 in the port and 25 in the hills.",
    "Officials counted 50 dead: 30 in the market and 20 at the station.",
])
def test_breakdowns_are_parts_of_their_total(text):
    found = extract_text(text).figures
    total, parts = found[0], found[1:]
    assert len(parts) >= 2
    assert all(p.part_of == total.id and p.outcome == total.outcome for p in parts)


@pytest.mark.parametrize("text", [
    "The report listed 21 injured people in Northville, 36 in Southville and seven in the capital.",
    "Medics treated 14 wounded civilians in the market, 9 at the station and 3 near the bridge.",
])
def test_a_list_of_places_continues_the_figure_it_starts_with(text):
    found = extract_text(text).figures
    assert len(found) == 3 and len({f.outcome for f in found}) == 1


def test_a_list_without_a_total_links_nothing():
    found = extract_text("In 2019, 41 people died in Northville and 22 in Southville.").figures
    assert all(f.part_of is None for f in found)


@pytest.mark.parametrize(("text", "stance"), [
    ("The government denied that its forces had killed 1,000 people.", "denied"),
    ("The army issued denials that its troops had shot 40 protesters.", "denied"),
    ("Officials dismissed reports that 300 people had died.", "rejected"),
    ("The militia claimed to have killed four soldiers.", "hedged"),
    ("Some 40 people were reportedly killed.", "hedged"),
    ("At least 12 people were killed, police said.", "asserted"),
])
def test_stance(text, stance):
    f = extract_text(text).figures[0]
    assert f.stance == stance
    assert f.hedged is (stance != "asserted")  # a denied or rejected figure never looks asserted


@pytest.mark.parametrize(("text", "source"), [
    ("MARLOW (Wire) -- Police said 9 people died in the blast.", "Police"),
    ("Figures printed in the Gazette showed 70 dead.", "Gazette"),
    ("A storm hit the coast at dawn, killing 41 people, the agency said, as crews searched the ruins.", "the agency"),
    ("We found the bodies of eight soldiers.", None),
    # "by X" frames claim what follows them; an inverted ", reported X," claims its sentence
    ("After the storm, by early reports, at least 30 people were injured.", "early reports"),
    ("By one count, 40 people died in the clashes.", "one count"),
    ("The toll rose to 22 on Monday, reported officials, with 25 others injured.", "officials"),
    # a body that sets a toll claims it
    ("The disaster council increased the previous death toll to six.", "The disaster council"),
    ("The health ministry revised the toll to 43 on Sunday.", "The health ministry"),
    ("Aftershocks increased the death toll to six on Wednesday.", None),
])
def test_sources(text, source):
    f = extract_text(text).figures[0]
    name = f.source.name if f.source else None
    if source is None:
        assert name is None
    else:
        assert name is not None and source.lower() in name.lower()


@pytest.mark.parametrize(("text", "source"), [
    ("Mrs. Ada Quill met Mr. Bo Lint on Monday. She said 12 people had died.", "Ada Quill"),
    ("Mr. Bo Lint met Mrs. Ada Quill on Monday. He said 12 people had died.", "Bo Lint"),
    ("Lena Ostrow toured the camp. She said 300 people had fled.", "Lena Ostrow"),
])
def test_a_figures_pronoun_claimant_is_resolved_by_the_attribution_model(text, source):
    f = extract_text(text).figures[0]
    assert f.source is not None and f.source.name == source


def test_a_by_frame_claims_only_what_follows_it():
    first = extract_text("The storm left five dead and, by early reports, at least 30 injured.").figures[0]
    assert first.source is None


def test_a_wire_dateline_is_never_a_source():
    for text in ("TOWNSVILLE, March 5 - Officials said 12 people were killed.",
                 "BRAVO CITY, 1 SEP 88 (Agency) -- Officials said 3 people were killed."):
        f = extract_text(text).figures[0]
        assert f.source is not None and f.source.name.lower() == "officials"
    f = extract_text("TOWNSVILLE, March 5 - Officials of the local administration said 12 people were killed."
                     ).figures[0]
    assert f.source is None or "townsville" not in f.source.name.lower()


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extract_text(text).quotes]


@pytest.mark.parametrize(("text", "expected"), [
    # the pronoun's gender and the last person who spoke, not the person talked about
    ("Ellis said Warren had changed. “She listens now,” he said.", ["Ellis"]),
    ("Lena Ostrow met Mr. Tom Berg. “We agreed on the plan,” she said.", ["Lena Ostrow"]),
    ("Mrs. Ada Quill criticised Mr. Bo Lint. “He never listens,” she said.", ["Ada Quill"]),
    ("Mr. Bo Lint praised Mrs. Ada Quill. “She works hard,” he said.", ["Bo Lint"]),
    # quotation marks typed as two apostrophes (wire and newspaper copy)
    ("''We will rebuild,'' Mr. Lund said. ''It will take years.''", ["Lund", "Lund"]),
])
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_doubled_apostrophes_are_not_quotes_inside_words():
    assert extract_text("The rock 'n' roll band played.").quotes == ()


@pytest.mark.parametrize("digits", [309, 400, 5000])
def test_a_number_of_hundreds_of_digits_is_no_figure_and_no_crash(digits):
    found = extract_text("1" * digits + " people were killed, and 12 more were hurt.").figures
    assert [(f.outcome, f.count.value) for f in found] == [("injured", 12)]
