"""The documentation is tested: the package's doctests and the examples of ``docs/``."""

from __future__ import annotations

import doctest
import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

import counterclaim

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
USER_FACING = [ROOT / "README.md", ROOT / "benchmarks" / "README.md", *sorted(DOCS.glob("*.md"))]
OWN_DOCS = [ROOT / "README.md", *(DOCS / name for name in ("output.md", "annotation.md", "scoring.md",
                                                          "development.md"))]
MODEL_CUES = ("extract_text", "extract_file", "spacy.load", "load_nlp", "run_batch")
BROKEN_DOCTESTS: dict[str, str] = {}
"""Modules whose examples are known not to run (none: every example of the package is run)."""


def _modules() -> list[str]:
    """The package's modules whose source has an interactive example (only those are imported)."""
    package = Path(counterclaim.__file__).parent
    names = []
    for path in sorted(package.rglob("*.py")):
        if ">>>" in path.read_text(encoding="utf-8"):
            parts = path.relative_to(package.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _doctests(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [t for t in doctest.DocTestFinder().find(module, name) if t.examples]


def _doctest_params() -> list[Any]:
    params = []
    for name in _modules():
        tests = _doctests(name)
        if not tests:
            continue
        source = "".join(e.source for t in tests for e in t.examples)
        marks = [pytest.mark.slow] if any(cue in source for cue in MODEL_CUES) else []
        if name in BROKEN_DOCTESTS:
            marks.append(pytest.mark.xfail(strict=True, reason=BROKEN_DOCTESTS[name]))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def test_the_package_has_doctests() -> None:
    names = [p.values[0] for p in _doctest_params()]
    assert "counterclaim" in names and len(names) >= 10


@pytest.mark.parametrize("name", _doctest_params())
def test_doctests(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in _doctests(name):
        runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, "".join(report)
    assert list(tmp_path.iterdir()) == [], "a doctest left files behind"


def test_no_user_facing_text_points_at_the_shared_folder() -> None:
    for path in USER_FACING:
        text = path.read_text(encoding="utf-8")
        for bad in ("../shared", "shared/spec", "shared/corpus"):
            assert bad not in text, f"{path.relative_to(ROOT)} mentions {bad}"
    for path in OWN_DOCS:  # the contract, the rules and the scoring are these documents
        text = path.read_text(encoding="utf-8")
        for bad in ("OUTPUT.md", "ANNOTATION.md", "SCORING.md"):
            assert bad not in text, f"{path.relative_to(ROOT)} mentions {bad}"


def test_docs_links_exist() -> None:
    for path in sorted(DOCS.glob("*.md")):
        for link in re.findall(r"\]\(([^)#]+)\)", path.read_text(encoding="utf-8")):
            if not link.startswith("http"):
                assert (path.parent / link).exists(), f"{path.name} links to a missing {link}"


def _indented_block_after(text: str, marker: str) -> str:
    """The indented (4-space) block that follows the first line containing ``marker``."""
    lines = text[text.index(marker):].splitlines()[1:]
    while lines and not lines[0].strip():
        lines.pop(0)
    block = []
    for line in lines:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip() + "\n"


def _json_blocks(text: str) -> list[Any]:
    return [json.loads(body) for body in re.findall(r"^```json\n(.*?)^```", text, re.MULTILINE | re.DOTALL)]


def test_docs_json_examples_are_json() -> None:
    for path in sorted(DOCS.glob("*.md")):
        _json_blocks(path.read_text(encoding="utf-8"))


def test_output_doc_describes_every_field() -> None:
    from counterclaim.records import Count, Document, Figure, Result

    text = (DOCS / "output.md").read_text(encoding="utf-8")
    doc = Document(id="x", text="12 people died")
    record = Result(document=doc, figures=(Figure(id="f1", span=(0, 9), text="12 people", outcome="killed",
                                                  count=Count(12, 12, 12, "exact"), confidence=0.5),)).to_dict()
    [example] = _json_blocks(text)
    assert list(example) == list(record)
    assert list(example["document"]) == list(record["document"])
    assert list(example["figures"][0]) == list(record["figures"][0])
    fields = [*record["document"], *record["figures"][0], *record["figures"][0]["count"], "speaker", "via",
              "jurisdiction", "jurisdiction_code", "act", "date", "code", "message"]
    for field in fields:
        assert f"`{field}`" in text, f"docs/output.md does not describe {field}"
    from counterclaim.records import FIGURE_KINDS, GROUPS, OUTCOMES, QUALIFIERS, SOURCE_TYPES, STANCES

    for value in (*OUTCOMES, *QUALIFIERS, *GROUPS, *SOURCE_TYPES, *STANCES, *FIGURE_KINDS):
        assert f"`{value}`" in text, f"docs/output.md does not name {value}"
    from counterclaim.errors import Warnings

    for code in [c for c in vars(Warnings) if re.fullmatch(r"W\d{3}", c)]:
        assert f"`{code}`" in text, f"docs/output.md does not list {code}"


@pytest.mark.slow
def test_output_doc_example_is_what_extract_gives() -> None:
    from counterclaim import extract_text

    text = (DOCS / "output.md").read_text(encoding="utf-8")
    article = _indented_block_after(text, "For an invented two-sentence report")
    result = extract_text(article, path="orlava.txt").to_dict()
    [example] = _json_blocks(text)
    assert result["document"]["id"].startswith(example["document"]["id"].split("…")[0])
    assert {k: v for k, v in result["document"].items() if k not in ("id", "text")} == \
        {k: v for k, v in example["document"].items() if k not in ("id", "text")}
    assert result["figures"][0] == example["figures"][0]
    assert [f["text"] for f in result["figures"]] == ["At least 41 people", "12 others", "9 children"]
    third = result["figures"][2]
    assert third["part_of"] == "f1" and third["hedged"] and third["source"] is None
    assert (third["stance"], third["kind"], third["kind_reason"]) == ("hedged", "breakdown", "part of f1")


@pytest.mark.slow
def test_output_doc_stance_examples() -> None:
    from counterclaim import extract_text

    text = (DOCS / "output.md").read_text(encoding="utf-8")
    rows = re.findall(r'^\| `(\w+)` \| [^|]+ \| "([^"]+)" \|$', text, re.MULTILINE)
    assert [stance for stance, _ in rows] == ["asserted", "hedged", "denied", "rejected"]
    for stance, sentence in rows:
        [figure] = extract_text(sentence).figures
        assert (figure.stance, figure.hedged) == (stance, stance != "asserted"), sentence


@pytest.mark.slow
def test_annotation_doc_gold_example_scores_perfectly(tmp_path: Path) -> None:
    from counterclaim.evaluate import evaluate

    text = (DOCS / "annotation.md").read_text(encoding="utf-8")
    article = _indented_block_after(text, "For this invented article")
    gold = _json_blocks(text)[-1]
    (tmp_path / gold["doc"]).write_text(article, encoding="utf-8")
    (tmp_path / "orlava.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate(tmp_path).scores
    assert scores["figures_gold"] == 3 and scores["quotes_gold"] == 1 and scores["acts_gold"] == 1
    assert scores["strict_f1"] == 1.0 and scores["quote_f1"] == 1.0 and scores["act_f1"] == 1.0
    assert scores["hedged_f1"] == 1.0 and scores["part_of_accuracy"] == 1.0
    assert scores["speaker_accuracy"] == 1.0


def test_scoring_doc_targets_are_the_commands() -> None:
    from counterclaim.evaluate.report import TARGETS

    text = (DOCS / "scoring.md").read_text(encoding="utf-8")
    for metric, target in TARGETS.items():
        row = next((line for line in text.splitlines() if line.startswith("|") and f"`{metric}`" in line
                    and re.search(r"\d\.\d\d", line)), None)
        assert row is not None, f"docs/scoring.md gives no target for {metric}"
        assert f"{target:.2f}" in row, f"{metric}: {row}"
