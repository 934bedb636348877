"""Bad JSON lines (issue 13): a lone surrogate in a title or a text is repaired with W006, a broken
line gives its own one-line failure, and no line after a bad one is lost."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from counterclaim.batch.plan import jsonl_ranges, plan
from counterclaim.batch.worker import jsonl_article, process_partition, task_articles
from counterclaim.ledger.ingest import Article, Failure
from counterclaim.options import Options

LINES = [
    '{"text": "Five people were killed in a flood on Monday, police said.", "title": "Flood"}',
    '{"text": "Two people were killed \\ud800 in a fire, police said.", "title": "Fire"}',
    '{"text": "Three people died in a crash, officials said.", "title": "bad \\udc00 title"}',
    '{"text": "broken',
    '{"text": "Four people were killed in a landslide, police said.", "title": "Landslide \\\\ud800"}',
]


def write_dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def test_surrogates_are_repaired_and_every_line_is_read(tmp_path: Path) -> None:
    path = write_dump(tmp_path)
    task = {"path": str(path), "offset": 0, "first": 1, "count": len(LINES)}
    items = list(task_articles(task, Options()))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Article", "Failure", "Article"]
    fire, crash, broken, last = items[1], items[2], items[3], items[4]
    assert isinstance(fire, Article) and fire.document is not None
    assert fire.document.text == "Two people were killed \ufffd in a fire, police said."
    assert [d.code for d in fire.diagnostics] == ["W006"] and "JSON line" in fire.diagnostics[0].message
    assert isinstance(crash, Article) and crash.document is not None and crash.document.title == "bad \ufffd title"
    assert isinstance(broken, Failure) and broken.message.startswith("E120 ") and broken.label.endswith(":4")
    assert isinstance(last, Article) and last.document is not None
    assert last.document.title == "Landslide \\ud800" and last.diagnostics == []  # an escaped backslash: text
    for item in (fire, crash, last):
        assert item.document is not None
        json.dumps(item.document.title).encode("utf-8")
        (item.document.title or "").encode("utf-8")


def test_jsonl_article_never_raises() -> None:
    assert isinstance(jsonl_article("[1, 2]", "x:1"), Failure)
    assert isinstance(jsonl_article('{"title": "no text"}', "x:2"), Failure)
    assert isinstance(jsonl_article('{"text": "ok \\udfff"}', "x:3"), Article)


@pytest.mark.slow
def test_bad_lines_do_not_stop_the_partition(tmp_path: Path) -> None:
    path = write_dump(tmp_path)
    records = process_partition([{"path": str(path), "offset": 0, "first": 1, "count": len(LINES)}],
                                Options(), use_ner=False)
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "failed", "ok"]
    assert records[3]["code"] == "E120" and records[3]["line"] == 4
    assert records[2]["result"]["document"]["title"] == "bad \ufffd title"
    assert [d["code"] for d in records[1]["result"]["diagnostics"]][:1] == ["W006"]
    json.dumps(records).encode("utf-8")  # every record can be written


@pytest.mark.slow
def test_ingest_stores_every_good_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from counterclaim.cli import main

    path = write_dump(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "l.db"), "--no-ner",
                                       "--format", "json"])
    assert result.exit_code == 1  # the broken line
    report = json.loads(result.stdout)
    assert report["added"] == 4
    assert [f["input"].rsplit(":", 1)[-1] for f in report["failed"]] == ["4"]
    assert "Traceback" not in result.output


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_jsonl_on_stdin_is_streamed_past_max_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": f"Report {i}: {i + 1} people were killed, police said. " + "Words. " * 30})
             for i in range(12)]
    lines.insert(5, json.dumps({"text": "A line far too long. " * 200}))
    _stdin(monkeypatch, ("\n" + "\n".join(lines) + "\n").encode())
    options = Options(max_bytes=1_000)
    items = [item for part in plan(["-"], partition_size=4, options=options) if not isinstance(part, Failure)
             for task in part for item in task_articles(task, options)]
    assert len(items) == 13  # every line, the 13th after 12,000 bytes of input
    too_long = [item for item in items if isinstance(item, Failure)]
    assert len(too_long) == 1 and too_long[0].label == "<stdin>:7" and too_long[0].message.startswith(
        "E005 <stdin>:7 is 4,2")
    last = items[-1]
    assert isinstance(last, Article) and last.document is not None and last.document.text.startswith("Report 11:")


def test_long_line_in_a_jsonl_file_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([LINES[0], json.dumps({"text": "x " * 5_000}), LINES[4]]) + "\n", encoding="utf-8")
    options = Options(max_bytes=2_000)
    parts = list(jsonl_ranges(str(path), 2, options.max_bytes))
    items = [item for part in parts if not isinstance(part, Failure) for task in part
             for item in task_articles(task, options)]
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert isinstance(items[1], Failure) and items[1].message.startswith("E005 ")


def test_binary_stdin_stops_early(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, bytes(3_000_000))
    parts = list(plan(["-"], options=Options(max_bytes=1_000_000)))
    assert len(parts) == 1 and isinstance(parts[0], Failure) and parts[0].message.startswith("E004 standard input")
