"""Reconciliation: the ledger's rules, as pure functions over plain records (no SQL).

* :mod:`.grouping` — which incidents of different documents are one event, and its name;
* :mod:`.kinds` — what a stored figure counts (whole toll, partial count, breakdown, background);
* :mod:`.compare` — competing claims side by side, per outcome and victim group;
* :mod:`.revisions` — a source's later figure for the same outcome replaces its earlier one;
* :mod:`.checks` — figures that cannot all be true;
* :mod:`.claimants` — who claims a figure, normalised across documents;
* :mod:`.gazetteer` — an incident's place in GeoNames: country, admin area, coordinates.

Neutrality is a rule of this package: it never decides which source is right.
"""
