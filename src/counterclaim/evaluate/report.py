"""The result of an evaluation and its rendering as text for people."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.evaluate.load import prediction_name
from counterclaim.evaluate.scoring import DocumentDetails, FigureNote, QuoteNote

#: Project targets (``metric: lowest acceptable value``).
TARGETS: dict[str, float] = {
    "figure_f1": 0.92,
    "strict_f1": 0.85,
    "outcome_accuracy": 0.95,
    "qualifier_accuracy": 0.95,
    "attribution_accuracy": 0.88,
    "hedged_f1": 0.80,
    "part_of_accuracy": 0.85,
    "groups_f1": 0.85,
    "quote_f1": 0.92,
    "speaker_accuracy": 0.90,
    "act_f1": 0.90,
}

#: A target only applies when the gold has something of that kind.
_NEEDS_GOLD = {"figure_f1": "figures_gold", "strict_f1": "figures_gold", "quote_f1": "quotes_gold",
               "act_f1": "acts_gold"}


@dataclass
class Report:
    """An evaluation: the scores of ``score.py``, per-document details and the predictions used.

    Attributes:
        scores: exactly the keys and values of ``score.py``'s result.
        details: one entry per gold document, in name order.
        predictions: the OUTPUT.md dictionaries scored, keyed by document name.
        warnings: notes such as documents that had no prediction.
    """

    scores: dict[str, Any]
    details: list[DocumentDetails] = field(default_factory=list)
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def target_status(self, metric: str) -> str:
        """``pass``, ``FAIL``, ``n/a`` (nothing to measure) or ``""`` (the metric has no target)."""
        if metric not in TARGETS:
            return ""
        value = self.scores.get(metric)
        needs = _NEEDS_GOLD.get(metric)
        if value is None or (needs and not self.scores.get(needs)):
            return "n/a"
        return "pass" if value >= TARGETS[metric] else "FAIL"

    def details_dict(self) -> list[dict[str, Any]]:
        """The details as plain JSON-ready dictionaries."""
        return [asdict(d) for d in self.details]

    def save_predictions(self, path: str | Path) -> None:
        """Write the predictions as JSON Lines that ``score.py`` and ``evaluate`` read back.

        A prediction whose ``document.path`` does not name its document gets ``NAME.txt`` there.
        """
        lines = []
        for name, pred in self.predictions.items():
            if prediction_name(pred) != name:
                pred = {**pred, "document": {**(pred.get("document") or {}), "path": f"{name}.txt"}}
            lines.append(json.dumps(pred, ensure_ascii=False))
        Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def format_value(value: Any) -> str:
    """A score for a table: floats to 3 decimals, None as ``n/a``."""
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(report: Report) -> str:
    """The metrics as an aligned text table with targets and pass/fail marks."""
    rows = [("metric", "value", "target", "")]
    for key, value in report.scores.items():
        target = f">= {TARGETS[key]:.2f}" if key in TARGETS else ""
        rows.append((key, format_value(value), target, report.target_status(key)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths[:3]) + "  ----")
    return "\n".join(lines)


def _figure(note: FigureNote) -> str:
    amount = note.amount()
    qualifier = "" if note.qualifier in (None, "exact", "vague", "range") else f" {note.qualifier}"
    where = f" at {note.span[0]}" if note.span else " (not aligned)"
    ident = f"{note.id} " if note.id else ""
    return f"{ident}{note.text!r}{where}: {note.outcome} {amount}{qualifier}"


def _quote(note: QuoteNote) -> str:
    text = note.text if note.text is None or len(note.text) <= 60 else note.text[:57] + "..."
    return f"{text!r} (speaker {note.speaker!r})"


def detail_lines(details: DocumentDetails) -> Iterator[str]:
    """Readable lines for one document's misses, extras and wrong fields."""
    if not details.has_prediction:
        yield "no prediction for this document"
    if details.aligned:
        yield "prediction text differs from the gold text; spans were aligned"
    for pair in details.wrong_figures:
        wrong = "; ".join(f"{e.field} {e.predicted!r} (gold {e.gold!r})" for e in pair.errors)
        yield f"wrong figure {pair.gold.text!r}: {wrong}"
    yield from (f"missed figure {_figure(n)}" for n in details.missed_figures)
    yield from (f"extra figure {_figure(n)}" for n in details.extra_figures)
    for err in details.wrong_speakers:
        yield f"wrong speaker for quote {err.gold.text!r}: {err.predicted.speaker!r} (gold {err.gold.speaker!r})"
    yield from (f"missed quote {_quote(n)}" for n in details.missed_quotes)
    yield from (f"extra quote {_quote(n)}" for n in details.extra_quotes)
    yield from (f"missed act {j!r}" for j in details.missed_acts)
    yield from (f"extra act {j!r}" for j in details.extra_acts)


def format_details(report: Report) -> str:
    """Every document with something wrong, then its readable detail lines."""
    out = []
    for details in report.details:
        lines = list(detail_lines(details))
        if lines:
            out.append(f"{details.name}:")
            out.extend(f"  {line}" for line in lines)
    return "\n".join(out) if out else "no misses, extras or wrong fields"
