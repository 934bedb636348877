"""Fuzzing the whole chain (read → extract → records) on mutated texts and pathological shapes.

Three things must hold for every input: no exception other than a documented input error
(:class:`counterclaim.InputError`), every span reproduces its text (``document.text[start:end] ==
text``) and every figure lies inside its sentence, and the time stays within a linear bound of the
input's size. Seeded; 200 examples here (CI). A longer run, documented in benchmarks/README.md:

    COUNTERCLAIM_FUZZ_EXAMPLES=5000 python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from counterclaim import InputError, extract_text
from counterclaim.read import read_bytes

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("COUNTERCLAIM_FUZZ_EXAMPLES", "200"))
SEED_TEXTS = sorted((Path(__file__).parent / "heldout").glob("*.txt"))  # the project's own invented articles
SNIPPETS = [
    '"' * 40, "“" * 7, "''", "``", "'", " 12 killed" * 30, "1" * 320, "\x00", "\ufeff", "\u2028", "\ud800",
    "\n\n", "  ", "- about\n60 ", "<p>", "</b>", "&amp;", "at least", "between 3 and", "from 5 to 9", "300+",
    "in the 30s", "half a million", "TOWNSVILLE, March 5 - ", "said:", "“", "”", "‘", "’", "«", "»",
]
SECONDS_PER_KB = 1.0
"""A generous linear bound (the machine is shared): at most 2 s plus 1 s per KB of input."""


@pytest.fixture(scope="module", autouse=True)
def _model_loaded() -> None:
    extract_text("Warm-up: two people died.")  # the model's loading is not the input's cost


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEED_TEXTS]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    texts = _texts()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        at = draw(st.integers(0, n))
        kind = draw(st.sampled_from(["insert", "delete", "repeat", "upper", "snippet"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 200)):]
        elif kind == "repeat":
            piece = text[at:at + draw(st.integers(0, 120))]
            text = text[:at] + piece * draw(st.integers(1, 8)) + text[at:]
        elif kind == "upper":
            end = at + draw(st.integers(0, 400))
            text = text[:at] + text[at:end].upper() + text[end:]
        else:
            text = text[:at] + draw(st.sampled_from(SNIPPETS)) * draw(st.integers(1, 20)) + text[at:]
    return text


def check(result) -> None:  # type: ignore[no-untyped-def]
    text = result.document.text
    for f in result.figures:
        assert text[f.span[0]:f.span[1]] == f.text
        if f.source is not None and f.source.span is not None:
            assert text[f.source.span[0]:f.source.span[1]].split() == f.source.name.split()
        if f.sentence is not None:
            assert f.sentence[0] <= f.span[0] and f.span[1] <= f.sentence[1], (f.span, f.sentence)
        assert f.stance in ("asserted", "hedged", "denied", "rejected") and f.hedged is (f.stance != "asserted")
    for q in result.quotes:
        assert text[q.span[0]:q.span[1]] == q.text
    for a in result.acts:
        assert a.text is None or text[a.span[0]:a.span[1]] == a.text


def bounded(text: str) -> None:
    start = time.process_time()
    try:
        result = extract_text(text)
    except InputError:
        return
    check(result)
    elapsed = time.process_time() - start
    assert elapsed <= 2.0 + SECONDS_PER_KB * len(text.encode("utf-8", "surrogatepass")) / 1024, elapsed


@seed(20261204)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
@given(mutated())
def test_mutated_articles(text: str) -> None:
    bounded(text)


@seed(7)
@settings(max_examples=max(20, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=3000))
def test_any_bytes_read_or_refused_clearly(data: bytes) -> None:
    try:
        document, _ = read_bytes(data, "fuzz.txt")
    except InputError as exc:
        assert exc.message.startswith("E") and "\n" not in exc.message
        return
    bounded(document.text)


def test_memory_stays_bounded_after_fuzzing() -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 2500, peak_mb
