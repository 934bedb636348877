"""Metadata written at the top of a file: the ``Title:/Author:/...`` block and Markdown.

The header block of ANNOTATION.md stays in ``document.text`` (offsets count it); only
its values are copied into the Document fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from counterclaim.read.dates import normalize_date

HEADER_KEYS = ("Title", "Author", "Published", "Publisher", "URL")
HEADER_LINE = re.compile(r"^(Title|Author|Published|Publisher|URL):[ \t]*(.*)$")
MIN_HEADER_LINES = 2
"""A block needs at least this many header lines (as ``nlp.normalize.header_length`` does)."""

_FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "author": "author", "authors": "author", "byline": "author",
    "date": "published", "published": "published", "pubdate": "published",
    "publisher": "publisher", "site": "publisher", "sitename": "publisher", "source": "publisher",
    "url": "url", "link": "url", "canonical_url": "url",
}
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"^(?:=+|-+)[ \t]*$")
_MARKDOWN_MARKS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    re.compile(r"^[ \t]*[-*+][ \t]+\S", re.MULTILINE),
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),
    re.compile(r"^>[ \t]", re.MULTILINE),
)


@dataclass(frozen=True)
class Metadata:
    """Document metadata found while reading; every field is optional."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None

    def fill(self, other: Metadata) -> Metadata:
        """A copy in which the fields that are None here take ``other``'s values."""
        return replace(self, **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def as_kwargs(self) -> dict[str, str | None]:
        """The fields as keyword arguments for :class:`counterclaim.records.Document`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def clean_value(value: str | None) -> str | None:
    """Strip a metadata value; empty values become None."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def header_length(text: str) -> int:
    """Length in characters of the header block at the top of ``text`` (0 when absent).

    The block is a run of at least two ``Key: value`` lines with the keys of
    ANNOTATION.md, plus the blank line that ends it.
    """
    pos = 0
    seen = 0
    for line in text.split("\n"):
        if HEADER_LINE.match(line):
            seen += 1
            pos += len(line) + 1
        elif seen and not line.strip():
            pos += len(line) + 1
            break
        else:
            break
    return min(pos, len(text)) if seen >= MIN_HEADER_LINES else 0


def parse_header(text: str) -> Metadata | None:
    """Read the ``Title:/Author:/Published:/Publisher:/URL:`` block at the top of ``text``.

    Args:
        text: the document text (already cleaned: ``\\n`` line breaks).

    Returns:
        The metadata, or None when the text has no header block. Empty values are None;
        ``Published`` is normalised to ``YYYY-MM-DD`` (None when it holds no full date).
        When a key occurs twice, the first value counts.
    """
    length = header_length(text)
    if not length:
        return None
    values: dict[str, str | None] = {}
    for line in text[:length].split("\n"):
        match = HEADER_LINE.match(line)
        if match and match[1].lower() not in values:
            values[match[1].lower()] = clean_value(match[2])
    return Metadata(title=values.get("title"), author=values.get("author"),
                    published=normalize_date(values.get("published")), publisher=values.get("publisher"),
                    url=values.get("url"))


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` reads as Markdown: front matter, a leading ``# heading`` or several marks."""
    head = text[:4096]
    if head.startswith("---\n") or _ATX_HEADING.match(head.lstrip("\n").split("\n", 1)[0]):
        return True
    return sum(1 for mark in _MARKDOWN_MARKS if mark.search(head)) >= 2


def _front_matter(text: str) -> tuple[Metadata, int]:
    """YAML-style front matter between ``---`` lines; returns the metadata and where the body starts."""
    if not text.startswith("---\n"):
        return Metadata(), 0
    end = text.find("\n---", 3)
    if end < 0 or text.count("\n", 0, end) > 60:
        return Metadata(), 0
    values: dict[str, str | None] = {}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(":")
        field = _FRONT_MATTER_KEYS.get(key.strip().lower())
        if sep and field and field not in values:
            value = value.strip().strip("[]").replace('"', "").replace("'", "")
            values[field] = clean_value(", ".join(v.strip() for v in value.split(",") if v.strip()))
    body = text.find("\n", end + 1)
    meta = Metadata(**values)
    return replace(meta, published=normalize_date(meta.published)), len(text) if body < 0 else body + 1


def markdown_metadata(text: str) -> tuple[Metadata, int]:
    """Metadata of a Markdown text: its front matter, and a leading heading as the title.

    Args:
        text: the Markdown source (kept as is: offsets refer to it).

    Returns:
        The metadata and the offset where the body (after front matter and title) starts,
        so that a byline below the heading can be looked for from there.
    """
    meta, pos = _front_matter(text)
    lines = text[pos:].split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            pos += len(line) + 1
            continue
        heading = _ATX_HEADING.match(line.strip())
        title = None
        consumed = len(line) + 1
        if heading:
            title = heading[1].strip()
        elif i + 1 < len(lines) and _SETEXT_RULE.match(lines[i + 1]) and lines[i + 1].startswith("="):
            title = line.strip()
            consumed += len(lines[i + 1]) + 1
        if title:
            meta = meta.fill(Metadata(title=clean_value(title.strip("*_ "))))
            pos += consumed
        break
    return meta, min(pos, len(text))
