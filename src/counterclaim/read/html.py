"""HTML pages: the article's main text and metadata, through trafilatura (imported lazily)."""

from __future__ import annotations

import re
import warnings
from typing import Any

from counterclaim.errors import ConfigError, Errors, InputError
from counterclaim.read.dates import normalize_date
from counterclaim.read.header import Metadata, clean_value

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


def extract_html(html: str, label: str) -> tuple[str, Metadata]:
    """The main text of an HTML page and its metadata.

    Navigation, scripts, footers and comments are dropped by trafilatura; paragraphs
    of the main text are separated by a blank line. When trafilatura finds no main
    text, its baseline extractor (every paragraph of the page) is tried before giving up.

    Args:
        html: the page source.
        label: how the input is named in error messages.

    Returns:
        The text (what ``document.text`` will hold) and the title, author, date,
        site name and URL found in the page.

    Raises:
        InputError: no main text (E007).
        ConfigError: trafilatura cannot be imported.
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
                include_images=False, include_links=False, deduplicate=False))
        except (ValueError, TypeError, AttributeError):
            found = {}
        text = _paragraphs(found.get("text"))
        if not text.strip():
            try:
                text = _paragraphs(trafilatura.baseline(html)[1])
            except (ValueError, TypeError, AttributeError):
                text = ""
    if not text.strip():
        raise InputError(Errors.E007.format(path=label))
    meta = Metadata(title=clean_value(found.get("title")), author=clean_value(found.get("author")),
                    published=normalize_date(found.get("date")), publisher=clean_value(found.get("sitename")),
                    url=clean_value(found.get("url")))
    return text, meta
