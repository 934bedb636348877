"""Rules as patterns: the pattern tables of ``lexicons/data`` and the engines that match them.

Tables. ``outcome_frames.json`` holds the outcome frames (spaCy ``DependencyMatcher`` patterns,
grouped in families, :data:`FAMILIES`: the step of ``outcomes`` that reads them) and the token
sequences read right after a number (spaCy ``Matcher`` patterns). ``subset_cues.json``,
``group_cues.json`` and ``np_cues.json`` hold cues without an outcome (:data:`CUE_FAMILIES`) for
``subsets``, ``groups`` and the noun-phrase helpers. A value ``"@name"`` inside an ``IN`` list
stands for a word list: one of the lexicon files (see :func:`_lexicon_lists`) or one of the
table's own ``lists``; ``"@name:value"`` stands for the keys of a mapping list whose value is
``value``. A frame whose ``outcome`` is ``"@name"`` is one frame per outcome of that mapping.

Every frame names the node its hits are filed under (``key``, default the first node), the roles
a figure may play for it (``roles``, for the verb family) and the rule label of its figures.
A node that asks for ``LEMMA`` reads the lemma as :func:`outcomes.lemma_of` does (the participles
of ``participle_lemmas.tsv`` by their verb).

Engines. :class:`FrameMatcher` matches the ``DependencyMatcher`` patterns with that matcher's
semantics but without its cartesian search; frames filed under their anchor are matched only at
the tokens a rule asks about, the others once per Doc. :class:`SequenceMatcher` matches the
``Matcher`` patterns anchored where a rule asks. Both are built once per process and agree with
spaCy's matchers (see the tests). :func:`hits_at` returns the hits of one family filed under one
token, best first: by their ``comp`` node, then their ``obj`` node (left to right), then by the
frame's place in the file, then by their other nodes.

Example: in "About 40,000 inhabitants left the town." the frame ``left-home`` anchors on "left":
its subject was displaced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from counterclaim import lexicons as _lex
from counterclaim.records import OUTCOMES

_USER_DATA = "counterclaim.frames"
_CUES_DATA = "counterclaim.cues"
_FILE = "outcome_frames.json"
_CUES_FILE = "subset_cues.json"
FAMILIES = ("clause", "displacement", "complement", "verb", "relative", "np-modifier", "np-patients", "np-owner",
            "np-lives", "toll", "toll-subject")
# the families of the cue tables: cues without an outcome
CUE_FAMILIES = ("subset", "repeat", "group", "group-attribute", "of-object", "range-object")
_CUE_FILES = (_CUES_FILE, "group_cues.json", "np_cues.json")
CLAUSE_OUTCOMES = ("none", "main-verb")  # a clause frame: no figure at all, or the outcome of the main clause


@dataclass(frozen=True)
class Frame:
    """One pattern of ``outcome_frames.json`` (one outcome of it, for an expanded frame)."""

    name: str
    family: str
    outcome: str  # an outcome, or "complement": the outcome the verb's complement frames give
    rule: str
    roles: frozenset[str]
    only: frozenset[str]  # for outcome "complement": the complement outcomes it accepts (empty: any)
    late: bool  # a verb frame read after the displacement frames of the verb and its xcomp
    key: str
    order: int
    example: str
    patterns: tuple[tuple[dict[str, Any], ...], ...]


class Hit(NamedTuple):
    """A match of one frame: the frame and the token index of each named node."""

    frame: Frame
    nodes: dict[str, int]


def participle_lemmas() -> dict[str, str]:
    """Participles whose lemma is read from this list ("wounded" → wound), not from the model."""
    return _lex.mapping("participle_lemmas.tsv")


def _lexicon_lists() -> dict[str, list[str] | dict[str, str]]:
    frames = _lex.mapping("displacement_frames.tsv", values=frozenset({"object", "out"}))
    outcomes = frozenset(OUTCOMES)
    verbs = _lex.mapping("outcome_verbs.tsv", values=outcomes)
    weak_verbs = _lex.words("outcome_verbs_weak.txt")
    nouns = _lex.mapping("outcome_nouns.tsv", values=outcomes)
    weak_nouns = _lex.words("outcome_nouns_weak.txt")
    return {
        "displacement_object_verbs": sorted(k for k, v in frames.items() if v == "object"),
        "displacement_out_verbs": sorted(k for k, v in frames.items() if v == "out"),
        "home_nouns": sorted(_lex.words("home_nouns.txt")),
        "outcome_verbs": verbs,
        "outcome_verbs_strong": {k: v for k, v in verbs.items() if k not in weak_verbs},
        "outcome_nouns": nouns,
        "outcome_nouns_strong": {k: v for k, v in nouns.items() if k not in weak_nouns},
        "outcome_events": _lex.mapping("outcome_events.tsv", values=outcomes),
        "person_nouns": sorted(_lex.person_nouns()),
        "not_outcome_verbs": sorted(_lex.words("not_outcome_verbs.txt")),
    }


def _own_lists(raw: dict[str, Any]) -> dict[str, list[str] | dict[str, str]]:
    out: dict[str, list[str] | dict[str, str]] = {}
    for name, value in raw.items():
        keys = list(value) if isinstance(value, dict) else value
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise _lex.LexiconError(f"{_FILE}: list {name!r} must be a list or mapping of strings")
        if len(set(keys)) != len(keys):
            raise _lex.LexiconError(f"{_FILE}: list {name!r} has a duplicate")
        if any(k != k.lower() for k in keys):
            raise _lex.LexiconError(f"{_FILE}: list {name!r} must be lower case")
        if isinstance(value, dict) and not set(value.values()) <= set(OUTCOMES):
            raise _lex.LexiconError(f"{_FILE}: list {name!r} maps to an unknown outcome")
        out[name] = value
    return out


def _words(ref: str, lists: dict[str, list[str] | dict[str, str]]) -> list[str]:
    name, _, value = ref[1:].partition(":")
    if name not in lists:
        raise _lex.LexiconError(f"{_FILE}: unknown list {ref!r}")
    found = lists[name]
    if value:
        if not isinstance(found, dict):
            raise _lex.LexiconError(f"{_FILE}: {ref!r}: {name!r} is not a mapping")
        return sorted(k for k, v in found.items() if v == value)
    return sorted(found)


def _resolve(value: Any, lists: dict[str, list[str] | dict[str, str]]) -> Any:
    """Replace ``"@name"`` entries of IN lists by the words of that list (flattened)."""
    if isinstance(value, dict):
        return {k: _words(v, lists) if k in ("IN", "NOT_IN") and isinstance(v, str) and v.startswith("@")
                else _resolve(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for v in value:
            if isinstance(v, str) and v.startswith("@"):
                out.extend(_words(v, lists))
            else:
                out.append(_resolve(v, lists))
        return out
    return value


def _substitute(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, old, new) for v in value]
    return new if value == old else value


def _lemma_variants(node: dict[str, Any], participles: dict[str, str]) -> list[dict[str, Any]]:
    """A node that asks for a lemma from a list, as :func:`outcomes.lemma_of` reads lemmas: the
    model's lemma for other words, the verb of ``participle_lemmas.tsv`` for its participles."""
    attrs = node.get("RIGHT_ATTRS", {})
    lemma = attrs.get("LEMMA")
    if not isinstance(lemma, dict) or "IN" not in lemma or "LOWER" in attrs:
        return [node]
    wanted = set(lemma["IN"])
    plain = {**node, "RIGHT_ATTRS": {**attrs, "LOWER": {"NOT_IN": sorted(participles)}}}
    forms = sorted(p for p, verb in participles.items() if verb in wanted)
    if not forms:
        return [plain]
    rest = {k: v for k, v in attrs.items() if k != "LEMMA"}
    return [plain, {**node, "RIGHT_ATTRS": {**rest, "LOWER": {"IN": forms}}}]


