"""The command line: output formats, error one-liners and exit codes (click's CliRunner)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim.about import __version__
from counterclaim.cli import CSV_COLUMNS, count_words, main, run_extract
from counterclaim.options import Options
from counterclaim.records import Count, Figure

RESOURCES = Path(__file__).resolve().parent / "resources"
DOCUMENT_KEYS = {"id", "path", "title", "author", "published", "publisher", "text"}
FIGURE_KEYS = {"id", "span", "text", "outcome", "count", "groups", "part_of", "source", "hedged", "sentence"}
ARTICLE = "Title: Quarry blast\nAuthor: \nPublished: 2022-05-01\nPublisher: Test Wire\nURL: \n\n" \
          "An explosion at a quarry killed at least 7 workers on Monday, the mine operator said.\n"


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=stdin)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "quarry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize(("args", "words"), [
    ((), "Missing argument 'PATHS...'."),
    (("ARTICLE", "--format", "xml"), "Invalid value for '--format': 'xml' is not one of"),
    (("ARTICLE", "--max-bytes", "0"), "Invalid value for '--max-bytes'"),
    (("ARTICLE", "--formt", "json"), "No such option '--formt'. Did you mean '--format'?"),
])
def test_usage_errors_are_one_line_with_exit_2(article: Path, args: tuple[str, ...], words: str) -> None:
    result = invoke(*(str(article) if a == "ARTICLE" else a for a in args))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: E030 ") and words in lines[0]
    assert lines[0].endswith("Run counterclaim extract --help for the usage.")


def test_unknown_command_is_one_line() -> None:
    result = CliRunner().invoke(main, ["extrakt", "a.txt"])
    assert result.exit_code == 2
    lines = stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith("error: E030 No such command 'extrakt'.")
    assert "'extract'" in lines[0] and lines[0].endswith("?) Run counterclaim --help for the usage.")


def test_no_arguments_prints_the_help() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0
    assert "extract" in result.stdout and "Commands:" in result.stdout


def test_extract_help_documents_the_formats() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())
    for phrase in ("one JSON array of objects for several", "jsonl: JSON Lines", "csv, tsv: one row per figure",
                   "--width", "--timeout", "http:// or https://"):
        assert phrase in words, phrase


def test_extract_starts_without_the_ledger_or_spacy() -> None:
    modules = "('spacy', 'counterclaim.ledger', 'counterclaim.web', 'trafilatura')"
    code = f"import sys, counterclaim.cli\nprint([m for m in {modules} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lazy_commands_are_all_listed() -> None:
    assert {"extract", "evaluate", "serve", "ingest", "events", "export"} <= set(main.commands)


def test_missing_file(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "absent.txt"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [f"error: E001 no such file: {tmp_path / 'absent.txt'}. Check the path, "
                                    "or pass - to read standard input."]


@pytest.mark.parametrize(("name", "data", "code"), [
    (None, None, "E002"),
    ("empty.txt", b"", "E003"),
    ("blank.txt", b" \n\t\n", "E003"),
    ("doc.pdf", b"%PDF-1.5\n\x00\x01", "E004"),
    ("a.gz", b"\x1f\x8b\x08\x00", "E004"),
    ("nul.txt", b"text\x00\x00\x00\x00text", "E004"),
])
def test_input_errors_are_one_line(tmp_path: Path, name: str | None, data: bytes | None, code: str) -> None:
    path = tmp_path
    if name is not None and data is not None:
        path = tmp_path / name
        path.write_bytes(data)
    result = invoke(str(path))
    assert result.exit_code == 1
    lines = stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"error: {code} {path}")
    assert "Traceback" not in result.output


def test_max_bytes_option(article: Path) -> None:
    result = invoke(str(article), "--max-bytes", "50")
    assert result.exit_code == 1
    assert stderr_lines(result)[0].startswith(f"error: E005 {article} is ")


def test_20_mb_file_is_refused_by_default(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"The same sentence about nothing in particular, again and again.\n"
    with path.open("wb") as handle:
        for _ in range(20_000_000 // len(line) + 1):
            handle.write(line)
    result = invoke(str(path))
    assert result.exit_code == 1
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith(f"error: E005 {path} is 20,0") and "10,000,000 bytes" in lines[0]
    assert "Traceback" not in result.output


def test_empty_stdin_is_e008() -> None:
    result = invoke("-", stdin=b"")
    assert result.exit_code == 1
    assert stderr_lines(result)[0].startswith("error: E008 standard input is empty.")


def test_internal_error_is_one_line_with_exit_4() -> None:
    result = invoke("bad\x00name.txt")  # os.stat refuses an embedded NUL: an unexpected exception
    assert result.exit_code == 4
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith("error: internal error while reading bad\x00name.txt: ValueError: ")
    assert lines[0].endswith("(please report)")


def test_config_error_exits_3(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_extract([str(article), str(article)], "json", Options(model="no_such_spacy_model_xyz"))
    assert code == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("error: E010 ")


def test_count_words() -> None:
    def fig(text: str, value, low, high, qualifier: str) -> Figure:
        return Figure("f1", (0, len(text)), text, "killed", Count(value, low, high, qualifier))

    assert count_words(fig("200", 200, 200, 200, "exact")) == "200"
    assert count_words(fig("at least 200", 200, 200, 200, "at_least")) == "at least 200"
    assert count_words(fig("over 1500", 1500, 1500, 1500, "more_than")) == "more than 1,500"
    assert count_words(fig("500-1,000", None, 500, 1000, "range")) == "500–1,000"
    assert count_words(fig("dozens of people", None, 24, 99, "vague")) == "dozens"
    assert count_words(fig("many", None, 10, 90, "vague")) == "10–90 (vague)"


@pytest.mark.slow
def test_json_single_file(article: Path) -> None:
    result = invoke(str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"document", "figures", "quotes", "acts"} <= set(data)
    assert set(data["document"]) >= DOCUMENT_KEYS
    assert data["document"]["path"] == str(article)
    assert data["document"]["title"] == "Quarry blast"
    assert data["document"]["published"] == "2022-05-01"
    assert data["document"]["text"] == ARTICLE
    assert result.stdout.startswith("{\n  ")  # indented
    text = data["document"]["text"]
    for figure in data["figures"]:
        assert set(figure) >= FIGURE_KEYS
        assert set(figure["count"]) == {"value", "low", "high", "qualifier"}
        assert text[figure["span"][0]:figure["span"][1]] == figure["text"]
    for item in data["quotes"] + data["acts"]:
        assert "span" in item


@pytest.mark.slow
def test_jsonl_is_one_object_per_line(article: Path) -> None:
    result = invoke(str(article), str(RESOURCES / "article.html"), str(article), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    paths = [json.loads(line)["document"]["path"] for line in lines]
    assert paths == [str(article), str(RESOURCES / "article.html"), str(article)]


@pytest.mark.slow
def test_json_with_several_files_is_one_array(article: Path, tmp_path: Path) -> None:
    result = invoke(str(article), str(tmp_path / "missing.txt"), str(RESOURCES / "article_byline.txt"),
                    "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2
    assert all(set(item["document"]) >= DOCUMENT_KEYS for item in data)
    assert [line.split()[1] for line in stderr_lines(result)] == ["E001"]


def test_json_with_several_failed_inputs_is_an_empty_array(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_csv_header_without_inputs_read(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "a.txt"), "--format", "csv")
    assert result.stdout.splitlines() == [",".join(CSV_COLUMNS)]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_one_row_per_figure(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "two.txt"
    path.write_text("Title: Storm, \"Ida\"\nPublished: 2021-08-30\n\nThe storm killed at least 7 people, the "
                    "governor said. Police said about 20 people were injured.\n", encoding="utf-8")
    result = invoke(str(path), "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t" if fmt == "tsv" else ","))
    assert rows[0] == list(CSV_COLUMNS)
    table = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(table) == 2
    killed = next(r for r in table if r["outcome"] == "killed")
    assert killed["doc_title"] == 'Storm, "Ida"' and killed["doc_path"] == str(path)
    assert killed["qualifier"] == "at_least" and killed["value"] == "7" and killed["count"] == "at least 7"
    assert killed["source"] == "the governor" and killed["source_type"]
    assert killed["hedged"] in ("true", "false") and killed["stance"]
    text = path.read_text(encoding="utf-8")
    assert text[int(killed["span_start"]):int(killed["span_end"])] == killed["text"]
    if fmt == "csv":
        assert '"Storm, ""Ida"""' in result.stdout  # quoted where needed


