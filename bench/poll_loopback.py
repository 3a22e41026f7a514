"""Poll: S network sources on a loopback server whose every answer waits 50 ms.

Usage: python bench/poll_loopback.py [--sources S] [--pages P] [--per-page N]
       [--delay SECONDS] [--concurrency C] [--runs R]

The sources cycle through three kinds: `http_json` (a next-page link), `google_play` (a
service-account JWT traded for a token, then `tokenPagination`) and `trustpilot` through its
private API (a password-grant token, then `next-page` links). The server is an asyncio HTTP/1.1
server in a process of its own on 127.0.0.1, with every answer rendered before the clock
starts, so it can hold hundreds of requests at once and costs the poll no CPU.

Each google_play and trustpilot source signs in with an account of its own (an agency's
clients, each with their own), so each asks for a token; with `--one-account` the sources of a
kind share one account (one service account for the apps, one business user for the units) and
a poll asks for one token per kind.

Each run polls a fresh database twice through `reviewwatch.poll.run_poll`: the first poll (a
baseline: every page) and a steady-state poll (nothing new: one list request per source, and
the tokens). Each is compared with its latency bound: the requests a source must make one
after another times the delay, scheduled over C slots in the order the poll starts them.
Beside each, the same requests through plain httpx clients, one per slot, that only parse the
answers ("bare httpx"): what any poll built on httpx costs at the least. Wall and CPU seconds
are medians of R runs.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import tomli_w
from _common import PYTHON, load, machine, median

KINDS = ("http_json", "google_play", "trustpilot")
TOKEN_KINDS = frozenset({"google_play", "trustpilot"})
TP_TOKEN_PATH = "/v1/oauth/oauth-business-users-for-applications/accesstoken"
GP_TOKEN_PATH = "/gp/token"
T = TypeVar("T")
START = 1_780_000_000  # epoch seconds of the newest review


# -- the server (its own process) -------------------------------------------------------------


def _review_times(source: int, page: int, n: int, per_page: int) -> int:
    return START - (source * 100_000) - ((page - 1) * per_page + n) * 60


def _render(kind: str, source: int, page: int, pages: int, per_page: int) -> bytes:
    """One page of a source's listing, as that platform shapes it."""
    items = []
    for n in range(per_page):
        seconds = _review_times(source, page, n, per_page)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
        stars = 1 + (source + page + n) % 5
        key = f"s{source}-p{page}-{n}"
        text = f"Review {key}: the parcel came late and the box was damaged."
        if kind == "http_json":
            items.append({"id": key, "score": stars, "text": text, "when": stamp, "lang": "en"})
        elif kind == "google_play":
            items.append(
                {
                    "reviewId": key,
                    "authorName": f"user {n}",
                    "comments": [
                        {
                            "userComment": {
                                "text": f"Title {n}\t{text}",
                                "lastModified": {"seconds": str(seconds), "nanos": 0},
                                "starRating": stars,
                                "reviewerLanguage": "en",
                            }
                        }
                    ],
                }
            )
        else:
            items.append(
                {
                    "id": key,
                    "stars": stars,
                    "title": f"Title {n}",
                    "text": text,
                    "language": "en",
                    "createdAt": stamp,
                    "consumer": {"displayName": f"user {n}"},
                }
            )
    more = page < pages
    document: dict[str, Any]
    if kind == "http_json":
        document = {"items": items, "next": f"/json/{source}?page={page + 1}" if more else None}
    elif kind == "google_play":
        document = {"reviews": items}
        if more:
            document["tokenPagination"] = {"nextPageToken": str(page + 1)}
    else:
        links = []
        if more:
            href = f"/v1/private/business-units/unit{source}/reviews?page={page + 1}"
            links.append({"href": href, "method": "GET", "rel": "next-page"})
        document = {"reviews": items, "links": links}
    return json.dumps(document).encode()


class _Server:
    def __init__(self, sources: int, pages: int, per_page: int, delay: float) -> None:
        self.delay = delay
        self.pages: dict[tuple[int, int], bytes] = {}
        for source in range(sources):
            kind = KINDS[source % len(KINDS)]
            for page in range(1, pages + 1):
                self.pages[(source, page)] = _render(kind, source, page, pages, per_page)
        self.counts: Counter[str] = Counter()
        self.in_flight = 0
        self.most_in_flight = 0

    def answer(self, method: str, target: str) -> tuple[int, bytes]:
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        path = parts.path
        if path == "/_stats":
            stats = {**self.counts, "most_in_flight": self.most_in_flight}
            return 200, json.dumps(stats).encode()
        if path == "/_reset":
            self.counts.clear()
            self.most_in_flight = 0
            return 200, b"{}"
        if method == "POST" and path in (GP_TOKEN_PATH, TP_TOKEN_PATH):
            self.counts["token"] += 1
            return 200, b'{"access_token": "tok", "expires_in": 3599}'
        self.counts["list"] += 1
        try:
            if path.startswith("/json/"):
                source = int(path.split("/")[2])
                page = int(query.get("page", ["1"])[0])
            elif path.startswith("/androidpublisher/"):
                source = int(path.split("/")[4].removeprefix("com.bench.app"))
                page = int(query.get("token", ["1"])[0])
            else:
                source = int(path.split("/")[4].removeprefix("unit"))
                page = int(query.get("page", ["1"])[0])
            return 200, self.pages[(source, page)]
        except (ValueError, IndexError, KeyError):
            return 404, b'{"error": "no such page"}'

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
                if length:
                    await reader.readexactly(length)
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
                if not target.startswith("/_"):
                    await asyncio.sleep(self.delay)
                status, body = self.answer(method, target)
                self.in_flight -= 1
                writer.write(
                    f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


async def _serve(sources: int, pages: int, per_page: int, delay: float, lifetime: float) -> None:
    server = _Server(sources, pages, per_page, delay)
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0, backlog=1024)
    port = listener.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with listener:
        # Bounded: the server ends on its own even if the parent never stops it.
        await asyncio.sleep(lifetime)


