"""Presentation: count phrasing, tables that fit 80 columns, the event page built once (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))

from ledger_helpers import GOV, OTHER, WIRE  # noqa: E402

from counterclaim.ledger import Ledger  # noqa: E402
from counterclaim.present.counts import count_text, range_text  # noqa: E402
from counterclaim.present.render import event_text, events_table, sources_table  # noqa: E402


def test_one_count_phrasing() -> None:
    assert [count_text(100, 100, 100, q) for q in ("exact", "at_least", "more_than", "approx", "at_most")] == \
        ["100", "100+", "100+", "c. 100", "up to 100"]
    assert range_text(200, 613) == "200–613" and range_text(None, None) == "-"


def test_tables_fit_80_columns_and_show_kinds_stance_and_revisions(tmp_path: Path) -> None:
    with Ledger(tmp_path / "p.db") as ledger:
        for r in (GOV, WIRE, OTHER):
            ledger.store(r)
        ledger.regroup()
        events = ledger.events()
        khojaly = next(e for e in events if GOV.document.id in e["documents"])
        page = ledger.event(khojaly["id"])
        sources = ledger.sources()
    for text in (events_table(events, width=80), sources_table(sources, width=80), event_text(page, width=80)):
        assert all(len(line) <= 80 for line in text.splitlines()), text
        assert "best" not in text.lower()
    assert all(len(line) <= 60 for line in event_text(page, width=60).splitlines())  # any terminal width
    shown = event_text(page, width=120)
    assert "revision: 1,000 → 613, per the Azerbaijani government" in shown
    assert "breakdown of “613 civilians” · asserted" in shown and "whole-incident toll · asserted" in shown
    assert "Azerbaijan" in shown.splitlines()[1]  # the country of the place
    killed = next(r for r in page["outcomes"] if r["outcome"] == "killed")
    assert [s["role"] for s in killed["sections"]] == ["whole", "partial"]
    roles = [c["role"] for c in killed["claims"]]
    assert roles == sorted(roles, key=["whole", "partial"].index)  # parts listed under the whole tolls
    assert all(c["evidence"] and c["kind_label"] and c["stance_label"] for c in killed["claims"])


def test_the_chart_labels_stance_and_revisions() -> None:
    from counterclaim.web.chart import range_chart

    chart = range_chart([
        {"source": "A", "count": "1,000", "low": 1000, "high": 1000, "qualifier": "exact", "stance": "asserted",
         "superseded": "613"},
        {"source": "B", "count": "450+", "low": 450, "high": 450, "qualifier": "at_least", "stance": "hedged"}])
    assert chart is not None
    assert [r["count"] for r in chart["rows"]] == ["1,000 → 613", "450+ (reportedly)"]
    assert [r["stance"] for r in chart["rows"]] == ["asserted", "hedged"]


def test_a_long_row_keeps_every_whole_toll_before_any_partial_count() -> None:
    # more claims than a page shows: the whole-incident tolls stay, however few documents repeat them
    from counterclaim.present import pages

    def claim(n: int, role: str, docs: int) -> dict[str, object]:
        return {"role": role, "n_documents": docs, "figures": [], "kind": role, "stance": "asserted",
                "count": str(n), "source": f"source {n}", "low": n, "high": n, "qualifier": "exact"}

    wholes = [claim(600 + n, "whole", 1) for n in range(3)]
    partials = [claim(n, "partial", 2) for n in range(pages.MAX_CLAIMS + 5)]
    row: dict[str, object] = {"claims": partials + wholes}
    pages._claims(row, all_claims=False)
    shown = row["claims"]
    assert isinstance(shown, list) and len(shown) == pages.MAX_CLAIMS
    assert [c["count"] for c in shown[:3]] == ["600", "601", "602"]
    assert row["claims_total"] == pages.MAX_CLAIMS + 8
