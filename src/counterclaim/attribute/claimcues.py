"""The claimant cues of ``lexicons/data/claim_cues.json``: its token sequences ("according to X",
"(per X)", "by early reports, ...") as one spaCy ``Matcher`` run once per Doc, and its word lists
(estimate nouns, outlet words, verbs that set a toll, ...) for the claimant rules that stay tree walks
in :mod:`counterclaim.attribute.claimants`.

A value ``"@name"`` inside an ``IN`` list of a pattern stands for the table's list ``name``. The
claimant of a sequence is the object of its last token ("to" in "according to").

Example: in "According to the governor, 31 people died." the sequence ``according-to`` ends at
"to", whose object "the governor" claims the figure.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from counterclaim import lexicons as _lex

FILE = "claim_cues.json"
_USER_DATA = "counterclaim.claim_cues"


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    return {name: tuple(words) for name, words in _lex.table(FILE).get("lists", {}).items()}


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of the table (a :class:`~counterclaim.lexicons.LexiconError` names a missing one)."""
    lists = _lists()
    if name not in lists:
        raise _lex.LexiconError(f"{FILE}: no list {name!r}")
    return frozenset(lists[name])


def _resolve(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        return sorted(word_list(value[1:]))
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    return value


@cache
def sequences() -> tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...]:
    """``(name, example, pattern)`` of every sequence of the table, word lists filled in."""
    return tuple((q["name"], q["example"], tuple(_resolve(q["pattern"]))) for q in _lex.table(FILE)["sequences"])


@cache
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for name, _, pattern in sequences():
        matcher.add(name, [list(pattern)])
    return matcher


def cue_ends(doc: Doc) -> dict[str, list[int]]:
    """``{sequence name: [index of its last token, ...]}`` in text order (matched once per Doc)."""
    cached = doc.user_data.get(_USER_DATA)
    if cached is None:
        cached = {}
        for match_id, _, end in sorted(_matcher(doc.vocab)(doc), key=lambda m: m[2]):
            cached.setdefault(doc.vocab.strings[match_id], []).append(end - 1)
        doc.user_data[_USER_DATA] = cached
    return cached  # type: ignore[no-any-return]
