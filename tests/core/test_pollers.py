"""Pollers on several machines: four `reviewwatch poll` processes on one PostgreSQL store."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.conftest import installed_script, run_script, write_config
from tests.engines import pg_scalar, postgres_database
from tests.loopback import LoopbackServer, Request, Response

SOURCES = 24
# Long enough that the survivors' round ends before the victim's leases expire, on a busy
# machine too.
LEASE_SECONDS = 20


class Feeds:
    """24 review feeds. The first requests (the victim's) hang until it is killed; in the second
    round every feed has one new 1-star review."""

    def __init__(self, server: LoopbackServer) -> None:
        self.round = 1
        self.hang_next = 0
        self.lock = threading.Lock()
        for number in range(SOURCES):
            server.route("GET", f"/feed/{number}", self.answer)

    def answer(self, request: Request) -> Response:
        number = int(request.path.rsplit("/", 1)[1])
        reviews: list[dict[str, Any]] = [
            {"id": f"{number}-{n}", "stars": 5, "text": "Fine"} for n in range(3)
        ]
        if self.round == 2:
            reviews.append({"id": f"{number}-bad", "stars": 1, "text": f"Broken, feed {number}"})
        with self.lock:
            hang = self.hang_next > 0
            self.hang_next -= 1
        # Slow enough that a poller alone would take seconds: the others start in time to share.
        return Response(200, reviews, delay=60 if hang else 0.5)


def _config(folder: Path, server: LoopbackServer) -> Path:
    sources = [
        {
            "name": f"feed-{number:02}",
            "kind": "http_json",
            "url": server.url(f"/feed/{number}"),
            "fields": {"id": "id", "rating": "stars", "body": "text"},
        }
        for number in range(SOURCES)
    ]
    return write_config(
        folder,
        sources,
        settings={"concurrency": 2, "lease_seconds": LEASE_SECONDS},
        extra={"notify": [{"kind": "webhook", "url": server.url("/hook")}]},
    )


def _poller(config: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [installed_script(), "--config", str(config), "--db", url, "poll", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _feed_requests(server: LoopbackServer) -> Counter[str]:
    return Counter(r.path for r in server.requests if r.path.startswith("/feed/"))


@pytest.mark.slow
def test_four_pollers_share_the_sources_and_a_killed_ones_wait_for_its_leases(
    server: LoopbackServer, tmp_path: Path
) -> None:
    feeds = Feeds(server)
    server.route("POST", "/hook", lambda _r: Response(200, "ok"))
    config = _config(tmp_path, server)
    with postgres_database() as url:
        baseline = run_script("--config", config, "--db", url, "poll", "--quiet")
        assert baseline.returncode == 0, baseline.stderr
        server.requests.clear()
        feeds.round, feeds.hang_next = 2, 2
        # The victim claims two sources (its concurrency) and hangs on them; it is killed there.
        victim = _poller(config, url)
        deadline = time.monotonic() + 20
        while len(_feed_requests(server)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        held = set(_feed_requests(server))
        assert len(held) == 2, "the victim never started polling"
        others = [_poller(config, url) for _ in range(3)]
        reports = []
        for poller in others:
            out, err = poller.communicate(timeout=60)
            assert poller.returncode == 0, err
            reports.append(json.loads(out))
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        # Every other source was polled exactly once in this round, by one of the three.
        polled = [source["name"] for report in reports for source in report["sources"]]
        left = [report["leased_elsewhere"] for report in reports]
        assert len(polled) == len(set(polled)) == SOURCES - 2, left
        assert all(len(report["sources"]) > 0 for report in reports), "one poller did all"
        victims_sources = {f"feed-{int(path.rsplit('/', 1)[1]):02}" for path in held}
        assert not victims_sources & set(polled)
        for report in reports:
            assert victims_sources <= set(report["leased_elsewhere"])
        assert all(count == 1 for count in _feed_requests(server).values())
        # After the leases expire, the next poll takes the victim's sources: nothing is lost.
        with psycopg.connect(url) as conn:
            expiry = pg_scalar(conn, "SELECT max(lease_expires_at) FROM sources")
        assert expiry is not None, "the victim's leases are gone before they expired"
        wait = datetime.fromisoformat(expiry) - datetime.now(UTC)
        time.sleep(max(0.0, wait.total_seconds()) + 1.5)
        final = run_script("--config", config, "--db", url, "poll", "--json")
        assert final.returncode == 0, final.stderr
        done = {s["name"]: s for s in json.loads(final.stdout)["sources"]}
        assert set(done) == {f"feed-{n:02}" for n in range(SOURCES)}
        assert all(done[name]["new"] == 1 for name in victims_sources)
        with psycopg.connect(url) as conn:
            reviews = conn.execute(
                "SELECT count(*), count(DISTINCT (source_id, external_id)),"
                " sum(flagged), max(version) FROM reviews"
            ).fetchone()
            assert reviews == (SOURCES * 4, SOURCES * 4, SOURCES, 1)
            outbox = conn.execute(
                "SELECT count(*), count(DISTINCT dedupe_key), count(sent_at) FROM outbox"
            ).fetchone()
            assert outbox == (SOURCES, SOURCES, SOURCES)
            leases = pg_scalar(conn, "SELECT count(lease_owner) FROM sources")
            assert leases == 0
        # Every alert went out exactly once, whichever poller sent it.
        bodies = [r.json() for r in server.requests if r.path == "/hook"]
        keys = Counter(body["review"]["external_id"] for body in bodies)
        assert len(keys) == SOURCES and set(keys.values()) == {1}


def test_pollers_that_start_at_once_on_an_empty_database_migrate_it_once(tmp_path: Path) -> None:
    with postgres_database() as url:
        starts = [
            subprocess.Popen(
                [installed_script(), "--db", url, "stats", "--json"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for process in starts:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            assert json.loads(out)["version"] == 1
        with psycopg.connect(url) as conn:
            versions = conn.execute("SELECT version FROM schema_version").fetchall()
        from reviewwatch.store.migrations import SCHEMA_VERSION

        assert versions == [(SCHEMA_VERSION,)]


def test_poll_worker_polls_every_interval_until_stopped(tmp_path: Path) -> None:
    from tests.filesources import FIELDS, review, write_jsonl

    write_jsonl(tmp_path / "reviews.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": "reviews.jsonl", "fields": FIELDS}],
        settings={"poll_every": "1s"},
    )
    with postgres_database() as url:
        worker = subprocess.Popen(
            [installed_script(), "--config", str(config), "--db", url, "poll", "--worker", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        rounds = 0
        while rounds < 3 and time.monotonic() < deadline:
            time.sleep(0.3)
            with psycopg.connect(url) as conn:
                if pg_scalar(conn, "SELECT to_regclass('polls')") is not None:
                    rounds = pg_scalar(conn, "SELECT count(finished_at) FROM polls")
        worker.send_signal(signal.SIGINT)
        _out, err = worker.communicate(timeout=20)
        assert rounds >= 3, err
        assert worker.returncode == 0, err


def _feed(
    server: LoopbackServer, name: str, delay: float, *, bad: threading.Event | None = None
) -> dict[str, Any]:
    """A feed of one 5-star review, and a 1-star one once `bad` is set."""

    def answer(_request: Request) -> Response:
        reviews = [{"id": f"{name}-1", "stars": 5, "text": name}]
        if bad is not None and bad.is_set():
            reviews.append({"id": f"{name}-2", "stars": 1, "text": f"{name}: cold and late"})
        return Response(200, reviews, delay=delay)

    server.route("GET", f"/{name}", answer)
    return {
        "name": name,
        "kind": "http_json",
        "url": server.url(f"/{name}"),
        "fields": {"id": "id", "rating": "stars", "body": "text"},
    }


@pytest.mark.slow
def test_a_source_slower_than_its_lease_keeps_it_while_it_is_polled(
    server: LoopbackServer, tmp_path: Path
) -> None:
    lease = 10  # the shortest allowed; renewed every third of it
    config = write_config(
        tmp_path, [_feed(server, "slow", delay=lease * 1.6)], settings={"lease_seconds": lease}
    )
    with postgres_database() as url:
        first = _poller(config, url)
        deadline = time.monotonic() + 20
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.requests, "the first poller never asked for the feed"
        # Past the lease as it was claimed: without renewal the second poller would take it.
        time.sleep(lease + 1.5)
        second = run_script("--config", config, "--db", url, "poll", "--json")
        assert second.returncode == 0, second.stderr
        document = json.loads(second.stdout)
        assert document["sources"] == [] and document["leased_elsewhere"] == ["slow"]
        out, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
        assert [s["name"] for s in json.loads(out)["sources"]] == ["slow"]
        assert len(server.requests) == 1
        with psycopg.connect(url) as conn:
            assert pg_scalar(conn, "SELECT count(lease_owner) FROM sources") == 0


def test_a_flagged_review_is_announced_by_one_poller_only(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """The first poller is still sending its alert (a slow webhook) when the second one ends
    its round: the second must not report the first one's review again."""
    server.route("POST", "/hook", lambda _r: Response(200, "ok", delay=4))
    bad = threading.Event()
    sources = [_feed(server, "quick", 0.1, bad=bad), _feed(server, "late", 2.0, bad=bad)]
    config = write_config(
        tmp_path, sources, extra={"notify": [{"kind": "webhook", "url": server.url("/hook")}]}
    )

    def poller(name: str) -> subprocess.Popen[str]:
        command = ["--config", str(config), "--db", url, "poll", "--json", "--source", name]
        return subprocess.Popen(
            [installed_script(), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    with postgres_database() as url:
        baseline = run_script("--config", config, "--db", url, "poll", "--quiet")
        assert baseline.returncode == 0, baseline.stderr
        bad.set()
        pollers = [poller("quick"), poller("late")]
        flagged: list[str] = []
        for process in pollers:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            flagged += [review["external_id"] for review in json.loads(out)["flagged"]]
        assert sorted(flagged) == ["late-2", "quick-2"]
        with psycopg.connect(url) as conn:
            left = pg_scalar(
                conn,
                "SELECT count(*) FROM reviews WHERE announce_version IS NOT NULL"
                " OR announce_claimed_by IS NOT NULL",
            )
        assert left == 0
