"""Reading gold folders and prediction files (the loading rules of ``score.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from counterclaim.errors import Errors, EvaluationError
from counterclaim.evaluate.scoring import GoldDocument

GOLD_SUFFIX = ".gold.json"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(Errors.E022.format(path=path, detail=exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(Errors.E021.format(path=path, detail=exc)) from exc


def load_gold(gold_dir: str | Path) -> list[GoldDocument]:
    """Read every ``NAME.gold.json`` of a folder with the text it names (``doc``), sorted by name.

    Raises:
        EvaluationError: E020 when the folder holds no gold files, E022 for invalid JSON, E006
            when the text a gold file names cannot be read.
    """
    folder = Path(gold_dir)
    files = sorted(folder.glob("*" + GOLD_SUFFIX)) if folder.is_dir() else []
    if not files:
        raise EvaluationError(Errors.E020.format(path=folder))
    documents = []
    for gold_file in files:
        gold = _read_json(gold_file)
        if not isinstance(gold, dict) or "doc" not in gold:
            raise EvaluationError(Errors.E022.format(path=gold_file, detail="not a gold object with a 'doc' field"))
        text_path = gold_file.parent / gold["doc"]
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvaluationError(Errors.E006.format(path=text_path, detail=exc)) from exc
        name = gold_file.name.removesuffix(GOLD_SUFFIX)
        documents.append(GoldDocument(name=name, text=text, gold=gold, path=str(text_path)))
    return documents


def prediction_name(prediction: dict[str, Any]) -> str:
    """The document name a JSON Lines prediction belongs to: its ``document.path`` less ``.txt``."""
    path = (prediction.get("document") or {}).get("path") or ""
    return Path(path).name.removesuffix(".txt")


def _load_folder(folder: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for file in folder.glob("*.json"):
        if not file.name.endswith(GOLD_SUFFIX):
            obj = _read_json(file)
            if not isinstance(obj, dict):
                raise EvaluationError(Errors.E022.format(path=file, detail="expected one JSON object"))
            out[file.stem] = obj
    return out


def _load_lines(path: Path) -> dict[str, dict[str, Any]]:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(Errors.E021.format(path=path, detail=exc)) from exc
    out: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(Errors.E022.format(path=f"{path} line {number}", detail=exc)) from exc
        if not isinstance(obj, dict):
            raise EvaluationError(Errors.E022.format(path=f"{path} line {number}", detail="expected a JSON object"))
        out[prediction_name(obj)] = obj
    return out


def load_predictions(pred_path: str | Path) -> dict[str, dict[str, Any]]:
    """Read predictions keyed by document name.

    A folder holds ``NAME.json`` files (one OUTPUT.md object each; ``*.gold.json`` are skipped);
    a file is JSON Lines whose objects are keyed by the name of ``document.path`` less ``.txt``.
    A later object for the same name replaces an earlier one.

    Raises:
        EvaluationError: E021 when the path cannot be read, E022 for invalid JSON.
    """
    path = Path(pred_path)
    if path.is_dir():
        return _load_folder(path)
    if not path.exists():
        raise EvaluationError(Errors.E021.format(path=path, detail="no such file or folder"))
    return _load_lines(path)
