"""Storage of the ledger: every SQL statement of counterclaim lives in this package.

* :mod:`.db` — one DB-API adapter for SQLite files and PostgreSQL servers, transactions;
* :mod:`.schema` — tables and named migrations;
* :mod:`.write` — storing a document's extraction (one transaction per document, grouped in it);
* :mod:`.queries` — named read queries returning plain dicts;
* :mod:`.events`, :mod:`.sources`, :mod:`.summaries`, :mod:`.placekeys` — events and sources as
  stored, the aggregates kept per event, canonical place keys;
* :mod:`.search` — full-text search.

The rules these modules apply (grouping, kinds, comparison, checks, source names) are pure
functions in :mod:`counterclaim.reconcile`; what pages and reports show is built by
:mod:`counterclaim.present`.
"""
