"""One linear pass over HTML: its shape (for the limits on what trafilatura is given) and its text.

trafilatura (through lxml/libxml2, jusText and htmldate) is the best reader of a normal
page, but not of every page: many attributes on one tag cost time quadratic in their number,
libxml2 drops everything nested deeper than 256 elements, and each element costs tens of
microseconds and a kilobyte or more of memory in the copies of the tree it makes. So every
page is first scanned here, in time and memory linear in its length, and a page over one of
the limits below is read by :func:`text_content` instead (the caller adds a W007 diagnostic).

The scanner is a tokenizer, not a parser: it knows comments, ``<!...>`` and ``<?...>``
declarations, the raw-text elements (``script``, ``style``...) whose content holds no tags,
void elements, and the implied end tags of ``p``, ``li``, ``dt``/``dd``, ``tr``/``td``/``th``
and ``option``, which is what the nesting depth needs. Each character is looked at a bounded
number of times (every ``re`` match below consumes what it scans, or scans to the end once).
"""

from __future__ import annotations

import html as _html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

MAX_TAGS = 60_000
"""More start tags than this: trafilatura would take seconds and hundreds of MB (about 75 µs each)."""
MAX_ATTRIBUTES = 100
"""More attributes on one tag than this: libxml2's duplicate check is quadratic in their number."""
MAX_ALL_ATTRIBUTES = 150_000
"""More attributes in all than this: lxml's tree would hold hundreds of MB (1.1 MB of them: 190 MB)."""
MAX_DEPTH = 180
"""Deeper nesting than this: libxml2 (limit 256) would drop the text below its limit."""
MAX_BLOCKS_FULL = 3_000
"""More block elements than this: trafilatura runs without its fallbacks (``fast``), whose jusText
pass is quadratic in the number of short paragraphs (16,000 took 48 s)."""

_TAG_START = re.compile(r"<(?:(/?)([A-Za-z][^\s/>]*)|(!--)|[!?])")
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_END = re.compile(r"\s*(/?)\s*>")
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
             "template", "plaintext")
_RAW_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT}
_SKIPPED = frozenset(_RAW_TEXT) - {"textarea", "title", "xmp", "plaintext"}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "isindex"})
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
                    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
                    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "body", "html"})