def _variants(pattern: list[dict[str, Any]], participles: dict[str, str]) -> list[tuple[dict[str, Any], ...]]:
    out: list[tuple[dict[str, Any], ...]] = [()]
    for node in pattern:
        out = [done + (v,) for done in out for v in _lemma_variants(node, participles)]
    return out


def _data(name: str) -> str:
    return json.dumps(_lex.table(name))


@cache
def load_frames() -> tuple[Frame, ...]:
    """The frames of ``outcome_frames.json`` with their word lists filled in (checked once)."""
    return parse_frames(_data(_FILE))


@cache
def load_cues() -> tuple[Frame, ...]:
    """The dependency cues of ``subset_cues.json`` and ``group_cues.json`` (frames without an
    outcome), checked once."""
    out: list[Frame] = []
    for file in _CUE_FILES:
        try:
            out.extend(parse_frames(_data(file), cues=True))
        except _lex.LexiconError as error:  # the checks name the outcome table; this is another one
            raise _lex.LexiconError(str(error).replace(_FILE, file)) from None
    return tuple(out)


def parse_frames(text: str, *, cues: bool = False) -> tuple[Frame, ...]:
    """The frames of a JSON text in the format of ``outcome_frames.json``, checked: known families,
    outcomes, lists, operators and token attributes, a key that is a node, an example for each.
    With ``cues`` (the format of ``subset_cues.json``) a frame has no outcome."""
    families = CUE_FAMILIES if cues else FAMILIES
    data = json.loads(text)
    lists = {**_lexicon_lists(), **_own_lists(data.get("lists", {}))}
    participles = participle_lemmas()
    out: list[Frame] = []
    seen: set[str] = set()
    for order, raw in enumerate(data["frames"]):
        name = raw["name"]
        if name in seen:
            raise _lex.LexiconError(f"{_FILE}: frame {name!r} is listed twice")
        seen.add(name)
        family = raw.get("family", "displacement")
        if family not in families:
            raise _lex.LexiconError(f"{_FILE}: {name}: unknown family {family!r}")
        if not raw.get("example"):
            raise _lex.LexiconError(f"{_FILE}: {name}: every frame needs an example")
        outcome = "" if cues else raw["outcome"]
        if cues and "outcome" in raw:
            raise _lex.LexiconError(f"{_CUES_FILE}: {name}: a cue has no outcome")
        if cues:
            expanded = [("", raw["pattern"])]
        elif isinstance(outcome, str) and outcome.startswith("@"):
            expanded = [(o, _substitute(raw["pattern"], outcome, f"{outcome}:{o}")) for o in OUTCOMES
                        if _words(f"{outcome}:{o}", lists)]
        elif outcome in OUTCOMES or outcome == "complement" or (family == "clause" and outcome in CLAUSE_OUTCOMES):
            expanded = [(outcome, raw["pattern"])]
        else:
            raise _lex.LexiconError(f"{_FILE}: {name}: unknown outcome {outcome!r}")
        ids = [node["RIGHT_ID"] for node in raw["pattern"]]
        key = raw.get("key", ids[0])
        if key not in ids:
            raise _lex.LexiconError(f"{_FILE}: {name}: key {key!r} is no node of the pattern")
        for value, pattern in expanded:
            resolved = _resolve(pattern, lists)
            out.append(Frame(name=name, family=family, outcome=value, rule=raw.get("rule", family),
                             roles=frozenset(raw.get("roles", ())), only=frozenset(raw.get("only", ())),
                             late=bool(raw.get("late", False)), key=key, order=order,
                             example=raw["example"], patterns=tuple(_variants(resolved, participles))))
    FrameMatcher(tuple(out))  # refuses operators and token attributes it cannot match
    return tuple(out)


