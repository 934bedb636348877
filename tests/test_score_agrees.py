"""``counterclaim.evaluate`` gives exactly the numbers of the reference scorer ``spec/score.py``.

The reference is loaded from the shared folder at test time (never copied into the repository).
Predictions are (a) built from the dev gold files with deliberate, seeded perturbations and
(b) counterclaim's own output on the dev corpus.
"""

from __future__ import annotations

import importlib.util
import io
import json
import random
import re
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from counterclaim.evaluate import evaluate, load_gold
from counterclaim.evaluate.scoring import GoldDocument, locate

pytestmark = pytest.mark.slow

OUTCOMES = ("killed", "injured", "missing", "captured", "displaced")
QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "range", "vague")
GROUPS = ("civilians", "children", "women", "combatants", "police")
WRONG_NAMES = ("Zorblat Institute", "of", "the", "Ministry", "an official", "")


@pytest.fixture(scope="module")
def reference(spec_dir: Path) -> ModuleType:
    path = spec_dir / "score.py"
    if not path.is_file():
        pytest.fail(f"the reference scorer is missing at {path}; set COUNTERCLAIM_SHARED")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_score(reference: ModuleType, gold_dir: Path, pred_path: Path) -> tuple[dict, str]:
    """The reference scores and its --details lines (its stderr warnings are swallowed)."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        scores = reference.score(str(gold_dir), str(pred_path), details=True)
    return scores, out.getvalue()


# --------------------------------------------------------------------------- perturbations


def edit_text(text: str, rng: random.Random) -> tuple[str, list[int]]:
    """Insert, delete and change a few characters; return the new text and old→new offsets."""
    inserts = set(rng.sample(range(len(text)), 4))
    deletes = set(rng.sample(range(len(text)), 4)) - inserts
    out: list[str] = []
    mapping, size = [], 0
    for i, ch in enumerate(text):
        if i in inserts:
            out.append(rng.choice(["[x] ", "\n", "  ", "é"]))
            size += len(out[-1])
        mapping.append(size)
        if i not in deletes:
            out.append(ch.upper() if rng.random() < 0.002 else ch)
            size += 1
    mapping.append(size)
    return "".join(out), mapping


def pick(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def figure_span(rng: random.Random, span: tuple[int, int], size: int) -> list[int] | None:
    s, e = span
    roll = rng.random()
    if roll < 0.55:
        return [s, e]
    if roll < 0.7:
        return [s, s + max(1, (e - s) // 2)]
    if roll < 0.8:
        shift = rng.randint(-8, 8)
        return [max(0, s + shift), min(size, max(s + shift + 1, e + shift))]
    if roll < 0.88:
        start = rng.randrange(size - 1)
        return [start, start + 2]
    if roll < 0.94:
        return [e, e + 3]  # touching, not overlapping
    return None


def figure_count(rng: random.Random, g: dict[str, Any]) -> dict[str, Any]:
    count = {"value": g.get("value"), "low": g.get("low", g.get("value")), "high": g.get("high", g.get("value")),
             "qualifier": g["qualifier"]}
    if pick(rng, 0.1):
        count["value"] = (count["value"] or 0) + 1
    if pick(rng, 0.08):
        count["low"] = (count["low"] or 0) + 1
    if pick(rng, 0.15):
        count["qualifier"] = rng.choice(QUALIFIERS)
    if pick(rng, 0.03):
        return {}
    return count


def figure_source(rng: random.Random, g: dict[str, Any]) -> dict[str, Any] | None:
    roll = rng.random()
    names = [g.get("source")] + list(g.get("source_aliases") or [])
    if roll < 0.5:
        name = rng.choice(names)
    elif roll < 0.65:
        name = rng.choice(names)
        name = name if name is None else rng.choice([name.upper(), f"the {name}'s", name.split()[-1], f"{name} office"])
    elif roll < 0.8:
        name = rng.choice(WRONG_NAMES)
    else:
        return None
    return None if name is None and pick(rng, 0.5) else {"name": name, "type": "unspecified", "span": None}


def figure_hedge(rng: random.Random, g: dict[str, Any]) -> dict[str, Any]:
    """The gold flag, flipped now and then, or left out (a missing flag counts as false)."""
    roll = rng.random()
    if roll < 0.1:
        return {}
    hedged = bool(g.get("hedged"))
    return {"hedged": (not hedged) if roll < 0.3 else hedged}


def perturb_figures(rng: random.Random, doc: GoldDocument) -> list[dict[str, Any]]:
    text, preds, by_gold = doc.text, [], {}
    for gi, g in enumerate(doc.gold["figures"]):
        span = locate(text, g["anchor"], g.get("occurrence", 1))
        if span is None or pick(rng, 0.12):
            continue
        groups = list(g.get("groups") or [])
        if pick(rng, 0.15):
            groups = sorted(set(groups) ^ {rng.choice(GROUPS)})
        by_gold[gi] = f"f{len(preds) + 1}"
        pspan = figure_span(rng, span, len(text))
        preds.append({"id": by_gold[gi] if not pick(rng, 0.03) else None, "span": pspan,
                      "text": text[pspan[0]:pspan[1]] if pspan else None,
                      "outcome": g["outcome"] if not pick(rng, 0.12) else rng.choice(OUTCOMES),
                      "count": figure_count(rng, g), "groups": groups, "_gold": gi,
                      "source": figure_source(rng, g), **figure_hedge(rng, g)})
    anchors = {i: g["anchor"] for i, g in enumerate(doc.gold["figures"])}
    for p in preds:
        whole = doc.gold["figures"][p.pop("_gold")].get("part_of")
        candidates = [by_gold[i] for i, a in anchors.items() if a == whole and i in by_gold]
        roll = rng.random()
        p["part_of"] = (rng.choice(candidates) if candidates and roll < 0.7 else
                        rng.choice(["f999", None, preds[0]["id"]]) if roll < 0.85 else None)
    return preds


def extra_figures(rng: random.Random, text: str, preds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    extras = []
    numbers = list(re.finditer(r"\d[\d,]*", text))
    for k in range(rng.randint(0, 4)):
        if not numbers:
            break
        m = rng.choice(numbers)
        value = int(m.group().replace(",", "") or 0) if pick(rng, 0.6) else rng.randint(1, 50)
        extras.append({"id": f"x{k}", "span": [m.start(), m.end()], "text": m.group(), "outcome": "killed",
                       "count": {"value": value, "low": value, "high": value, "qualifier": "exact"},
                       "groups": [], "part_of": None, "source": None})
    for p in rng.sample(preds, min(len(preds), rng.randint(0, 2))):
        extras.append({**p, "id": f"d{p['id']}"})  # duplicates: matching must stay one-to-one
    return extras


def perturb_quotes(rng: random.Random, doc: GoldDocument) -> list[dict[str, Any]]:
    text, preds = doc.text, []
    for q in doc.gold.get("quotes") or []:
        span = locate(text, q["anchor"], q.get("occurrence", 1))
        if span is None or pick(rng, 0.15):
            continue
        s, e = span
        if pick(rng, 0.15):
            s, e = max(0, s - rng.randint(0, 40)), e + rng.randint(0, 200)
        names = [q.get("speaker")] + list(q.get("speaker_aliases") or [])
        roll = rng.random()
        name = rng.choice(names) if roll < 0.6 else rng.choice(WRONG_NAMES) if roll < 0.85 else None
        speaker = None if name is None and pick(rng, 0.5) else {"name": name, "span": None}
        preds.append({"id": f"q{len(preds) + 1}", "span": [s, min(e, len(text))], "text": text[s:e],
                      "speaker": speaker, "via": None})
    for k in range(rng.randint(0, 2)):
        start = rng.randrange(len(text) - 20)
        preds.append({"id": f"qx{k}", "span": [start, start + 15], "text": text[start:start + 15],
                      "speaker": {"name": rng.choice(WRONG_NAMES), "span": None}, "via": None})
    return preds


def perturb_acts(rng: random.Random, doc: GoldDocument) -> list[dict[str, Any]]:
    acts = []
    for a in doc.gold.get("acts") or []:
        if pick(rng, 0.2):
            continue
        name = a["jurisdiction"]
        acts.append({"id": f"a{len(acts) + 1}", "span": [0, 1], "act": a["act"], "date": None,
                     "jurisdiction": rng.choice([name, name.upper(), f"the {name}", f"{name}."]),
                     "jurisdiction_code": None})
    for k in range(rng.randint(0, 2)):
        acts.append({"id": f"ax{k}", "span": [0, 1], "jurisdiction": rng.choice(["Atlantis", "", "Ruritania"]),
                     "jurisdiction_code": None, "act": "other", "date": None})
    return acts


def shift(items: list[dict[str, Any]], mapping: list[int]) -> None:
    for item in items:
        if item.get("span"):
            s, e = item["span"]
            item["span"] = [mapping[min(s, len(mapping) - 1)], mapping[min(e, len(mapping) - 1)]]


def perturbed_prediction(rng: random.Random, doc: GoldDocument) -> dict[str, Any]:
    figures = perturb_figures(rng, doc)
    figures += extra_figures(rng, doc.text, figures)
    rng.shuffle(figures)
    quotes = perturb_quotes(rng, doc)
    text: str | None = doc.text
    if pick(rng, 0.35):
        text, mapping = edit_text(doc.text, rng)
        shift(figures, mapping)
        shift(quotes, mapping)
    elif pick(rng, 0.2):
        text = None
    return {"document": {"path": f"some/where/{doc.name}.txt", "text": text},
            "figures": figures, "quotes": quotes, "acts": perturb_acts(rng, doc)}


def write_predictions(preds: dict[str, dict[str, Any]], folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    for name, pred in preds.items():
        (folder / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    lines = folder.parent / f"{folder.name}.jsonl"
    lines.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()), encoding="utf-8")
    return folder, lines


# --------------------------------------------------------------------------- comparison


LINE = re.compile(r"^  (?P<name>[^:]+): "
                  r"(?P<kind>missed figure|extra figure|missed quote|acts missed|quote '|quote \"|)")
KINDS = {"missed figure": "missed_figures", "extra figure": "extra_figures", "missed quote": "missed_quotes",
         "acts missed": "acts", "quote '": "wrong_speakers", 'quote "': "wrong_speakers", "": "wrong_core"}


def reference_detail_counts(stdout: str) -> Counter:
    counts: Counter = Counter()
    for line in stdout.splitlines():
        m = LINE.match(line)
        assert m, line
        counts[(m["name"], KINDS[m["kind"]])] += 1
    return counts


def our_detail_counts(report: Any) -> Counter:
    counts: Counter = Counter()
    core = {"outcome", "qualifier", "source", "hedged"}
    for d in report.details:
        for kind in ("missed_figures", "extra_figures", "missed_quotes", "wrong_speakers"):
            counts[(d.name, kind)] += len(getattr(d, kind))
        counts[(d.name, "wrong_core")] += sum(1 for p in d.wrong_figures if core & {e.field for e in p.errors})
        counts[(d.name, "acts")] += bool(d.missed_acts or d.extra_acts)
    return +counts


def assert_agree(reference: ModuleType, gold_dir: Path, preds_folder: Path, preds_lines: Path) -> None:
    for path in (preds_folder, preds_lines):
        expected, stdout = reference_score(reference, gold_dir, path)
        report = evaluate(gold_dir, path)
        assert list(report.scores.items()) == list(expected.items())
        assert our_detail_counts(report) == reference_detail_counts(stdout)


@pytest.mark.parametrize("seed", range(5))
def test_perturbed_predictions_agree(reference: ModuleType, corpus_dir: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    documents = load_gold(corpus_dir)
    preds = {doc.name: perturbed_prediction(rng, doc) for doc in documents if not (seed and pick(rng, 0.05))}
    folder, lines = write_predictions(preds, tmp_path / "preds")
    assert_agree(reference, corpus_dir, folder, lines)


def test_perfect_and_empty_predictions_agree(reference: ModuleType, corpus_dir: Path, tmp_path: Path) -> None:
    documents = load_gold(corpus_dir)
    rng = random.Random(0)
    perfect = {}
    for doc in documents:
        figs = []
        for g in doc.gold["figures"]:
            s, e = locate(doc.text, g["anchor"], g.get("occurrence", 1))  # type: ignore[misc]
            figs.append({"id": g["anchor"], "span": [s, e], "outcome": g["outcome"], "groups": g["groups"],
                         "count": {"value": g.get("value"), "low": g.get("low"), "high": g.get("high"),
                                   "qualifier": g["qualifier"]},
                         "part_of": g.get("part_of"),
                         "source": {"name": g["source"]} if g.get("source") else None})
        quotes = [{"span": list(locate(doc.text, q["anchor"]) or [0, 1]),
                   "speaker": {"name": q["speaker"]} if q.get("speaker") else None} for q in doc.gold["quotes"]]
        perfect[doc.name] = {"document": {"path": f"{doc.name}.txt", "text": doc.text}, "figures": figs,
                             "quotes": quotes, "acts": doc.gold.get("acts", [])}
    assert_agree(reference, corpus_dir, *write_predictions(perfect, tmp_path / "perfect"))
    empty = {doc.name: {"document": {"path": f"{doc.name}.txt"}} for doc in documents if pick(rng, 0.7)}
    assert_agree(reference, corpus_dir, *write_predictions(empty, tmp_path / "empty"))


@pytest.fixture(scope="module")
def counterclaim_report(corpus_dir: Path) -> Any:
    return evaluate(corpus_dir)


def test_counterclaim_predictions_agree(reference: ModuleType, corpus_dir: Path, tmp_path: Path,
                                        counterclaim_report: Any) -> None:
    lines = tmp_path / "counterclaim.jsonl"
    counterclaim_report.save_predictions(lines)
    expected, stdout = reference_score(reference, corpus_dir, lines)
    assert list(counterclaim_report.scores.items()) == list(expected.items())
    assert our_detail_counts(counterclaim_report) == reference_detail_counts(stdout)
    folder, _ = write_predictions(counterclaim_report.predictions, tmp_path / "folder")
    assert evaluate(corpus_dir, folder).scores == expected
