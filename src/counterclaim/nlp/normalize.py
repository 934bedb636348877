"""A parse-friendly copy of a document's text, with a map back to the original offsets.

``document.text`` is never changed (OUTPUT.md offsets point into it). The parser,
however, does badly on hard-wrapped lines, runs of spaces, sentences glued together by
scraping ("said."We have", "insurgentsRussia's") and ALL-CAPS headlines. ``normalize``
builds a copy in which those are repaired and records, for every character of the copy,
the offset of the original character it came from.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

HEADER_KEYS = ("title", "author", "published", "publisher", "url")
_HEADER_LINE = re.compile(r"^(Title|Author|Published|Publisher|URL):[ \t]*(.*)$")
# a sentence glued to the next one: "Bogota.Colombia", 'said."We', "process.190102Duque"
_GLUED_STOP = re.compile(r"(?<=[a-z0-9\)\]%])(?:[.!?][\"”’]|[\"”’][.!?]|[.!?]|[\"”])(?=[A-Z“])")
# a heading or pull-quote glued to running text: "the streetPolice officer", "SyriaThe desert"
_GLUED_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_GLUED_DIGITS = re.compile(r"(?<=\d{6})(?=[A-Z])")
# an opening curly mark glued to the word or comma before it: 'said,“Look', 'warned“We'
_GLUED_OPENING = re.compile(r"(?<=[\w,:;])(?=[“‘][^\W\d_])")


@dataclass(frozen=True)
class NormText:
    """The normalised text and, per character, its offset in the original text.

    ``origin`` is a compact integer array (8 bytes a character), not a tuple of Python ints,
    so that a long text's map stays a small multiple of the text itself.
    """

    text: str
    origin: Sequence[int]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text onto the original text."""
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else len(self.original)
            return o, o
        return self.origin[start], self.origin[end - 1] + 1

    @classmethod
    def identity(cls, text: str) -> NormText:
        """A copy that is the text itself (for Docs parsed by someone else's pipeline)."""
        return cls(text, array("q", range(len(text))), text)

    def piece(self, start: int, end: int) -> NormText:
        """The stretch ``[start, end)`` of the normalised text, still mapped onto the whole original."""
        return NormText(self.text[start:end], self.origin[start:end], self.original)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


