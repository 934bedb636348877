"""Outcome frames as dependency patterns: the rules are data, one engine matches them.

The frames live in ``lexicons/data/outcome_frames.json`` as spaCy ``DependencyMatcher`` patterns; a
value ``"@name"`` inside an ``IN`` list stands for a word list of the lexicons (so a new verb of
leaving is a new line in ``displacement_frames.tsv``, not a new pattern). :func:`frame_outcomes`
matches every frame once per Doc and says, for each verb that anchors a match, which outcome its
subject or object suffered.

Deliberately not here: outcomes read from one word (those are lexicon look-ups in ``outcomes``)
and frames that need the figure's own role (``outcomes._verb_outcome`` decides that).

Example: in "About 40,000 inhabitants left the town." the frame ``left-home`` anchors on "left":
its subject was displaced.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from counterclaim import lexicons as _lex
from counterclaim.records import OUTCOMES

_USER_DATA = "counterclaim.frames"


def _word_lists() -> dict[str, list[str]]:
    frames = _lex.mapping("displacement_frames.tsv", values=frozenset({"object", "out"}))
    return {
        "displacement_object_verbs": sorted(k for k, v in frames.items() if v == "object"),
        "displacement_out_verbs": sorted(k for k, v in frames.items() if v == "out"),
        "home_nouns": sorted(_lex.words("home_nouns.txt")),
    }


def _resolve(value: Any, lists: dict[str, list[str]]) -> Any:
    """Replace ``"@name"`` entries of IN lists by the lexicon list ``name``."""
    if isinstance(value, dict):
        return {k: _resolve(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, lists) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise _lex.LexiconError(f"outcome_frames.json: unknown list {value!r}")
        return lists[value[1:]]
    return value


@cache
def load_frames() -> tuple[dict[str, Any], ...]:
    """The frames of ``outcome_frames.json`` with their word lists filled in (checked once)."""
    text = resources.files("counterclaim.lexicons").joinpath("data", "outcome_frames.json").read_text("utf-8")
    lists = _word_lists()
    out = []
    for frame in json.loads(text)["frames"]:
        if frame["outcome"] not in OUTCOMES:
            raise _lex.LexiconError(f"outcome_frames.json: {frame['name']}: unknown outcome {frame['outcome']!r}")
        pattern = _resolve(frame["pattern"], lists)
        for node in pattern:  # "IN" lists of the resolved lexicons are flat lists of words
            for attrs in node.get("RIGHT_ATTRS", {}).values():
                if isinstance(attrs, dict) and "IN" in attrs and any(isinstance(v, list) for v in attrs["IN"]):
                    attrs["IN"] = [w for v in attrs["IN"] for w in (v if isinstance(v, list) else [v])]
        out.append({**frame, "pattern": pattern})
    return tuple(out)


@cache
def _matcher(vocab: Vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for frame in load_frames():
        matcher.add(frame["name"], [frame["pattern"]])
    return matcher


def frame_outcomes(doc: Doc) -> dict[int, tuple[str, str]]:
    """``{index of the anchoring verb: (outcome, frame name)}`` for every frame match of ``doc``."""
    cached = doc.user_data.get(_USER_DATA)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: dict[int, tuple[str, str]] = {}
    if doc.has_annotation("DEP"):
        by_name = {f["name"]: f for f in load_frames()}
        for match_id, tokens in _matcher(doc.vocab)(doc):
            name = doc.vocab.strings[match_id]
            found.setdefault(tokens[0], (by_name[name]["outcome"], name))
    doc.user_data[_USER_DATA] = found
    return found
