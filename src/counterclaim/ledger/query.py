"""Import path kept for callers outside the ledger; the module is :mod:`counterclaim.store.queries`."""

from counterclaim.store.queries import document_rows, figure_rows, iter_results, load_result

__all__ = ["document_rows", "figure_rows", "iter_results", "load_result"]
