"""Pairing quotation marks into quoted stretches (ANNOTATION.md §2), before any judgement.

The scanner works on the normalised text (``NormText.text``) but reads the *original* text
around each mark to tell an opening mark from a closing one, because normalisation inserts
spaces where scraping glued sentences together (``said."We have`` becomes ``said." We have``).

Rules, in order:

1. Double marks: ``“ „ « ‟`` open, ``” »`` close, ``"`` is read from its neighbours (space or
   colon before and a word after opens; a word or stop before and space after closes; a mark
   glued on both sides, or spaced on both sides as in ``" They were``, takes whatever the
   current state needs). A curly mark in the wrong place is read by its neighbours too.
2. A quotation that runs over several paragraphs is one stretch: either every paragraph is
   reopened with a mark (the newspaper convention) or only the last one closes.
3. An opening mark left open at the end of its paragraph with no mark after it in that
   paragraph is taken to run to the end of the paragraph (``said: “ Before ... happened.``);
   a diagnostic W003 is still reported. Any other mark that cannot be paired is skipped with
   W003 and never costs the other quotations.
4. Single marks (``‘ ’ '``) quote only when one opens after a space and a closing one follows
   in the same paragraph; inside a double quotation they are nested and not reported.
   Apostrophes (``Ruritania’s``, ``Don't``, ``dollars’ worth``) never open.

Deliberately missed: nested double marks inside double marks are reported only as part of
the outer stretch; single-mark quotations across paragraphs.

Example: ``“We did not count,” he said. “It is no fantasy.”`` gives two stretches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.errors import Warnings
from counterclaim.extract.spans import SpanSet
from counterclaim.nlp.normalize import NormText
from counterclaim.records import Diagnostic

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"″'
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
SINGLE_EITHER = "'"
_OPENERS_BEFORE = "([{—–-/"
_MAX_PARAGRAPHS = 8


@dataclass(frozen=True)
class QuotedStretch:
    """Words between paired marks, in normalised offsets (marks and edge spaces excluded).

    ``close_at`` is None when the stretch was taken to the end of its paragraph; ``double``
    tells double from single marks; ``paragraphs`` counts the paragraphs it spans.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    double: bool = True
    paragraphs: int = 1


