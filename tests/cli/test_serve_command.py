"""``counterclaim serve``: a busy port fails on one line before "serving on"; --allowed-host is honoured."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim.cli import main
from counterclaim.errors import InputError
from counterclaim.web.command import bind_socket


def test_busy_port_is_one_line_before_serving(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--port", str(port)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines == [f"error: E031 cannot listen on 127.0.0.1:{port}: the port is already in use. Stop the "
                     "program that uses the port, or choose another with --port."]
    assert "serving" not in result.output


def test_bind_socket_errors() -> None:
    with pytest.raises(InputError) as info:
        bind_socket("no-such-host.invalid", 0)
    assert info.value.code == "E031" and "unknown host name" in info.value.message
    with pytest.raises(InputError) as info:
        bind_socket("192.0.2.1", 0)  # TEST-NET-1: never this machine's
    assert info.value.code == "E031"
    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.getsockname()[1] > 0
    finally:
        sock.close()


def test_serve_help_documents_allowed_host() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    words = " ".join(result.stdout.split())
    assert "--allowed-host HOST" in words and "repeatable" in words and "--time-limit" in words


def _get(port: int, host: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/api/events", headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


def test_allowed_host_is_served_others_are_refused(tmp_path: Path) -> None:
    from counterclaim.ledger import Ledger

    db = tmp_path / "ledger.db"
    Ledger(str(db)).close()
    process = subprocess.Popen([sys.executable, "-m", "counterclaim.cli", "serve", "--db", str(db), "--port", "0",
                                "--no-ner", "--allowed-host", "news.example"],
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        found = re.search(r"serving .* on http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        port = int(found.group(1))
        deadline = time.monotonic() + 30
        while True:  # "serving on" is printed once the socket listens: connections queue until uvicorn runs
            try:
                assert _get(port, "127.0.0.1") == 200
                break
            except (ConnectionError, http.client.HTTPException):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert _get(port, "news.example") == 200
        assert _get(port, f"news.example:{port}") == 200
        assert _get(port, "evil.example") >= 400
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
