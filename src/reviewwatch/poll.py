"""One poll: fetch every source at once (bounded), diff against the store, write, report.

This module puts a poll together: it picks and builds the sources, registers them, polls the
local files one at a time and then the network sources at once (at most `concurrency` of them),
settles the pending replies and builds the report. One source's poll (claimed, fetched, diffed
and committed on its own, so that one failing source never loses or blocks the others) is in
`reviewwatch.poll_source`; what a poll tells, and how it remembers what is still to tell, in
`reviewwatch.announce`.

A network source has a deadline (`[settings] source_deadline`) and the poll one for all of them
(`poll_deadline`): a slow or hostile host fails its own source, and every other source is
still read, written and reported.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx

from reviewwatch.announce import mark_announced, poll_report
from reviewwatch.config import Config
from reviewwatch.errors import UserError
from reviewwatch.location import Location
from reviewwatch.models import PollReport, utc_now
from reviewwatch.poll_settings import PollSettings, Progress, ProgressCallback
from reviewwatch.poll_source import Claims, Deadline, Outcome, poll_source
from reviewwatch.secrets import option_secrets, scrub
from reviewwatch.sources.base import Source, SourceConfig
from reviewwatch.sources.http import (
    DEFAULT_MAX_ANSWER_BYTES,
    RetryPolicy,
    SourceClients,
    SourceHttp,
)
from reviewwatch.sources.registry import load_kind
from reviewwatch.sources.tokens import SharedTokens
from reviewwatch.store import PollLock, connect, dialect, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.store.leases import LeaseKeeper, precise
from reviewwatch.store.writer import settle_pending_replies
from reviewwatch.suggest import unknown_name

# The names other modules import from here; the settings and progress types are defined in
# `reviewwatch.poll_settings` so that one source's poll can use them without importing this.
__all__ = [
    "PollSettings",
    "Progress",
    "ProgressCallback",
    "build_sources",
    "poll_sources",
    "run_poll",
    "scrub_secrets",
    "select_sources",
]


def build_sources(
    configs: Sequence[SourceConfig],
    client_for: Callable[[], httpx.AsyncClient] | None,
    retry: RetryPolicy,
    *,
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
) -> list[Source]:
    """The sources of these configs; each network source gets `client_for()` (None: offline).

    Sources that sign in with the same credential share its access token.
    """
    sources = []
    tokens = SharedTokens()
    for config in configs:
        source_class = load_kind(config.kind)
        if source_class is None:
            raise UserError(f"source {config.name!r}: kind {config.kind!r} is not available")
        http = None
        if source_class.network and client_for is not None:
            http = SourceHttp(
                client_for(),
                source=config.name,
                timeout=config.timeout,
                retry=retry,
                tokens=tokens,
                max_bytes=max_answer_bytes,
            )
        sources.append(source_class(config, http=http))
    return sources


def select_sources(config: Config, names: Sequence[str]) -> tuple[SourceConfig, ...]:
    """The configured sources with these names (every one when none are named); a UserError
    when nothing is configured or a name is not."""
    if not config.sources:
        where = f" in {config.path}" if config.path else " (no config file yet: `reviewwatch init`)"
        raise UserError(f"no sources are configured{where}")
    for name in names:
        if config.source(name) is None:
            known = [source.name for source in config.sources]
            raise UserError(unknown_name("source", name, known))
    return tuple(s for s in config.sources if not names or s.name in names)


def scrub_secrets(message: str, config: SourceConfig) -> str:
    """An error message with every secret of the source (in every form) blanked out: a
    platform may echo a credential back in an error body, and the message is stored and shown."""
    return scrub(message, option_secrets(config.options))


def run_poll(
    config: Config,
    db_path: Location,
    *,
    names: Sequence[str] = (),
    full: bool = False,
    accept_removals: bool = False,
    progress: ProgressCallback | None = None,
    retry: RetryPolicy | None = None,
    after: Callable[[Connection, PollReport], PollReport] | None = None,
    round_started: datetime | None = None,
) -> PollReport:
    """Poll the configured (or named) sources into the database at `db_path`.

    `after` runs on the report while the poll lock is still held (triage and notifications,
    so that two polls never deliver the same alert); its result is returned.
    Raises LockedError when another poll holds a SQLite database. On PostgreSQL several polls
    share the sources instead: each source is leased to one of them (`store.leases`).
    """
    configs = select_sources(config, names)
    settings = PollSettings(
        full=full,
        concurrency=config.settings.concurrency,
        sla_hours=config.settings.response_sla_hours,
        retry=retry or RetryPolicy(),
        lease_seconds=config.settings.lease_seconds,
        round_started=round_started,
        business_of={s.name: _business_name(config, s) for s in configs},
        sla_of={s.name: config.sla_hours(s.business) for s in configs},
        source_deadline=config.settings.source_deadline,
        poll_deadline=config.settings.poll_deadline,
        max_answer_bytes=int(config.settings.max_answer_mb * 1024 * 1024),
        max_removed_share=config.settings.max_removed_share,
        accept_removals=accept_removals,
    )
    lock = PollLock(db_path) if isinstance(db_path, Path) else contextlib.nullcontext()
    with lock:
        conn = connect(db_path)
        try:
            report = asyncio.run(_poll_with_client(conn, configs, settings, progress))
            if after is not None:
                report = after(conn, report)
            # Only now, with the alerts queued and the report out, are they announced: a poll
            # that dies before this line leaves them to the next one.
            mark_announced(conn, report)
            return report
        finally:
            conn.close()


def _business_name(config: Config, source: SourceConfig) -> str | None:
    profile = config.business_named(source.business)
    return (profile.name or None) if profile is not None else source.business


async def _poll_with_client(
    conn: Connection,
    configs: Sequence[SourceConfig],
    settings: PollSettings,
    progress: ProgressCallback | None,
) -> PollReport:
    # Clients (and their TLS set-up, a tenth of a second) are made only for network sources.
    async with SourceClients(settings.concurrency) as clients:
        sources = build_sources(
            configs, clients.new, settings.retry, max_answer_bytes=settings.max_answer_bytes
        )
        return await poll_sources(conn, sources, settings=settings, progress=progress)


async def poll_sources(
    conn: Connection,
    sources: Sequence[Source],
    *,
    settings: PollSettings,
    progress: ProgressCallback | None = None,
    now: datetime | None = None,
) -> PollReport:
    """Poll already built sources; the caller holds the poll lock."""
    started = now or utc_now()
    with transaction(conn):
        poll_id = int(
            conn.execute(
                "INSERT INTO polls (started_at, began_at) VALUES (?, ?) RETURNING id",
                # began_at: when its round began, to the microsecond (see store.leases).
                (to_text(started), precise(settings.round_started or datetime.now(UTC))),
            ).fetchone()[0]
        )
    _register_sources(conn, sources, settings)
    # Local files first, one at a time: they write as they read and never wait on the network.
    local = [source for source in sources if not source.network]
    remote = [source for source in sources if source.network]
    claims = Claims(conn, settings, poll_id)
    limit = asyncio.Semaphore(settings.concurrency)
    loop = asyncio.get_running_loop()

    async def bounded(source: Source, poll_ends: float) -> Outcome | None:
        async with limit:
            own_end = loop.time() + settings.source_deadline
            deadline = (
                Deadline(poll_ends, "poll_deadline", settings.poll_deadline)
                if poll_ends < own_end
                else Deadline(own_end, "source_deadline", settings.source_deadline)
            )
            return await poll_source(
                conn, source, poll_id, started, settings, progress, claims, deadline=deadline
            )

    with _lease_keeper(conn, settings):
        found = [
            await poll_source(conn, source, poll_id, started, settings, progress, claims)
            for source in local
        ]
        poll_ends = loop.time() + settings.poll_deadline
        found += await asyncio.gather(*(bounded(source, poll_ends) for source in remote))
    outcomes = [outcome for outcome in found if outcome is not None]
    with transaction(conn):
        # Replies whose outcome was unknown are settled by what the platforms now show.
        settle_pending_replies(conn, started)
        conn.execute("UPDATE polls SET finished_at = ? WHERE id = ?", (to_text(utc_now()), poll_id))
    report = poll_report(conn, poll_id, outcomes, claim_seconds=settings.lease_seconds)
    return replace(report, leased_elsewhere=tuple(claims.refused))


def _lease_keeper(
    conn: Connection, settings: PollSettings
) -> contextlib.AbstractContextManager[object]:
    """On PostgreSQL, what renews this poll's leases while it runs (see `LeaseKeeper`)."""
    sibling = getattr(conn, "sibling", None)
    if dialect.dialect_of(conn) == dialect.SQLITE or sibling is None:
        return contextlib.nullcontext()
    return LeaseKeeper(sibling, settings.lease_seconds)


def _register_sources(conn: Connection, sources: Sequence[Source], settings: PollSettings) -> None:
    """Create the rows of sources seen for the first time and update those whose kind,
    platform or business changed: one read, and writes only for what changed (pollers that
    start together never wait on one another's rows)."""
    stored = {
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute("SELECT name, kind, platform, business FROM sources")
    }
    changed = []
    for source in sources:
        config = source.config
        business = settings.business_of.get(source.name, config.business)
        values = (config.kind, config.platform, business)
        if stored.get(config.name) != values:
            changed.append((config.name, *values))
    if not changed:
        return
    with transaction(conn):
        conn.executemany(
            "INSERT INTO sources (name, kind, platform, business) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
            " platform = excluded.platform, business = excluded.business",
            changed,
        )