@dataclass
class _Mark:
    pos: int
    para: int
    kind: str  # "open" | "close" | "either"
    strong_open: bool
    strong_close: bool


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of a normalised text (separated by a blank line)."""
    return [0] + [m.end() for m in re.finditer(r"\n\n+", text)]


def _para_index(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _context(norm: NormText, pos: int) -> tuple[str, str]:
    """Characters just before and after the mark at ``pos``, read in the original text."""
    o = norm.origin[pos]
    src = norm.original
    width = 2 if src.startswith(("''", "``"), o) else 1  # a mark typed as two apostrophes or backticks
    before = src[o - 1] if o > 0 else "\n"
    after = src[o + width] if o + width < len(src) else "\n"
    if after == "'" and src.startswith("''", o + width):
        after = '"'  # a single mark closing right before a doubled one
    return before, after


def _classify(norm: NormText, pos: int, glyph: str, para: int) -> _Mark:
    before, after = _context(norm, pos)
    quote_chars = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN
    left_open = before.isspace() or before in _OPENERS_BEFORE or before in quote_chars
    right_open = after.isspace() or after in ",.;:!?)]}" or after in DOUBLE_CLOSE + DOUBLE_EITHER
    strong_open = (left_open and not after.isspace()) or before == ":"
    strong_close = (not left_open) and right_open and before != ":"
    kind = "open" if glyph in DOUBLE_OPEN else "close" if glyph in DOUBLE_CLOSE else "either"
    return _Mark(pos, para, kind, strong_open, strong_close)


def _reads_open(m: _Mark) -> bool:
    if m.kind == "open":
        return not m.strong_close or m.strong_open
    if m.kind == "close":
        return m.strong_open and not m.strong_close
    return not m.strong_close


def _reads_close(m: _Mark) -> bool:
    if m.kind == "close":
        return not (m.strong_open and not m.strong_close)
    if m.kind == "open":
        return m.strong_close and not m.strong_open
    return not (m.strong_open and not m.strong_close)


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _diag(norm: NormText, pos: int, recovered: bool) -> Diagnostic:
    offset = norm.origin[pos] if pos < len(norm.origin) else len(norm.original)
    if recovered:
        message = (f"W003 unclosed quotation mark at offset {offset}; the quotation was taken "
                   "to the end of its paragraph.")
    else:
        message = Warnings.W003.format(offset=offset)
    return Diagnostic("W003", message, (pos, pos + 1))


def find_double_stretches(norm: NormText) -> tuple[list[QuotedStretch], list[Diagnostic]]:
    """Pair the double quotation marks of ``norm.text`` (rules 1-3 of the module docstring)."""
    text = norm.text
    starts = paragraph_starts(text)
    marks = [_classify(norm, i, ch, _para_index(starts, i)) for i, ch in enumerate(text)
             if ch in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER]
    stretches: list[QuotedStretch] = []
    diags: list[Diagnostic] = []
    stack: list[tuple[_Mark, int]] = []  # (opening mark, paragraph where the stretch now is)

    def para_end(p: int) -> int:
        end = starts[p + 1] if p + 1 < len(starts) else len(text)
        return len(text[:end].rstrip())

    def finish_unclosed(opener: _Mark, last_para: int, marks_after_in_para: bool) -> None:
        if marks_after_in_para:
            diags.append(_diag(norm, opener.pos, recovered=False))
            return
        s, e = _inner(text, opener.pos + 1, para_end(last_para))
        if e > s:
            stretches.append(QuotedStretch(s, e, opener.pos, None, True, last_para - opener.para + 1))
        diags.append(_diag(norm, opener.pos, recovered=True))

    for m in marks:
        if stack and m.para != stack[-1][1]:
            opener, at_para = stack[-1]
            near = m.para - at_para <= _MAX_PARAGRAPHS and len(stack) == 1
            first_in_para = text[starts[m.para]:m.pos].strip() == ""
            if near and first_in_para and _reads_open(m):
                stack[-1] = (opener, m.para)  # the convention: each paragraph reopens the quotation
                continue
            if not (near and (m.kind == "close" or m.strong_close)):
                # left open at the end of its paragraph, with no mark after it there
                while len(stack) > 1:
                    diags.append(_diag(norm, stack.pop()[0].pos, recovered=False))
                op, p = stack.pop()
                finish_unclosed(op, p, marks_after_in_para=False)
        if not stack:
            if _reads_open(m):
                stack.append((m, m.para))
            else:
                diags.append(_diag(norm, m.pos, recovered=False))
            continue
        if m.kind != "close" and m.strong_open and not m.strong_close and m.para == stack[-1][1]:
            stack.append((m, m.para))  # nested, or the previous mark was never closed
            continue
        opener, _ = stack.pop()
        s, e = _inner(text, opener.pos + 1, m.pos)
        if e > s:
            stretches.append(QuotedStretch(s, e, opener.pos, m.pos, True, m.para - opener.para + 1))
        else:
            diags.append(_diag(norm, opener.pos, recovered=False))
    # openers never closed, the innermost first
    last_in_para: dict[int, int] = {}
    for x in marks:
        last_in_para[x.para] = max(last_in_para.get(x.para, -1), x.pos)
    while stack:
        op, p = stack.pop()
        later = last_in_para.get(p, -1) > op.pos
        finish_unclosed(op, p, marks_after_in_para=later)
    return _outermost(stretches), sorted(diags, key=lambda d: d.span or (0, 0))


def _outermost(stretches: list[QuotedStretch]) -> list[QuotedStretch]:
    out: list[QuotedStretch] = []
    for q in sorted(stretches, key=lambda q: (q.start, -q.end)):
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def find_single_stretches(norm: NormText, inside: list[QuotedStretch]) -> list[QuotedStretch]:
    """Single-mark quotations outside the double ones (rule 4); apostrophes never open."""
    text = norm.text
    starts = paragraph_starts(text)
    taken = SpanSet([(q.open_at, (q.close_at if q.close_at is not None else q.end) + 1) for q in inside])
    out: list[QuotedStretch] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch not in SINGLE_OPEN + SINGLE_EITHER + "’" or i in taken:
            i += 1
            continue
        before, after = _context(norm, i)
        opens = (before.isspace() or before in _OPENERS_BEFORE or before in DOUBLE_OPEN + '"') and after.isalpha()
        if not opens:
            i += 1
            continue
        para = _para_index(starts, i)
        end_para = starts[para + 1] if para + 1 < len(starts) else n
        close = None
        for j in range(i + 2, end_para):
            cj = text[j]
            if cj in SINGLE_CLOSE + SINGLE_EITHER and j not in taken:
                b2, a2 = _context(norm, j)
                if not b2.isspace() and (a2.isspace() or a2 in ",.;:!?)]}" or a2 in DOUBLE_CLOSE + '"'):
                    if b2 in "sz" and re.match(r" [a-z]", text[j + 1:j + 3]):
                        continue  # "the soldiers' families": a plural possessive, keep looking
                    close = j
                    break
            if cj in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER:
                break
        if close is None:
            i += 1
            continue
        s, e = _inner(text, i + 1, close)
        if e > s:
            out.append(QuotedStretch(s, e, i, close, False, 1))
        i = close + 1
    return out


MAX_MARK_DIAGNOSTICS = 20
"""W003 diagnostics reported one by one; the rest of a piece's are counted in one more."""


def find_stretches(norm: NormText) -> tuple[list[QuotedStretch], list[Diagnostic]]:
    """Every quoted stretch of the text, double and single, in text order, with W003 diagnostics
    (the first :data:`MAX_MARK_DIAGNOSTICS` one by one, then one that counts the others)."""
    doubles, diags = find_double_stretches(norm)
    singles = find_single_stretches(norm, doubles)
    if len(diags) > MAX_MARK_DIAGNOSTICS:
        rest = len(diags) - MAX_MARK_DIAGNOSTICS
        last = diags[MAX_MARK_DIAGNOSTICS]
        diags = diags[:MAX_MARK_DIAGNOSTICS] + [Diagnostic(
            "W003", f"W003 {rest:,} more unbalanced quotation marks were skipped (the first at offset "
                    f"{norm.origin[last.span[0]] if last.span else 0}); the other quotations were kept.", last.span)]
    return sorted(doubles + singles, key=lambda q: q.start), diags
