"""Evaluation of extraction output against gold annotations (SCORING.md).

``evaluate(gold_dir)`` runs counterclaim over a gold folder and scores it; ``evaluate(gold_dir,
predictions)`` scores saved predictions instead. The numbers are those of the reference scorer
``spec/score.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterclaim.errors import Errors, EvaluationError
from counterclaim.evaluate.load import load_gold, load_predictions
from counterclaim.evaluate.report import TARGETS, Report, format_details, format_table
from counterclaim.evaluate.scoring import DocumentDetails, GoldDocument, score_corpus

if TYPE_CHECKING:
    from counterclaim.options import Options

__all__ = ["TARGETS", "DocumentDetails", "GoldDocument", "Report", "evaluate", "format_details",
           "format_table", "load_gold", "load_predictions", "run_counterclaim"]

Predictions = str | Path | Mapping[str, Mapping[str, Any]] | None


def run_counterclaim(documents: list[GoldDocument], options: Options | None = None) -> dict[str, dict[str, Any]]:
    """Extract from the text file of every gold document with ``counterclaim.process.extract_file``.

    Returns:
        OUTPUT.md dictionaries keyed by document name.
    """
    from counterclaim.process import extract_file

    return {doc.name: extract_file(doc.path or doc.name + ".txt", options=options).to_dict() for doc in documents}


def evaluate(gold_dir: str | Path, predictions: Predictions = None, *, options: Options | None = None) -> Report:
    """Score predictions against a gold folder.

    Args:
        gold_dir: a folder of ``NAME.txt`` + ``NAME.gold.json``.
        predictions: None to run counterclaim on each ``NAME.txt``; a folder of ``NAME.json``; a
            JSON Lines file (objects keyed by the name of ``document.path``); or a mapping of
            name to OUTPUT.md dictionary.
        options: processing settings when counterclaim is run.

    Returns:
        The Report: ``scores`` as ``score.py`` computes them, ``details`` per document and the
        predictions used.

    Raises:
        EvaluationError: E020 (not a gold folder), E021 (predictions unreadable), E022 (invalid
            JSON or a malformed prediction).
    """
    documents = load_gold(gold_dir)
    if predictions is None:
        preds = run_counterclaim(documents, options)
    elif isinstance(predictions, Mapping):
        preds = {name: dict(pred) for name, pred in predictions.items()}
    else:
        preds = load_predictions(predictions)
    try:
        scores, details = score_corpus(documents, preds)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        where = predictions if isinstance(predictions, str | Path) else "predictions"
        raise EvaluationError(Errors.E022.format(path=where, detail=f"malformed gold or prediction: {exc!r}")) from exc
    warnings = [f"no prediction for {d.name}" for d in details if not d.has_prediction]
    return Report(scores=scores, details=details, predictions=preds, warnings=warnings)
