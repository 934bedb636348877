"""Import path kept for callers outside the ledger; the module is :mod:`counterclaim.store.write`."""

from counterclaim.store.write import now, replace_extraction, store

__all__ = ["now", "replace_extraction", "store"]
