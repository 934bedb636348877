"""Figures, outcomes, qualifiers, groups and subsets on invented sentences (needs the model)."""

from __future__ import annotations

import pytest

from counterclaim import extract_text

pytestmark = pytest.mark.slow


def figures(text: str) -> list[tuple]:
    result = extract_text(text)
    return [(f.text, f.outcome, f.count.value, f.count.qualifier) for f in result.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants killed 42 villagers in Tarvo on Monday.", [("42 villagers", "killed", 42, "exact")]),
        ("At least 17 people were wounded in the blast.", [("At least 17 people", "injured", 17, "at_least")]),
        ("Fifty-two passengers were taken hostage by the gunmen.",
         [("Fifty-two passengers", "captured", 52, "exact")]),
        ("More than 300 residents went missing after the flood.",
         [("More than 300 residents", "missing", 300, "more_than")]),
        ("About 8,000 families fled and 12,000 people were displaced.",
         [("12,000 people", "displaced", 12000, "exact")]),
        ("Some 40 climbers froze to death on the pass.", [("Some 40 climbers", "killed", 40, "approx")]),
        ("The death toll rose to 93 on Friday.", [("93", "killed", 93, "exact")]),
        ("The remaining 4 were presumed dead.", [("4", "killed", 4, "exact")]),
        ("The earthquake left 2,500 people homeless.", [("2,500 people", "displaced", 2500, "exact")]),
        ("Rescuers found 14 bodies in the rubble.", [("14 bodies", "killed", 14, "exact")]),
        ("Hundreds of civilians were killed in the shelling.",
         [("Hundreds of civilians", "killed", None, "vague")]),
        ("Between 50 and 70 miners died underground.", [("Between 50 and 70 miners", "killed", None, "range")]),
        ("The storm killed 11 people and injured 40 others.",
         [("11 people", "killed", 11, "exact"), ("40 others", "injured", 40, "exact")]),
        ("Nine soldiers were killed and 23 wounded.",
         [("Nine soldiers", "killed", 9, "exact"), ("23 wounded", "injured", 23, "exact")]),
        ("The bombing left 6 dead and 19 hurt.",
         [("6 dead", "killed", 6, "exact"), ("19 hurt", "injured", 19, "exact")]),
        ("Police arrested 35 protesters outside the ministry.", [("35 protesters", "captured", 35, "exact")]),
        ("Rebels are holding 12 hostages in the forest.", [("12 hostages", "captured", 12, "exact")]),
        ("The blast raised the death toll to 57.", [("57", "killed", 57, "exact")]),
        ("Health officials put the number of dead at 45.", [("45", "killed", 45, "exact")]),
        ("Three journalists were among those detained.", [("Three journalists", "captured", 3, "exact")]),
        ("Gunmen abducted 276 schoolgirls from their dormitory.",
         [("276 schoolgirls", "captured", 276, "exact")]),
        ("The flood displaced 1.2 million people.", [("1.2 million people", "displaced", 1_200_000, "exact")]),
        ("Blast kills 10, injures 20 in the capital",
         [("10", "killed", 10, "exact"), ("20", "injured", 20, "exact")]),
        ("Army troops massacre hundreds of fleeing families.", []),
        ("The storm killed at least 30 people and left 200,000 without power.",
         [("at least 30 people", "killed", 30, "at_least")]),
        ("Soldiers shot and bayoneted more than 40 villagers.",
         [("more than 40 villagers", "killed", 40, "more_than")]),
        ("Nearly 1,000 migrants are feared drowned.", [("Nearly 1,000 migrants", "killed", 1000, "approx")]),
        ("Fighting has forced 30,000 people from their homes.", [("30,000 people", "displaced", 30000, "exact")]),
    ],
)
def test_outcomes(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The town of 6,300 people lies in a valley.",  # population
        "About 160 lightly armed men defended the village.",  # forces
        "The 43-year-old lawyer spoke in 1992.",  # age, year
        "The quake will cost 800 mln dlrs in lost revenue.",  # money
        "Delegates from 24 countries signed 3 documents.",  # counts of countries and documents
        "The convoy travelled 370 miles in two days.",  # distance, time
        "A soldier was killed near the border.",  # bare singular
        "Several others were seriously wounded.",  # indefinite quantifier
        "Five soldiers were sentenced to death on Thursday.",  # a sentence is not an outcome
        "On one island the water killed two-thirds of the population.",  # proportion
        "The survivors said one of three guards escaped.",
        "The Titanic sank in 1912 and 856 people were rescued.",  # survivors are not figures
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_subset_including_inherits_outcome_and_links():
    result = extract_text("In Marlow, 214 civilians including 39 children were killed by the militia.")
    whole, part = result.figures
    assert (whole.text, part.text) == ("214 civilians", "39 children")
    assert part.part_of == whole.id and part.outcome == "killed"
    assert whole.groups == ("civilians",) and part.groups == ("children",)


def test_outcome_given_once_for_a_list():
    result = extract_text("In the raid 61 people were wounded, 300 taken hostage and 40 went missing.")
    assert [(f.count.value, f.outcome) for f in result.figures] == [
        (61, "injured"), (300, "captured"), (40, "missing")]


def test_of_these_breakdown():
    text = ("Officially, 90 people have been certified as dead. Of these 90 people, 31 were women "
            "and 12 were children.")
    figs = extract_text(text).figures
    assert [(f.count.value, f.outcome) for f in figs] == [(90, "killed"), (90, "killed"), (31, "killed"),
                                                          (12, "killed")]
    assert figs[2].part_of == figs[1].id and figs[3].part_of == figs[1].id
    assert figs[2].groups == ("women",) and figs[3].groups == ("children",)


def test_parts_that_add_up():
    text = ("The blast injured 50 guards. Twenty guards were seriously wounded and 30 suffered light "
            "injuries, the ministry said.")
    figs = extract_text(text).figures
    assert [f.count.value for f in figs] == [50, 20, 30]
    assert figs[1].part_of == figs[0].id and figs[2].part_of == figs[0].id


def test_among_the_dead():
    figs = extract_text("The attack killed 25 people. Four police officers were among the dead.").figures
    assert figs[1].part_of == figs[0].id and figs[1].groups == ("police",)


def test_aggregate_then_single_attacks():
    text = ("A wave of bombings across the province on Monday killed 60 people. In the deadliest attack, "
            "at least 21 people were killed in the market. A day later, a separate blast killed 4 people.")
    figs = extract_text(text).figures
    assert [f.count.value for f in figs] == [60, 21, 4]
    assert figs[1].part_of == figs[0].id
    assert figs[2].part_of is None


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Gunmen killed 12 women and children.", ["women", "children"]),
        ("The strike killed 8 policemen.", ["police"]),
        ("The strike killed 30 soldiers.", ["combatants"]),
        ("The shelling killed 15 civilians.", ["civilians"]),
        ("About 600 men, women and children were killed.", ["men", "women", "children"]),
        ("The raid killed 4 journalists.", ["journalists"]),
        ("The crash killed 40 people.", []),
    ],
)
def test_groups(text, groups):
    assert list(extract_text(text).figures[0].groups) == groups


