"""Fixtures of the web tests: a real SQLite ledger file, the app, a test client, a live server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import LOCAL, build_ledger, chromium_or_skip, new_tab

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's test client warns about httpx
    from fastapi.testclient import TestClient

from counterclaim.web import create_app


@pytest.fixture
def pg_target() -> Iterator[str]:
    """A ledger URL in a fresh schema of the test PostgreSQL server (skipped locally without one, fails in CI)."""
    import os
    import uuid
    from urllib.parse import quote

    url = os.environ.get("COUNTERCLAIM_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("COUNTERCLAIM_TEST_PG_URL is not set: CI must start PostgreSQL (see .ci/run)")
        pytest.skip("COUNTERCLAIM_TEST_PG_URL not set: no PostgreSQL server for this run")
    import psycopg

    schema = f"cc_web_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def template_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-built ledger, made once; tests get copies."""
    return build_ledger(tmp_path_factory.mktemp("web") / "template.db")


@pytest.fixture
def ledger_path(template_ledger: Path, tmp_path: Path) -> Path:
    """A fresh copy of the hand-built ledger (writes do not leak between tests)."""
    path = tmp_path / "ledger.db"
    shutil.copy(template_ledger, path)
    return path


@pytest.fixture
def client(ledger_path: Path) -> Iterator[TestClient]:
    """A test client of the app over a copy of the ledger (loopback, no token)."""
    with TestClient(create_app(str(ledger_path), use_ner=False, warm=False), base_url=LOCAL) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server(ledger_path: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    app = create_app(str(ledger_path), use_ner=False, warm=False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)



CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless chromium (Debian's) for the browser tests, driven by Playwright."""
    path = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized page (1360 × 900)."""
    tab = new_tab(browser)
    yield tab
    tab.context.close()
