"""Filters of the overview and the event page, applied to the data the views return.

* **Event page** — ``outcome`` keeps one outcome's rows; ``source_type`` (``government``,
  ``ngo``, …), ``year`` (a year in which a document carrying the claim was published) and
  ``country`` (the source's country) keep the matching claims of each row; the chart is
  redrawn for them. A row's low, best and high
  stay those of all its claims (the page says so), so a filter never changes a toll.
* **Overview** — ``outcome`` keeps the events with a whole toll for that outcome, ``year`` the
  events of that year, ``country`` the events in that country (its code, ``AZ``, or its
  name), ``source_type`` the events where a source of that type claims a figure (from the
  source list when it is cached, else read for that type alone). The overview's events are
  read page by page in the chosen order; a filter looks at the first :data:`MAX_SCAN` of them
  at most (the page says when there were more), so a filtered overview costs at most that
  much, whatever the ledger's size.

Filtering chooses what is shown; it never ranks the sources or drops one as wrong.
"""

from __future__ import annotations

import re
from typing import Any

from counterclaim.analysis.countries import country_name
from counterclaim.errors import WebErrors
from counterclaim.records import OUTCOMES
from counterclaim.web.chart import range_chart
from counterclaim.web.errors import WebError

MAX_SCAN = 2000
"""The most events a filtered overview reads."""
_YEAR = re.compile(r"^\d{4}$")


def check(outcome: str, year: str) -> tuple[str, str]:
    """Refuse an unknown outcome or a year that is not four digits (E221)."""
    outcome, year = outcome.strip(), year.strip()
    if outcome and outcome not in OUTCOMES:
        raise WebError(WebErrors.E221.format(what="outcome", value=outcome[:60], choices=", ".join(OUTCOMES)), 400)
    if year and not _YEAR.match(year):
        raise WebError(WebErrors.E221.format(what="year", value=year[:60], choices="a year such as 1992"), 400)
    return outcome, year


def country_matches(code: str | None, wanted: str) -> bool:
    """Whether a country code is the one asked for, by code (``az``) or name (``Azerbaijan``)."""
    if not wanted:
        return True
    if not code:
        return False
    wanted = wanted.strip().lower()
    return code.lower() == wanted or country_name(code).lower().removeprefix("the ") == wanted.removeprefix("the ")


def _years(claim: dict[str, Any]) -> set[str]:
    first, last = (claim.get("first_seen") or "")[:4], (claim.get("last_seen") or "")[:4]
    if not (_YEAR.match(first) and _YEAR.match(last)):
        return {y for y in (first, last) if _YEAR.match(y)}
    return {str(y) for y in range(int(first), int(last) + 1)}


def event_choices(data: dict[str, Any], countries: dict[str, str]) -> dict[str, list[Any]]:
    """The values the event's filters can take: its outcomes, source types, years and sources' countries."""
    claims = [c for r in data["outcomes"] for c in r["claims"]]
    codes = sorted({countries[c["source_id"]] for c in claims if countries.get(c.get("source_id") or "")})
    return {"outcome": sorted({r["outcome"] for r in data["outcomes"]}),
            "source_type": sorted({c["source_type"] for c in claims if c.get("source_type")}),
            "year": sorted({y for c in claims for y in _years(c)}),
            "country": [(code, country_name(code)) for code in codes]}


def filter_event(data: dict[str, Any], *, outcome: str = "", source_type: str = "", year: str = "",
                 country: str = "", countries: dict[str, str] | None = None) -> dict[str, Any]:
    """The event's data with only the matching rows and claims (a new dict; the view's stays as it was).

    Args:
        countries: the country code of each source (by source id), for ``country``.
    """
    outcome, year = check(outcome, year)
    countries = countries or {}
    chosen = {"outcome": outcome, "source_type": source_type.strip(), "year": year, "country": country.strip()[:60]}
    result = {**data, "filters": chosen, "choices": event_choices(data, countries), "filtered": any(chosen.values())}
    if not result["filtered"]:
        return result
    rows = []
    for row in data["outcomes"]:
        if outcome and row["outcome"] != outcome:
            continue
        kind = chosen["source_type"]
        claims = [c for c in row["claims"] if (not kind or c.get("source_type") == kind)
                  and (not year or year in _years(c))
                  and country_matches(countries.get(c.get("source_id") or ""), chosen["country"])]
        if not claims:
            continue
        chart = range_chart(claims)
        rows.append({**row, "claims": claims, "claims_total": len(claims), "chart": chart,
                     "filtered_from": len(row["claims"])})
    result["outcomes"] = rows
    return result


def filter_overview(pages: Any, *, outcome: str = "", year: str = "", country: str = "",
                    typed: set[str] | None = None, page: int = 1, size: int = 50) -> dict[str, Any] | None:
    """The overview filtered by outcome and year, or None when no filter is set.

    Args:
        pages: ``pages(n)`` gives the view's overview data of page ``n``.
        outcome, year, country: the filters.
        typed: for a source-type filter, the events where a source of that type claims a figure.
        page, size: the page of the filtered events to show.
    """
    outcome, year = check(outcome, year)
    country = country.strip()[:60]
    if not outcome and not year and not country and typed is None:
        return None
    kept: list[dict[str, Any]] = []
    first = pages(1)
    data, n, seen = first, 1, 0
    while True:
        for event in data["events"]:
            seen += 1
            rows = ([event["killed"]] if event.get("killed") else []) + list(event.get("others") or [])
            if outcome and not any(r["outcome"] == outcome for r in rows):
                continue
            if year and str(event.get("year") or "") != year:
                continue
            if country and not country_matches(event.get("country"), country):
                continue
            if typed is not None and event["id"] not in typed:
                continue
            kept.append(event)
        if n >= data["pages"] or seen >= MAX_SCAN:
            break
        n += 1
        data = pages(n)
    total = len(kept)
    count = max(1, -(-total // size))
    page = min(max(1, page), count)
    return {**first, "events": kept[(page - 1) * size: page * size], "total_events": total, "page": page,
            "pages": count, "scanned": seen, "truncated": seen < first["total_events"]}
