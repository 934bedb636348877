"""The accuracy gate's logic (``benchmarks/gate.py``) on temporary baselines and corpora."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import gate  # noqa: E402
from bench_util import corpus_fingerprint  # noqa: E402

SCORES = {"figure_f1": 0.80, "strict_f1": 0.60, "attribution_accuracy": 0.70, "quote_f1": 0.50,
          "speaker_accuracy": None, "act_f1": 0.0}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Storms killed 4 hikers.\n", encoding="utf-8")
    (folder / "a.gold.json").write_text(json.dumps({"doc": "a.txt", "figures": [], "quotes": [], "acts": []}),
                                        encoding="utf-8")
    return folder


def write_baseline(path: Path, floors: dict[str, float], fingerprint: str) -> Path:
    path.write_text(json.dumps({"floors": floors, "corpus_sha256": fingerprint}), encoding="utf-8")
    return path


def run(argv: list[str], scores: dict[str, Any] = SCORES) -> int:
    return gate.main(argv, scorer=lambda corpus: scores)


def test_floor_comparison_has_a_tolerance() -> None:
    checks = {c.metric: c.ok for c in gate.check_floors(SCORES, {"figure_f1": 0.804, "strict_f1": 0.606,
                                                                  "speaker_accuracy": 0.0, "quote_f1": 0.1})}
    assert checks == {"figure_f1": True, "strict_f1": False, "speaker_accuracy": True, "quote_f1": True}
    assert not gate.Check("speaker_accuracy", None, 0.5).ok


def test_update_raises_floors_but_never_lowers_them() -> None:
    floors, kept = gate.updated_floors({"figure_f1": 0.7, "strict_f1": 0.65}, SCORES)
    assert floors["figure_f1"] == 0.8 and floors["strict_f1"] == 0.65
    assert len(kept) == 1 and "strict_f1" in kept[0] and "--allow-regression" in kept[0]
    assert set(gate.FLOOR_METRICS) <= set(floors)
    floors, kept = gate.updated_floors({"strict_f1": 0.65}, SCORES, allow_regression=True)
    assert floors["strict_f1"] == 0.6 and not kept


def test_fingerprint_changes_with_any_corpus_file(corpus: Path) -> None:
    before = corpus_fingerprint(corpus)
    (corpus / "a.txt").write_text("Storms killed 5 hikers.\n", encoding="utf-8")
    assert corpus_fingerprint(corpus) != before
    assert gate.fingerprint_problem({"corpus_sha256": before}, corpus_fingerprint(corpus))
    assert gate.fingerprint_problem({"corpus_sha256": before}, before) is None


def test_gate_passes_and_fails_on_floors(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    fp = corpus_fingerprint(corpus)
    ok = write_baseline(tmp_path / "ok.json", {"figure_f1": 0.8, "strict_f1": 0.6}, fp)
    assert run(["--corpus", str(corpus), "--baseline", str(ok)]) == 0
    low = write_baseline(tmp_path / "low.json", {"figure_f1": 0.9}, fp)
    assert run(["--corpus", str(corpus), "--baseline", str(low)]) == 1
    err = capsys.readouterr().err
    assert "figure_f1 0.800 is below its floor 0.900" in err


def test_gate_fails_on_a_changed_corpus_and_update_repins(corpus: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    baseline = write_baseline(tmp_path / "b.json", {"figure_f1": 0.5}, "0" * 64)
    assert run(["--corpus", str(corpus), "--baseline", str(baseline)]) == 1
    assert "re-pin with --update" in capsys.readouterr().err
    assert run(["--corpus", str(corpus), "--baseline", str(baseline), "--update"]) == 0
    pinned = json.loads(baseline.read_text(encoding="utf-8"))
    assert pinned["corpus_sha256"] == corpus_fingerprint(corpus)
    assert pinned["floors"]["figure_f1"] == 0.8 and pinned["floors"]["speaker_accuracy"] == 0.0


def test_update_keeps_a_higher_floor_and_still_fails(corpus: Path, tmp_path: Path) -> None:
    baseline = write_baseline(tmp_path / "b.json", {"figure_f1": 0.95}, corpus_fingerprint(corpus))
    assert run(["--corpus", str(corpus), "--baseline", str(baseline), "--update"]) == 1
    assert json.loads(baseline.read_text(encoding="utf-8"))["floors"]["figure_f1"] == 0.95
    assert run(["--corpus", str(corpus), "--baseline", str(baseline), "--update", "--allow-regression"]) == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["floors"]["figure_f1"] == 0.8


def test_missing_corpus_or_baseline_fails(tmp_path: Path, corpus: Path) -> None:
    baseline = write_baseline(tmp_path / "b.json", {}, "")
    assert run(["--corpus", str(tmp_path / "nowhere"), "--baseline", str(baseline)]) == 1
    assert run(["--corpus", str(corpus), "--baseline", str(tmp_path / "none.json")]) == 1


@pytest.mark.parametrize("name", ["baseline.json", "baseline-dev2.json", "baseline-heldout.json"])
def test_repository_baselines_are_well_formed(name: str) -> None:
    baseline = gate.load_baseline(BENCHMARKS / name)
    assert set(gate.FLOOR_METRICS) <= set(baseline["floors"])
    assert len(baseline["corpus_sha256"]) == 64


def test_the_invented_set_is_pinned_where_it_lives() -> None:
    heldout = Path(__file__).resolve().parent / "heldout"
    assert gate.load_baseline(BENCHMARKS / "baseline-heldout.json")["corpus_sha256"] == corpus_fingerprint(heldout)


@pytest.mark.slow
def test_gate_runs_counterclaim(corpus: Path, tmp_path: Path) -> None:
    baseline = write_baseline(tmp_path / "b.json", {"figure_f1": 0.0}, corpus_fingerprint(corpus))
    assert gate.main(["--corpus", str(corpus), "--baseline", str(baseline)]) == 0