@cache
def word_list(name: str, file: str = _FILE) -> frozenset[str]:
    """One of the ``lists`` of ``outcome_frames.json`` (or ``file``), for the rules that stay in Python."""
    return frozenset(_words(f"@{name}", _own_lists(json.loads(_data(file)).get("lists", {}))))


class Sequence(NamedTuple):
    """A token sequence (a spaCy ``Matcher`` pattern) of a table. ``cue`` is the token that names the
    outcome: the last of the match, or the last one whose word is in the list ``cue_words``.
    ``outcomes`` maps the cue's word to its outcome where the outcome is a mapping list ("@name")."""

    name: str
    example: str
    pattern: tuple[dict[str, Any], ...]
    outcome: str
    cue_words: frozenset[str]
    outcomes: dict[str, str]


@cache
def load_sequences(file: str = _CUES_FILE) -> tuple[Sequence, ...]:
    """The token sequences of ``subset_cues.json`` (or ``file``), their word lists filled in. A sequence
    may start with one of the table's ``prefixes`` (``"prefix": name``); an outcome ``"@name"``
    makes one sequence per outcome of that mapping, as for frames."""
    data = json.loads(_data(file))
    lists = {**_lexicon_lists(), **_own_lists(data.get("lists", {}))}
    prefixes = data.get("prefixes", {})
    out = []
    for raw in data.get("sequences", []):
        if not raw.get("example"):
            raise _lex.LexiconError(f"{file}: {raw['name']}: every sequence needs an example")
        if raw.get("prefix", "") and raw["prefix"] not in prefixes:
            raise _lex.LexiconError(f"{file}: {raw['name']}: unknown prefix {raw['prefix']!r}")
        pattern = prefixes.get(raw.get("prefix", ""), []) + raw["pattern"]
        outcome = raw.get("outcome", "")
        outcomes: dict[str, str] = {}
        if outcome.startswith("@"):
            found = lists.get(outcome[1:])
            if not isinstance(found, dict):
                raise _lex.LexiconError(f"{file}: {raw['name']}: {outcome!r} is no mapping list")
            outcomes = dict(found)
        elif outcome not in OUTCOMES and (outcome or file == _FILE):  # only the outcome table's need one
            raise _lex.LexiconError(f"{file}: {raw['name']}: unknown outcome {outcome!r}")
        cue = raw.get("cue", "")
        cue_words = frozenset(_words(cue, lists)) if cue else frozenset()
        out.append(Sequence(raw["name"], raw["example"], tuple(_resolve(pattern, lists)), outcome, cue_words,
                            outcomes))
    if len({q.name for q in out}) != len(out):
        raise _lex.LexiconError(f"{file}: a sequence is listed twice")
    return tuple(out)


