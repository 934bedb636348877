"""Fixtures of the ledger tests: hand-built Results, real SQLite files, a real PostgreSQL server.

PostgreSQL: set ``COUNTERCLAIM_TEST_PG_URL`` (e.g. ``postgresql://cc@127.0.0.1:54329/postgres``).
Each test gets its own schema, dropped afterwards. Without the variable the PostgreSQL
cases are skipped locally and fail in CI (``CI`` set), where ``.ci/run`` starts a server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from ledger_helpers import cli_group, pg_base_url

from counterclaim.ledger import Ledger


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema of the test server (dropped afterwards)."""
    import psycopg

    base = pg_base_url()
    schema = f"cc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ledger target on each backend: a SQLite file in tmp_path, a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def ledger(db_target: str) -> Iterator[Ledger]:
    """An open ledger on each backend."""
    with Ledger(db_target) as opened:
        yield opened


@pytest.fixture
def ledger_file(tmp_path: Path) -> Iterator[Ledger]:
    """An open ledger in a temporary SQLite file."""
    with Ledger(tmp_path / "ledger.db") as opened:
        yield opened


@pytest.fixture
def cli() -> Any:
    """``cli(*args, input=None)`` → click Result of the ledger commands."""
    runner = CliRunner()
    group = cli_group()

    def run(*args: str, input: str | None = None) -> Any:
        return runner.invoke(group, list(args), input=input, catch_exceptions=False)
    return run


