"""Slow and huge answers cost their own source, within the deadlines and the size limit."""

from __future__ import annotations

import json
import subprocess
import sys
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
    peak_file = tmp_path / "peak"
    # The peak is read by the poll itself at exit: a child's ru_maxrss starts from its parent's
    # resident size at fork (here the whole test session), so wait4's figure would measure us.
    launcher = (
        "import atexit, pathlib, re, runpy, sys\n"
        "peak_file = pathlib.Path(sys.argv[1])\n"
        "def peak():\n"
        "    status = pathlib.Path('/proc/self/status').read_text()\n"
        "    peak_file.write_text(re.search(r'VmHWM:\\s+(\\d+)', status)[1])\n"
        "atexit.register(peak)\n"
        "script = sys.argv[2]\n"
        "sys.argv = sys.argv[2:]\n"
        "runpy.run_path(script, run_name='__main__')\n"
    )
    out = tmp_path / "out.json"
    with out.open("w") as stream:
        process = subprocess.run(
            [
                sys.executable,
                "-c",
                launcher,
                str(peak_file),
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
            timeout=120,
            check=False,
        )
    document = json.loads(out.read_text())
    assert process.returncode == 1
    error = document["sources"][0]["error"]
    assert "larger than 64 MB" in error
    peak_mb = int(peak_file.read_text()) / 1024  # kilobytes
    # The 64 MB kept before the limit, plus the program itself: never the 768 MB of the bomb.
    assert peak_mb < 64 + 150, peak_mb
