"""HTML pages: the article's main text and metadata, through trafilatura (imported lazily)."""

from __future__ import annotations

import re
import warnings
from typing import Any

from counterclaim.errors import ConfigError, Errors, InputError, Warnings
from counterclaim.read.dates import normalize_date
from counterclaim.read.header import Metadata, clean_value
from counterclaim.read.htmlscan import scan, text_content
from counterclaim.records import Diagnostic

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_TAG_START = re.compile(r"^\s*<(?:\?xml|!--|meta|title|div|article|section|main|p|h[1-6])[\s>]", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML, judged by its content.

    True when the text starts with ``<!doctype html``, ``<html`` or a typical tag (``<div``,
    ``<article``, ``<meta`` ...), or when, among at least two tags in the first 2,000
    characters, there is ``<html``, ``<head``, ``<body`` or (in the first 500) a ``<p>``.
    """
    head = text[:2000]
    if head.lstrip().startswith("<") and (_STRONG.search(head) or _TAG_START.match(head)):
        return True
    # not starting with a tag: a text that merely mentions "<body>" must not count
    tags = len(_ANY_TAG.findall(head))
    return tags >= 2 and bool(_STRONG.search(head) or _PARAGRAPH.search(head[:500]))


def has_markup(text: str) -> bool:
    """Whether ``text`` holds any HTML tag at all (a ``.html`` file may hold plain text)."""
    return _ANY_TAG.search(text[:20000]) is not None


def _as_dict(extracted: Any) -> dict[str, Any]:
    """trafilatura 1.x returns a dict, 2.x a Document object."""
    if extracted is None:
        return {}
    if isinstance(extracted, dict):
        return extracted
    if hasattr(extracted, "as_dict"):
        return dict(extracted.as_dict())
    return {k: getattr(extracted, k, None) for k in ("text", "title", "author", "date", "sitename", "url")}


def _paragraphs(text: str | None) -> str:
    """One paragraph per line becomes paragraphs separated by a blank line (as in the text files)."""
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in _CONTROL.sub("", text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _trafilatura(html: str, fast: bool) -> tuple[str, dict[str, Any]]:
    """trafilatura's main text (else its baseline: every paragraph) and metadata.

    ``fast`` skips trafilatura's readability and jusText fallbacks
    (see :data:`counterclaim.read.htmlscan.MAX_BLOCKS_FULL`).
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise ConfigError(Errors.E011.format(detail=exc)) from exc
    if not _STRONG.search(html[:2000]):
        html = f"<html><body>{html}</body></html>"  # a fragment: lxml would not find a body
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = _as_dict(trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, include_links=False, deduplicate=False, fast=fast))
        except (ValueError, TypeError, AttributeError):
            found = {}
        text = _paragraphs(found.get("text"))
        if not text.strip():
            try:
                text = _paragraphs(trafilatura.baseline(html)[1])
            except (ValueError, TypeError, AttributeError):
                text = ""
    return text, found


def extract_html(html: str, label: str) -> tuple[str, Metadata, list[Diagnostic]]:
    """The main text of an HTML page, its metadata and the diagnostics of reading it.

    Navigation, scripts, footers and comments are dropped by trafilatura; paragraphs
    of the main text are separated by a blank line. When trafilatura finds no main
    text, its baseline extractor (every paragraph of the page) is tried.

    The cost is bounded for any page: :func:`counterclaim.read.htmlscan.scan` first measures
    it in linear time, and a page with too many tags, too many attributes on one tag or too
    deep a nesting is not given to trafilatura; its whole text content is read instead
    (W007), as it is when trafilatura finds nothing. A page of more than
    :data:`~counterclaim.read.htmlscan.MAX_BLOCKS_FULL` block elements is read by trafilatura
    without its quadratic fallbacks.

    Args:
        html: the page source.
        label: how the input is named in error messages.

    Returns:
        The text (what ``document.text`` will hold); the title, author, date, site name
        and URL found in the page; the diagnostics (W007).

    Raises:
        InputError: no text at all (E007).
        ConfigError: trafilatura cannot be imported.
    """
    shape = scan(html)
    reason = shape.too_complex()
    text, found = ("", {}) if reason else _trafilatura(html, shape.fast)
    diagnostics: list[Diagnostic] = []
    if not text.strip():
        text, title = text_content(html)
        text = _paragraphs(text)
        found = found or {"title": title}
        if text.strip():
            reason = reason or "has no main text that could be told from the rest of the page"
            diagnostics.append(Diagnostic("W007", Warnings.W007.format(reason=reason)))
    if not text.strip():
        raise InputError(Errors.E007.format(path=label))
    meta = Metadata(title=clean_value(found.get("title")), author=clean_value(found.get("author")),
                    published=normalize_date(found.get("date")), publisher=clean_value(found.get("sitename")),
                    url=clean_value(found.get("url")))
    return text, meta, diagnostics
