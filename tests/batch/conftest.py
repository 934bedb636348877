"""Fixtures of the batch tests: a small synthetic archive and every backend (see batch_helpers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import dask_or_skip, write_archive


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "archive")


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A LocalCluster of 2 single-threaded worker processes, shared by the session."""
    dask_or_skip()
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(params=["local", "processes", "dask"])
def backend(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Every backend, with the same expectations."""
    from counterclaim.batch import DaskBackend, LocalBackend, ProcessBackend

    if request.param == "local":
        made: Any = LocalBackend()
    elif request.param == "processes":
        made = ProcessBackend(2)
    else:
        made = DaskBackend(request.getfixturevalue("dask_client"))
    yield made
    made.close()
