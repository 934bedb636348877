"""The ledger's commands end to end through CliRunner, on pre-extracted JSON Lines (no model needed)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from ledger_helpers import GOV, OTHER, WIRE

from counterclaim.records import Result

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in (GOV, WIRE, OTHER)),
                    encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def test_ingest_then_list(cli, jsonl: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    out = cli("ingest", str(jsonl), "--db", db, "--no-ner")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("added 3 document(s), skipped 0")
    again = cli("ingest", str(jsonl), "--db", db, "--no-ner")
    assert "added 0 document(s), skipped 3" in again.output
    events = json.loads(cli("events", "--db", db, "--format", "json").output)
    assert isinstance(events, list) and all(isinstance(e, dict) for e in events)
    khojaly = next(e for e in events if GOV.document.id in e["documents"])
    assert {"id", "name", "place", "year", "date_start", "date_end", "documents", "outcomes"} <= set(khojaly)
    claim = khojaly["outcomes"][0]["claims"][0]
    assert {"source", "source_type", "value", "low", "high", "qualifier", "documents"} <= set(claim)
    table = cli("events", "--db", db).output
    assert khojaly["id"] in table and "KILLED" in table


def test_event_sources_documents_checks(cli, jsonl: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(jsonl), "--db", db, "--no-ner")
    events = json.loads(cli("events", "--db", db, "--format", "json").output)
    event_id = next(e["id"] for e in events if GOV.document.id in e["documents"])
    text = cli("event", event_id, "--db", db).output
    assert "200+ (per Human Rights Watch), 1,000 → 613 (per the Azerbaijani government)" in text
    assert "revision: 1,000 → 613, per the Azerbaijani government" in text and "best" not in text
    assert "partial counts and breakdowns" in text and "breakdown of “613 civilians”" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    [detail] = json.loads(cli("event", event_id, "--db", db, "--format", "json").output)
    assert detail["id"] == event_id and len(detail["document_details"]) == 2
    sources = json.loads(cli("sources", "--db", db, "--format", "json").output)
    assert any(s["id"] == "human-rights-watch" and s["claims"] == 2 for s in sources)
    assert "Human Rights Watch" in cli("sources", "--db", db, "--search", "hrw").output
    found = json.loads(cli("events", "--db", db, "--search", "Khojaly", "--format", "json").output)
    assert [e["id"] for e in found] == [event_id]  # the event is named "Hojali …": a spelling of Khojaly
    docs = json.loads(cli("documents", "--db", db, "--format", "json").output)
    assert len(docs) == 3
    assert json.loads(cli("checks", "--db", db, "--format", "json").output) == []


def test_decisions_by_command(cli, jsonl: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(jsonl), "--db", db, "--no-ner")
    events = json.loads(cli("events", "--db", db, "--format", "json").output)
    event_id = next(e["id"] for e in events if GOV.document.id in e["documents"])
    out = cli("split-event", event_id, "--document", WIRE.document.id[:12], "--id", "wire-report", "--db", db)
    assert out.output.strip() == "split into wire-report"
    out = cli("merge-events", event_id, "wire-report", "--db", db)
    assert out.output.strip() == f"merged into {event_id}"
    out = cli("merge-sources", "azerbaijani-government", "human-rights-watch", "--db", db)
    assert out.output.strip() == "merged into azerbaijani-government"
    out = cli("split-source", "azerbaijani-government", "--spelling", "HRW", "--db", db)
    assert out.output.strip().startswith("split into ")
    partial = cli("event", event_id.split("-")[0][:4], "--db", db)
    assert partial.exit_code != 0 and "E118" in partial.output and f"Did you mean: {event_id}" in partial.output


@pytest.mark.parametrize("args,code,message", [
    (("event", "nothing-here"), 1, "error: E110 no event 'nothing-here'. List the events with: counterclaim events"),
    (("merge-events", "a-1", "a-1"), 1, "error: E110"),
    (("split-source", "nobody", "--spelling", "x"), 1, "error: E111"),
    (("export", "--format", "parquet"), 3, "error: E130 Parquet export needs an output file."),
])
def test_errors_are_one_line_with_the_fix(cli, jsonl: Path, db: str, args, code, message) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(jsonl), "--db", db, "--no-ner")
    out = cli(*args, "--db", db)
    assert out.exit_code == code
    assert out.output.count("\n") == 1 and out.output.startswith(message)


def test_reading_a_missing_ledger_creates_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "none.db"
    out = cli("events", "--db", str(path))
    assert out.exit_code == 3 and out.output.startswith("error: E101 no ledger at")
    assert not path.exists()


def test_bad_lines_are_reported_and_the_rest_is_stored(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(GOV.to_dict()) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
                    + json.dumps(OTHER.to_dict()) + "\n", encoding="utf-8")
    out = cli("ingest", str(path), "--db", db, "--no-ner")
    assert out.exit_code == 1
    lines = out.output.splitlines()
    assert any(f"E120 {path}:2: invalid JSON" in line for line in lines)
    assert any(f"E121 {path}:3: no \"text\" field" in line for line in lines)
    assert "added 2 document(s)" in lines[-1]


def test_inputs_that_match_nothing(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    out = cli("ingest", str(tmp_path / "nowhere" / "*.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "empty"),
              "--db", db, "--no-ner")
    assert out.exit_code == 1
    assert "E122 no input matches" in out.output and "E001 no such file" in out.output
    assert "E123" in out.output and "has no .txt, .html, .md or .jsonl files" in out.output


def test_stdin_jsonl(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    out = cli("ingest", "-", "--db", db, "--no-ner", input=json.dumps(OTHER.to_dict()) + "\n")
    assert out.exit_code == 0 and "added 1 document(s)" in out.output


def test_exports(cli, jsonl: Path, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(jsonl), "--db", db, "--no-ner")
    rows = list(csv.DictReader(io.StringIO(cli("export", "--db", db).output)))
    assert len(rows) == 6 and {"event_id", "source", "source_spelling", "value", "doc_id"} <= set(rows[0])
    lines = cli("export", "--db", db, "--format", "jsonl").output.splitlines()
    stored = {Result.from_dict(json.loads(line)).document.id: json.loads(line) for line in lines}
    assert stored[GOV.document.id] == GOV.to_dict()  # OUTPUT.md objects, exactly as extracted
    claims = json.loads(cli("export", "--db", db, "--format", "json", "--table", "claims").output)
    assert {c["source"] for c in claims} >= {"Human Rights Watch", "Azerbaijani government"}
    from counterclaim.present.export import UCDP_COLUMNS

    ucdp = list(csv.DictReader(io.StringIO(cli("export", "--db", db, "--format", "ucdp").output)))
    documented = re.findall(r"^\| `(\w+)` \|", (ROOT / "docs" / "export.md").read_text(), re.MULTILINE)
    assert tuple(documented[:len(UCDP_COLUMNS)]) == UCDP_COLUMNS  # the export validates against the docs
    assert all(tuple(r) == UCDP_COLUMNS for r in ucdp) and len({r["id"] for r in ucdp}) == len(ucdp)
    khojaly = next(r for r in ucdp if GOV.document.id in r["document_ids"])
    assert (khojaly["low"], khojaly["high"], khojaly["country_id"], khojaly["number_of_sources"]) == \
        ("200", "613", "AZ", "2")
    assert khojaly["best_rule"].startswith("median of the sources' asserted whole-incident tolls")
    assert khojaly["deaths_civilians"] == "613" and khojaly["latitude"].startswith("39.9")
    target = tmp_path / "figures.parquet"
    out = cli("export", "--db", db, "--format", "parquet", "--table", "figures", "-o", str(target))
    assert out.exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(target)
    assert table.num_rows == 6 and "source_id" in table.column_names
    for name in ("events", "sources", "documents"):
        assert json.loads(cli("export", "--db", db, "--format", "json", "--table", name).output)


def test_every_command_has_help(cli) -> None:  # type: ignore[no-untyped-def]
    from counterclaim.ledger.commands import COMMANDS

    for command in COMMANDS:
        out = cli(command.name, "--help")
        assert out.exit_code == 0 and "--db" in out.output and command.help


def test_every_command_is_documented() -> None:
    from counterclaim.ledger.commands import COMMANDS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "ledger.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"`{command.name}" in doc, command.name
