"""Comparison rows and checks on hand-built documents (real SQLite files, no model)."""

from __future__ import annotations

import pytest
from ledger_helpers import fig, make_result

from counterclaim.ledger import Ledger
from counterclaim.present.counts import count_text
from counterclaim.reconcile.compare import group_label


@pytest.mark.parametrize("text,groups,part_of,label", [
    ("613 Azerbaijani civilians", ("civilians",), None, "all"),
    ("about 600 men, women and children", ("men", "women", "children"), None, "all"),
    ("more than 7,000 Muslim men and boys", ("men", "children"), None, "all"),
    ("more than 450 Azeris", ("women", "children"), None, "all"),  # groups from "many of them women..."
    ("169 women and children", ("women", "children"), "f1", "women+children"),
    ("three dead children", ("children",), None, "children"),
    ("44 Azeri militiamen", ("combatants",), None, "combatants"),
    ("151 people", (), "f1", "part"),
])
def test_group_label(text: str, groups: tuple[str, ...], part_of: str | None, label: str) -> None:
    assert group_label({"text": text, "groups": list(groups), "part_of": part_of}) == label


@pytest.mark.parametrize("value,low,high,qualifier,text,words", [
    (613, 613, 613, "exact", "613", "613"),
    (200, 200, 200, "at_least", "at least 200", "200+"),
    (450, 450, 450, "more_than", "more than 450", "450+"),
    (600, 600, 600, "approx", "about 600", "c. 600"),
    (2000, 2000, 2000, "at_most", "up to 2,000", "up to 2,000"),
    (None, 470, 500, "range", "470-500", "470–500"),
    (None, 200, 999, "vague", "hundreds of women", "hundreds"),
    (None, 24, 99, "vague", "dozen of bodies", "dozens"),
])
def test_count_text(value, low, high, qualifier, text, words) -> None:  # type: ignore[no-untyped-def]
    assert count_text(value, low, high, qualifier, text) == words


def checks_of(tmp_path, *results) -> list[dict]:  # type: ignore[no-untyped-def]
    with Ledger(tmp_path / "c.db") as ledger:
        for r in results:
            ledger.store(r)
        ledger.regroup()
        return ledger.checks()


def test_subset_larger_than_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: Town attack\nPublished: 2020-05-02\n\nIn Qala on Friday 60 people were killed, "
                    "among them 70 children.",
                    [fig("f1", "60 people", "killed", 60),
                     fig("f2", "70 children", "killed", 70, groups=("children",), part_of="f1")],
                    title="Town attack", published="2020-05-02")
    [flag] = checks_of(tmp_path, r)
    assert flag["check"] == "subset_exceeds_whole" and flag["severity"] == "error"
    assert "'70 children' (70) is given as part of '60 people' (60)" in flag["message"]
    assert len(flag["sentences"]) == 2 and "70 children" in flag["sentences"][0]


def test_breakdowns_partial_counts_and_open_wholes_are_not_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: Siege\nPublished: 2020-05-02\n\nIn Qala on Friday at least 60 people were killed, "
                    "including 70 civilians and 12 children. Rescuers recovered 9 bodies from a school. "
                    "In the village of Dorn alone 40 people were killed.",
                    [fig("f1", "at least 60 people", "killed", 60, qualifier="at_least", source="the governor"),
                     fig("f2", "70 civilians", "killed", 70, groups=("civilians",), part_of="f1"),
                     fig("f3", "12 children", "killed", 12, groups=("children",), part_of="f1"),
                     fig("f4", "9 bodies", "killed", 9, source="the governor"),
                     fig("f5", "40 people", "killed", 40, source="the governor")],
                    title="Siege", published="2020-05-02")
    assert checks_of(tmp_path, r) == []
    kinds = {f.id: f.kind for f in r.figures}
    assert kinds == {"f1": "whole", "f2": "breakdown", "f3": "breakdown", "f4": "partial", "f5": "partial"}


def _two_reports(first: str, second: str, published: tuple[str, str]) -> list:  # type: ignore[type-arg]
    out = []
    for n, (count, day) in enumerate(zip((first, second), published, strict=True)):
        text = f"Title: Dorn report {n}\nPublished: {day}\n\nThe Ministry of Health said {count} people were " \
               f"killed in Dorn on 1 May 2020."
        out.append(make_result(text, [fig("f1", f"{count} people", "killed", int(count.replace(",", "")),
                                          source="The Ministry of Health")],
                               title=f"Dorn report {n}", published=day))
    return out


