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

from counterclaim.errors import Errors, InputError
from counterclaim.options import DEFAULT_MAX_BYTES
from counterclaim.read.byline import detect_byline
from counterclaim.read.decode import check_binary, check_size, clean_text, decode_bytes
from counterclaim.read.header import Metadata, looks_like_markdown, markdown_metadata, parse_header
from counterclaim.read.html import HTML_SUFFIXES, extract_html, has_markup, looks_like_html
from counterclaim.records import Diagnostic, Document

__all__ = ["STDIN", "read_bytes", "read_path", "read_text", "text_id"]

STDIN = "-"
"""The path that means standard input."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_STDIN_LABEL = "standard input"


def text_id(text: str) -> str:
    """The document id: sha256 of the text as read (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _kind(text: str, path: str | None) -> str:
    """``html``, ``markdown`` or ``text``, from the file name and the content."""
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
        return header
    if kind == "markdown":
        meta, body = markdown_metadata(text)
        found = detect_byline(text[body:])
        return meta.fill(found if meta.title is None else Metadata(
            author=found.author, published=found.published, publisher=found.publisher))
    return detect_byline(text)


def _document(text: str, path: str | None, label: str, diagnostics: list[Diagnostic]
              ) -> tuple[Document, list[Diagnostic]]:
    kind = _kind(text, path)
    if kind == "html":
        text, meta = extract_html(text, label)
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


def _read(data: bytes, path: str | None, label: str, max_bytes: int, empty: str
          ) -> tuple[Document, list[Diagnostic]]:
    check_size(len(data), max_bytes, label)
    if not data.strip():
        raise InputError(empty)
    check_binary(data, label)
    text, diagnostics = decode_bytes(data)
    text, cleaned = clean_text(text)
    if not text.strip():
        raise InputError(empty)
    return _document(text, path, label, diagnostics + cleaned)


def read_bytes(data: bytes, path: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
               ) -> tuple[Document, list[Diagnostic]]:
    """Make a Document of raw bytes (plain text, HTML or Markdown in any common encoding).

    Args:
        data: the file's content.
        path: recorded as ``document.path`` and used in messages; its suffix may tell the format.
        max_bytes: larger inputs are refused.

    Returns:
        The Document and the diagnostics of reading (W001, W002, W005).

    Raises:
        InputError: too large (E005), empty (E003), binary (E004), HTML without main text (E007).
    """
    label = path or "the input"
    return _read(data, path, label, max_bytes, Errors.E003.format(path=label))


def _read_stdin(max_bytes: int) -> tuple[Document, list[Diagnostic]]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raw = sys.stdin.read(max_bytes + 1) if sys.stdin is not None else ""
        data = raw.encode("utf-8", errors="surrogateescape") if isinstance(raw, str) else raw
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(Errors.E005.format(path=_STDIN_LABEL, size=f"more than {max_bytes:,}",
                                            limit=f"{max_bytes:,}"))
    return _read(data, None, _STDIN_LABEL, max_bytes, Errors.E008.format())


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[Diagnostic]]:
    """Read a file (``-`` for standard input) into a Document.

    The size is checked with ``stat`` before anything is read.

    Args:
        path: a file path, or ``-`` for standard input (``document.path`` is then None).
        max_bytes: larger inputs are refused with E005.

    Returns:
        The Document (``document.path`` is the path as given) and the diagnostics of reading.

    Raises:
        InputError: E001 missing, E002 directory, E003 empty, E004 binary, E005 too large,
            E006 unreadable, E007 HTML without main text, E008 empty standard input.
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
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a pipe or device has no size before reading
    except IsADirectoryError as exc:
        raise InputError(Errors.E002.format(path=label)) from exc
    except OSError as exc:
        raise InputError(Errors.E006.format(path=label, detail=exc.strerror or exc)) from exc
    return _read(data, label, label, max_bytes, Errors.E003.format(path=label))
