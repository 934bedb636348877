"""An ingest killed with SIGKILL loses no committed document, and a rerun completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ledger_helpers import EXAMPLES, cli_group, fig, make_result

HERE = Path(__file__).resolve().parent
N_DOCS = 600
FIGURES_PER_DOC = 12


def _write_corpus(path: Path) -> dict[str, int]:
    expected = {}
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_DOCS):
            sentences = [f"In Town{i} on Friday {n + 10} people were killed." for n in range(FIGURES_PER_DOC)]
            text = f"Title: Report {i}\nPublished: 2020-05-02\n\n" + " ".join(sentences)
            figures = [fig(f"f{n + 1}", f"{n + 10} people", "killed", n + 10, source=None)
                       for n in range(FIGURES_PER_DOC)]
            result = make_result(text, figures, title=f"Report {i}", published="2020-05-02")
            expected[result.document.id] = len(result.figures)
            out.write(json.dumps(result.to_dict()) + "\n")
    return expected


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _kill_after(args: list[str], db: Path, at_least: int, timeout: float = 120) -> int:
    """Run ``counterclaim ARGS`` in a real process and SIGKILL it once ``at_least`` documents are committed."""
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r})\nfrom ledger_helpers import cli_group\n"
            "cli_group()(sys.argv[1:], prog_name='counterclaim')")
    log = db.with_suffix(".log")
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the ingest ended before it could be killed: {log.read_text()[-500:]}")
            if _count(db) >= at_least:
                os.kill(proc.pid, signal.SIGKILL)
                return proc.wait()
            time.sleep(0.005)
        proc.kill()
        proc.wait()
    pytest.fail("the ingest did not commit documents in time")


def _check_complete(db: Path, expected: dict[str, int]) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(conn.execute("SELECT d.id, COUNT(f.fid) FROM documents d LEFT JOIN figures f "
                                   "ON f.doc_id = d.id GROUP BY d.id").fetchall())
        incidents = {r[0] for r in conn.execute("SELECT DISTINCT doc_id FROM incidents")}
    for doc_id, n in stored.items():
        assert n == expected[doc_id], f"document {doc_id[:12]} is incomplete"
    assert incidents == set(stored)
    return len(stored)


def test_sigkill_during_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    expected = _write_corpus(corpus)
    db = tmp_path / "killed.db"
    args = ["ingest", str(corpus), "--db", str(db), "--no-ner"]
    assert _kill_after(args, db, at_least=20) == -signal.SIGKILL
    kept = _check_complete(db, expected)
    assert 20 <= kept < N_DOCS
    from counterclaim.ledger import Ledger

    with Ledger(db, read_only=True) as reader:  # a reader sees how many documents wait for grouping
        waiting = reader.counts()["ungrouped"]
    with Ledger(db) as writer:  # opening it for writing groups every committed document
        grouped = {d for e in writer.events() for d in e["documents"]}
        assert writer.counts()["ungrouped"] == 0 and len(grouped) == kept and waiting <= kept
    from click.testing import CliRunner

    out = CliRunner().invoke(cli_group(), args, catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert f"added {N_DOCS - kept} document(s), skipped {kept} already stored" in out.output
    assert _check_complete(db, expected) == N_DOCS
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM incidents WHERE event_id IS NULL").fetchone()[0] == 0


@pytest.mark.slow
def test_sigkill_during_a_real_extraction(tmp_path: Path) -> None:
    """The same with the trained pipeline over the examples and the dev corpus."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    shared = Path(os.environ.get("COUNTERCLAIM_SHARED", HERE.parents[2].parent / "shared")) / "corpus" / "dev"
    sources = sorted(EXAMPLES.glob("*.txt")) + sorted(shared.glob("*.txt"))
    for src in sources:
        (corpus / src.name).write_bytes(src.read_bytes())
    db = tmp_path / "real.db"
    args = ["ingest", str(corpus), "--db", str(db)]
    assert _kill_after(args, db, at_least=3, timeout=300) == -signal.SIGKILL
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        partial = conn.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                               "(SELECT 1 FROM incidents i WHERE i.doc_id = d.id)").fetchone()[0]
    assert 3 <= kept < len(sources) and partial == 0
    from click.testing import CliRunner

    out = CliRunner().invoke(cli_group(), args, catch_exceptions=False)
    assert out.exit_code == 0 and f"skipped {kept} already stored" in out.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(sources)
