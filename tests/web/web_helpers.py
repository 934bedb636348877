"""Helpers of the web tests: documents built by hand (no model) and a ledger file holding them."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from counterclaim.ledger import Ledger
from counterclaim.records import Act, Count, Document, Figure, Quote, Result, Source, Speaker

VERSIONS = {"counterclaim": "test", "output": "v1", "rules": "counterclaim.rules.v1", "model": "none"}
XSS_TITLE = "<script>alert('title')</script> Report"
XSS_LINE = "Residents wrote \" onmouseover=\"alert(2)\" and <img src=x onerror=alert(3)> on the wall."
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LOCAL = "http://127.0.0.1"
"""The test clients' base URL: the server answers only to the host names it was started for."""
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class FormPoster:
    """A test client that posts to the pages' forms as a browser does: with the page's form token."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)

    def post(self, path: str, data: Any = None, **kwargs: Any) -> Any:
        if not path.startswith("/api/") and isinstance(data, dict) and "csrf" not in data:
            data = {**data, "csrf": form_token(self.client, "/add")}
        return self.client.post(path, data=data, **kwargs)


def form_token(client: Any, path: str) -> str:
    """The signed form token of the page at ``path``, as a browser would send it back."""
    found = _CSRF.search(client.get(path).text)
    assert found, f"no form token on {path}"
    return found.group(1)


def _sentence(text: str, start: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def figure(text: str, fid: str, words: str, outcome: str, value: int | None, *, source: str | None = None,
           source_type: str = "government", qualifier: str = "exact", low: int | None = None,
           high: int | None = None, groups: tuple[str, ...] = (), part_of: str | None = None) -> Figure:
    """A figure whose span and source span are found in ``text``."""
    start = text.index(words)
    src = None
    if source:
        pos = text.index(source)
        src = Source(source, source_type, (pos, pos + len(source)))
    return Figure(id=fid, span=(start, start + len(words)), text=words, outcome=outcome,
                  count=Count(value, value if low is None else low, value if high is None else high, qualifier),
                  groups=groups, part_of=part_of, source=src, sentence=_sentence(text, start), confidence=0.8,
                  kind="whole")


def result(text: str, figures: Sequence[Figure] = (), *, quotes: tuple[Quote, ...] = (), acts: tuple[Act, ...] = (),
           title: str | None = None, published: str | None = None, publisher: str | None = None) -> Result:
    """A Result built by hand."""
    doc = Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, title=title,
                   published=published, publisher=publisher, path=None)
    return Result(document=doc, figures=tuple(figures), quotes=quotes, acts=acts, versions=dict(VERSIONS))


GOV_TEXT = ("Title: Remembering the Zarvenko massacre\nPublished: 2021-02-25\n\n"
            "According to the Ministry of Health, 613 civilians were killed in the town of Zarvenko on "
            "26 February 1992. Human Rights Watch said at least 200 people were killed.")
HRW_TEXT = ("Title: Zarvenko: a field report\nPublished: 1992-03-10\n\n"
            "Human Rights Watch said at least 200 people were killed in the town of Zarvenko on 26 February 1992. "
            "\u201cWe found bodies in the fields of Zarvenko,\u201d said Anna Petrova, a researcher. "
            "The council adopted Resolution 822 on 30 April 1993.")
XSS_TEXT = (f"Title: {XSS_TITLE}\nPublished: 1992-03-12\n\n"
            "<script>alert(1)</script> In the town of Zarvenko, 40 people were killed on 26 February 1992, "
            "said <b>Officials</b>. " + XSS_LINE)


def documents() -> list[Result]:
    """Three documents about one event, one of them full of markup that must show as text."""
    gov = result(GOV_TEXT, [
        figure(GOV_TEXT, "f1", "613 civilians", "killed", 613, source="the Ministry of Health",
               groups=("civilians",)),
        figure(GOV_TEXT, "f2", "at least 200 people", "killed", 200, source="Human Rights Watch", source_type="ngo",
               qualifier="at_least")], title="Remembering the Zarvenko massacre", published="2021-02-25")
    q_start = HRW_TEXT.index("We found")
    q_end = HRW_TEXT.index(",\u201d said")
    sp = HRW_TEXT.index("Anna Petrova")
    a = HRW_TEXT.index("Resolution 822")
    hrw = result(HRW_TEXT, [
        figure(HRW_TEXT, "f1", "at least 200 people", "killed", 200, source="Human Rights Watch", source_type="ngo",
               qualifier="at_least")],
        quotes=(Quote(id="q1", span=(q_start, q_end), text=HRW_TEXT[q_start:q_end],
                      speaker=Speaker("Anna Petrova", (sp, sp + len("Anna Petrova")))),),
        acts=(Act(id="a1", span=(a, a + len("Resolution 822")), jurisdiction="United Nations Security Council",
                  jurisdiction_code="UN", act="resolution", date="1993-04-30", text="Resolution 822"),),
        title="Zarvenko: a field report", published="1992-03-10")
    xss = result(XSS_TEXT, [figure(XSS_TEXT, "f1", "40 people", "killed", 40, source="<b>Officials</b>")],
                 title=XSS_TITLE, published="1992-03-12")
    return [gov, hrw, xss]


def build_ledger(path: Path) -> Path:
    """A SQLite ledger at ``path`` holding :func:`documents`, grouped into events."""
    with Ledger(path) as ledger:
        for r in documents():
            ledger.store(r)
        ledger.regroup()
    return path


def chromium_or_skip() -> str:
    """The chromium binary; skipped locally without it, a failure in CI (``CI`` set)."""
    path = os.environ.get("COUNTERCLAIM_CHROMIUM", "/usr/bin/chromium")
    missing = None
    if not Path(path).exists():
        missing = f"chromium is not installed at {path} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install playwright)"
    if missing:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    return path


def expect(locator: Any) -> Any:
    """Playwright's retrying assertions (imported late: the module loads without playwright)."""
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def shot(tab: Any, name: str) -> Path:
    """Save a full-page screenshot as a test artefact (``tests/web/artifacts/NAME.png``)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def new_tab(browser: Any, width: int = 1360, height: int = 900) -> Any:
    """A page that records console errors and dismisses (and records) any dialog: an alert means a script ran."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    context.set_default_timeout(60_000)  # a busy CI machine
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.dialogs = []

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()
    tab.on("dialog", on_dialog)
    return tab
