"""Result.to_dict() keeps the OUTPUT.md contract, and every span reproduces its text."""

from __future__ import annotations

import json

import pytest

from counterclaim import Result, extract_file, extract_text

pytestmark = pytest.mark.slow

FIGURE_KEYS = {"id", "span", "text", "outcome", "count", "groups", "part_of", "source", "hedged", "sentence"}
COUNT_KEYS = {"value", "low", "high", "qualifier"}
DOCUMENT_KEYS = {"id", "path", "title", "author", "published", "publisher", "text"}


def check_spans(d: dict) -> int:
    text = d["document"]["text"]
    checked = 0
    for f in d["figures"]:
        assert text[f["span"][0]:f["span"][1]] == f["text"]
        if f["source"] and f["source"]["span"]:
            s, e = f["source"]["span"]
            assert " ".join(text[s:e].split()) == f["source"]["name"]
        if f["sentence"]:
            s, e = f["sentence"]
            assert f["span"][0] >= s and f["span"][1] <= e
        checked += 1
    for q in d["quotes"]:
        assert text[q["span"][0]:q["span"][1]] == q["text"]
        for who in (q["speaker"], q["via"]):
            if who and who["span"]:
                assert text[who["span"][0]:who["span"][1]]
        checked += 1
    for a in d["acts"]:
        assert a["span"][0] < a["span"][1] <= len(text)
        checked += 1
    return checked


def test_every_span_in_the_dev_corpus_reproduces_its_text(corpus_dir):
    total = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        total += check_spans(extract_file(path).to_dict())
    assert total > 150


def test_output_keys_match_output_md():
    d = extract_text("Title: Storm toll\n\nAt least 12 people were killed, police said.").to_dict()
    assert set(d["document"]) >= DOCUMENT_KEYS
    assert {"document", "figures", "quotes", "acts"} <= set(d)
    fig = d["figures"][0]
    assert set(fig) >= FIGURE_KEYS
    assert set(fig["count"]) == COUNT_KEYS
    assert set(fig["source"]) == {"name", "type", "span"}
    assert fig["part_of"] is None or fig["part_of"].startswith("f")
    json.dumps(d)  # serialisable


def test_ranges_and_vague_counts_have_no_value():
    d = extract_text("Between 40 and 60 people died. Dozens of others were injured.").to_dict()
    rng, vague = d["figures"]
    assert rng["count"] == {"value": None, "low": 40, "high": 60, "qualifier": "range"}
    assert vague["count"]["value"] is None and vague["count"]["qualifier"] == "vague"
    assert vague["count"]["low"] <= vague["count"]["high"]


def test_round_trip_through_from_dict():
    result = extract_text("The raid killed 31 soldiers and 4 civilians, the army said.")
    again = Result.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result


def test_document_id_is_sha256_of_the_text():
    import hashlib

    text = "Floods displaced 2,000 families."
    assert extract_text(text).document.id == hashlib.sha256(text.encode()).hexdigest()
