"""What must never happen: credentials leaving in alerts, or the CLI pulled into the core."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reviewwatch.config import load_config
from reviewwatch.notify import run_notifications
from reviewwatch.poll import run_poll
from reviewwatch.store import connect
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.notify.conftest import receiver

TOKEN = "Bearer tok-secret-123"


def test_notify_imports_without_typer_or_rich() -> None:
    # httpx's own command line (click, rich) loads whenever click is installed: kept out, as
    # in tests/core/test_layering.py, so that what is measured is what reviewwatch imports.
    code = (
        "import sys\n"
        "sys.modules['httpx._main'] = None\n"
        "import reviewwatch.notify\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_a_source_error_that_echoes_a_credential_is_scrubbed(
    tmp_path: Path, server: LoopbackServer
) -> None:
    def refuse(request: Request) -> Response:
        return Response(401, f"invalid Authorization: {request.header('Authorization')}")

    server.route("GET", "/reviews", refuse)
    hook = receiver(server, "/hooks/alerts")
    source = {
        "name": "feed",
        "kind": "http_json",
        "url": server.url("/reviews"),
        "fields": {"id": "id", "rating": "stars"},
        "headers": {"Authorization": "${FEED_TOKEN}"},
    }
    config_path = write_config(
        tmp_path, [source], extra={"notify": [{"kind": "webhook", "url": hook.url}]}
    )
    config = load_config(config_path, env={"FEED_TOKEN": TOKEN})
    db = tmp_path / "reviews.db"
    report = run_poll(config, db, retry=FAST_RETRY)
    # The poll itself blanks the echoed credential, in the report and in the stored error.
    assert report.failed and "invalid Authorization: ***" in (report.failed[0].error or "")
    assert "tok-secret-123" not in (report.failed[0].error or "")
    conn = connect(db)
    stored = conn.execute("SELECT last_error FROM sources WHERE name = 'feed'").fetchone()[0]
    conn.close()
    assert "***" in stored and "tok-secret-123" not in stored
    conn = connect(db)
    try:
        assert run_notifications(conn, config, report).sent == 1
    finally:
        conn.close()
    (request,) = hook.received
    body = json.loads(request.body)
    assert body["event"] == "source_failing" and body["review"] is None
    assert body["error"].startswith("HTTP 401 from")
    assert "invalid Authorization: ***" in body["error"]
    assert "tok-secret-123" not in request.body.decode()
    assert b"tok-secret-123" not in _outbox_bytes(db)


def _outbox_bytes(db: Path) -> bytes:
    conn = connect(db)
    try:
        rows = conn.execute("SELECT payload, coalesce(last_error, '') FROM outbox").fetchall()
    finally:
        conn.close()
    return "".join(a + b for a, b in rows).encode()