def test_number_without_noun_inherits_groups_of_its_list():
    figs = extract_text("Mortars killed 19 civilians and wounded over 60.").figures
    assert figs[1].count.qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prison holds about 1,100 prisoners in cells built for 600.", []),
        ("Eleven prisoners escaped in the confusion.", []),
        ("Eight inmates were recaptured by Monday evening.", [("Eight inmates", "captured", 8, "exact")]),
        ("The group said nine hostages had been killed in captivity.",
         [("nine hostages", "killed", 9, "exact")]),
        ("One of the wounded, a 60-year-old trader, died in hospital.",
         [("One of the wounded", "killed", 1, "exact")]),
        ("Volmar said its forces had lost only 11 men.", [("11 men", "killed", 11, "exact")]),
        ("We buried four neighbours this morning.", [("four neighbours", "killed", 4, "exact")]),
        ("Among the dead were 17 children from a boarding school.", [("17 children", "killed", 17, "exact")]),
        ("At least 35 crew and passengers were unaccounted for.",
         [("At least 35 crew and passengers", "missing", 35, "at_least")]),
        ("The flood left some 30,000 without shelter.", [("some 30,000", "displaced", 30000, "approx")]),
        ("Troops killed between 40 and 60 soldiers in a six-hour battle for the ridge, officers said.",
         [("between 40 and 60 soldiers", "killed", None, "range")]),
        ("The count included two people who died of their injuries.", [("two people", "killed", 2, "exact")]),
    ],
)
def test_outcomes_beyond_the_dev_corpus(text, expected):
    assert figures(text) == expected


def test_prison_guards_are_no_victim_group_but_revolutionary_guards_are_combatants():
    assert extract_text("Seven guards were taken hostage.").figures[0].groups == ()
    assert extract_text("The army killed 300 Revolutionary Guards.").figures[0].groups == ("combatants",)


@pytest.mark.parametrize(
    "text",
    [
        "The bomb killed 31 people. Police said three officers were among those killed.",
        "At least six people froze to death on the passes. Among them were two infants.",
        "Gunmen abducted 27 passengers, among them 11 women, police said.",
    ],
)
def test_among_links_the_part_to_the_earlier_total(text):
    whole, part = extract_text(text).figures
    assert part.part_of == whole.id and part.outcome == whole.outcome


def test_a_part_with_another_outcome_is_not_a_subset():
    figs = extract_text("At least 146 people have been kidnapped since January, and 12 of them are still "
                        "missing.").figures
    assert [(f.outcome, f.part_of) for f in figs] == [("captured", None), ("missing", None)]


def test_coordinated_parts_link_to_the_total_not_to_each_other():
    figs = extract_text("The blast killed 31 people. Among the dead were nine children and four women.").figures
    assert [f.part_of for f in figs] == [None, "f1", "f1"]


def test_headline_grammar():
    figs = figures("Nearly 9,000 flee Dorva fighting as winter bites; five froze to death on the passes")
    assert [(f[1], f[2], f[3]) for f in figs] == [("displaced", 9000, "approx"), ("killed", 5, "exact")]