@pytest.mark.slow
def test_errors_do_not_stop_the_other_files(article: Path, tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "missing.txt"), str(article), str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["document"]["path"] == str(article)
    codes = [line.split()[1] for line in stderr_lines(result)]
    assert codes == ["E001", "E002"]


@pytest.mark.slow
def test_stdin() -> None:
    result = invoke("-", "--format", "json", stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["path"] is None
    assert data["document"]["text"] == ARTICLE


@pytest.mark.slow
def test_warnings_go_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"The caf\xe9 was shelled,\x07 and 4 people were killed, police said.\r\n")
    result = invoke(str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = stderr_lines(result)
    assert [line.split()[2] for line in lines] == ["W001", "W002"]
    assert all(line.startswith(f"warning: {path}: W00") for line in lines)
    data = json.loads(result.stdout)
    assert data["document"]["text"] == "The café was shelled, and 4 people were killed, police said.\n"
    assert [d["code"] for d in data["diagnostics"]] == ["W001", "W002"]


@pytest.mark.slow
def test_table_fits_the_width(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Title: " + "A very long headline about the floods " * 6 + "\n\nOfficials of the regional "
                    "emergency management directorate of the northern provinces said that at least 1,200 "
                    "residents of the low-lying districts along the river were killed.\n", encoding="utf-8")
    for width in (80, 50):
        result = invoke(str(path), "--width", str(width))
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= width, lines
        assert "1,200" in result.stdout and "killed" in result.stdout
    result = invoke(str(path), "--width", "0")
    assert max(len(line) for line in result.stdout.splitlines()) > 80  # 0: no limit


@pytest.mark.slow
def test_table(article: Path) -> None:
    result = invoke(str(article), str(RESOURCES / "article_byline.txt"), "--width", "0")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"== Quarry blast · 2022-05-01 · {article}" in out
    assert "== Ferry capsizes off the northern cape · 2019-03-12 · " in out
    header = next(line for line in out.splitlines() if line.startswith("id "))
    assert header.split() == ["id", "text", "outcome", "count", "groups", "source", "part_of"]
