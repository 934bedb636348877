"""Snapshot of the public surface: what downstream users and the docs rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import counterclaim
from counterclaim.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_public_names():
    assert sorted(counterclaim.__all__) == sorted([
        "Act", "ConfigError", "Count", "CounterclaimError", "Diagnostic", "Document", "Figure", "InputError",
        "Options", "Quote", "Result", "Source", "Speaker", "__version__", "extract_file", "extract_text",
    ])


def test_spacy_factory_is_registered():
    from spacy.language import Language

    import counterclaim.nlp.component  # noqa: F401

    assert "counterclaim" in Language.factories


def test_result_keys():
    from counterclaim.records import Count, Document, Figure, Result

    doc = Document(id="x", text="12 people died")
    fig = Figure(id="f1", span=(0, 9), text="12 people", outcome="killed", count=Count(12, 12, 12, "exact"))
    d = Result(document=doc, figures=(fig,)).to_dict()
    assert list(d) == ["document", "figures", "quotes", "acts", "diagnostics", "versions"]
    assert list(d["figures"][0]) == ["id", "span", "text", "outcome", "count", "groups", "part_of", "source",
                                     "hedged", "stance", "kind", "kind_reason", "sentence"]


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert f"counterclaim {name}" in README.read_text(encoding="utf-8"), f"{name} is not documented"


def test_readme_starts_with_install_test_and_main_commands():
    lines = [line.strip() for line in README.read_text(encoding="utf-8").splitlines()[:3]]
    assert lines[0].startswith('pip install -e ".[dev]"')
    assert lines[1].startswith("python -m pytest")
    assert lines[2].startswith("counterclaim extract")
