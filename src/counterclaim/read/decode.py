"""Bytes to text: encoding detection, binary sniffing and the one-time clean-up.

Everything here runs before any offset exists: the string that comes out of
:func:`clean_text` is the one that ``document.text`` (and so every span) refers to.
"""

from __future__ import annotations

import codecs
import re

from counterclaim.errors import Errors, InputError, Warnings
from counterclaim.records import Diagnostic

SNIFF_BYTES = 8192
"""How much of the start of an input is looked at to tell text from binary data."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, e.g. .docx, .xlsx, .odt or .epub"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# bytes that never occur in text (the C0 controls other than \t \n \f \r and ESC)
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) | {0x7F}
_CONTROL_SHARE = 0.10
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_NUL_RUN = b"\x00\x00\x00\x00"
"""Binary formats pad with runs of zero bytes; a text with a stray NUL has none (it is stripped, W002)."""
_MIN_CONTROLS = 4
"""Fewer control bytes than this never make an input binary: a short text with one stray byte is text."""
_UTF16_ZERO_SHARE = 0.10
"""UTF-16 text holds a zero high byte for every ASCII character: spaces alone make about a sixth."""
_UTF16_MAX_BAD = 0.01
# control characters removed from the text: C0 and C1 controls except tab and line feed
_STRIP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# in a Python str every surrogate code point is a lone one (pairs are decoded to one character)
_SURROGATE = re.compile("[\ud800-\udfff]")
# JSON escapes, left to right: a surrogate pair, a lone surrogate, any other escape (\\ included)
_JSON_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                          r"|(\\u[dD][89a-fA-F][0-9a-fA-F]{2})|\\.", re.DOTALL)


def sniff_binary(data: bytes) -> str | None:
    """Tell whether ``data`` is binary rather than text.

    Args:
        data: the raw input (only the first :data:`SNIFF_BYTES` are looked at).

    Returns:
        None for text, else a short description of what the data looks like
        ("a PDF document", "NUL bytes at offset 12", ...), for the E004 message.
    """
    head = data[:SNIFF_BYTES]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV sound file", b"AVI ": "an AVI video"}[head[8:12]]
    if any(head.startswith(bom) for bom, _ in _UTF16_32_BOMS) or detect_utf16(head):
        return None  # UTF-16/32 text holds NUL bytes by design
    hint = "; UTF-16 text without a byte-order mark? Save it as UTF-8" if _utf16_like(head) else ""
    run = head.find(_NUL_RUN)
    if run >= 0:
        prefix = "a Windows program with " if head.startswith(b"MZ") else ""
        return f"{prefix}NUL bytes, first at offset {head.find(0)}{hint}"
    if head:
        controls = sum(1 for b in head if b in _CONTROL_BYTES)
        if controls >= _MIN_CONTROLS and controls / len(head) > _CONTROL_SHARE:
            return f"{controls * 100 // len(head)}% control bytes in the first {len(head)} bytes{hint}"
    return None


def _utf16_like(head: bytes) -> bool:
    """Whether most zero bytes sit at one parity, as in UTF-16 (for the hint in E004)."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= max(_MIN_CONTROLS, 0.05 * len(head) / 2) and max(even, odd) >= 0.9 * (even + odd)


