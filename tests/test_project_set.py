"""Accuracy on the project's own annotated set (tests/heldout) stays at the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.evaluate import evaluate

pytestmark = pytest.mark.slow

PROJECT_SET = Path(__file__).resolve().parent / "heldout"
TARGETS = {"figure_f1": 0.92, "strict_f1": 0.85, "outcome_accuracy": 0.95, "qualifier_accuracy": 0.95,
           "attribution_accuracy": 0.88, "groups_f1": 0.85, "quote_f1": 0.92, "speaker_accuracy": 0.90,
           "act_f1": 0.90}


def test_project_set_meets_the_targets():
    scores = evaluate(PROJECT_SET).scores
    below = {k: round(scores[k], 3) for k, floor in TARGETS.items() if (scores[k] or 0) < floor}
    assert not below, f"below target on tests/heldout: {below}"