class _Builder:
    """The copy as it is built: characters in a short list folded into text every so often (a
    list of millions of one-character strings would cost 8 bytes a character), and their origins."""

    _FOLD = 4096

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.done: list[str] = []
        self.origin: array[int] = array("q")
        self.last = ""

    def add(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.origin.extend(range(start, start + len(text)))
        self._settle(text)

    def add_inserted(self, text: str, at: int) -> None:
        self.chars.append(text)
        self.origin.extend([at] * len(text))
        self._settle(text)

    def _settle(self, text: str) -> None:
        if text:
            self.last = text[-1]
        if len(self.chars) >= self._FOLD:
            self.done.append("".join(self.chars))
            self.chars.clear()

    def ends_with_break(self) -> bool:
        return not self.last or self.last == "\n"

    def text(self) -> str:
        """The copy, without trailing blank space (its origins are cut to match)."""
        whole = "".join(self.done) + "".join(self.chars)
        kept = whole.rstrip("\n ")
        del self.origin[len(kept):]
        return kept


def header_length(text: str) -> int:
    """Length of the ``Title:/Author:/...`` header block at the top (0 when absent)."""
    pos = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        if _HEADER_LINE.match(line.rstrip("\r\n")):
            seen += 1
            pos += len(line)
        elif seen and not line.strip():
            pos += len(line)
            break
        else:
            break
    return pos if seen >= 2 else 0


def _paragraphs(text: str, offset: int) -> list[tuple[int, int]]:
    """Split a body into paragraphs as ``(start, end)`` spans of the original text.

    Blank lines always end a paragraph. Whether a single newline does depends on the
    layout: in hard-wrapped text (short lines) it does only before an indented line or
    after a short line; in text with one paragraph per line it always does.
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset + pos, line.rstrip("\r\n")))
        pos += len(line)
    widths = [len(line.rstrip()) for _, line in lines if line.strip()]
    wrap = max(widths, default=0)
    hard_wrapped = 0 < wrap <= 100 and len(widths) >= 3
    indents = sum(1 for _, line in lines if line[:1] in (" ", "\t") and line.strip())
    indent_marks_paragraphs = hard_wrapped and indents >= 2
    paras: list[tuple[int, int]] = []
    start: int | None = None
    prev_len = 0
    prev_stop = True
    prev_end = offset
    for line_start, line in lines:
        stripped = line.strip()
        if not stripped:
            if start is not None:
                paras.append((start, prev_end))
                start = None
            continue
        indented = line[:1] in (" ", "\t")
        short_prev = prev_len < 0.6 * wrap and not indent_marks_paragraphs and prev_stop
        new_para = not hard_wrapped or indented or short_prev or _looks_like_heading(stripped)
        if start is not None and new_para:
            paras.append((start, prev_end))
            start = None
        if start is None:
            start = line_start + (len(line) - len(line.lstrip()))
        prev_end = line_start + len(line.rstrip())
        prev_len = len(line.rstrip())
        prev_stop = bool(re.search(r"[.!?:\"”’)]$", line.rstrip()))
        if _looks_like_heading(stripped) and hard_wrapped:
            paras.append((start, prev_end))
            start = None
            prev_len = wrap
    if start is not None:
        paras.append((start, prev_end))
    return paras


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and not re.search(r"[.,;:!?\"”]$", line) and all(
        w[:1].isupper() for w in words if w[:1].isalpha())


_STARTERS = frozenset([
    "a", "an", "the", "in", "on", "at", "by", "from", "for", "with", "as", "after", "before", "when",
    "while", "but", "and", "or", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "there", "here", "then", "yet", "so", "if", "though", "although",
    "despite", "during", "since", "until", "last", "earlier", "later", "meanwhile", "however", "police",
    "officials", "according", "witnesses",
])


def _glued_heading(para: str, at: int) -> bool:
    """Whether a lower-to-upper case change inside a word is two texts glued together.

    "the streetPolice officer" and "insurgentsRussia's" glue an all-lower-case word to the next;
    "SyriaThe desert" glues a name to a common sentence opener. A name such as "FranCois" or
    "MacDonald" is neither.
    """
    left_match = re.search(r"[A-Za-z'’-]*$", para[:at])
    right_match = re.match(r"[A-Za-z]+", para[at:])
    left = left_match.group(0) if left_match else ""
    right = right_match.group(0) if right_match else ""
    return left.islower() or right.lower() in _STARTERS


def _mostly_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def _sentence_case(text: str) -> str:
    """Lower-case an ALL-CAPS stretch so the tagger sees ordinary words (same length)."""
    out = text.lower()
    m = re.search(r"[A-Za-z]", out)
    if m:
        out = out[: m.start()] + out[m.start()].upper() + out[m.start() + 1:]
    return out


_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’\- ]{1,40}(?:,[ A-Za-z.]{0,30})?(?:,? (?:\d{1,2} [A-Za-z]{3,9}\.? \d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}"
    r"(?:, \d{4})?))?(?: ?\([^()\n]{1,40}\))? ?(?:--|[-–—])+ ?")
"""A wire dateline opening a paragraph: "TOWNSVILLE, March 5 -", "MOSCOW (UPI) --", "BOGOTA, 1 SEP 88 (X) --"."""


def _add_paragraph(b: _Builder, original: str, start: int, end: int) -> None:
    para = original[start:end]
    dateline = _WIRE_DATELINE.match(para)
    if dateline and dateline.end() < len(para) and para[dateline.end():dateline.end() + 1].isupper():
        # the place and date of a wire story are never part of its first sentence (nor its source)
        _add_paragraph(b, original, start, start + len(para[:dateline.end()].rstrip()))
        b.add_inserted("\n\n", start + dateline.end())
        start += dateline.end()
        para = original[start:end]
    if _mostly_caps(para):
        para = _sentence_case(para)
    # insert a space (or a paragraph break) where sentences or headings are glued together
    cuts: dict[int, str] = {}
    for m in _GLUED_STOP.finditer(para):
        cuts[m.end()] = " "
    for m in _GLUED_CAMEL.finditer(para):
        if _glued_heading(para, m.start()):
            cuts.setdefault(m.start(), "\n\n")
    for m in _GLUED_DIGITS.finditer(para):
        cuts.setdefault(m.start(), " ")
    for m in _GLUED_OPENING.finditer(para):
        cuts.setdefault(m.start(), " ")
    i = 0
    n = len(para)
    run = 0  # characters since the last space
    while i < n:
        if i in cuts and b.last and not b.last.isspace():
            b.add_inserted(cuts[i], start + i)
        ch = para[i]
        if ch in "'`" and para.startswith(ch * 2, i):
            i = _doubled_mark(b, para, start, i)
            continue
        if ch.isspace():
            j = i
            while j < n and para[j].isspace():
                j += 1
            b.add(" ", start + i)
            run = 0
            i = j
            continue
        if run >= MAX_RUN:
            # the tokenizer strips affixes one character at a time: a long unbroken run costs the square of
            # its length there, so the parse copy breaks it (the original text is untouched)
            b.add_inserted(" ", start + i)
            run = 0
        b.add(ch, start + i)
        run += 1
        i += 1


MAX_RUN = 100
"""Longest run of characters without a space that the parse copy keeps unbroken."""


def _doubled_mark(b: _Builder, para: str, start: int, i: int) -> int:
    """A quotation mark typed as two apostrophes or two backticks (as in wire and newspaper copy)
    becomes one double mark; a run of three apostrophes is a single mark beside a double one
    (closing both after a word, opening both before one). Returns the index after the run."""
    ch = para[i]
    j = i
    while j < len(para) and para[j] == ch:
        j += 1
    run = j - i
    if run == 2:
        b.add('"', start + i)
    elif run == 3 and ch == "'":
        if i > 0 and not para[i - 1].isspace():
            b.add("'", start + i)
            b.add('"', start + i + 1)
        else:
            b.add('"', start + i)
            b.add("'", start + i + 2)
    else:
        b.add(para[i:j], start + i)
    return j


def normalize(text: str) -> NormText:
    """Build the parse-friendly copy of ``text``.

    The header block keeps only its ``Title:`` value (as a paragraph of its own); the
    other header lines (author, URL, ...) are left out of the copy, so no figure can be
    read from a URL. Paragraphs are separated by a blank line in the copy.
    """
    b = _Builder()
    head = header_length(text)
    if head:
        pos = 0
        for line in text[:head].splitlines(keepends=True):
            m = _HEADER_LINE.match(line.rstrip("\r\n"))
            if m and m.group(1) == "Title" and m.group(2).strip():
                value_start = pos + m.start(2)
                _add_paragraph(b, text, value_start, value_start + len(m.group(2).rstrip()))
                b.add_inserted("\n\n", pos + len(line.rstrip("\r\n")))
            pos += len(line)
    for start, end in _paragraphs(text[head:], head):
        _add_paragraph(b, text, start, end)
        b.add_inserted("\n\n", end)
    return NormText(b.text(), b.origin, text)