@cache
def _sequence_matcher(vocab: Vocab, file: str, names: tuple[str, ...] = ()) -> Matcher:
    matcher = Matcher(vocab)
    for q in load_sequences(file):
        if not names or q.name in names:
            matcher.add(q.name, [list(q.pattern)])
    return matcher


def sequence_spans(doc: Doc, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, end) spans of the sequences ``names`` of ``subset_cues.json`` anywhere in ``doc``:
    one pass of spaCy's ``Matcher`` with those patterns (once per Doc)."""
    key = f"{_CUES_DATA}.spans.{'|'.join(names)}"
    if key not in doc.user_data:
        doc.user_data[key] = [(start, end) for _, start, end in _sequence_matcher(doc.vocab, _CUES_FILE, names)(doc)]
    return doc.user_data[key]  # type: ignore[no-any-return]


_TOKEN_ATTRS: dict[str, Callable[[Token], str]] = {
    "LOWER": lambda t: t.lower_, "TEXT": lambda t: t.text, "ORTH": lambda t: t.text, "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_,
}


def _not_in(words: frozenset[str]) -> Callable[[str], bool]:
    return lambda value: value not in words


def _token_test(spec: dict[str, Any]) -> Callable[[Token], bool]:
    """One token of a ``Matcher`` pattern as a predicate (attributes compared as strings; a value is a
    string or ``IN``, ``NOT_IN``, ``REGEX``)."""
    tests: list[tuple[Callable[[Token], str], Callable[[str], bool]]] = []
    for attr, value in spec.items():
        if attr == "OP":
            continue
        if attr not in _TOKEN_ATTRS:
            raise _lex.LexiconError(f"{_FILE}: sequence token attribute {attr!r} is not supported")
        if isinstance(value, str):
            tests.append((_TOKEN_ATTRS[attr], value.__eq__))
        elif isinstance(value, dict) and set(value) == {"IN"}:
            tests.append((_TOKEN_ATTRS[attr], frozenset(value["IN"]).__contains__))
        elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
            tests.append((_TOKEN_ATTRS[attr], _not_in(frozenset(value["NOT_IN"]))))
        elif isinstance(value, dict) and set(value) == {"REGEX"}:
            tests.append((_TOKEN_ATTRS[attr], re.compile(value["REGEX"]).search))  # type: ignore[arg-type]
        else:
            raise _lex.LexiconError(f"{_FILE}: sequence token {spec!r}: only a string, IN, NOT_IN or REGEX")
    return lambda tok: all(test(get(tok)) for get, test in tests)


def _quantifier(op: str | None) -> tuple[int, int]:
    """The counts a ``Matcher`` ``OP`` allows: (fewest, most)."""
    many = 1 << 30
    fixed = {None: (1, 1), "?": (0, 1), "*": (0, many), "+": (1, many)}
    if op in fixed:
        return fixed[op]
    found = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op or "")
    if not found or op == "!":
        raise _lex.LexiconError(f"{_FILE}: sequence operator {op!r} is not supported")
    low = int(found.group(1) or 0)
    high = int(found.group(3)) if found.group(3) else (many if found.group(2) else low)
    return low, high


