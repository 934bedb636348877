"""Accuracy gate: ``python benchmarks/gate.py [--corpus DIR --baseline FILE] [--update [--allow-regression]]``.

Runs counterclaim on a gold corpus (default: the maintainers' development corpus, see ``--corpus``)
and compares the metrics with the floors in its baseline file (default ``benchmarks/baseline.json``).
CI runs it on three corpora, each with its own floors: the development corpus (``baseline.json``), the second one
(``baseline-dev2.json``) and the project's own invented set ``tests/heldout``
(``baseline-heldout.json``). Exits 1 when a metric is below its floor minus
0.005, or when the corpus is not the one the floors were pinned on (its SHA-256 fingerprint
differs). ``--update`` re-pins: floors rise to the current values, and never fall unless
``--allow-regression`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_util import BENCHMARKS, corpus_fingerprint, default_corpus  # noqa: E402
from counterclaim.errors import CounterclaimError  # noqa: E402

BASELINE = BENCHMARKS / "baseline.json"
FLOOR_METRICS = ("figure_f1", "strict_f1", "attribution_accuracy", "hedged_f1", "part_of_accuracy", "groups_f1",
                 "quote_f1", "speaker_accuracy", "act_f1")
TOLERANCE = 0.005


@dataclass(frozen=True)
class Check:
    """One metric against its floor."""

    metric: str
    value: float | None
    floor: float

    @property
    def ok(self) -> bool:
        """Whether the value is at least the floor minus the tolerance (None counts as 0)."""
        return (self.value or 0.0) >= self.floor - TOLERANCE


def load_baseline(path: Path) -> dict[str, Any]:
    """Read the baseline file: ``{"floors": {metric: value}, "corpus_sha256": hex, ...}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("floors"), dict):
        raise ValueError(f"{path} has no 'floors' object")
    return data


def check_floors(scores: Mapping[str, Any], floors: Mapping[str, float]) -> list[Check]:
    """Every floored metric of ``scores`` against its floor."""
    return [Check(metric, scores.get(metric), float(floor)) for metric, floor in floors.items()]


def fingerprint_problem(baseline: Mapping[str, Any], fingerprint: str) -> str | None:
    """A message when the corpus is not the one the floors were pinned on, else None."""
    pinned = baseline.get("corpus_sha256")
    if pinned == fingerprint:
        return None
    return (f"the gold corpus changed (fingerprint {fingerprint[:12]}..., floors pinned on "
            f"{str(pinned)[:12]}...): check the scores, then re-pin with --update")


def updated_floors(floors: Mapping[str, float], scores: Mapping[str, Any], allow_regression: bool = False
                   ) -> tuple[dict[str, float], list[str]]:
    """New floors from the current scores.

    A floor rises to the current value; it is lowered only with ``allow_regression``.

    Returns:
        The new floors and, for each floor that would have been lowered but was kept, a message.
    """
    new, kept = {}, []
    for metric in dict.fromkeys([*FLOOR_METRICS, *floors]):
        old = float(floors.get(metric, 0.0))
        current = round(float(scores.get(metric) or 0.0), 4)
        if current < old and not allow_regression:
            kept.append(f"{metric}: kept floor {old:.3f} (current {current:.3f}); pass --allow-regression to lower it")
            new[metric] = old
        else:
            new[metric] = current
    return new, kept


def table(checks: list[Check]) -> str:
    """The metrics against their floors as a text table."""
    lines = [f"{'metric':22} {'value':>7} {'floor':>7}  status"]
    for c in checks:
        value = "n/a" if c.value is None else f"{c.value:.3f}"
        lines.append(f"{c.metric:22} {value:>7} {c.floor:>7.3f}  {'ok' if c.ok else 'BELOW FLOOR'}")
    return "\n".join(lines)


def run_counterclaim(corpus: Path) -> dict[str, Any]:
    """counterclaim's scores on a gold corpus."""
    from counterclaim.evaluate import evaluate

    return evaluate(corpus).scores


def update(path: Path, baseline: dict[str, Any], scores: Mapping[str, Any], fingerprint: str,
           allow_regression: bool) -> list[str]:
    """Rewrite the baseline file with raised floors and the current fingerprint; return kept-floor notes."""
    floors, kept = updated_floors(baseline.get("floors", {}), scores, allow_regression)
    baseline = {**baseline, "floors": floors, "corpus_sha256": fingerprint}
    path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    return kept


def main(argv: list[str] | None = None, scorer: Callable[[Path], Mapping[str, Any]] = run_counterclaim) -> int:
    """Run the gate; returns the exit status (0 pass, 1 fail)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--update", action="store_true", help="re-pin floors and fingerprint to the current run")
    parser.add_argument("--allow-regression", action="store_true", help="with --update: allow floors to fall")
    args = parser.parse_args(argv)
    try:
        baseline = load_baseline(args.baseline)
    except (OSError, ValueError) as exc:
        print(f"gate: cannot read the baseline {args.baseline}: {exc}", file=sys.stderr)
        return 1
    if not args.corpus.is_dir():
        print(f"gate: the gold corpus {args.corpus} is missing; set COUNTERCLAIM_SHARED or pass --corpus",
              file=sys.stderr)
        return 1
    fingerprint = corpus_fingerprint(args.corpus)
    try:
        scores = scorer(args.corpus)
    except CounterclaimError as exc:
        print(f"gate: error: {exc.message}", file=sys.stderr)
        return 1
    if args.update:
        kept = update(args.baseline, baseline, scores, fingerprint, args.allow_regression)
        print("\n".join([f"gate: updated {args.baseline}", *kept]))
        baseline = load_baseline(args.baseline)
    checks = check_floors(scores, baseline["floors"])
    print(table(checks))
    problems = [f"{c.metric} {c.value or 0.0:.3f} is below its floor {c.floor:.3f} (tolerance {TOLERANCE})"
                for c in checks if not c.ok]
    moved = fingerprint_problem(baseline, fingerprint)
    problems += [moved] if moved else []
    for problem in problems:
        print(f"gate: FAIL: {problem}", file=sys.stderr)
    if not problems:
        print(f"gate: pass ({len(checks)} metrics at or above their floors on {args.corpus})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
