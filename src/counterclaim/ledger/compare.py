"""Import path kept for callers outside the ledger: count phrasing is :mod:`counterclaim.present.counts`."""

from counterclaim.present.counts import count_text

__all__ = ["count_text"]
