"""Import path kept for callers outside the ledger; the module is :mod:`counterclaim.store.db`."""

from counterclaim.store.db import DEFAULT_DB, Database, in_batches, is_postgres, placeholders, redact

__all__ = ["DEFAULT_DB", "Database", "in_batches", "is_postgres", "placeholders", "redact"]
