"""Slow and huge answers cost their own source, within the deadlines and the size limit."""

from __future__ import annotations

import json
import os
import subprocess
import time
import zlib
from pathlib import Path

from reviewwatch.config import load_config
from reviewwatch.poll import run_poll
from tests.conftest import FAST_RETRY, installed_script, write_config
from tests.loopback import LoopbackServer, Response

FIELDS = {"id": "id", "rating": "stars"}


def feed(name: str, url: str, timeout: float = 30) -> dict[str, object]:
    return {"name": name, "kind": "http_json", "url": url, "fields": FIELDS, "timeout": timeout}


def test_the_poll_deadline_bounds_every_network_source_together(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    """Three hosts that each drip for a minute, polled one at a time: the first is stopped by
    its own deadline, the others by the poll's; a local file is still read and the report is
    complete."""
    server.route("GET", "/drip", lambda _r: Response(200, b"[" + b" " * 600 + b"]", drip=0.1))
    (tmp_path / "local.json").write_text('[{"id": "l1", "stars": 1}]')
    local = {"name": "local", "kind": "json_file", "path": "local.json", "fields": FIELDS}
    slow = [feed(f"slow{n}", server.url("/drip"), timeout=20) for n in range(3)]
    config = load_config(
        write_config(
            tmp_path,
            [local, *slow],
            settings={"concurrency": 1, "poll_deadline": 2, "source_deadline": 1.5},
        )
    )
    started = time.monotonic()
    report = run_poll(config, db_path, retry=FAST_RETRY)
    took = time.monotonic() - started
    assert took < 4, took
    by_name = {source.name: source for source in report.sources}
    assert by_name["local"].ok
    errors = [by_name[f"slow{n}"].error or "" for n in range(3)]
    assert "stopped after 1.5 s: the source's deadline passed" in errors[0]
    for error in errors[1:]:
        assert "the poll's deadline of 2 s passed ([settings] poll_deadline)" in error


def bomb(decoded_mb: int) -> bytes:
    """A gzip body of `decoded_mb` MB of zeros (about a thousandth of that on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = bytes(1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(decoded_mb)]
    return b"".join(parts) + packer.flush()


def test_a_gzip_bomb_stops_at_the_size_limit_in_bounded_memory(
    server: LoopbackServer, tmp_path: Path
) -> None:
    body = bomb(768)
    assert len(body) < 1024 * 1024
    server.route(
        "GET",
        "/bomb",
        lambda _r: Response(
            200, body, {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        ),
    )
    config = write_config(tmp_path, [feed("bomb", server.url("/bomb"))])
    out = tmp_path / "out.json"
    with out.open("w") as stream:
        process = subprocess.Popen(
            [
                installed_script(),
                "--config",
                str(config),
                "--db",
                str(tmp_path / "r.db"),
                "poll",
                "--json",
            ],
            stdout=stream,
            stderr=subprocess.DEVNULL,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    document = json.loads(out.read_text())
    assert process.returncode == 1
    error = document["sources"][0]["error"]
    assert "larger than 64 MB" in error
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    assert peak_mb < 400, peak_mb
