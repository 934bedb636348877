"""Import path kept for callers outside the ledger; the module is :mod:`counterclaim.analysis.incidents`."""

from counterclaim.analysis.incidents import Incident, PlaceWeight, find_incidents

__all__ = ["Incident", "PlaceWeight", "find_incidents"]
