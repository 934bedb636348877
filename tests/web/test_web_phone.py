"""Issue 12 in a real chromium: every page fits 390 px and 1366 px, downloads, filters, the reader's detail.

Screenshots of the overview, an event, a document with a figure selected, a source page and
search at both widths are kept in ``tests/web/artifacts/`` (``overview-390.png`` …).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from web_helpers import GOV_TEXT, expect, figure, new_tab, result, shot

from counterclaim.ledger import Ledger

OVERFLOW = """() => [document.documentElement.scrollWidth, window.innerWidth,
  [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
    && !el.closest('table, svg')).map(el => el.tagName + '.' + el.className).slice(0, 5)]"""


def _gov_id() -> str:
    return result(GOV_TEXT).document.id


def _fits(tab: Any) -> None:
    width, inner, culprits = tab.evaluate(OVERFLOW)
    assert width <= inner and not culprits, f"{tab.url}: {width}px wide in {inner}px ({culprits})"


@pytest.mark.parametrize("width", [390, 1366])
def test_every_page_fits_the_screen(browser: Any, live_server: str, width: int) -> None:
    tab = new_tab(browser, width, 844)
    pages = {"overview": "/", "event": "/events/zarvenko-1992", "source": "/sources/human-rights-watch",
             "search": "/search?q=zarvenko", "documents": "/documents", "sources": "/sources", "add": "/add",
             "missing": "/events/no-such-event"}
    for name, path in pages.items():
        tab.goto(live_server + path)
        _fits(tab)
        if name in ("overview", "event", "source", "search"):
            shot(tab, f"{name}-{width}")
    tab.goto(f"{live_server}/documents/{_gov_id()}#fig-f1")
    expect(tab.locator("#selected")).to_contain_text("Ministry of Health")
    _fits(tab)  # the sha256 wraps
    sheet = tab.locator("#selected").bounding_box()
    assert sheet is not None and sheet["y"] >= 0 and sheet["y"] + sheet["height"] <= 844 + 1  # in view, no scrolling
    shot(tab, f"document-selected-{width}")
    assert [e for e in tab.errors if "404" not in e] == [] and tab.dialogs == []  # the missing page is a 404
    tab.context.close()


def test_the_event_chart_is_readable_on_a_phone(browser: Any, live_server: str) -> None:
    tab = new_tab(browser, 390, 844)
    tab.goto(live_server + "/events/zarvenko-1992")
    expect(tab.locator("figure.chart svg.wide").first).to_be_hidden()
    labels = tab.locator("figure.chart svg.phone text.who")
    expect(labels).to_have_count(3)
    for n in range(3):
        box = labels.nth(n).bounding_box()
        assert box is not None and box["height"] >= 11 and box["x"] + box["width"] <= 390  # ~12 px text, inside
    tab.context.close()
    wide = new_tab(browser, 1366, 900)
    wide.goto(live_server + "/events/zarvenko-1992")
    expect(wide.locator("figure.chart svg.wide").first).to_be_visible()
    expect(wide.locator("figure.chart svg.phone").first).to_be_hidden()
    wide.context.close()


def test_the_detail_sheet_on_a_phone_opens_closes_and_marks_the_source(browser: Any, live_server: str) -> None:
    tab = new_tab(browser, 390, 844)
    tab.goto(f"{live_server}/documents/{_gov_id()}")
    tab.locator("a.hl.k-figure", has_text="613 civilians").click()
    sheet = tab.locator("#selected")
    expect(sheet).to_have_class(re.compile(r"\bopen\b"))
    expect(sheet).to_contain_text("stated as fact")
    expect(tab.locator("a.hl.linked")).to_have_text(["the Ministry of Health"])  # who said it, marked too
    expect(tab.locator("a.hl.active")).to_have_count(1)
    tab.get_by_role("button", name="Close").click()
    expect(sheet).not_to_have_class(re.compile(r"\bopen\b"))
    tab.context.close()


def test_the_detail_panel_shows_a_denied_figure(browser: Any, live_server: str, ledger_path: Path) -> None:
    text = ("Title: A disputed toll\nPublished: 2020-06-01\n\nThe army denied that 300 villagers were killed in "
            "Quorvan, the defence ministry said.")
    denied = replace(figure(text, "f1", "300 villagers", "killed", 300, source="the defence ministry"),
                     stance="denied")
    doc = result(text, [denied], title="A disputed toll", published="2020-06-01")
    with Ledger(ledger_path) as ledger:
        ledger.store(doc)
        ledger.regroup()
    tab = new_tab(browser)
    tab.goto(f"{live_server}/documents/{doc.document.id}")
    expect(tab.locator(".cards .card.k-figure .card-head .stance")).to_have_text(["denied"])
    tab.locator("a.hl.k-figure").first.click()
    expect(tab.locator("#selected")).to_contain_text("denied in the text")
    shot(tab, "document-denied")
    tab.context.close()


def _download(tab: Any, name: str) -> str:
    with tab.expect_download() as info:
        tab.get_by_role("link", name=name, exact=True).first.click()
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8")


def test_downloads_from_the_pages(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    events = list(csv.DictReader(io.StringIO(_download(page, "CSV"))))
    assert [e["event_id"] for e in events] == ["zarvenko-1992"] and events[0]["killed_high"] == "613"
    page.goto(live_server + "/events/zarvenko-1992")
    figures = json.loads(_download(page, "JSON"))
    assert len(figures) == 4 and {f["event_id"] for f in figures} == {"zarvenko-1992"}
    assert sorted(f["value"] for f in figures) == [40, 200, 200, 613]
    page.goto(live_server + "/sources/human-rights-watch")
    rows = list(csv.DictReader(io.StringIO(_download(page, "CSV"))))
    assert len(rows) == 2 and {r["source_id"] for r in rows} == {"human-rights-watch"}


def test_filters_on_the_event_page_and_the_overview(page: Any, live_server: str) -> None:
    page.goto(live_server + "/events/zarvenko-1992")
    filters = page.locator("form.filters")
    filters.get_by_label("Source type").select_option("ngo")
    filters.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"source_type=ngo"))
    expect(page.locator(".outcome table.claims td.count")).to_have_text([re.compile(r"^200\+")])
    expect(page.locator("figure.chart svg.wide text.who")).to_have_text(["Human Rights Watch"])
    page.locator("form.filters").get_by_label("Year reported").select_option("2021")
    page.locator("form.filters").get_by_role("button", name="Filter").click()
    expect(page.locator(".outcome table.claims td.count")).to_have_text([re.compile(r"^200\+")])
    page.goto(live_server + "/")
    page.locator("form.filter select[name=outcome]").select_option("injured")
    page.locator("form.filter").get_by_role("button", name="Show").click()
    expect(page.locator("p.empty")).to_contain_text("No events match these filters")
    page.locator("form.filter select[name=outcome]").select_option("killed")
    page.locator("form.filter input[name=year]").fill("1992")
    page.locator("form.filter").get_by_role("button", name="Show").click()
    expect(page.locator("table.events a", has_text="Zarvenko")).to_have_count(1)
    assert page.errors == []


def test_source_page_names_documents_and_reads_well(page: Any, live_server: str) -> None:
    page.goto(live_server + "/sources/human-rights-watch")
    rows = page.locator(".outcome table.claims tbody tr")
    text = page.locator("main").inner_text()
    assert "Zarvenko: a field report" in text and "Remembering the Zarvenko massacre" in text
    assert not re.search(r"\b[0-9a-f]{12}\b", page.locator(".outcome table.claims").inner_text())  # no sha256
    assert "at least" in text and "at_least" not in text
    shown = int(re.search(r"shown as (\d+) claim", text).group(1))  # type: ignore[union-attr]
    assert shown == rows.count()
    figures = int(re.search(r"(\d+) figure\(s\)", text).group(1))  # type: ignore[union-attr]
    sentences = page.locator(".outcome blockquote.evidence")
    assert figures == sentences.count() == 2  # one sentence per figure, each with its document
    expect(sentences.first).to_contain_text("Human Rights Watch said at least 200 people were killed")


def test_error_pages_speak_to_web_users(page: Any, live_server: str) -> None:
    for path in ("/events/no-such-event", "/sources/nobody", "/documents/" + "0" * 64, "/no/such/page"):
        page.goto(live_server + path)
        message = page.locator(".error").inner_text()
        assert "counterclaim " not in message and "--" not in message, message
        expect(page.get_by_role("link", name="Back to the overview")).to_be_visible()
    page.goto(live_server + "/events/no-such-event")
    expect(page.locator(".error .message")).to_contain_text("Find the event on the overview")
