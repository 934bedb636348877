"""The claimant cues of ``lexicons/data/claim_cues.json``: its token sequences ("according to X",
"(per X)", "by early reports, ...") as one spaCy ``Matcher`` run once per Doc, and its word lists
(estimate nouns, outlet words, verbs that set a toll, ...) for the claimant rules that stay tree walks
in :mod:`counterclaim.attribute.claimants`.

The table is loaded and matched by the engine of :mod:`counterclaim.extract.frames` (a value
``"@name"`` inside an ``IN`` list stands for a list of the table or a lexicon list). The claimant of
a sequence is the object of its last token ("to" in "according to").

Example: in "According to the governor, 31 people died." the sequence ``according-to`` ends at
"to", whose object "the governor" claims the figure.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from counterclaim import lexicons as _lex
from counterclaim.extract import frames

FILE = "claim_cues.json"


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of the table (a :class:`~counterclaim.lexicons.LexiconError` names a missing one)."""
    if name not in _lex.table(FILE).get("lists", {}):
        raise _lex.LexiconError(f"{FILE}: no list {name!r}")
    return frames.word_list(name, FILE)


def sequences() -> tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...]:
    """``(name, example, pattern)`` of every sequence of the table, word lists filled in (by the loader
    of :mod:`counterclaim.extract.frames`)."""
    return tuple((q.name, q.example, q.pattern) for q in frames.load_sequences(FILE))


def cue_ends(doc: Doc) -> dict[str, list[int]]:
    """``{sequence name: [index of its last token, ...]}`` in text order (matched once per Doc)."""
    return {name: sorted(end - 1 for _, end in spans) for name, spans in frames.sequences(doc, FILE).items()}