class SequenceMatcher:
    """The ``sequences`` of a table, matched as spaCy's ``Matcher`` matches them, but anchored: only
    where a rule asks ("the words right after this number"), so a Doc costs the few tokens read
    after each number, not a pass of every pattern over every token."""

    def __init__(self, sequences: tuple[Sequence, ...]) -> None:
        self.sequences = sequences
        self.compiled = [tuple((_token_test(spec), *_quantifier(spec.get("OP"))) for spec in q.pattern)
                         for q in sequences]

    def ends(self, doc: Doc, k: int, start: int) -> list[int]:
        """Where the ``k``-th sequence can end when it starts at token ``start``, in order."""
        out: set[int] = set()
        self._extend(doc, self.compiled[k], 0, start, out)
        return sorted(out)

    def _extend(self, doc: Doc, specs: tuple[tuple[Callable[[Token], bool], int, int], ...], k: int, i: int,
                out: set[int]) -> None:
        if k == len(specs):
            out.add(i)
            return
        test, low, high = specs[k]
        positions = [i]
        while len(positions) - 1 < high and positions[-1] < len(doc) and test(doc[positions[-1]]):
            positions.append(positions[-1] + 1)
        for j in positions[low:]:
            self._extend(doc, specs, k + 1, j, out)


@cache
def _adjacent_matcher() -> SequenceMatcher:
    return SequenceMatcher(load_sequences(_FILE))


def adjacent_cue(doc: Doc, start: int) -> tuple[str, int] | None:
    """(outcome, index of the cue token) of the first ``sequences`` of ``outcome_frames.json`` that
    starts at token ``start`` ("58 wounded", "147 died", "six froze to death"), or None; cached per Doc."""
    cache_ = doc.user_data.setdefault(_USER_DATA + ".adjacent", {})
    if start in cache_:
        return cache_[start]  # type: ignore[no-any-return]
    found: tuple[str, int] | None = None
    matcher = _adjacent_matcher()
    for k, q in enumerate(matcher.sequences):
        for end in matcher.ends(doc, k, start) if start < len(doc) else []:
            if end == start:
                continue  # an empty match names nothing
            cue = end - 1
            while q.cue_words and doc[cue].lower_ not in q.cue_words and cue > start:
                cue -= 1
            outcome = q.outcomes.get(doc[cue].lower_, "") if q.outcomes else q.outcome
            if outcome:
                found = (outcome, cue)
                break
        if found:
            break
    cache_[start] = found
    return found


def adjacent_cues(doc: Doc) -> dict[int, tuple[str, int]]:
    """``{start: (outcome, cue)}`` for every token of ``doc`` where :func:`adjacent_cue` finds one."""
    return {i: found for i in range(len(doc)) if (found := adjacent_cue(doc, i)) is not None}


@cache
def _cue_sequences() -> tuple[SequenceMatcher, dict[str, int]]:
    sequences = load_sequences(_CUES_FILE)
    return SequenceMatcher(sequences), {q.name: k for k, q in enumerate(sequences)}


def sequence_ends(doc: Doc, name: str, start: int) -> list[int]:
    """Where the sequence ``name`` of ``subset_cues.json`` ends (the index after its last token) when
    it starts at token ``start``; matched there only (cached per Doc)."""
    asked = doc.user_data.setdefault(_CUES_DATA + ".at", {})
    if (name, start) not in asked:
        matcher, index = _cue_sequences()
        asked[(name, start)] = [end for end in matcher.ends(doc, index[name], start) if end > start] \
            if 0 <= start < len(doc) else []
    return asked[(name, start)]  # type: ignore[no-any-return]


def sequences(doc: Doc, file: str = _CUES_FILE) -> dict[str, list[tuple[int, int]]]:
    """``{sequence name: [(start, end) token spans]}`` of ``subset_cues.json`` (or another table's
    sequences, ``file``) in ``doc`` by spaCy's ``Matcher`` over the whole Doc, once per Doc: the whole
    picture, for tests and inspection, and for tables read everywhere (the subset rules ask
    :func:`sequence_ends` where they need to know)."""
    key = _CUES_DATA + ".sequences" + ("" if file == _CUES_FILE else f".{file}")
    cached = doc.user_data.get(key)
    if cached is None:
        cached = {}
        for match_id, start, end in _sequence_matcher(doc.vocab, file)(doc):
            cached.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        doc.user_data[key] = cached
    return cached  # type: ignore[no-any-return]


