"""End to end in a real headless chromium (Debian's) driven by Playwright; screenshots are kept.

Screenshots go to ``tests/web/artifacts/`` (gitignored). Without chromium or playwright
these tests are skipped locally and fail in CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from web_helpers import XSS_TEXT, documents, expect, shot


def test_open_an_event_click_a_figure_see_its_source(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    shot(page, "overview")
    page.get_by_role("link", name="Zarvenko").first.click()
    page.wait_for_url(re.compile(r"/events/zarvenko-1992$"))
    assert page.locator("figure.chart svg text.count").count() == 3  # labels drawn, no hover needed
    shot(page, "event")
    page.locator("blockquote.evidence a", has_text="613 civilians").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}#fig-f1$"))
    selected = page.locator("#selected")
    expect(selected).to_contain_text("Ministry of Health")  # the hash selected the figure on load
    page.locator("a.hl.k-figure", has_text="at least 200 people").click()
    expect(selected).to_contain_text("Human Rights Watch")
    text = selected.inner_text()
    assert "at least" in text and "at_least" not in text and "killed" in text  # readable qualifiers
    expect(page.locator("a.hl.k-figure.active")).to_have_count(1)
    shot(page, "document-selected")
    assert page.errors == [] and page.dialogs == []


@pytest.mark.slow
def test_upload_a_document_and_find_it(page: Any, live_server: str, tmp_path: Path) -> None:
    article = tmp_path / "quorvan-floods.txt"
    article.write_text("Title: Floods reach Quorvan\nPublished: 2019-05-04\n\n"
                       "Floods in the town of Quorvan killed 37 people on 2 May 2019, the regional governor said.",
                       encoding="utf-8")
    page.goto(live_server + "/add")
    page.set_input_files("input[type=file]", str(article))
    shot(page, "add-form")
    page.get_by_role("button", name="Add and extract").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}\?added=1$"), timeout=120_000)
    assert "was added" in page.locator(".notice").inner_text()
    assert page.locator("h1").inner_text() == "Floods reach Quorvan"
    page.fill("header input[name=q]", "Quorvan floods")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Quorvan"))
    expect(page.locator("ol.hits a", has_text="Floods reach Quorvan")).to_have_count(1)
    shot(page, "search-after-upload")
    page.goto(live_server + "/add")
    big = tmp_path / "report.pdf"
    big.write_bytes(b"%PDF-1.4 not an article")
    page.set_input_files("input[type=file]", str(big))
    page.get_by_role("button", name="Add and extract").click()
    expect(page.locator(".error")).to_contain_text("E204")
    shot(page, "add-refused")
    assert page.dialogs == []


def test_markup_in_a_document_shows_as_text_and_never_runs(page: Any, live_server: str) -> None:
    doc = next(r.document.id for r in documents() if r.document.text == XSS_TEXT)
    page.goto(f"{live_server}/documents/{doc}")
    text = page.locator("article.text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert '" onmouseover="alert(2)"' in text and "<img src=x onerror=alert(3)>" in text
    assert page.locator("article.text img, article.text script, article.text b").count() == 0
    assert page.locator("h1").inner_text().startswith("<script>alert('title')</script>")
    page.locator("article.text").hover()
    page.locator("a.hl.k-source").first.click()
    expect(page.locator("#selected")).to_contain_text("<b>Officials</b>")
    shot(page, "xss-document")
    page.goto(f"{live_server}/search?q=alert")
    assert page.locator("ol.hits img").count() == 0
    assert page.dialogs == []


def test_split_an_event_from_its_page(page: Any, live_server: str) -> None:
    page.goto(live_server + "/events/zarvenko-1992")
    split = page.locator("form[action='/events/zarvenko-1992/split']")
    expect(split).to_be_hidden()  # the forms stay folded away until asked for
    page.locator("details.correct summary", has_text="Correct the grouping").click()
    expect(split).to_be_visible()
    split.get_by_label("Zarvenko: a field report").check()
    split.get_by_label("Name of the new event").fill("Zarvenko <field report>")
    shot(page, "event-split-form")
    split.get_by_role("button", name="Split into a new event").click()
    page.wait_for_url(re.compile(r"/events/zarvenko-field-report\?changed=split$"))
    expect(page.locator(".notice")).to_contain_text("split off")
    assert page.locator("h1").inner_text() == "Zarvenko <field report>"
    expect(page.locator("table.docs a")).to_have_text(["Zarvenko: a field report"])
    page.goto(live_server + "/")
    expect(page.get_by_role("link", name="Zarvenko <field report>")).to_have_count(1)
    shot(page, "event-after-split")
    assert page.errors == [] and page.dialogs == []
