"""run_batch on every backend: identical ledgers, failure records, resume, JSON Lines ranges, shards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from batch_helpers import GOOD_DOCS_CLI as GOOD_DOCS
from batch_helpers import dump, write_archive

from counterclaim.batch import LocalBackend, run_batch
from counterclaim.ledger import Ledger

pytestmark = pytest.mark.slow  # extraction runs the trained pipeline


def ingest(archive: Path, db: Path, backend: object = None, **kw: object):  # type: ignore[no-untyped-def]
    with Ledger(db) as ledger:
        return run_batch([str(archive)], ledger=ledger, backend=backend, **kw)  # type: ignore[arg-type]


def test_every_backend_gives_the_in_process_ledger(backend, archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ref = ingest(archive, tmp_path / "ref.db", LocalBackend())
    got = ingest(archive, tmp_path / "got.db", backend, partition_size=2)
    assert (got.added, got.skipped, len(got.failures)) == (ref.added, ref.skipped, len(ref.failures)) == (
        GOOD_DOCS, 0, 1)
    assert dump(tmp_path / "got.db") == dump(tmp_path / "ref.db")
    assert got.backend == backend.name and got.exit_code == 1


def test_one_parse_gives_what_the_serial_ingest_gives(archive: Path, tmp_path: Path) -> None:
    """The worker's single parse (extraction + NER places) stores what extract() + store() stored."""
    from counterclaim.batch.plan import plan
    from counterclaim.batch.worker import task_articles
    from counterclaim.ledger.ingest import Article, extract
    from counterclaim.options import Options

    ingest(archive, tmp_path / "batch.db")
    with Ledger(tmp_path / "serial.db") as ledger:
        for part in plan([str(archive)]):
            for task in part:  # type: ignore[union-attr]
                for item in task_articles(task, Options()):
                    if isinstance(item, Article):
                        result, incidents = extract(item, Options())
                        ledger.store(result, incidents, meta=item.meta)
        ledger.regroup()
    batch, serial = dump(tmp_path / "batch.db"), dump(tmp_path / "serial.db")
    batch.pop("failures"), serial.pop("failures")
    assert batch == serial


def test_a_crashing_document_is_a_failure_record_and_the_run_goes_on(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from batch_crash import extract_or_crash

    archive = write_archive(tmp_path / "archive", crash=True)
    db = tmp_path / "l.db"
    report = ingest(archive, db, backend, extractor=extract_or_crash, partition_size=3)
    assert report.added == GOOD_DOCS
    codes = {Path(f.label).name: (f.code, f.exit_code) for f in report.failures}
    assert codes == {"echo.txt": ("E150", 4), "dump.jsonl:4": ("E121", 1)}
    crash = next(f for f in report.failures if f.code == "E150")
    assert crash.id and len(crash.id) == 64 and "exploded on purpose" in crash.message and crash.line is None
    assert report.exit_code == 4
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT code, path FROM failures").fetchall())
    assert rows["E150"].endswith("echo.txt") and rows["E121"].endswith("dump.jsonl")
    # fixed, the document is stored on the next run and its failure row goes
    (archive / "echo.txt").write_text("Title: Boom\n\n3 people were killed in Tarsk.", encoding="utf-8")
    again = ingest(archive, db, backend, extractor=extract_or_crash, partition_size=3)
    assert (again.added, again.skipped, again.exit_code) == (1, GOOD_DOCS, 1)
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT code FROM failures")] == ["E121"]


def test_resume_skips_stored_documents_without_extracting_them(backend, archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from batch_crash import extract_or_crash

    db = tmp_path / "l.db"
    with Ledger(db) as ledger:  # "interrupted" after two files
        first = run_batch([str(archive / "alpha.txt"), str(archive / "bravo.txt")], ledger=ledger)
    assert first.added == 2
    for name in ("alpha.txt", "bravo.txt"):  # would crash if they were extracted again
        text = (archive / name).read_text(encoding="utf-8")
        assert "KABOOM" not in text
    report = ingest(archive, db, backend, partition_size=2, extractor=extract_or_crash)
    assert (report.added, report.skipped) == (GOOD_DOCS - 2, 2)
    again = ingest(archive, db, backend, partition_size=2)
    assert (again.added, again.skipped) == (0, GOOD_DOCS)


def test_resume_skips_without_parsing(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import counterclaim.batch.worker as worker

    db = tmp_path / "l.db"
    ingest(archive, db)
    monkeypatch.setattr(worker, "extract_article", lambda *a, **k: (_ for _ in ()).throw(AssertionError("parsed")))
    report = ingest(archive, db)
    assert (report.added, report.skipped, len(report.failures)) == (0, GOOD_DOCS, 1)


def test_jsonl_ranges_are_byte_offsets_of_line_ranges(tmp_path: Path) -> None:
    from counterclaim.batch.plan import jsonl_ranges
    from counterclaim.batch.worker import _read_range, task_labels

    path = tmp_path / "d.jsonl"
    lines = [f'{{"text": "line {i}"}}\n' for i in range(1, 8)]
    path.write_text("".join(lines), encoding="utf-8")
    parts = list(jsonl_ranges(str(path), 3))
    tasks = [p[0] for p in parts]  # type: ignore[index]
    assert [(t["first"], t["count"]) for t in tasks] == [(1, 3), (4, 3), (7, 1)]
    assert _read_range(tasks[1]) == lines[3:6]
    assert task_labels(tasks[2]) == [f"{path}:7"]


def test_jsonl_documents_keep_their_line_and_metadata(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    report = ingest(archive, db, partition_size=2)
    [bad] = report.failures
    assert (bad.path, bad.line, bad.code) == (str(archive / "dump.jsonl"), 4, "E121")
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT path, meta FROM documents WHERE path LIKE '%dump.jsonl:%'").fetchall())
    assert sorted(Path(p).name for p in rows) == ["dump.jsonl:1", "dump.jsonl:2", "dump.jsonl:5"]
    assert '"source_id": "x1"' in rows[f"{archive / 'dump.jsonl'}:1"]


def test_parquet_shards_instead_of_the_ledger_and_resume(backend, archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.dataset as ds

    out = tmp_path / "shards"
    report = run_batch([str(archive)], output=str(out), backend=backend, partition_size=2)
    assert (report.written, report.added, len(report.failures)) == (GOOD_DOCS, 0, 1)
    shards = sorted(out.glob("part-*.parquet"))
    assert len(shards) == report.shards == 5  # two of two files; JSON Lines ranges of 2, 2 and 1 lines
    table = ds.dataset(str(out)).to_table().to_pylist()
    assert sum(r["status"] == "ok" for r in table) == GOOD_DOCS
    assert [r["code"] for r in table if r["status"] == "failed"] == ["E121"]
    assert all(r["result"] and r["id"] for r in table if r["status"] == "ok")
    again = run_batch([str(archive)], output=str(out), backend=backend, partition_size=2)
    assert (again.written, again.skipped, again.shards) == (0, GOOD_DOCS + 1, 0)
    assert sorted(out.glob("part-*.parquet")) == shards


def test_shards_besides_the_ledger(archive: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "l.db", tmp_path / "shards"
    with Ledger(db) as ledger:
        report = run_batch([str(archive)], ledger=ledger, output=str(out))
    assert report.added == GOOD_DOCS and report.shards == len(list(out.glob("*.parquet"))) >= 1


def test_nothing_to_write_is_refused() -> None:
    from counterclaim.errors import ConfigError

    with pytest.raises(ConfigError, match="E157"):
        run_batch(["x"])
