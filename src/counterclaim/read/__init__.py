"""Reading inputs into Documents: bytes → text → metadata.

The text a Document holds is final: it has been decoded, its line breaks normalised
to ``\\n`` and its control characters removed (W002), and for HTML it is the page's
main text. Every offset the extractors produce refers to ``document.text``.

Modules:
    decode: encodings, binary sniffing, the one-time clean-up.
    header: the ``Title:/Author:/Published:/Publisher:/URL:`` block, Markdown metadata.
    byline: headline, ``By NAME`` and dateline of texts without a header block.
    html: main text and metadata of HTML pages (trafilatura).
    dates: publication dates to ``YYYY-MM-DD``.
"""

from __future__ import annotations

import hashlib
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from counterclaim.errors import Errors, InputError
from counterclaim.options import DEFAULT_MAX_BYTES
from counterclaim.read.byline import detect_byline
from counterclaim.read.decode import SNIFF_BYTES, check_binary, check_size, clean_text, decode_bytes
from counterclaim.read.header import Metadata, header_length, looks_like_markdown, markdown_metadata, parse_header
from counterclaim.read.html import HTML_SUFFIXES, extract_html, has_markup, looks_like_html
from counterclaim.records import Diagnostic, Document

__all__ = ["STDIN", "read_bytes", "read_path", "read_stream", "read_text", "text_id"]

