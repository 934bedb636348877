"""Comparison rows and checks on hand-built documents (real SQLite files, no model)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ledger_helpers import fig, make_result

from counterclaim.ledger import Ledger
from counterclaim.reconcile.compare import count_text, group_label


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
    assert [c["check"] for c in checks_of(tmp_path, r)] == ["subset_exceeds_whole"]


def test_parts_exceed_or_do_not_add_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    exceed = make_result("Title: A\nPublished: 2020-05-02\n\nIn Qala on Friday 50 people died: 30 women and "
                         "40 men.",
                         [fig("f1", "50 people", "killed", 50),
                          fig("f2", "30 women", "killed", 30, groups=("women",), part_of="f1"),
                          fig("f3", "40 men", "killed", 40, groups=("men",), part_of="f1")],
                         title="A", published="2020-05-02")
    short = make_result("Title: B\nPublished: 2021-05-02\n\nIn Zor on Friday 50 people died: 10 civilians and "
                        "20 soldiers.",
                        [fig("f1", "50 people", "killed", 50),
                         fig("f2", "10 civilians", "killed", 10, groups=("civilians",), part_of="f1"),
                         fig("f3", "20 soldiers", "killed", 20, groups=("combatants",), part_of="f1")],
                        title="B", published="2021-05-02")
    found = sorted(c["check"] for c in checks_of(tmp_path, exceed, short))
    assert found == ["parts_do_not_add_up", "parts_exceed_whole"]


def test_parts_of_different_breakdowns_are_not_summed_together(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: C\nPublished: 1992-06-12\n\nOf 184 people, 51 were women and 13 children. Gunshots "
                    "killed 151 people, shrapnel 20, axes 10 and exposure 3.",
                    [fig("f1", "184 people", "killed", 184),
                     fig("f2", "51 were women", "killed", 51, groups=("women",), part_of="f1"),
                     fig("f3", "13 children", "killed", 13, groups=("children",), part_of="f1"),
                     fig("f4", "151 people", "killed", 151, part_of="f1"),
                     fig("f5", "shrapnel 20", "killed", 20, part_of="f1"),
                     fig("f6", "axes 10", "killed", 10, part_of="f1"),
                     fig("f7", "exposure 3", "killed", 3, part_of="f1")],
                    title="C", published="1992-06-12")
    assert checks_of(tmp_path, r) == []


def test_a_source_contradicting_itself_across_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    one = make_result("Title: Raid in Qala\nPublished: 2020-05-02\n\nThe Qala governor said on Friday that "
                      "40 people were killed in Qala.",
                      [fig("f1", "40 people", "killed", 40, source="The Qala governor")],
                      title="Raid in Qala", published="2020-05-02")
    two = make_result("Title: Qala toll rises\nPublished: 2020-05-04\n\nThe Qala governor said on Sunday that "
                      "90 people were killed in Qala.",
                      [fig("f1", "90 people", "killed", 90, source="The Qala governor")],
                      title="Qala toll rises", published="2020-05-04")
    [flag] = checks_of(tmp_path, one, two)
    assert flag["check"] == "source_disagrees_with_itself" and len(flag["documents"]) == 2


def test_compatible_claims_are_no_contradiction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = make_result("Title: Raid in Qala\nPublished: 2020-05-02\n\nThe Qala governor said on Friday that at "
                    "least 40 people were killed in Qala, and later that 90 people were killed.",
                    [fig("f1", "at least 40 people", "killed", 40, qualifier="at_least", source="The Qala governor"),
                     fig("f2", "90 people", "killed", 90, source="The Qala governor")],
                    title="Raid in Qala", published="2020-05-02")
    assert checks_of(tmp_path, r) == []


def test_a_group_above_the_same_sources_total(tmp_path) -> None:  # type: ignore[no-untyped-def]
    one = make_result("Title: Qala\nPublished: 2020-05-02\n\nThe Qala governor said on Friday 40 people were "
                      "killed in Qala.",
                      [fig("f1", "40 people", "killed", 40, source="The Qala governor")],
                      title="Qala", published="2020-05-02")
    two = make_result("Title: Qala again\nPublished: 2020-05-03\n\nThe Qala governor said on Saturday 55 soldiers "
                      "were killed in Qala.",
                      [fig("f1", "55 soldiers", "killed", 55, groups=("combatants",), source="The Qala governor")],
                      title="Qala again", published="2020-05-03")
    assert [c["check"] for c in checks_of(tmp_path, one, two)] == ["group_exceeds_total"]


@pytest.mark.parametrize("published,span,flagged", [
    ("2021-02-25", "After over 30 years of injustice", True),
    ("2023-03-01", "After over 30 years of injustice", False),
    ("2025-03-01", "28 years after the massacre", True),
    ("2020-02-27", "28 years after the massacre", False),
])
def test_time_spans_against_the_dates(tmp_path, published: str, span: str, flagged: bool) -> None:  # type: ignore[no-untyped-def]
    r = make_result(f"Title: Khojaly remembered\nPublished: {published}\n\nIn the night of 26 February 1992, "
                    f"613 civilians were killed in Khojaly. {span}, the families wait.",
                    [fig("f1", "613 civilians", "killed", 613, groups=("civilians",))],
                    title="Khojaly remembered", published=published)
    found = [c for c in checks_of(tmp_path, r) if c["check"] == "time_span_contradicts_dates"]
    assert bool(found) is flagged


def _clashing_pairwise(firm: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The rule of ``source_disagrees_with_itself`` spelt out pair by pair (quadratic; for comparison)."""
    from counterclaim.reconcile.checks import _interval

    def disjoint(a: dict, b: dict) -> bool:  # type: ignore[type-arg]
        x, y = _interval(a), _interval(b)
        return x[1] < y[0] or y[1] < x[0]

    return [a for a in firm if any(disjoint(a, b) and (a["voice"] == "attributed" or b["voice"] == "attributed"
                                                       or a["doc_id"] != b["doc_id"]) for b in firm if b is not a)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["exact", "at_least", "more_than", "at_most", "approx", "range"]),
                          st.integers(0, 60), st.integers(0, 30), st.sampled_from(["attributed", "own"]),
                          st.sampled_from(["d1", "d2", "d3"])), max_size=12))
def test_self_contradictions_are_found_in_linear_time_as_pair_by_pair(specs) -> None:  # type: ignore[no-untyped-def]
    from counterclaim.reconcile.checks import _clashing

    firm = [{"value": v, "low": v, "high": v + w if q == "range" else v, "qualifier": q, "voice": voice,
             "doc_id": doc, "n": i} for i, (q, v, w, voice, doc) in enumerate(specs)]
    assert [f["n"] for f in _clashing(firm)] == [f["n"] for f in _clashing_pairwise(firm)]
