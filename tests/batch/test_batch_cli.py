"""``counterclaim ingest`` with the batch options; backends' edges; the progress bar."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click
import pytest
from batch_helpers import GOOD_DOCS_CLI
from click.testing import CliRunner

from counterclaim.ledger.commands import COMMANDS


def cli(*args: str) -> object:
    group = click.Group("counterclaim", commands={c.name: c for c in COMMANDS})  # type: ignore[misc]
    return CliRunner().invoke(group, list(args), catch_exceptions=False)


def test_workers_json_report_and_exit_code(archive: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    out = cli("ingest", str(archive), "--db", db, "--workers", "2", "--format", "json")
    assert out.exit_code == 1  # type: ignore[attr-defined]
    data = json.loads(out.stdout)  # type: ignore[attr-defined]
    assert data["added"] == GOOD_DOCS_CLI and [f["input"].rsplit("/", 1)[-1] for f in data["failed"]] == [
        "dump.jsonl:4"]
    again = cli("ingest", str(archive), "--db", db, "--partition-size", "3")
    assert f"skipped {GOOD_DOCS_CLI} already stored" in again.stdout  # type: ignore[attr-defined]


@pytest.mark.slow
def test_output_only_and_usage_errors(archive: Path, tmp_path: Path) -> None:
    out = cli("ingest", str(archive), "--output", str(tmp_path / "shards"), "--progress")
    assert out.exit_code == 1 and f"wrote {GOOD_DOCS_CLI} document(s)" in out.stdout  # type: ignore[attr-defined]
    assert "docs/s" in out.stderr  # type: ignore[attr-defined]
    assert not (tmp_path / "counterclaim.db").exists()
    bad = cli("ingest", str(archive), "--no-ledger")
    assert bad.exit_code == 2 and "--no-ledger needs --output" in bad.output  # type: ignore[attr-defined]


def test_dask_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch, archive: Path, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = cli("ingest", str(archive), "--db", str(tmp_path / "l.db"), "--engine", "dask")
    assert out.exit_code == 3 and "E152" in out.stderr and "counterclaim[dask]" in out.stderr  # type: ignore[attr-defined]


def test_dask_engine_on_a_local_cluster(archive: Path, tmp_path: Path) -> None:
    from batch_helpers import dask_or_skip

    dask_or_skip()
    out = cli("ingest", str(archive), "--db", str(tmp_path / "l.db"), "--engine", "dask", "--workers", "2")
    assert out.exit_code == 1 and f"added {GOOD_DOCS_CLI} document(s)" in out.stdout  # type: ignore[attr-defined]


def test_backends_yield_in_order_with_a_bounded_window() -> None:
    from counterclaim.batch.backends import LocalBackend, _ordered

    submitted: list[int] = []

    def submit(p: int) -> int:
        submitted.append(p)
        return p

    def result(p: int) -> int:
        assert len(submitted) - p <= 3  # never more than the window ahead
        if p == 2:
            raise OSError("lost")
        return p * 10

    got = list(_ordered(submit, result, iter(range(6)), 3))
    assert [p for p, _ in got] == list(range(6)) and isinstance(got[2][1], OSError) and got[3][1] == 30
    assert [o for _, o in LocalBackend().map(lambda p: 1 / p, [1, 0])][0] == 1.0


def test_progress_bar_line() -> None:
    from counterclaim.batch.progress import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(10, stream=stream, interval=0)
    bar.started -= 2.0
    bar.update(4, words=400, failed=1)
    line = bar.line()
    assert "4/10 docs" in line and "docs/s" in line and "words/s" in line
    assert "ETA 0:00:0" in line and "1 failed" in line
    bar.close()
    assert stream.getvalue().endswith("\n")
