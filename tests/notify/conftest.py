"""Fixtures for the notification tests: a polled shop, notifier configs, a real SMTP server."""

from __future__ import annotations

import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from reviewwatch.config import Config, parse_config
from reviewwatch.location import Location, PostgresUrl
from reviewwatch.models import PollReport
from reviewwatch.store import connect
from reviewwatch.store.connection import Connection
from tests.engines import pg_scalar
from tests.filesources import FIELDS, FileShop, review
from tests.loopback import LoopbackServer, Request, Response

SMTP_USER = "alerts@acme.example"
SMTP_PASSWORD = "pa55-w0rd-never-stored"


def notify_config(
    shop: FileShop,
    notifiers: Sequence[Mapping[str, Any]],
    *,
    env: Mapping[str, str] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Config:
    """The shop's source with these [[notify]] tables, validated by the real config parser."""
    data = {
        "settings": {"timezone": "UTC", **(settings or {})},
        "sources": [
            {"name": "shop", "kind": "json_file", "path": shop.data.name, "fields": FIELDS}
        ],
        "notify": [dict(table) for table in notifiers],
    }
    return parse_config(data, base_dir=shop.folder, env=env or {})


@dataclass
class Polled:
    """A shop polled twice: a baseline, then the given reviews on top of it."""

    shop: FileShop
    report: PollReport
    conn: Connection


def poll_new(tmp_path: Path, records: Sequence[Mapping[str, Any]], db: str | None = None) -> Polled:
    """Poll a baseline of one 5-star review, then `records` as new reviews."""
    shop = FileShop(tmp_path, db=db)
    baseline = [review("base", 5, text="Great")]
    shop.write(baseline)
    shop.poll()
    shop.write([*records, *baseline])
    report = shop.poll()
    return Polled(shop, report, connect(shop.db))


@pytest.fixture
def polled(tmp_path: Path, engine_db: str) -> Iterator[Polled]:
    """Two new flagged reviews (Latvian and Chinese) and one new 4-star review, on each
    engine."""
    result = poll_new(
        tmp_path,
        [
            review("lv-1", 1, title="Ļoti slikti", text="Prece salūza pēc nedēļas.", lang="lv"),
            review("zh-1", 2, title="质量很差", text="用了一周就坏了。", lang="zh-CN"),
            review("en-1", 4, text="Fine", lang="en"),
        ],
        engine_db,
    )
    try:
        yield result
    finally:
        result.conn.close()


@dataclass
class Receiver:
    """A webhook receiver on the loopback server: what it got, and how it answers."""

    server: LoopbackServer
    path: str
    answer: Response = field(default_factory=lambda: Response(200, "ok"))

    @property
    def url(self) -> str:
        return self.server.url(self.path)

    @property
    def received(self) -> list[Request]:
        return self.server.requests_to(self.path, "POST")


def receiver(server: LoopbackServer, path: str, answer: Response | None = None) -> Receiver:
    found = Receiver(server, path, answer or Response(200, "ok"))
    server.route("POST", path, lambda request: found.answer)
    return found


@dataclass
class Mailbox:
    """What a real SMTP server on 127.0.0.1 received."""

    host: str
    port: int
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    """Plain SMTP with AUTH (allowed without TLS, as on a local relay) on a free port."""
    box = Mailbox("127.0.0.1", _free_port())

    def authenticate(
        server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        box.logins.append((login, password))
        # handled=False: the server itself answers 535 to a wrong login.
        return AuthResult(success=(login, password) == (SMTP_USER, SMTP_PASSWORD), handled=False)

    controller = Controller(
        box,
        hostname=box.host,
        port=box.port,
        authenticator=authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


def email_table(box: Mailbox, **values: Any) -> dict[str, Any]:
    return {
        "kind": "email",
        "smtp_host": box.host,
        "smtp_port": box.port,
        "security": "none",
        "from": "reviewwatch@acme.example",
        "to": ["care@acme.example", "anna@acme.example"],
        **values,
    }


def database_bytes(db: Location) -> bytes:
    """Every byte the database keeps on disk (main file, and the WAL when there is one); in
    PostgreSQL, every row of every table as text."""
    if isinstance(db, PostgresUrl):
        import psycopg

        with psycopg.connect(db.url) as conn:
            tables = conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
            rows = [
                str(pg_scalar(conn, f"SELECT string_agg(t::text, ' ') FROM {name} t"))
                for (name,) in tables
            ]
        return "\n".join(rows).encode("utf-8")
    parts = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-journal")]
    return b"".join(path.read_bytes() for path in parts if path.exists())
