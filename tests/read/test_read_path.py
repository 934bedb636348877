"""read_path / read_bytes: every kind of bad input gives its coded InputError."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.errors import InputError
from counterclaim.read import read_bytes, read_path, read_text

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def error_of(path: str | Path, **kwargs: int) -> InputError:
    with pytest.raises(InputError) as info:
        read_path(path, **kwargs)
    return info.value


def test_missing_file_is_e001(tmp_path: Path) -> None:
    error = error_of(tmp_path / "nope.txt")
    assert error.code == "E001"
    assert "nope.txt" in error.message


def test_file_used_as_a_folder_is_e001(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    assert error_of(tmp_path / "a.txt" / "b.txt").code == "E001"


def test_directory_is_e002(tmp_path: Path) -> None:
    error = error_of(tmp_path)
    assert error.code == "E002"
    assert error.exit_code == 1


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_file_is_e003(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert error_of(path).code == "E003"


def test_file_of_control_characters_only_is_e003(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\n\n")
    assert error_of(path).code == "E003"


@pytest.mark.parametrize(("name", "data", "detail"), [
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("article.txt.gz", b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\x03article.txt\x00", "gzip"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "ZIP"),
    ("nul.txt", b"Some words\x00\x00\x00\x00 and more words", "NUL"),
])
def test_binary_is_e004(tmp_path: Path, name: str, data: bytes, detail: str) -> None:
    path = tmp_path / name
    path.write_bytes(data + b"padding text " * 50)
    error = error_of(path)
    assert error.code == "E004"
    assert detail in error.message


def test_too_large_is_e005(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    error = error_of(path, max_bytes=100)
    assert error.code == "E005"
    assert "500 bytes" in error.message and "100 bytes" in error.message
    assert read_path(path, max_bytes=500)[0].text == "word " * 100


def test_unreadable_is_e006(tmp_path: Path) -> None:
    # an OS-level read failure that happens for root too (CI runs as root, so chmod 0 would not do)
    assert error_of(tmp_path / ("x" * 300)).code == "E006"
    assert error_of(Path("/proc/self/mem")).code == "E006"


def test_document_fields(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_bytes(b"Line one\r\nline two\x07\r\n")
    document, diagnostics = read_path(str(path))
    assert document.path == str(path)
    assert document.text == "Line one\nline two\n"
    assert document.id == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    assert [d.code for d in diagnostics] == ["W002"]


def test_read_bytes() -> None:
    document, diagnostics = read_bytes(b"caf\xe9 \x93quoted\x94")
    assert document.text == "café “quoted”"
    assert document.path is None
    assert [d.code for d in diagnostics] == ["W001"]
    with pytest.raises(InputError) as info:
        read_bytes(b"  \n")
    assert info.value.code == "E003"
    with pytest.raises(InputError) as info:
        read_bytes(b"x" * 11, max_bytes=10)
    assert info.value.code == "E005"


def test_read_text_never_raises_on_plain_text() -> None:
    document, diagnostics = read_text("")
    assert document.text == "" and diagnostics == []
    document, _ = read_text("At least 12 people were killed, police said.")
    assert document.text == "At least 12 people were killed, police said."


def _read_stdin(data: bytes) -> subprocess.CompletedProcess[str]:
    script = ("import json, sys\n"
              "from counterclaim.errors import InputError\n"
              "from counterclaim.read import read_path\n"
              "try:\n"
              "    d, diags = read_path('-')\n"
              "except InputError as e:\n"
              "    print(json.dumps({'error': e.code}))\n"
              "else:\n"
              "    print(json.dumps({'path': d.path, 'text': d.text, 'codes': [x.code for x in diags]}))\n")
    return subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, check=True)


def test_stdin() -> None:
    import json

    out = json.loads(_read_stdin(b"Rain fell\r\non the hills.").stdout)
    assert out == {"path": None, "text": "Rain fell\non the hills.", "codes": []}


def test_empty_stdin_is_e008() -> None:
    import json

    assert json.loads(_read_stdin(b"").stdout) == {"error": "E008"}
    assert json.loads(_read_stdin(b" \n ").stdout) == {"error": "E008"}


@pytest.mark.parametrize("name", ["article_header.txt", "article_byline.txt", "article_wire.txt", "article.md"])
def test_text_files_are_read_verbatim(name: str) -> None:
    document, diagnostics = read_path(RESOURCES / name)
    assert diagnostics == []
    assert document.text == (RESOURCES / name).read_bytes().decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["article_header.txt", "article_byline.txt", "article_wire.txt", "article.md",
                                  "article.html", "messy"])
def test_offsets_refer_to_document_text(tmp_path: Path, name: str) -> None:
    from counterclaim.process import extract_file

    if name == "messy":  # CRLF, a BOM and control characters: removed before any offset exists
        path = tmp_path / "messy.txt"
        path.write_bytes(b"\xef\xbb\xbfStorm toll rises\r\n\r\nThe storm killed 31 people,\x07 officials said.\r\n"
                         b"\"We lost 12 neighbours,\" the mayor said.\r\n")
    else:
        path = RESOURCES / name
    result = extract_file(path)
    text = result.document.text
    assert "\r" not in text and "\x07" not in text
    for item in (*result.figures, *result.quotes, *result.acts):
        start, end = item.span
        if getattr(item, "text", None) is not None:
            assert text[start:end] == item.text
    for figure in result.figures:
        if figure.source is not None and figure.source.span is not None:
            assert " ".join(text[slice(*figure.source.span)].split()) == " ".join(figure.source.name.split())
    if name == "messy":
        assert result.figures, "the extractor should find 31 people killed"
