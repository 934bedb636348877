"""``evaluate()`` and the ``counterclaim evaluate`` command on a tiny hand-made gold folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from counterclaim.errors import EvaluationError
from counterclaim.evaluate import evaluate
from counterclaim.evaluate.command import evaluate as evaluate_command

TEXT = "Flooding in Varna left 40 people dead, the coastguard said. \"We are still searching,\" a diver said.\n"
GOLD = {
    "doc": "varna.txt",
    "figures": [{"anchor": "40 people", "occurrence": 1, "outcome": "killed", "value": 40, "qualifier": "exact",
                 "groups": [], "part_of": None, "source": "the coastguard", "source_aliases": [],
                 "source_type": "military", "hedged": False}],
    "quotes": [{"anchor": "We are still searching,", "speaker": "a diver", "speaker_aliases": ["diver"]}],
    "acts": [],
}


def prediction(outcome: str = "killed", path: str | None = "varna.txt") -> dict[str, Any]:
    return {"document": {"path": path, "text": TEXT},
            "figures": [{"id": "f1", "span": [23, 32], "text": "40 people", "outcome": outcome,
                         "count": {"value": 40, "low": 40, "high": 40, "qualifier": "exact"}, "groups": [],
                         "part_of": None, "source": {"name": "Coastguard", "type": "military", "span": None}},
                        {"id": "f2", "span": [12, 17], "text": "Varna", "outcome": "killed",
                         "count": {"value": 3, "low": 3, "high": 3, "qualifier": "exact"}}],
            "quotes": [{"id": "q1", "span": [61, 84], "text": "We are still searching,",
                        "speaker": {"name": "the coastguard"}}],
            "acts": []}


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "varna.txt").write_text(TEXT, encoding="utf-8")
    (folder / "varna.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


@pytest.fixture()
def preds_file(tmp_path: Path) -> Path:
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps(prediction("injured")) + "\n", encoding="utf-8")
    return path


def test_evaluate_reads_jsonl_folder_and_mapping(gold_dir: Path, preds_file: Path, tmp_path: Path) -> None:
    report = evaluate(gold_dir, preds_file)
    assert report.scores["figure_precision"] == 0.5 and report.scores["outcome_accuracy"] == 0.0
    assert report.scores["attribution_accuracy"] == 1.0 and report.scores["speaker_accuracy"] == 0.0
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "varna.json").write_text(json.dumps(prediction("injured", path=None)), encoding="utf-8")
    assert evaluate(gold_dir, folder).scores == report.scores
    assert evaluate(gold_dir, {"varna": prediction("injured")}).scores == report.scores
    (detail,) = report.details
    assert [e.field for e in detail.wrong_figures[0].errors] == ["outcome"]
    assert [n.id for n in detail.extra_figures] == ["f2"]


def test_missing_prediction_is_a_warning(gold_dir: Path) -> None:
    report = evaluate(gold_dir, {})
    assert report.warnings == ["no prediction for varna"]
    assert report.scores["figure_recall"] == 0.0


@pytest.mark.parametrize(("make", "code"), [
    (lambda d: d / "nowhere", "E020"),
    (lambda d: d / "varna.txt", "E020"),
])
def test_gold_errors(gold_dir: Path, make: Any, code: str) -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(make(gold_dir), {})
    assert info.value.code == code


def test_prediction_errors(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(gold_dir, tmp_path / "missing.jsonl")
    assert info.value.code == "E021"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": {}}\n{not json\n', encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        evaluate(gold_dir, bad)
    assert info.value.code == "E022" and "line 2" in info.value.message


def test_command_table_json_details_and_save(gold_dir: Path, preds_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(evaluate_command, [str(gold_dir), "--predictions", str(preds_file), "--details"])
    assert result.exit_code == 0, result.output
    assert "figure_f1" in result.output and ">= 0.92" in result.output and "FAIL" in result.output
    assert "wrong figure '40 people': outcome 'injured' (gold 'killed')" in result.output
    assert "extra figure f2 'Varna'" in result.output
    assert "wrong speaker for quote 'We are still searching,': 'the coastguard' (gold 'a diver')" in result.output
    saved = tmp_path / "saved.jsonl"
    result = runner.invoke(evaluate_command, [str(gold_dir), "-p", str(preds_file), "--json",
                                              "--save-predictions", str(saved)])
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert scores == evaluate(gold_dir, preds_file).scores
    assert evaluate(gold_dir, saved).scores == scores


def test_command_error_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate_command, [str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("error: E020") and result.output.count("\n") == 1


@pytest.mark.slow
def test_evaluate_runs_counterclaim(gold_dir: Path) -> None:
    report = evaluate(gold_dir)
    assert set(report.predictions) == {"varna"}
    assert report.predictions["varna"]["document"]["text"]
    assert report.scores["documents"] == 1
