"""Import path kept for callers outside the ledger; the module is :mod:`counterclaim.store.search`."""

from counterclaim.store.search import MARK_END, MARK_START, ensure_index, has_index, search, terms

__all__ = ["MARK_END", "MARK_START", "ensure_index", "has_index", "search", "terms"]
