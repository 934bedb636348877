"""Issue 13's reading defects: UTF-16 without a byte-order mark, stray NUL bytes, lone
surrogates, endless devices and pipes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from counterclaim.errors import InputError
from counterclaim.read import read_bytes, read_path, read_text
from counterclaim.read.decode import decode_bytes, detect_utf16, repair_surrogates, sniff_binary

ARTICLE = "Flood waters rose overnight; at least 12 people were killed, the governor said. Café “Río” closed.\n"
CYRILLIC = "Наводнение: по меньшей мере 12 человек погибли, сообщил губернатор.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARTICLE, CYRILLIC])
def test_utf16_without_bom_is_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    document, diagnostics = read_path(path)
    assert document.text == text
    assert [d.code for d in diagnostics] == ["W001"]
    assert encoding.upper() in diagnostics[0].message and "no byte-order mark" in diagnostics[0].message


def test_utf8_text_is_not_taken_for_utf16() -> None:
    for text in (ARTICLE, CYRILLIC, "a" * 100, "x\ty\n" * 50):
        assert detect_utf16(text.encode("utf-8")) is None
        assert decode_bytes(text.encode("utf-8")) == (text, [])


def test_damaged_utf16_is_binary_with_a_utf16_hint() -> None:
    data = bytearray(ARTICLE.encode("utf-16-le") * 4)
    data[10:30] = b"\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06" * 2  # a run of NULs and control bytes
    detail = sniff_binary(bytes(data))
    assert detail is not None and "UTF-16" in detail


def test_a_stray_nul_byte_is_stripped_with_w002_like_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Two people were\x00 killed in the fire, police said.\n")
    document, diagnostics = read_path(path)
    assert document.text == "Two people were killed in the fire, police said.\n"
    assert [d.code for d in diagnostics] == ["W002"]
    jsonl_document, jsonl_diagnostics = read_text("Two people were\x00 killed in the fire, police said.\n")
    assert jsonl_document.text == document.text and jsonl_diagnostics == diagnostics


def test_short_text_with_one_nul_is_read() -> None:
    document, diagnostics = read_bytes(b"text\x00text")
    assert document.text == "texttext" and [d.code for d in diagnostics] == ["W002"]


def test_lone_surrogates_are_repaired_with_w006() -> None:
    document, diagnostics = read_text("Three people\ud800 died in the \udfffcrash.")
    assert document.text == "Three people\ufffd died in the \ufffdcrash."
    assert [d.code for d in diagnostics] == ["W006"]
    assert "2 lone surrogate" in diagnostics[0].message
    document.text.encode("utf-8")  # writable now
    assert repair_surrogates("ok 😀 \U0001f600") == ("ok 😀 \U0001f600", 0)
    assert repair_surrogates("title \udc00") == ("title \ufffd", 1)


def test_dev_zero_is_binary_after_a_few_kilobytes() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        read_path("/dev/zero")
    assert time.perf_counter() - start < 1.0
    assert info.value.code == "E004"
    assert "a character device giving NUL bytes" in info.value.message
    assert "10,000,001" not in info.value.message


def test_endless_pipe_is_e037(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    line = b"The same sentence about nothing in particular, again and again.\n"

    def write() -> None:
        try:
            with open(fifo, "wb") as out:
                while True:
                    out.write(line * 100)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    with pytest.raises(InputError) as info:
        read_path(fifo, max_bytes=100_000)
    writer.join(timeout=5)
    assert info.value.code == "E037"
    assert "is a pipe, not a regular file" in info.value.message and "100,000 bytes" in info.value.message


def test_finite_pipe_is_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "finite"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(ARTICLE.encode("utf-8") * 2000)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    document, _ = read_path(fifo)
    writer.join(timeout=5)
    assert document.text == ARTICLE * 2000
