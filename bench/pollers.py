"""Pollers on several machines: S sources shared by P `reviewwatch poll` processes on one
PostgreSQL database.

Usage: python bench/pollers.py [--sources S] [--pollers P] [--concurrency C] [--delay SECONDS]
       [--reviews N] [--server URL] [--runs R]

The sources are `http_json` feeds of N reviews (one page) on a loopback asyncio server in a
process of its own, every answer `--delay` late. Each run makes a fresh database on the
PostgreSQL server (`--server`, else $REVIEWWATCH_TEST_POSTGRES, else postgres@127.0.0.1) and
starts P pollers at once, twice: the first round stores every source's baseline; before the
second, every feed gets one new 1-star review, so the second round flags S reviews and sends
S alerts to a webhook on the same server (answered at once). For each round: the wall time of
the whole round (the P processes, start-up included) against its latency bound (the feeds'
answers spread over P x C slots: ceil(S / (P x C)) x delay), the CPU time the P processes used
together (divided by the machine's cores: the least wall time they could take here), how many
times each feed was asked for (exactly once is the goal), how the sources fell to the pollers,
and for the second round the alerts received per flagged review (exactly once).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

import tomli_w
from _common import PYTHON, load, machine, median

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


# -- the feeds and the webhook (their own process) --------------------------------------------


class _Feeds:
    def __init__(self, reviews: int, delay: float) -> None:
        self.reviews = reviews
        self.delay = delay
        self.second_round = False
        self.asked: Counter[str] = Counter()
        self.alerts: Counter[str] = Counter()

    def answer(self, method: str, path: str, body: bytes) -> bytes:
        if path == "/_round2":
            self.second_round = True
            self.asked.clear()
            return b"{}"
        if path == "/_stats":
            return json.dumps({"asked": self.asked, "alerts": self.alerts}).encode()
        if method == "POST" and path == "/hook":
            document = json.loads(body)
            self.alerts[str(document.get("review", {}).get("external_id"))] += 1
            return b"{}"
        number = int(path.rsplit("/", 1)[1])
        self.asked[path] += 1
        reviews = [
            {"id": f"{number}-{n}", "stars": 5, "text": f"Fine, number {n}"}
            for n in range(self.reviews)
        ]
        if self.second_round:
            reviews.insert(0, {"id": f"{number}-bad", "stars": 1, "text": "Cold and late"})
        return json.dumps(reviews).encode()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                for line in lines[1:]:
                    if line.lower().startswith("content-length:"):
                        length = int(line.split(":", 1)[1])
                body = await reader.readexactly(length) if length else b""
                path = urlsplit(target).path
                if path.startswith("/feed/"):
                    await asyncio.sleep(self.delay)
                payload = self.answer(method, path, body)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(payload)}\r\n\r\n".encode()
                    + payload
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


async def _serve(reviews: int, delay: float, lifetime: float) -> None:
    feeds = _Feeds(reviews, delay)
    listener = await asyncio.start_server(feeds.handle, "127.0.0.1", 0, backlog=2048)
    print(listener.sockets[0].getsockname()[1], flush=True)
    async with listener:
        await asyncio.sleep(lifetime)  # bounded: ends on its own if the parent never stops it


# -- the pollers (this process) ---------------------------------------------------------------


def _call(base: str, path: str) -> dict[str, Any]:
    with urlopen(Request(base + path), timeout=10) as answer:  # loopback only
        result: dict[str, Any] = json.loads(answer.read())
        return result


def _new_database(server: str) -> tuple[str, str]:
    import psycopg

    name = f"reviewwatch_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
    return name, urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def _drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


def _write_config(folder: Path, base: str, sources: int, concurrency: int) -> Path:
    document = {
        "settings": {"concurrency": concurrency, "timezone": "UTC"},
        "sources": [
            {
                "name": f"feed-{number:04}",
                "kind": "http_json",
                "url": f"{base}/feed/{number}",
                "fields": {"id": "id", "rating": "stars", "body": "text"},
            }
            for number in range(sources)
        ],
        "notify": [{"kind": "webhook", "url": f"{base}/hook"}],
    }
    path = folder / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def _script() -> str:
    beside = Path(PYTHON).with_name("reviewwatch")
    return str(beside) if beside.exists() else "reviewwatch"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _round(config: Path, url: str, pollers: int) -> tuple[float, float, list[dict[str, Any]]]:
    """P pollers started at once; the wall time until the last one ends, the CPU seconds they
    used together, and their reports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWWATCH_")}
    command = [_script(), "--config", str(config), "--db", url, "poll", "--json"]
    cpu = _children_cpu()
    started = time.perf_counter()
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(pollers)
    ]
    outputs = [process.communicate(timeout=1800) for process in processes]
    wall = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    reports = []
    for process, (out, err) in zip(processes, outputs, strict=True):
        if process.returncode != 0:
            sys.stderr.write(err.decode(errors="replace")[-2000:])
            raise SystemExit(f"a poller exited with status {process.returncode}")
        reports.append(json.loads(out))
    return wall, cpu, reports


