"""khojaly-at-a-glance: every gold figure right in every field (read from ../shared at run time)."""

from __future__ import annotations

import json

import pytest

from counterclaim import extract_file
from counterclaim.evaluate.scoring import names_match

pytestmark = pytest.mark.slow


def locate(text: str, anchor: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(anchor, start + 1)
    return start, start + len(anchor)


@pytest.fixture(scope="module")
def flagship(corpus_dir):
    gold = json.loads((corpus_dir / "khojaly-at-a-glance.gold.json").read_text(encoding="utf-8"))
    result = extract_file(corpus_dir / "khojaly-at-a-glance.txt")
    return gold, result


def test_every_gold_figure_right_in_every_field(flagship):
    gold, result = flagship
    text = result.document.text
    by_id = {f.id: f for f in result.figures}
    assert len(result.figures) == len(gold["figures"])
    for g in gold["figures"]:
        s, e = locate(text, g["anchor"], g.get("occurrence", 1))
        hits = [f for f in result.figures if f.span[0] < e and s < f.span[1]]
        assert len(hits) == 1, g["anchor"]
        f = hits[0]
        assert f.count.value == g["value"] and f.count.qualifier == g["qualifier"], g["anchor"]
        assert f.outcome == g["outcome"], g["anchor"]
        assert sorted(f.groups) == sorted(g["groups"]), g["anchor"]
        assert f.hedged == g["hedged"], g["anchor"]
        if g["source"] is None:
            assert f.source is None, g["anchor"]
        else:
            assert names_match(f.source.name, [g["source"], *g["source_aliases"]]), g["anchor"]
            assert f.source.type == g["source_type"], g["anchor"]
        if g["part_of"] is None:
            assert f.part_of is None, g["anchor"]
        else:
            whole = by_id[f.part_of]
            assert g["part_of"] in text[whole.span[0]:whole.span[1]], g["anchor"]
            assert whole.span[0] < f.span[0] and f.span[0] - whole.span[0] < 120, g["anchor"]


def test_every_quote_right(flagship):
    gold, result = flagship
    text = result.document.text
    assert len(result.quotes) == len(gold["quotes"])
    for g in gold["quotes"]:
        s, e = locate(text, g["anchor"], g.get("occurrence", 1))
        hits = [q for q in result.quotes if q.span[0] < e and s < q.span[1]]
        assert len(hits) == 1, g["anchor"]
        q = hits[0]
        assert q.speaker is not None and names_match(q.speaker.name, [g["speaker"], *g["speaker_aliases"]])
        if g["via"]:
            assert q.via is not None and names_match(q.via.name, [g["via"]])


def test_every_act_right(flagship):
    gold, result = flagship
    from counterclaim.evaluate.scoring import normalise_name as norm

    got = {norm(a.jurisdiction): a for a in result.acts}
    assert set(got) == {norm(g["jurisdiction"]) for g in gold["acts"]}
    for g in gold["acts"]:
        act = got[norm(g["jurisdiction"])]
        assert act.act == g["act"] and act.date == g["date"], g["jurisdiction"]
    assert got[norm("Minnesota")].jurisdiction_code == "US-MN"
    assert got[norm("Scotland")].jurisdiction_code == "GB-SCT"
    assert got[norm("Czech Republic")].jurisdiction_code == "CZ"


def test_metadata_from_byline_and_dateline(flagship):
    _, result = flagship
    assert result.document.author == "Tesfa-Alem Tekle"
    assert result.document.published == "2021-02-25"
