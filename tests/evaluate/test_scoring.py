"""Unit tests of the scorer on tiny hand-made gold and predictions (invented sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from counterclaim.evaluate.scoring import (
    GoldDocument,
    aligner,
    f1,
    locate,
    match_one_to_one,
    names_match,
    normalise_name,
    numbers_agree,
    place_gold,
    place_pred,
    score_corpus,
    score_document,
)

TEXT = ("Rebels killed 12 farmers near Ostrava, the Harbour Police said. "
        "Among them were 5 children. Another 12 farmers were wounded, according to the Red Lantern Society.")


def gold_figure(anchor: str, outcome: str = "killed", value: int | None = None, **kw: Any) -> dict[str, Any]:
    return {"anchor": anchor, "occurrence": kw.pop("occurrence", 1), "outcome": outcome, "value": value,
            "qualifier": kw.pop("qualifier", "exact"), "groups": kw.pop("groups", []),
            "part_of": kw.pop("part_of", None), "source": kw.pop("source", None),
            "source_aliases": kw.pop("source_aliases", []), **kw}


def pred_figure(fid: str, text: str, needle: str, outcome: str = "killed", value: int | None = None,
                occurrence: int = 1, **kw: Any) -> dict[str, Any]:
    span = locate(text, needle, occurrence)
    assert span is not None
    count = kw.pop("count", {"value": value, "low": value, "high": value, "qualifier": kw.pop("qualifier", "exact")})
    source = kw.pop("source", None)
    return {"id": fid, "span": list(span), "text": needle, "outcome": outcome, "count": count,
            "groups": kw.pop("groups", []), "part_of": kw.pop("part_of", None),
            "source": {"name": source, "type": "unspecified", "span": None} if source else None}


def score(gold: dict[str, Any], pred: dict[str, Any] | None, text: str = TEXT) -> dict[str, Any]:
    scores, _ = score_corpus([GoldDocument("doc", text, gold)], {"doc": pred} if pred is not None else {})
    return scores


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(("raw", "expected"), [
    ("The Harbour Police", "harbour police"),
    ("Ostrava\u2019s  Mayor", "ostrava mayor"),
    ("an   official,  (anonymous)", "official anonymous"),
    ("A.B.C. News", "b c news"),  # "a" is a stop word once punctuation is gone
    (None, ""),
    ("", ""),
])
def test_normalise_name(raw: str | None, expected: str) -> None:
    assert normalise_name(raw) == expected


@pytest.mark.parametrize(("pred", "golds", "expected"), [
    ("harbour police", ["The Harbour Police"], True),
    ("Police", ["the Harbour Police"], True),  # contained as a whole word
    ("the Harbour Police of Ostrava", ["Harbour Police"], True),  # gold inside the prediction
    ("Harbour Pol", ["Harbour Police"], False),  # not whole words
    ("of", ["Ministry of Health"], False),  # shorter side needs a word of 3+ letters
    ("Red Lantern", ["Lantern Society", "the Red Lantern Society"], True),  # an alias matches
    ("Red Lantern", ["Lantern Society"], False),
    ("", ["anything"], False),
    (None, ["anything"], False),
    ("Someone", [None, ""], False),
])
def test_names_match(pred: str | None, golds: list[str | None], expected: bool) -> None:
    assert names_match(pred, golds) is expected


# --------------------------------------------------------------------------- numbers and matching


@pytest.mark.parametrize(("gold", "count", "expected"), [
    ({"qualifier": "exact", "value": 12}, {"value": 12, "qualifier": "approx"}, True),
    ({"qualifier": "exact", "value": 12}, {"value": 13, "qualifier": "exact"}, False),
    ({"qualifier": "range", "value": None, "low": 50, "high": 80}, {"value": None, "low": 50, "high": 80,
                                                                     "qualifier": "range"}, True),
    ({"qualifier": "range", "value": None, "low": 50, "high": 80}, {"value": None, "low": 50, "high": 90,
                                                                     "qualifier": "range"}, False),
    ({"qualifier": "vague", "value": None}, {"value": None, "low": 100, "high": 999, "qualifier": "vague"}, True),
    ({"qualifier": "vague", "value": None}, {"value": None, "low": None, "high": None, "qualifier": "exact"}, False),
    ({"qualifier": "exact", "value": 12}, None, False),
])
def test_numbers_agree(gold: dict[str, Any], count: dict[str, Any] | None, expected: bool) -> None:
    assert numbers_agree(gold, {"count": count}) is expected


def test_range_and_vague_figures_are_detected() -> None:
    text = "Between 50 and 80 miners were trapped and dozens of guards fled."
    gold = {"figures": [gold_figure("50 and 80 miners", "missing", qualifier="range", low=50, high=80),
                        gold_figure("dozens of guards", "displaced", qualifier="vague")]}
    pred = {"figures": [pred_figure("f1", text, "50 and 80", "missing", count={"value": None, "low": 50, "high": 80,
                                                                                "qualifier": "range"}),
                        pred_figure("f2", text, "dozens", "displaced", count={"value": None, "low": 24, "high": 99,
                                                                              "qualifier": "vague"})]}
    s = score(gold, pred, text)
    assert (s["figure_f1"], s["strict_f1"], s["qualifier_accuracy"]) == (1.0, 1.0, 1.0)


def test_one_to_one_matching_in_text_order() -> None:
    gold = {"figures": [gold_figure("12 farmers", value=12, occurrence=1),
                        gold_figure("12 farmers", "injured", value=12, occurrence=2)]}
    # two predictions on the first mention only: the second cannot also match the first gold figure,
    # and it does not overlap the second mention
    pred = {"figures": [pred_figure("f1", TEXT, "12 farmers", value=12),
                        pred_figure("f2", TEXT, "12", value=12)]}
    s = score(gold, pred)
    assert (s["figures_predicted"], s["figure_precision"], s["figure_recall"]) == (2, 0.5, 0.5)


def test_matching_prefers_earliest_prediction() -> None:
    golds = place_gold(TEXT, [{"anchor": "12 farmers near Ostrava"}])
    preds = place_pred(aligner(None, TEXT), [{"span": [18, 22]}, {"span": [14, 16]}])
    assert match_one_to_one(golds, preds, lambda g, p: True) == {0: 1}


def test_field_accuracies_and_strict() -> None:
    gold = {"figures": [gold_figure("12 farmers", value=12, source="the Harbour Police", groups=["civilians"]),
                        gold_figure("5 children", value=5, groups=["children"])]}
    pred = {"figures": [pred_figure("f1", TEXT, "12 farmers", value=12, source="Harbour Police",
                                    groups=["civilians"]),
                        pred_figure("f2", TEXT, "5 children", "injured", value=5, source="Rebels",
                                    groups=["children", "civilians"])]}
    s = score(gold, pred)
    assert s["figure_f1"] == 1.0
    assert s["outcome_accuracy"] == 0.5 and s["attribution_accuracy"] == 0.5
    assert s["strict_f1"] == 0.5
    assert s["groups_f1"] == pytest.approx(f1(2 / 3, 1.0))


def test_part_of_credit_needs_the_prediction_matched_to_the_gold_whole() -> None:
    gold = {"figures": [gold_figure("12 farmers", value=12, occurrence=1),
                        gold_figure("5 children", value=5, part_of="12 farmers"),
                        gold_figure("12 farmers", "injured", value=12, occurrence=2)]}
    first = pred_figure("f1", TEXT, "12 farmers", value=12)
    second = pred_figure("f3", TEXT, "12 farmers", "injured", value=12, occurrence=2)
    # the gold whole is the mention of the anchor nearest to the part: here the later one
    right = {"figures": [first, pred_figure("f2", TEXT, "5 children", value=5, part_of="f3"), second]}
    far = {"figures": [first, pred_figure("f2", TEXT, "5 children", value=5, part_of="f1"), second]}
    unknown = {"figures": [first, pred_figure("f2", TEXT, "5 children", value=5, part_of="f9"), second]}
    assert score(gold, right)["part_of_accuracy"] == 1.0
    assert score(gold, far)["part_of_accuracy"] == 0.0
    assert score(gold, unknown)["part_of_accuracy"] == 0.0
    details = score_document(GoldDocument("doc", TEXT, gold), far)
    (pair,) = details.wrong_figures
    assert [(e.field, e.gold) for e in pair.errors] == [("part_of", "12 farmers")]


def test_quotes_and_speakers() -> None:
    text = 'The mayor said: "We counted every house twice." Nobody else spoke. "It was chaos," a nurse added.'
    gold = {"quotes": [{"anchor": "We counted every house", "speaker": "the mayor", "speaker_aliases": []},
                       {"anchor": "It was chaos,", "speaker": None}]}
    pred = {"quotes": [{"id": "q1", "span": [17, 46], "text": "We counted every house twice.",
                        "speaker": {"name": "Mayor"}},
                       {"id": "q2", "span": [68, 81], "text": "It was chaos,", "speaker": {"name": "a nurse"}},
                       {"id": "q3", "span": [48, 54], "text": "Nobody", "speaker": None}]}
    s = score(gold, pred, text)
    assert (s["quote_precision"], s["quote_recall"], s["speaker_accuracy"]) == (2 / 3, 1.0, 0.5)
    details = score_document(GoldDocument("doc", text, gold), pred)
    assert [e.predicted.speaker for e in details.wrong_speakers] == ["a nurse"]
    assert [q.id for q in details.extra_quotes] == ["q3"]


def test_acts_are_sets_of_normalised_jurisdictions() -> None:
    gold = {"acts": [{"jurisdiction": "Ruritania", "act": "law"}, {"jurisdiction": "The Lake District", "act": "law"}]}
    pred = {"acts": [{"jurisdiction": "RURITANIA"}, {"jurisdiction": "Ruritania."}, {"jurisdiction": "Atlantis"},
                     {"jurisdiction": None}]}
    s = score(gold, pred)
    assert (s["act_precision"], s["act_recall"], s["acts_gold"]) == (0.5, 0.5, 2)
    details = score_document(GoldDocument("doc", TEXT, gold), pred)
    assert (details.missed_acts, details.extra_acts) == (["lake district"], ["atlantis"])


def test_changed_text_is_aligned() -> None:
    gold = {"figures": [gold_figure("5 children", value=5)]}
    changed = "NOTE: " + TEXT.replace("  ", " ")
    pred = {"document": {"text": changed}, "figures": [pred_figure("f1", changed, "5 children", value=5)]}
    assert score(gold, pred)["figure_f1"] == 1.0
    assert score_document(GoldDocument("doc", TEXT, gold), pred).aligned
    # a span over text that does not exist in the gold maps to nothing
    assert aligner(changed, TEXT)((0, 4)) is None


def test_missing_prediction_and_empty_corpus_values() -> None:
    gold = {"figures": [gold_figure("5 children", value=5)], "quotes": [], "acts": []}
    s = score(gold, None)
    assert s["figure_recall"] == 0.0 and s["figure_precision"] is None and s["figure_f1"] == 0.0
    assert s["outcome_accuracy"] is None and s["act_f1"] == 0.0
    details = score_document(GoldDocument("doc", TEXT, gold), None)
    assert not details.has_prediction and len(details.missed_figures) == 1