# -- the poll (this process) ------------------------------------------------------------------


def _rsa_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def accounts_of(kinds: list[str], one_account: bool) -> list[str | None]:
    """The account each source signs in with (None: it does not): one per source (an agency's
    clients, each with their own), or one per kind (one owner's apps and business units)."""
    return [
        None if kind not in TOKEN_KINDS else kind if one_account else f"{kind}-{number}"
        for number, kind in enumerate(kinds)
    ]


def write_config(
    folder: Path, base: str, sources: int, concurrency: int, *, one_account: bool = False
) -> Path:
    pem = _rsa_pem()  # one RSA key: loading a key is cached by its text, as it is in a poll
    kinds = [KINDS[source % len(KINDS)] for source in range(sources)]
    tables: list[dict[str, Any]] = []
    for source, (kind, account) in enumerate(
        zip(kinds, accounts_of(kinds, one_account), strict=True)
    ):
        table: dict[str, Any] = {"name": f"s{source}", "kind": kind}
        if kind == "http_json":
            fields = {"id": "id", "rating": "score", "body": "text", "created_at": "when"}
            table.update(url=f"{base}/json/{source}?page=1", items="items", next="next")
            table.update(fields={**fields, "language": "lang"})
        elif kind == "google_play":
            key_file = folder / f"{account}.json"
            if not key_file.exists():
                key = {
                    "type": "service_account",
                    "private_key_id": "k1",
                    "private_key": pem,
                    "client_email": f"{account}@example-project.iam.gserviceaccount.com",
                    "token_uri": base + GP_TOKEN_PATH,
                }
                key_file.write_text(json.dumps(key), encoding="utf-8")
            table.update(base_url=base, package_name=f"com.bench.app{source}")
            table["service_account_file"] = str(key_file)
        else:
            table.update(base_url=base, business_unit_id=f"unit{source}", api_key="key")
            table.update(client_secret="secret", username=account, password="pw")
        tables.append(table)
    document = {
        "settings": {"timezone": "UTC", "concurrency": concurrency},
        "sources": tables,
    }
    path = folder / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def latency_bound(lists: int, accounts: list[str | None], slots: int, delay: float) -> float:
    """Makespan of sources taken in order by `slots` workers: each makes `lists` requests one
    after another, after its account's token (None: no sign-in). A token is asked for once per
    account, by its first source; a source that starts while it is on its way waits for it."""
    finish = [0.0] * max(1, slots)
    heapq.heapify(finish)
    token_ready: dict[str, float] = {}
    for account in accounts:
        start = heapq.heappop(finish)
        if account is not None:
            start = max(start, token_ready.setdefault(account, start + delay))
        heapq.heappush(finish, start + lists * delay)
    return max(finish)


def _list_path(kind: str, source: int, page: int) -> str:
    if kind == "http_json":
        return f"/json/{source}?page={page}"
    if kind == "google_play":
        return f"/androidpublisher/v3/applications/com.bench.app{source}/reviews?token={page}"
    return f"/v1/private/business-units/unit{source}/reviews?page={page}"


async def _bare_poll(
    base: str, kinds: list[str], accounts: list[str | None], pages: int, slots: int
) -> None:
    """The same requests with plain httpx, each answer parsed and nothing else: the floor of
    any poll built on httpx here. One client per slot, each taking the next source when it is
    free (one client shared by every slot is far slower once the slots are many: httpcore
    scans its whole pool, on the event loop, on every request and answer); a token per account,
    asked for by its first source."""
    import httpx

    queue = iter(enumerate(zip(kinds, accounts, strict=True)))
    tls = httpx.create_ssl_context()  # once: loading the CA bundle takes tens of ms
    tokens: dict[str, asyncio.Task[Any]] = {}

    async def token(client: httpx.AsyncClient, kind: str) -> Any:
        token_path = GP_TOKEN_PATH if kind == "google_play" else TP_TOKEN_PATH
        answer = await client.post(token_path, data={"grant_type": "x"})
        return json.loads(answer.content)

    async def slot() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30, verify=tls) as client:
            for number, (kind, account) in queue:
                if account is not None:
                    if account not in tokens:
                        tokens[account] = asyncio.create_task(token(client, kind))
                    await tokens[account]
                for page in range(1, pages + 1):
                    answer = await client.get(_list_path(kind, number, page))
                    json.loads(answer.content)

    await asyncio.gather(*(slot() for _ in range(slots)))


