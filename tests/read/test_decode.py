"""Bytes to text: encodings, binary sniffing, the one-time clean-up."""

from __future__ import annotations

import codecs

import pytest

from counterclaim.read.decode import clean_text, decode_bytes, sniff_binary


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def test_plain_utf8_needs_no_diagnostic() -> None:
    text, diagnostics = decode_bytes("Ωmega café – “quoted”".encode())
    assert text == "Ωmega café – “quoted”"
    assert diagnostics == []


def test_utf8_bom_is_dropped() -> None:
    text, diagnostics = decode_bytes(codecs.BOM_UTF8 + "naïve text".encode())
    assert text == "naïve text"
    assert diagnostics == []


def test_cp1252_fallback_with_w001() -> None:
    text, diagnostics = decode_bytes(b"caf\xe9 \x93quoted\x94")
    assert text == "café “quoted”"
    assert codes(diagnostics) == ["W001"]
    assert "cp1252" in diagnostics[0].message


def test_latin1_fallback_with_w001() -> None:
    text, diagnostics = decode_bytes(b"caf\xe9 na\xefve, se\xf1or")
    assert text == "café naïve, señor"
    assert codes(diagnostics) == ["W001"]
    assert "latin-1" in diagnostics[0].message


def test_byte_undefined_in_cp1252_falls_back_to_latin1_and_is_cleaned() -> None:
    text, diagnostics = decode_bytes(b"caf\xe9 \x81 end")
    assert codes(diagnostics) == ["W001"]
    cleaned, more = clean_text(text)
    assert cleaned == "café  end"
    assert codes(more) == ["W002"]


def test_stray_byte_in_utf8_is_replaced_with_w005() -> None:
    data = "Ærøskøbing – “town” — ".encode() + b"\xff" + b" end"
    text, diagnostics = decode_bytes(data)
    assert "\ufffd" in text
    assert text.startswith("Ærøskøbing")
    assert codes(diagnostics) == ["W005"]
    assert diagnostics[0].message.startswith("W005 1 ")


def test_utf16_with_bom() -> None:
    text, diagnostics = decode_bytes("Hello, wörld".encode("utf-16"))
    assert text == "Hello, wörld"
    assert codes(diagnostics) == ["W001"]


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    text, diagnostics = decode_bytes(page.encode("cp1251"))
    assert "Привет" in text
    assert codes(diagnostics) == ["W001"]


def test_clean_text_normalises_line_breaks() -> None:
    text, diagnostics = clean_text("one\r\ntwo\rthree\n\tfour")
    assert text == "one\ntwo\nthree\n\tfour"
    assert diagnostics == []


def test_clean_text_removes_control_characters_with_w002() -> None:
    text, diagnostics = clean_text("\ufeffa\x00b\x07c\x1bd\x7fe\x85f\x0cg\th\n")
    assert text == "abcdefg\th\n"
    assert codes(diagnostics) == ["W002"]
    assert diagnostics[0].message.startswith("W002 removed 6 ")


@pytest.mark.parametrize(("data", "name"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"GIF89a\x01\x00", "GIF"),
    (b"\x7fELF\x02\x01\x01", "executable"),
])
def test_magic_numbers_are_named(data: bytes, name: str) -> None:
    detail = sniff_binary(data + b"plain words " * 20)
    assert detail is not None and name in detail


def test_a_stray_nul_byte_is_not_binary() -> None:
    assert sniff_binary(b"some text\x00more text") is None  # stripped later with W002, as in JSONL


def test_runs_of_nul_bytes_are_binary() -> None:
    detail = sniff_binary(b"some text\x00\x00\x00\x00\x00more text")
    assert detail is not None and "NUL" in detail and "offset 9" in detail


def test_many_control_bytes_are_binary() -> None:
    detail = sniff_binary(bytes(range(1, 32)) * 10 + b"abc")
    assert detail is not None and "control bytes" in detail


def test_text_is_not_binary() -> None:
    assert sniff_binary("Plain words, tabs\tand\r\nline breaks, “quotes”.".encode()) is None
    assert sniff_binary("UTF-16 text".encode("utf-16")) is None
    assert sniff_binary(b"") is None