_CLOSES_P = _BLOCK - {"br", "td", "th", "tr", "caption", "dd", "dt", "li", "body", "html", "center"}
_IMPLIED: dict[str, frozenset[str]] = {
    "li": frozenset({"li", "p"}), "dt": frozenset({"dt", "dd", "p"}), "dd": frozenset({"dt", "dd", "p"}),
    "tr": frozenset({"tr", "td", "th"}), "td": frozenset({"td", "th"}), "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}
"""For a start tag, the open elements (at the top of the stack) it ends."""


@dataclass(frozen=True)
class Shape:
    """What :func:`scan` measured: start tags, block-level ones, the most attributes on one tag,
    attributes in all and the deepest nesting."""

    tags: int
    attributes: int
    depth: int
    blocks: int = 0
    all_attributes: int = 0

    def too_complex(self) -> str | None:
        """Why the page is over a limit (words for W007), or None when trafilatura may read it."""
        if self.depth > MAX_DEPTH:
            return f"nests elements {self.depth:,} deep (more than {MAX_DEPTH:,})"
        if self.attributes > MAX_ATTRIBUTES:
            return f"has a tag with {self.attributes:,} attributes (more than {MAX_ATTRIBUTES:,})"
        if self.tags > MAX_TAGS:
            return f"has {self.tags:,} tags (more than {MAX_TAGS:,})"
        if self.all_attributes > MAX_ALL_ATTRIBUTES:
            return f"has {self.all_attributes:,} attributes (more than {MAX_ALL_ATTRIBUTES:,})"
        return None

    @property
    def fast(self) -> bool:
        """Whether trafilatura must run without its quadratic fallbacks."""
        return self.blocks > MAX_BLOCKS_FULL


Token = tuple[str, str, int, bool]
"""``(kind, value, attributes, self_closing)``: kind ``text`` (value: the raw text), ``start``,
``end`` (value: the lower-cased tag name) or ``raw`` (the content of a raw-text element)."""


def _start_tag(page: str, pos: int) -> tuple[int, int, bool]:
    """Past a start tag's name: its end, its number of attributes and whether it ends in ``/>``."""
    count = 0
    end = len(page)
    while pos < end:
        closing = _TAG_END.match(page, pos)
        if closing:
            return closing.end(), count, bool(closing.group(1))
        attribute = _ATTRIBUTE.match(page, pos)
        if attribute and attribute.end() > pos:
            count += 1
            pos = attribute.end()
        else:
            pos += 1  # a stray quote or '=': skip it
    return end, count, False


def tokens(page: str) -> Iterator[Token]:
    """The tokens of an HTML page, in order (see :data:`Token`); linear in its length."""
    pos, end = 0, len(page)
    while pos < end:
        found = _TAG_START.search(page, pos)
        if found is None:
            yield "text", page[pos:], 0, False
            return
        if found.start() > pos:
            yield "text", page[pos:found.start()], 0, False
        slash, name, comment = found.groups()
        if comment:
            close = page.find("-->", found.end())
            pos = end if close < 0 else close + 3
        elif name is None:  # <!doctype ...>, <![CDATA[...]]>, <?xml ...?>
            close = page.find(">", found.end())
            pos = end if close < 0 else close + 1
        elif slash:
            close = page.find(">", found.end())
            pos = end if close < 0 else close + 1
            yield "end", name.lower(), 0, False
        else:
            name = name.lower()
            pos, attributes, self_closing = _start_tag(page, found.end())
            yield "start", name, attributes, self_closing
            if name in _RAW_END and not self_closing:
                close_match = _RAW_END[name].search(page, pos)
                stop = end if close_match is None else close_match.start()
                yield "raw", page[pos:stop], 0, False
                if close_match is None:
                    return
                pos = stop


class _Stack:
    """Open elements, as a depth estimate: pushes, implied ends, and pops up to a matching end tag."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.open: Counter[str] = Counter()
        self.deepest = 0

    def start(self, name: str, self_closing: bool) -> None:
        ends = _IMPLIED.get(name, frozenset({"p"}) if name in _CLOSES_P else frozenset())
        while self.names and self.names[-1] in ends:
            self._pop()
        if name in _VOID or self_closing:
            return
        self.names.append(name)
        self.open[name] += 1
        self.deepest = max(self.deepest, len(self.names))

    def end(self, name: str) -> None:
        if self.open[name] <= 0:
            return  # a stray end tag: ignored, as parsers do
        while self._pop() != name:
            pass

    def _pop(self) -> str:
        name = self.names.pop()
        self.open[name] -= 1
        return name


def scan(page: str) -> Shape:
    """Measure a page: start tags, block-level ones, the most attributes on one tag, the nesting depth."""
    stack = _Stack()
    tags = most = blocks = total = 0
    for kind, name, attributes, self_closing in tokens(page):
        if kind == "start":
            tags += 1
            blocks += name in _BLOCK
            most = max(most, attributes)
            total += attributes
            stack.start(name, self_closing)
        elif kind == "end":
            stack.end(name)
    return Shape(tags=tags, attributes=most, depth=stack.deepest, blocks=blocks, all_attributes=total)


def text_content(page: str) -> tuple[str, str | None]:
    """The text of every element but scripts, styles and the like, and the ``<title>``.

    Block-level tags (paragraphs, headings, list items, table rows, ``<br>``...) end a line;
    character references are decoded. The caller joins the lines into paragraphs.

    Returns:
        The text (one block per line) and the page's title (None when it has none).
    """
    parts: list[str] = []
    title: str | None = None
    current = ""
    for kind, value, _, _ in tokens(page):
        if kind == "text":
            parts.append(_html.unescape(value))
        elif kind in ("start", "end"):
            current = value
            if value in _BLOCK:
                parts.append("\n")
        elif current == "title" and title is None:
            title = " ".join(_html.unescape(value).split()) or None
        elif current not in _SKIPPED and current != "title":
            parts.append(_html.unescape(value))
    return "".join(parts), title