def _timed(run: Callable[..., T], *args: Any) -> tuple[T, float, float]:
    """What `run(*args)` returns, and its wall and CPU seconds in this process (the server
    has a process of its own)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _get(base: str, path: str) -> dict[str, Any]:
    import httpx

    return dict(httpx.get(base + path, timeout=10).json())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--per-page", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, default=8, help="settings.concurrency")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--one-account",
        action="store_true",
        help="the sources of a kind sign in with one account (default: one account each)",
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lifetime", type=float, default=1800, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sources = max(1, min(args.sources, 2000))
    pages = max(1, min(args.pages, 100))
    if args.serve:
        asyncio.run(_serve(sources, pages, args.per_page, args.delay, args.lifetime))
        return 0
    runs = max(1, min(args.runs, 20))
    print(f"machine: {machine()}")
    server = subprocess.Popen(
        [
            PYTHON,
            __file__,
            "--serve",
            f"--sources={sources}",
            f"--pages={pages}",
            f"--per-page={args.per_page}",
            f"--delay={args.delay}",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base = f"http://127.0.0.1:{int(server.stdout.readline())}"
        shape = (sources, pages, args.per_page, args.delay)
        return _bench(base, shape, args.concurrency, runs, one_account=args.one_account)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _bench(
    base: str,
    shape: tuple[int, int, int, float],
    slots: int,
    runs: int,
    *,
    one_account: bool,
) -> int:
    from reviewwatch.config import load_config
    from reviewwatch.poll import run_poll

    sources, pages, per_page, delay = shape
    kinds = [KINDS[s % len(KINDS)] for s in range(sources)]
    accounts = accounts_of(kinds, one_account)
    bounds = {
        "first": latency_bound(pages, accounts, slots, delay),
        "steady": latency_bound(1, accounts, slots, delay),
    }
    signing_in = len({account for account in accounts if account is not None})
    print(
        f"{sources} sources ({', '.join(f'{kinds.count(k)} {k}' for k in KINDS)}), {pages} pages"
        f" of {per_page}, {delay * 1000:.0f} ms per answer, concurrency {slots},"
        f" {signing_in} accounts signed in to"
    )
    print(
        f"$ python bench/poll_loopback.py --sources {sources} --pages {pages} --per-page "
        f"{per_page} --delay {delay} --concurrency {slots} --runs {runs}"
        + (" --one-account" if one_account else "")
    )
    Run = tuple[float, float, dict[str, Any], str]  # wall, CPU, the server's counts, load
    results: dict[tuple[str, str], list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="rw-poll-") as scratch:
        folder = Path(scratch)
        config = load_config(write_config(folder, base, sources, slots, one_account=one_account))
        for run in range(runs):
            db = folder / f"run{run}.db"
            for step in ("first", "steady"):
                _get(base, "/_reset")
                report, wall, cpu = _timed(run_poll, config, db)
                failed = [s for s in report.sources if not s.ok]
                if failed:
                    print(f"{len(failed)} sources failed; first: {failed[0].error}")
                    return 1
                stats = _get(base, "/_stats")
                stats["fetched"] = sum(s.fetched for s in report.sources)
                results.setdefault((step, "reviewwatch"), []).append((wall, cpu, stats, load()))
                print(
                    f"  run {run + 1} {step}: {wall:.3f} s ({cpu:.3f} s CPU),"
                    f" {stats.get('list', 0)} list + {stats.get('token', 0)} token requests,"
                    f" {stats['fetched']} reviews,"
                    f" at most {stats['most_in_flight']} in flight"
                )
                # The same requests with nothing read or stored: the page count of each source
                # is what the poll fetched (all of them first, the newest page once steady).
                bare_pages = pages if step == "first" else 1
                _get(base, "/_reset")
                bare = _bare_poll(base, kinds, accounts, bare_pages, slots)
                _, wall, cpu = _timed(asyncio.run, bare)
                stats = {**_get(base, "/_stats"), "fetched": 0}
                results.setdefault((step, "bare httpx"), []).append((wall, cpu, stats, load()))
    print()
    print(
        "| poll | client | wall s | CPU s | bound s | x bound | list req/source | token req"
        " | reviews | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (step, client), measured in results.items():
        wall = median([r[0] for r in measured])
        cpu = median([r[1] for r in measured])
        stats = measured[-1][2]
        reviews = str(stats["fetched"]) if client == "reviewwatch" else "-"
        print(
            f"| {step} | {client} | {wall:.3f} | {cpu:.3f} | {bounds[step]:.3f} |"
            f" {wall / bounds[step]:.2f} | {stats.get('list', 0) / sources:.2f} |"
            f" {stats.get('token', 0)} | {reviews} | {'/'.join(r[3] for r in measured)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
