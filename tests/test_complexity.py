"""Doubling a pathological input may at most about double the time (issue 13).

Small sizes of the shapes in ``benchmarks/pathological.py`` (which measures large ones, with
memory). Each size is timed best of three in CPU time, so that a busy machine does not decide the ratio; the
bound is 3x for a doubled input (linear code gives about 2x; quadratic code gives 4x and more).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from counterclaim import extract_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from pathological import (  # noqa: E402
    figures_in_one_sentence,
    figures_without_full_stop,
    long_plain_text,
    quote_marks,
)

pytestmark = pytest.mark.slow
MAX_RATIO = 3.0


def best_of_three(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.process_time()
        extract_text(text)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize(("make", "n"), [
    (figures_in_one_sentence, 150),
    (figures_without_full_stop, 150),
    (quote_marks, 600),
    (long_plain_text, 30),
])
def test_doubling_the_input_about_doubles_the_time(make: Callable[[int], bytes], n: int) -> None:
    extract_text("Warm-up: two people died.")
    small = best_of_three(make(n).decode())
    big = best_of_three(make(2 * n).decode())
    assert big / max(small, 0.01) <= MAX_RATIO, (small, big)