def _label(frame: Frame) -> str:
    return f"{frame.name}/{frame.outcome}"


def _children(tok: Token) -> list[Token]:
    return list(tok.children)


def _subtree(tok: Token) -> list[Token]:
    return [t for t in tok.subtree if t.i != tok.i]


def _head(tok: Token) -> list[Token]:
    return [] if tok.head.i == tok.i else [tok.head]


# the relation operators of spaCy's DependencyMatcher that the frames use: tokens related to a bound node
_OPERATORS: dict[str, Callable[[Token], list[Token]]] = {
    ">": _children,
    "<": _head,
    ">>": _subtree,
    "<<": lambda tok: list(tok.ancestors),
    ">++": lambda tok: list(tok.rights),
    ">--": lambda tok: list(tok.lefts),
    "<++": lambda tok: [tok.head] if tok.head.i > tok.i else [],
    "<--": lambda tok: [tok.head] if tok.head.i < tok.i else [],
    ".": lambda tok: [tok.doc[tok.i + 1]] if tok.i + 1 < len(tok.doc) else [],
    ";": lambda tok: [tok.doc[tok.i - 1]] if tok.i > 0 else [],
}


_INDEXED = ("LOWER", "LEMMA", "TAG", "DEP", "POS")  # the attribute a node is looked up by, first found
_ATTRS = frozenset(_INDEXED)
_ARRAY = [LOWER, LEMMA, TAG, DEP, POS]  # the columns of ``Doc.to_array``, in the order of _INDEXED


def _value_id(attr: str, value: str) -> int:
    """The integer ``Doc.to_array`` gives for ``value`` of ``attr`` (a part of speech is a symbol)."""
    return int(POS_IDS.get(value, -1)) if attr == "POS" else int(get_string_id(value))


class _Test(NamedTuple):
    attr: str
    values: frozenset[str]
    negated: bool  # NOT_IN

    @property
    def column(self) -> int:
        return _INDEXED.index(self.attr)

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(_value_id(self.attr, v) for v in self.values)


def _tests(frame: str, attrs: dict[str, Any]) -> tuple[_Test, ...]:
    out = []
    for attr, value in attrs.items():
        if attr not in _ATTRS:
            raise _lex.LexiconError(f"{_FILE}: {frame}: token attribute {attr!r} is not supported")
        if isinstance(value, str):
            out.append(_Test(attr, frozenset({value}), False))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            op, words = next(iter(value.items()))
            out.append(_Test(attr, frozenset(words), op == "NOT_IN"))
        else:
            raise _lex.LexiconError(f"{_FILE}: {frame}: {attr}: only a string, IN or NOT_IN is supported")
    for t in out:
        if t.attr == "POS" and not t.values <= set(POS_IDS):
            raise _lex.LexiconError(f"{_FILE}: {frame}: unknown part of speech in {sorted(t.values)}")
    return tuple(out)


class _Node(NamedTuple):
    name: str
    left: str  # the bound node it is related to ("" for the anchor)
    op: str
    key: int  # index of its token test (-1 when any token will do)