def test_a_later_figure_of_one_source_is_a_revision_not_a_contradiction(tmp_path) -> None:  # type: ignore
    a, b = _two_reports("1,000", "613", ("2020-05-02", "2020-06-20"))
    with Ledger(tmp_path / "r.db") as ledger:
        ledger.store(a)
        ledger.store(b)
        ledger.regroup()
        [event] = ledger.events()
        assert ledger.checks() == []
        killed = next(r for r in ledger.event(event["id"])["outcomes"] if r["outcome"] == "killed")
    [change] = killed["revisions"]
    assert change["chain"] == "1,000 → 613" and change["text"].startswith("1,000 → 613, per ")
    assert (killed["low"], killed["high"]) == (613, 613)  # the superseded count leaves low and high
    assert "1,000 → 613 (per " in killed["summary"]


def test_same_day_tolls_of_one_source_are_flagged_with_both_sentences(tmp_path) -> None:  # type: ignore
    a, b = _two_reports("1,000", "613", ("2020-05-02", "2020-05-02"))
    with Ledger(tmp_path / "s.db") as ledger:
        ledger.store(a)
        ledger.store(b)
        ledger.regroup()
        [flag] = ledger.checks()
    assert flag["check"] == "same_day_tolls_differ" and "2020-05-02" in flag["message"]
    assert {s.split(" said ")[1][:4] for s in flag["sentences"]} == {"1,00", "613 "}


def test_a_source_contradicting_itself_in_one_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: Dorn\nPublished: 2020-05-02\n\nThe Ministry of Health said 30 people were killed in "
                    "Dorn on Friday. Later the Ministry of Health said 90 people were killed.",
                    [fig("f1", "30 people", "killed", 30, source="The Ministry of Health"),
                     fig("f2", "90 people", "killed", 90, source="The Ministry of Health")],
                    title="Dorn", published="2020-05-02")
    [flag] = checks_of(tmp_path, r)
    assert flag["check"] == "source_contradicts_itself" and "neither revises the other" in flag["message"]


def test_a_figure_of_undecided_kind_is_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: Dorn\nPublished: 2020-05-02\n\nSince 2018 the bodies of 300 people were found in "
                    "Dorn, officials said.",
                    [fig("f1", "300 people", "killed", 300, source="officials")], title="Dorn",
                    published="2020-05-02")
    assert r.figures[0].kind is None and "background" in (r.figures[0].kind_reason or "")
    [flag] = checks_of(tmp_path, r)
    assert flag["check"] == "kind_undecided" and "Since 2018" in flag["sentences"][0]


@pytest.mark.parametrize("sentence,figure,kind", [
    ("The unrest has claimed some 900 lives in three years.", "900", "background"),
    ("In all, 75 soldiers have been killed since 2003 in the province.", "75 soldiers", "background"),
    ("So far this year 44 people died in such attacks.", "44 people", "background"),
    ("By the end of 1990, 480 had been killed.", "480", "background"),
    ("A reporter saw 7 corpses in the square.", "7 corpses", "partial"),
    ("29 were buried in the town cemetery.", "29", "partial"),
    ("A bomb killed 16 people near the gate.", "16 people", "whole"),
])
def test_kinds_from_the_texts_own_signals(sentence: str, figure: str, kind: str) -> None:
    r = make_result(f"Title: T\n\n{sentence}", [fig("f1", figure, "killed", 1)])
    assert r.figures[0].kind == kind, r.figures[0].kind_reason


def test_counts_of_several_places_in_one_sentence_are_partial() -> None:
    r = make_result("Title: T\n\nIT HAS MURDERED THREE PEASANTS IN NORTHVALE, TWO IN EASTFIELD AND FOUR IN "
                    "SOUTHWICK.", [fig("f1", "THREE PEASANTS", "killed", 3), fig("f2", "TWO", "killed", 2),
                                   fig("f3", "FOUR", "killed", 4)])
    assert {f.kind for f in r.figures} == {"partial"}
    assert r.figures[0].kind_reason == "one of several places counted in one sentence"


def test_these_n_takes_the_kind_of_the_figure_it_refers_to() -> None:
    r = make_result("Title: T\n\nSo far 84 people have been certified as dead by the coroner. Of these 84 dead, "
                    "30 were women.", [fig("f1", "84 people", "killed", 84), fig("f2", "84 dead", "killed", 84),
                                       fig("f3", "30", "killed", 30, groups=("women",), part_of="f2")])
    r2 = make_result(r.document.text, [fig("f1", "84 people", "killed", 84)])
    assert r2.figures[0].kind == "partial"
    f1, f2, f3 = r.figures
    assert (f1.kind, f2.kind, f3.kind) == ("partial", "partial", "breakdown")
    assert f2.kind_reason.startswith("refers back to f1")
