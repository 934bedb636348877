"""Presentation: the data of pages and reports, shared by the CLI and the web (no SQL here).

* :mod:`.counts` — the one way a count is phrased ("613", "200+", "c. 600", "up to 100");
* :mod:`.pages` — the event page, built once for ``counterclaim event`` and ``/events/{id}``;
* :mod:`.render` — plain-text tables for the terminal;
* :mod:`.export` — CSV, JSON, JSON Lines, Parquet and the UCDP GED-like table.
"""