class FrameMatcher:
    """The frames' patterns, matched with the semantics of spaCy's ``DependencyMatcher`` (its
    pattern format, token attributes and relation operators) but without its search.

    The ``DependencyMatcher`` tries every combination of candidate tokens of a sentence (a
    cartesian product: quadratic or worse in a long sentence that repeats a word), and its token
    ``Matcher`` calls a Python predicate per token for every ``IN`` list. Here each token is looked
    up once in an index of the nodes' word lists (LOWER, LEMMA, TAG, DEP, POS), and each anchor
    candidate is extended node by node through its relation operator (children, head, subtree): the
    cost is the size of the neighbourhoods walked."""

    def __init__(self, frames: tuple[Frame, ...]) -> None:
        self.tests: list[tuple[_Test, ...]] = []
        self.checks: list[tuple[tuple[int, frozenset[int], bool], ...]] = []  # the tests as (column, ids, negated)
        self.index: dict[tuple[int, int], list[int]] = {}  # (column, value id) → tests whose first list has it
        self.open: list[int] = []  # tests with no positive list: tried on every token
        self.patterns: list[tuple[Frame, tuple[_Node, ...]]] = []  # matched over the whole Doc at once
        self.lazy: dict[str, list[tuple[Frame, tuple[_Node, ...]]]] = {}  # by family: matched where asked
        keys: dict[tuple[_Test, ...], int] = {}
        for frame in frames:
            for pattern in frame.patterns:
                nodes: list[_Node] = []
                for node in pattern:
                    op = node.get("REL_OP", "")
                    if bool(nodes) != bool(op) or (nodes and node.get("LEFT_ID") not in {n.name for n in nodes}):
                        raise _lex.LexiconError(f"{_FILE}: {frame.name}: each node after the first needs REL_OP "
                                                "and the LEFT_ID of a node before it")
                    if op and op not in _OPERATORS:
                        raise _lex.LexiconError(f"{_FILE}: {frame.name}: operator {op!r} is not supported")
                    tests = _tests(frame.name, node.get("RIGHT_ATTRS", {}))
                    key = -1
                    if tests:
                        if tests not in keys:
                            keys[tests] = len(self.tests)
                            self.tests.append(tests)
                            self.checks.append(tuple((t.column, t.ids, t.negated) for t in tests))
                        key = keys[tests]
                    nodes.append(_Node(node["RIGHT_ID"], node.get("LEFT_ID", ""), op, key))
                if frame.key == nodes[0].name:  # filed under its anchor: matched at the token asked about
                    self.lazy.setdefault(frame.family, []).append((frame, tuple(nodes)))
                else:
                    self.patterns.append((frame, tuple(nodes)))
        for key in sorted({n.key for _, nodes in self.patterns for n in nodes if n.key >= 0}):
            self._add(key)

    def _add(self, key: int) -> None:
        positive = [t for t in self.tests[key] if not t.negated]
        if not positive:
            self.open.append(key)
            return
        first = min(positive, key=lambda t: t.column)
        for value in first.ids:
            self.index.setdefault((first.column, value), []).append(key)

    def candidates(self, doc: Doc) -> dict[int, set[int]]:
        """``{test: indices of the tokens that pass it}``, read from ``Doc.to_array`` (no Token objects)."""
        found: dict[int, set[int]] = {}
        columns = sorted({c for c, _ in self.index})
        index, checks = self.index, self.checks
        array = doc.to_array(_ARRAY).reshape(len(doc), len(_ARRAY))
        rows = np.arange(len(doc))
        if not self.open:  # only the tokens whose word, lemma, ... some test lists
            mask = np.zeros(len(doc), dtype=bool)
            for c in columns:
                mask |= np.isin(array[:, c], np.array([v for cc, v in index if cc == c], dtype=array.dtype))
            rows = np.nonzero(mask)[0]
        for i, row in zip(rows.tolist(), array[rows].tolist(), strict=True):
            keys = list(self.open)
            for c in columns:
                keys.extend(index.get((c, row[c]), ()))
            for key in keys:
                if all((row[c] in ids) != negated for c, ids, negated in checks[key]):
                    found.setdefault(key, set()).add(i)
        return found

    def __call__(self, doc: Doc) -> list[tuple[Frame, dict[str, int]]]:
        found = self.candidates(doc)
        out: list[tuple[Frame, dict[str, int]]] = []
        for frame, nodes in self.patterns:
            anchors = found.get(nodes[0].key, set()) if nodes[0].key >= 0 else range(len(doc))
            for i in sorted(anchors):
                self._extend(doc, found, nodes, 1, {nodes[0].name: i}, frame, out)
        return out

    def _extend(self, doc: Doc, found: dict[int, set[int]] | None, nodes: tuple[_Node, ...], k: int,
                bound: dict[str, int], frame: Frame, out: list[tuple[Frame, dict[str, int]]]) -> None:
        if k == len(nodes):
            out.append((frame, dict(bound)))
            return
        node = nodes[k]
        for tok in _OPERATORS[node.op](doc[bound[node.left]]):
            if node.key >= 0 and not (tok.i in found.get(node.key, ()) if found is not None
                                      else self.passes(tok, node.key)):
                continue
            if tok.i not in bound.values():
                bound[node.name] = tok.i
                self._extend(doc, found, nodes, k + 1, bound, frame, out)
                del bound[node.name]

    def passes(self, tok: Token, key: int) -> bool:
        """Whether one token passes the token test ``key`` (read from the token, for lazy frames)."""
        return all((_TOKEN_ATTRS[t.attr](tok) in t.values) != t.negated for t in self.tests[key])

    def at(self, doc: Doc, i: int, family: str) -> list[tuple[Frame, dict[str, int]]]:
        """The matches of the frames of ``family`` filed under their anchor, anchored at token ``i``."""
        out: list[tuple[Frame, dict[str, int]]] = []
        for frame, nodes in self.lazy.get(family, ()):
            if nodes[0].key < 0 or self.passes(doc[i], nodes[0].key):
                self._extend(doc, None, nodes, 1, {nodes[0].name: i}, frame, out)
        return out