def detect_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 text without a byte-order mark.

    In UTF-16 every ASCII character (spaces, digits, punctuation, Latin letters) has a zero
    high byte, so at least a tenth of the 2-byte units of a text in any alphabetic script (and
    at least four) has a zero at one parity and (almost) none at the other. The candidate must
    then decode with at most 1% of errors, hold no control characters other than tab, line
    feed, carriage return and form feed, and hold a space or a line break.

    Args:
        data: the raw input (the first :data:`SNIFF_BYTES` are looked at).

    Returns:
        ``"utf-16-le"``, ``"utf-16-be"`` or None.
    """
    head = data[:SNIFF_BYTES]
    head = head[: len(head) - len(head) % 2]
    units = len(head) // 2
    if units < 4:
        return None
    for encoding, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        zeros = high.count(0)
        if zeros < max(_MIN_CONTROLS, _UTF16_ZERO_SHARE * units) or low.count(0) > _UTF16_MAX_BAD * units:
            continue
        text = head.decode(encoding, errors="replace")
        bad = text.count("\ufffd") + sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
        if bad <= max(1, _UTF16_MAX_BAD * units) and any(ch in text for ch in " \n"):
            return encoding
    return None


def _declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` of an HTML page, when it names a codec Python knows."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _mostly_utf8(data: bytes) -> tuple[bool, int]:
    """Whether undecodable bytes look like a few stray bytes in a UTF-8 text.

    Returns:
        ``(True, n_bad)`` when valid multi-byte UTF-8 sequences outnumber the invalid bytes.
    """
    text = data.decode("utf-8", errors="surrogateescape")  # one lone surrogate per bad byte
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good > bad, bad


def decode_bytes(data: bytes) -> tuple[str, list[Diagnostic]]:
    """Decode an input to text.

    Order of attempts: a UTF-8 byte-order mark, a UTF-16/32 byte-order mark, UTF-16
    without a byte-order mark (:func:`detect_utf16`), strict UTF-8, UTF-8 with a few stray
    bytes replaced (W005), the charset an HTML page declares, cp1252 (when it holds bytes
    0x80-0x9F that cp1252 defines) and finally latin-1, which never fails. Any encoding
    other than UTF-8 gives a W001 diagnostic.

    Args:
        data: the raw bytes.

    Returns:
        The decoded text (newlines and control characters untouched; see
        :func:`clean_text`) and the diagnostics.
    """
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_replacing(data[len(codecs.BOM_UTF8):], diagnostics)
    for bom, encoding in _UTF16_32_BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            diagnostics.append(Diagnostic("W001", Warnings.W001.format(encoding=encoding.upper())))
            _count_replaced(text, diagnostics)
            return text.lstrip("\ufeff"), diagnostics
    utf16 = detect_utf16(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8 with NULs between
    if utf16:
        text = data[: len(data) - len(data) % 2].decode(utf16, errors="replace")
        diagnostics.append(Diagnostic("W001", Warnings.W001.format(
            encoding=f"{utf16.upper()} (no byte-order mark)")))
        _count_replaced(text, diagnostics)
        return text, diagnostics
    try:
        return data.decode("utf-8"), diagnostics
    except UnicodeDecodeError:
        pass
    mostly, _ = _mostly_utf8(data)
    if mostly:
        return _utf8_replacing(data, diagnostics)
    declared = _declared_charset(data)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            diagnostics.append(Diagnostic("W001", Warnings.W001.format(encoding=declared)))
            return text, diagnostics
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            diagnostics.append(Diagnostic("W001", Warnings.W001.format(encoding="cp1252")))
            return text, diagnostics
    diagnostics.append(Diagnostic("W001", Warnings.W001.format(encoding="latin-1")))
    return data.decode("latin-1"), diagnostics


def _utf8_replacing(data: bytes, diagnostics: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    try:
        return data.decode("utf-8"), diagnostics
    except UnicodeDecodeError:
        pass
    _, bad = _mostly_utf8(data)
    text = data.decode("utf-8", errors="replace")
    diagnostics.append(Diagnostic("W005", Warnings.W005.format(count=bad)))
    return text, diagnostics


def _count_replaced(text: str, diagnostics: list[Diagnostic]) -> None:
    count = text.count("\ufffd")
    if count:
        diagnostics.append(Diagnostic("W005", Warnings.W005.format(count=count)))


def clean_text(text: str) -> tuple[str, list[Diagnostic]]:
    """Normalise line breaks and remove control characters, once, at read time.

    ``\\r\\n`` and lone ``\\r`` become ``\\n``; every other C0/C1 control character
    except tab and line feed (NUL included) is removed (W002 gives how many). A leading
    byte-order mark is dropped. Lone surrogates, which a JSON string or a Python caller
    can hold but no encoding can write, become U+FFFD (W006).

    Args:
        text: decoded text.

    Returns:
        The cleaned text and the diagnostics.
    """
    diagnostics: list[Diagnostic] = []
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, count = _STRIP.subn("", text)
    if count:
        diagnostics.append(Diagnostic("W002", Warnings.W002.format(count=count)))
    text, repaired = repair_surrogates(text)
    if repaired:
        diagnostics.append(Diagnostic("W006", Warnings.W006.format(count=repaired, field="text")))
    return text, diagnostics


def repair_json_surrogates(line: str) -> tuple[str, int]:
    """A JSON text with every lone surrogate escape (``"\\ud800"``) replaced by ``"\\ufffd"``.

    JSON may escape half of a UTF-16 pair; :func:`json.loads` then gives a string that no
    encoding can write, which would crash whatever stores it (a title, a path). Pairs and every
    other escape are kept; an escaped backslash (``"\\\\ud800"``: the text ``\\ud800``) is not
    a surrogate. Linear in the length of the line.

    Returns:
        The repaired line and how many escapes were replaced (for a W006 diagnostic).
    """
    if "\\" not in line:
        return line, 0
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(1) is None:
            return match.group(0)
        count += 1
        return "\\ufffd"

    return _JSON_ESCAPE.sub(fix, line), count


def repair_surrogates(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate replaced by U+FFFD, and how many there were.

    JSON (``"\\ud800"``) and Python strings may hold them, but they cannot be encoded to
    UTF-8: left in, they crash whatever writes the value (a database, a file, a pipe).
    """
    if value.isascii():
        return value, 0
    return _SURROGATE.subn("\ufffd", value)


def check_size(size: int, limit: int, label: str) -> None:
    """Raise E005 when ``size`` bytes are over ``limit``."""
    if size > limit:
        raise InputError(Errors.E005.format(path=label, size=f"{size:,}", limit=f"{limit:,}"))


def check_binary(data: bytes, label: str, *, kind: str | None = None) -> None:
    """Raise E004 when ``data`` looks binary; ``kind`` (``a character device``...) is named in it."""
    detail = sniff_binary(data)
    if detail is not None:
        raise InputError(Errors.E004.format(path=label, detail=f"{kind} giving {detail}" if kind else detail))
