"""The README works as written: its first three lines, its Python examples and its commands.

Conventions of the README that these tests rely on:

* the first three lines are the install, test and main-job commands;
* ``pycon`` blocks are doctests (run from the repository root);
* every ``counterclaim`` line of a fenced ``sh`` block is run from the repository root (on a
  throwaway ledger), except ``serve``, which would not return; indented blocks are
  illustrations (placeholders like ``ARCHIVE/``) or sample output.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
NOT_RUN = {"serve": "it serves until stopped"}


def fenced_blocks(text: str, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(text) if lang == language]


def command_of(line: str) -> str:
    """A shell line without its trailing comment."""
    return re.split(r"\s+#\s", line.strip(), maxsplit=1)[0].strip()


def readme_commands() -> list[tuple[list[str], str | None]]:
    """``(argv after 'counterclaim', stdin file)`` of every counterclaim line of the sh blocks."""
    out: list[tuple[list[str], str | None]] = []
    for block in fenced_blocks(README.read_text(encoding="utf-8"), "sh"):
        for line in block.splitlines():
            command = command_of(line)
            stdin = None
            piped = re.fullmatch(r"cat (\S+) \| (counterclaim .*)", command)
            if piped:
                stdin, command = piped.group(1), piped.group(2)
            if command.startswith("counterclaim "):
                out.append((shlex.split(command)[1:], stdin))
    return out


def counterclaim_executable() -> str:
    """The console script of this environment (what a user's shell finds after the install)."""
    beside = Path(sys.executable).with_name("counterclaim")
    found = str(beside) if beside.exists() else shutil.which("counterclaim")
    assert found, "the counterclaim console script is not installed: pip install -e ."
    return found


def test_readme_conventions_hold() -> None:
    """The README has the blocks the tests below run, so that they cannot pass by finding nothing."""
    text = README.read_text(encoding="utf-8")
    assert [line.strip().split("  ")[0] for line in text.splitlines()[:3]] == [
        'pip install -e ".[dev]"', "python -m pytest -q", "counterclaim extract examples/srebrenica-1995-denial.txt"]
    assert len(fenced_blocks(text, "pycon")) >= 2
    assert not fenced_blocks(text, "python"), "write Python examples as pycon (>>>) blocks: they are doctests"
    names = {argv[0] for argv, _ in readme_commands()}
    assert {"extract", "ingest", "events", "event", "sources", "documents", "checks", "export", "evaluate",
            "serve"} <= names
    assert "../shared" not in text and "shared/" not in text


def test_readme_links_exist() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", text)
    assert links
    missing = [link for link in links if not link.startswith("http") and not (ROOT / link).exists()]
    assert not missing


@pytest.mark.slow
def test_main_job_line_runs_as_written_on_a_clone(tmp_path: Path) -> None:
    line3 = command_of(README.read_text(encoding="utf-8").splitlines()[2])
    argv = shlex.split(line3)
    assert argv[:2] == ["counterclaim", "extract"]
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run([counterclaim_executable(), *argv[1:]], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = [line.split()[0] for line in done.stdout.splitlines() if re.match(r"f\d+ ", line)]
    assert rows == ["f1", "f2", "f3"]
    assert "the ICTY (intergovernmental)" in done.stdout


@pytest.mark.slow
def test_readme_python_examples() -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)  # the examples name files relative to the repository root
    try:
        failed, attempted = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS,
                                             verbose=False, report=True)
    finally:
        os.chdir(cwd)
    assert attempted >= 8 and failed == 0


@pytest.mark.slow
def test_readme_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COUNTERCLAIM_DB", str(tmp_path / "readme.db"))
    monkeypatch.setenv("COLUMNS", "200")
    had_default_ledger = (ROOT / "counterclaim.db").exists()
    outputs: dict[str, str] = {}
    ran = 0
    for argv, stdin in readme_commands():
        if argv[0] in NOT_RUN:
            continue
        data = (ROOT / stdin).read_text(encoding="utf-8") if stdin else None
        result = CliRunner().invoke(main, argv, input=data, catch_exceptions=False)
        assert result.exit_code == 0, f"counterclaim {' '.join(argv)}: {result.output}"
        assert "error:" not in result.output
        outputs.setdefault(" ".join(argv), result.output)
        ran += 1
    assert ran >= 12
    assert (ROOT / "counterclaim.db").exists() == had_default_ledger, "a README command wrote into the clone"
    text = README.read_text(encoding="utf-8")
    # the sample outputs shown in the README are what these commands print
    table = outputs["extract examples/srebrenica-1995-denial.txt"]
    sample = re.search(r"^    == Republika.*?(?=\n\n)", text, re.MULTILINE | re.DOTALL)
    assert sample and table.splitlines() == [line[4:] for line in sample.group(0).splitlines()]
    event = outputs["event srebrenica-1995"]
    summary = re.search(r"^    killed · whole toll.*?(?=\n\n)", text, re.MULTILINE | re.DOTALL)
    assert summary
    for line in summary.group(0).splitlines():
        assert line[4:] in event.splitlines()