@cache
def _matcher(cues: bool = False) -> FrameMatcher:
    return FrameMatcher(load_cues() if cues else load_frames())


def _rank(hit: Hit) -> tuple[int, int, int, tuple[int, ...]]:
    return hit.nodes.get("comp", -1), hit.nodes.get("obj", -1), hit.frame.order, tuple(hit.nodes.values())


def _hits(matches: list[tuple[Frame, dict[str, int]]]) -> dict[tuple[str, int], list[Hit]]:
    found: dict[tuple[str, int], list[Hit]] = {}
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for frame, nodes in matches:
        label = (_label(frame), tuple(nodes.values()))
        if label in seen:  # the same tokens through two variants of a pattern
            continue
        seen.add(label)
        found.setdefault((frame.family, nodes[frame.key]), []).append(Hit(frame, nodes))
    for hits in found.values():
        hits.sort(key=_rank)
    return found


def _parsed(doc: Doc) -> bool:
    """Whether ``doc`` has a dependency parse (checked once per Doc: the check reads every token)."""
    parsed = doc.user_data.get(_USER_DATA + ".parsed")
    if parsed is None:
        parsed = doc.user_data[_USER_DATA + ".parsed"] = doc.has_annotation("DEP")
    return bool(parsed)


def _eager_hits(doc: Doc, cues: bool) -> dict[tuple[str, int], list[Hit]]:
    """The hits of the frames filed under another node than their anchor, for the whole Doc (once)."""
    key = _CUES_DATA if cues else _USER_DATA
    cached = doc.user_data.get(key)
    if cached is None:
        cached = _hits(_matcher(cues)(doc)) if _parsed(doc) else {}
        doc.user_data[key] = cached
    return cached  # type: ignore[no-any-return]


def hits_at(tok: Token, family: str) -> list[Hit]:
    """The hits of ``family`` filed under ``tok``, best first (cached per Doc)."""
    doc = tok.doc
    asked = doc.user_data.setdefault(_USER_DATA + ".at", {})
    if (family, tok.i) not in asked:
        cues = family in CUE_FAMILIES
        hits = list(_eager_hits(doc, cues).get((family, tok.i), []))
        if _parsed(doc):
            hits.extend(_hits(_matcher(cues).at(doc, tok.i, family)).get((family, tok.i), []))
        hits.sort(key=_rank)
        asked[(family, tok.i)] = hits
    return asked[(family, tok.i)]  # type: ignore[no-any-return]


def frame_hits(doc: Doc, *, cues: bool = False) -> dict[tuple[str, int], list[Hit]]:
    """``{(family, index of the key token): hits, best first}`` for every frame match of ``doc`` (of
    the cue tables with ``cues``): the whole picture, for tests and inspection; the rules ask
    :func:`hits_at`, which matches the frames filed under their anchor only where asked."""
    found = {k: list(v) for k, v in _eager_hits(doc, cues).items()}
    if _parsed(doc):
        matcher = _matcher(cues)
        for family in matcher.lazy:
            for i in range(len(doc)):
                for k, hits in _hits(matcher.at(doc, i, family)).items():
                    found.setdefault(k, []).extend(hits)
    for hits in found.values():
        hits.sort(key=_rank)
    return found


def frame_outcomes(doc: Doc) -> dict[int, tuple[str, str]]:
    """``{index of the anchoring verb: (outcome, frame name)}`` for the displacement frames."""
    return {i: (hits[0].frame.outcome, hits[0].frame.name)
            for (family, i), hits in frame_hits(doc).items() if family == "displacement"}