STDIN = "-"
"""The path that means standard input."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_STDIN_LABEL = "standard input"
_CHUNK = 1 << 16
_SPECIAL_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                  (stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"))


def text_id(text: str) -> str:
    """The document id: sha256 of the text as read (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _kind(text: str, path: str | None) -> str:
    """``html``, ``markdown`` or ``text``, from the file name and the content."""
    if path and "://" in path:
        path = path.split("?", 1)[0].split("#", 1)[0]  # an address: the suffix of its path
    suffix = Path(path).suffix.lower() if path and path != STDIN else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"  # Markdown may hold inline HTML: the extension decides
    if suffix in HTML_SUFFIXES and has_markup(text) or looks_like_html(text):
        return "html"
    return "markdown" if looks_like_markdown(text) else "text"


def _metadata(text: str, kind: str) -> Metadata:
    """Metadata of a plain or Markdown text: the header block, else front matter, headline and byline."""
    header = parse_header(text)
    if header is not None:
        if header.published and header.publisher:
            return header
        # an empty "Published:" or "Publisher:" line: the body's own dateline may say it
        found = detect_byline(text[header_length(text):])
        return header.fill(Metadata(published=found.published, publisher=found.publisher))
    if kind == "markdown":
        meta, body = markdown_metadata(text)
        found = detect_byline(text[body:])
        return meta.fill(found if meta.title is None else Metadata(
            author=found.author, published=found.published, publisher=found.publisher))
    return detect_byline(text)


def _document(text: str, path: str | None, label: str, diagnostics: list[Diagnostic], kind: str | None = None
              ) -> tuple[Document, list[Diagnostic]]:
    kind = kind or _kind(text, path)
    if kind == "html":
        text, meta, found = extract_html(text, label)
        diagnostics = diagnostics + found
    else:
        meta = _metadata(text, kind)
    document = Document(id=text_id(text), text=text, path=path, **meta.as_kwargs())
    return document, diagnostics


def read_text(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Make a Document of an already decoded text.

    Line breaks are normalised and control characters removed (W002). An HTML text
    (recognised by its content, or a ``.html`` path) is reduced to its main text.
    An empty text gives an empty Document, not an error.

    Args:
        text: the article.
        path: recorded as ``document.path``; its suffix may tell HTML or Markdown.

    Returns:
        The Document and the diagnostics of reading.

    Raises:
        InputError: an HTML text has no main text (E007).
    """
    text, diagnostics = clean_text(text)
    return _document(text, path, path or "the text", diagnostics)


def _read(data: bytes, path: str | None, label: str, max_bytes: int, empty: str, kind: str | None = None
          ) -> tuple[Document, list[Diagnostic]]:
    check_size(len(data), max_bytes, label)
    if not data.strip():
        raise InputError(empty)
    check_binary(data, label)
    text, diagnostics = decode_bytes(data)
    text, cleaned = clean_text(text)
    if not text.strip():
        raise InputError(empty)
    return _document(text, path, label, diagnostics + cleaned, kind)


def read_bytes(data: bytes, path: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               kind: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Make a Document of raw bytes (plain text, HTML or Markdown in any common encoding).

    Args:
        data: the file's content.
        path: recorded as ``document.path`` and used in messages; its suffix may tell the format.
        max_bytes: larger inputs are refused.
        kind: ``html``, ``markdown`` or ``text`` when known (e.g. from a content type); by
            default it is told from the path's suffix and the content.

    Returns:
        The Document and the diagnostics of reading (W001, W002, W005).

    Raises:
        InputError: too large (E005), empty (E003), binary (E004), HTML without main text (E007).
    """
    label = path or "the input"
    return _read(data, path, label, max_bytes, Errors.E003.format(path=label), kind)


def read_stream(stream: BinaryIO, max_bytes: int, label: str, kind: str, *, prefix: bytes = b"") -> bytes:
    """Read a stream of unknown length (standard input, a pipe, a device) in chunks.

    At most ``max_bytes + 1`` bytes are read, and the start is sniffed for binary data as soon
    as :data:`~counterclaim.read.decode.SNIFF_BYTES` are in, so that an endless device such as
    ``/dev/zero`` stops after a few kilobytes. ``prefix`` is what the caller already read.

    Raises:
        InputError: binary (E004), or more than ``max_bytes`` (E005 for standard input, E037
            for a device, pipe or socket named as a file).
    """
    read = getattr(stream, "read1", stream.read)
    chunks: list[bytes] = [prefix] if prefix else []
    size = len(prefix)
    sniffed = size >= SNIFF_BYTES
    if sniffed:
        check_binary(prefix[:SNIFF_BYTES], label, kind=kind)
    while size <= max_bytes:
        chunk = read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if not sniffed and size >= SNIFF_BYTES:
            sniffed = True
            check_binary(b"".join(chunks)[:SNIFF_BYTES], label, kind=kind)
    if size > max_bytes:
        if label == _STDIN_LABEL:
            raise InputError(Errors.E005.format(path=label, size=f"more than {max_bytes:,}",
                                                limit=f"{max_bytes:,}"))
        raise InputError(Errors.E037.format(path=label, kind=kind, limit=f"{max_bytes:,}"))
    return b"".join(chunks)


def _read_stdin(max_bytes: int) -> tuple[Document, list[Diagnostic]]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raw = sys.stdin.read(max_bytes + 1) if sys.stdin is not None else ""
        data = raw.encode("utf-8", errors="surrogateescape") if isinstance(raw, str) else raw
        check_size(len(data), max_bytes, _STDIN_LABEL)
    else:
        data = read_stream(stream, max_bytes, _STDIN_LABEL, _STDIN_LABEL)
    return _read(data, None, _STDIN_LABEL, max_bytes, Errors.E008.format())


def _special_kind(mode: int) -> str | None:
    """``a character device``, ``a pipe``... for what is not a regular file (None for one)."""
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), None)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[Diagnostic]]:
    """Read a file (``-`` for standard input) into a Document.

    The size of a regular file is checked with ``stat`` before anything is read; a device,
    pipe or socket is read in chunks, at most ``max_bytes + 1`` bytes (:func:`read_stream`).

    Args:
        path: a file path, or ``-`` for standard input (``document.path`` is then None).
        max_bytes: larger inputs are refused with E005.

    Returns:
        The Document (``document.path`` is the path as given) and the diagnostics of reading.

    Raises:
        InputError: E001 missing, E002 directory, E003 empty, E004 binary, E005 too large,
            E006 unreadable, E007 HTML without main text, E008 empty standard input, E037 a
            device or pipe that gives more than ``max_bytes``.
    """
    label = str(path)
    if label == STDIN:
        return _read_stdin(max_bytes)
    file = Path(path)
    try:
        info = file.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise InputError(Errors.E001.format(path=label)) from exc
    except OSError as exc:
        raise InputError(Errors.E006.format(path=label, detail=exc.strerror or exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(Errors.E002.format(path=label))
    check_size(info.st_size, max_bytes, label)
    special = _special_kind(info.st_mode)
    try:
        with file.open("rb") as handle:
            # a regular file may have grown since stat: read one byte more than the limit
            data = read_stream(handle, max_bytes, label, special) if special else handle.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise InputError(Errors.E002.format(path=label)) from exc
    except OSError as exc:
        raise InputError(Errors.E006.format(path=label, detail=exc.strerror or exc)) from exc
    return _read(data, label, label, max_bytes, Errors.E003.format(path=label))