def _shares(reports: list[dict[str, Any]]) -> tuple[int, int, str]:
    """Sources polled in all, polled more than once, and each poller's share."""
    names = [source["name"] for report in reports for source in report["sources"]]
    doubled = sum(count - 1 for count in Counter(names).values() if count > 1)
    shares = "/".join(str(len(report["sources"])) for report in reports)
    return len(set(names)), doubled, shares


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--pollers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--reviews", type=int, default=20, help="reviews per feed")
    parser.add_argument("--server", default=os.environ.get("REVIEWWATCH_TEST_POSTGRES"))
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    server = args.server or DEFAULT_SERVER
    try:
        import psycopg

        psycopg.connect(server, connect_timeout=3).close()
    except Exception as error:  # no psycopg, or no server: say so and skip
        print(f"machine: {machine()}")
        print(f"skipped: no PostgreSQL at {server} ({type(error).__name__}: {error})")
        return 0
    print(f"machine: {machine()}")
    print(
        f"command: python bench/pollers.py --sources {args.sources} --pollers {args.pollers}"
        f" --concurrency {args.concurrency} --delay {args.delay} --reviews {args.reviews}"
        f" --runs {args.runs}"
    )
    bound = math.ceil(args.sources / (args.pollers * args.concurrency)) * args.delay
    rows: dict[str, list[tuple[float, float, int, int, str, str]]] = {
        "baseline": [],
        "new reviews": [],
    }
    alert_checks: list[tuple[int, int, int]] = []
    for _run in range(max(1, args.runs)):
        serving = subprocess.Popen(
            [PYTHON, __file__, "--serve", str(args.reviews), str(args.delay)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert serving.stdout is not None
        base = f"http://127.0.0.1:{serving.stdout.readline().strip()}"
        name, url = _new_database(server)
        try:
            with tempfile.TemporaryDirectory(prefix="rw-pollers-") as folder:
                config = _write_config(Path(folder), base, args.sources, args.concurrency)
                for step in ("baseline", "new reviews"):
                    if step == "new reviews":
                        _call(base, "/_round2")
                    wall, cpu, reports = _round(config, url, args.pollers)
                    polled, doubled, shares = _shares(reports)
                    asked = _call(base, "/_stats")["asked"]
                    once = sum(1 for count in asked.values() if count == 1)
                    share = f"{shares} (load {load()})"
                    once_text = f"{once}/{args.sources}"
                    rows[step].append((wall, cpu, polled, doubled, once_text, share))
                    print(f"run {_run + 1}, {step}: {wall:.2f} s wall, {cpu:.2f} s CPU, {share}")
                alerts = _call(base, "/_stats")["alerts"]
                values = list(alerts.values())
                alert_checks.append((len(alerts), sum(values), max(values, default=0)))
        finally:
            _drop_database(server, name)
            serving.terminate()
            serving.wait(timeout=10)
    print()
    print(
        f"latency bound: ceil({args.sources} / ({args.pollers} x {args.concurrency})) x"
        f" {args.delay} s = {bound:.2f} s"
    )
    print()
    cores = os.cpu_count() or 1
    print(
        "| round | wall s | x bound | pollers' CPU s | CPU s / cores | sources polled |"
        " polled twice | feeds asked once | sources per poller |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for step, runs in rows.items():
        wall = median([run[0] for run in runs])
        cpu = median([run[1] for run in runs])
        last = runs[-1]
        print(
            f"| {step} | {wall:.2f} | {wall / bound:.1f} | {cpu:.2f} | {cpu / cores:.2f} |"
            f" {last[2]} | {last[3]} | {last[4]} | {last[5]} |"
        )
    flagged, received, most = alert_checks[-1]
    print()
    print(f"alerts: {received} received for {flagged} flagged reviews, at most {most} per review")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        asyncio.run(_serve(int(sys.argv[2]), float(sys.argv[3]), lifetime=3600))
        raise SystemExit(0)
    raise SystemExit(main())
