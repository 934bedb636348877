"""The one way counts are phrased, on every page, table, summary line and export.

``613`` exact; ``200+`` at least / more than; ``c. 600`` approximate; ``up to 100`` at most;
``470–500`` a range; ``hundreds`` a vague amount, in its own word. Qualifier names
(``at_most``) never reach a reader.

>>> count_text(100, 100, 100, "at_most"), count_text(None, 470, 500, "range")
('up to 100', '470–500')
"""

from __future__ import annotations

VAGUE_WORDS = ("tens of thousands", "hundreds of thousands", "dozens", "dozen", "scores", "hundreds", "thousands",
               "millions")
QUALIFIER_WORDS = {"exact": "exactly", "at_least": "at least", "more_than": "more than", "approx": "about",
                   "at_most": "up to", "range": "between", "vague": "a vague amount"}
"""Qualifiers in words, for column headers and help texts."""


def count_text(value: int | None, low: int | None, high: int | None, qualifier: str, text: str = "") -> str:
    """A count in summary style: ``613``, ``200+``, ``c. 600``, ``up to 2,000``, ``470–500``, ``hundreds``."""
    if qualifier == "range" or value is None and qualifier != "vague":
        return f"{low:,}–{high:,}" if low is not None and high is not None else "?"
    if qualifier == "vague" or value is None:
        lowered = " ".join(text.lower().split())
        word = next((w for w in VAGUE_WORDS if w in lowered), None)
        if word:
            return "dozens" if word == "dozen" else word
        return f"{low:,}–{high:,}" if low is not None and high is not None else "some"
    return {"at_least": f"{value:,}+", "more_than": f"{value:,}+", "approx": f"c. {value:,}",
            "at_most": f"up to {value:,}"}.get(qualifier, f"{value:,}")


def range_text(low: int | None, high: int | None) -> str:
    """``613`` or ``200–1,000`` (``-`` when there is no number): the low–high of a comparison row."""
    if low is None and high is None:
        return "-"
    if low is None or high is None or low == high:
        return f"{(low if low is not None else high):,}"
    return f"{low:,}–{high:,}"
