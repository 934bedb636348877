"""The spaCy component writes the same records as extract_text."""

from __future__ import annotations

import pytest
import spacy

from counterclaim.about import MODEL_NAME

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("counterclaim")
    return pipeline


def test_pipeline_order_has_no_problems(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not p for p in problems.values())


def test_component_sets_figures_quotes_and_acts(nlp):
    doc = nlp("At least 12 people were killed in Varno, police said. Another 30 were injured.")
    assert [(f.text, f.outcome, f.count.qualifier) for f in doc._.figures] == [
        ("At least 12 people", "killed", "at_least"), ("30 were injured", "injured", "exact")]
    assert doc._.figures[0].source.name == "police"
    assert doc._.quotes == [] and doc._.acts == []
    for f in doc._.figures:
        assert doc.text[f.span[0]:f.span[1]] == f.text


def test_component_config_switches_extractors_off():
    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("counterclaim", config={"figures": False})
    doc = pipeline("Nine people died.")
    assert doc._.figures == []
