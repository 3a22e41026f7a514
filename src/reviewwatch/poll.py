"""One poll: fetch every source at once (bounded), diff against the store, write, report.

Each source is committed on its own, so one failing source never loses or blocks the others.
Network sources stage their changes while they page, then write them in one short transaction;
local files are written page by page inside one transaction (they can be millions of rows).
Both ways, a source's writes happen with no `await` in between, so sources never interleave
inside a transaction on the shared connection. Every wait on the database holds up the whole
poll (the waits, unlike the answers, do not overlap), so a network source costs PostgreSQL few
round trips: one to claim and read its row, one per page to read what is stored, one for new
ids, and one for its whole write transaction (sent as a pipeline).

A network source has a deadline (`[settings] source_deadline`) and the poll one for all of them
(`poll_deadline`): a slow or hostile host fails its own source, and every other source is
still read, written and reported.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from reviewwatch.config import Config
from reviewwatch.errors import ReviewwatchError, SourceError, StoreError, UserError
from reviewwatch.location import Location
from reviewwatch.models import FetchedReview, PollReport, RecordProblem, SourceReport, utc_now
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
from reviewwatch.store import (
    PollLock,
    connect,
    dialect,
    from_text,
    get_reviews,
    to_text,
    transaction,
)
from reviewwatch.store.connection import Connection
from reviewwatch.store.leases import (
    LeaseKeeper,
    SourceRow,
    claim_source,
    poller_name,
    precise,
    release_sql,
    release_values,
    round_start,
)
from reviewwatch.store.writer import PageDiff, SourceWriter, WriteResult, settle_pending_replies


@dataclass(frozen=True, slots=True)
class Progress:
    """A step of a source's poll, for a progress display."""

    source: str
    pages: int
    fetched: int
    done: bool = False
    error: str | None = None


ProgressCallback = Callable[[Progress], None]
Reviews = tuple[FetchedReview, ...]


@dataclass(frozen=True, slots=True)
class PollSettings:
    full: bool = False
    concurrency: int = 8
    sla_hours: int = 24
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    # PostgreSQL: how long a claimed source stays this poller's, and the start of the round
    # (a source polled by another poller since then is not polled again). Ignored by SQLite.
    lease_seconds: int = 300
    round_started: datetime | None = None
    # By source name: the business stored with it and its reply deadline (else `sla_hours`).
    business_of: Mapping[str, str | None] = field(default_factory=dict)
    sla_of: Mapping[str, int] = field(default_factory=dict)
    source_deadline: float = 300.0  # seconds a network source may take, retries included
    poll_deadline: float = 1800.0  # seconds all the network sources of a poll may take
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    # A complete listing that loses more than this share of its stored reviews at once fails
    # (a half-written export file) unless the removals are accepted.
    max_removed_share: float = 0.5
    accept_removals: bool = False


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
    if not config.sources:
        where = f" in {config.path}" if config.path else " (no config file yet: `reviewwatch init`)"
        raise UserError(f"no sources are configured{where}")
    unknown = [name for name in names if config.source(name) is None]
    if unknown:
        known = ", ".join(source.name for source in config.sources)
        raise UserError(f"no source named {', '.join(map(repr, unknown))} (configured: {known})")
    return tuple(s for s in config.sources if not names or s.name in names)


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
    claims = _Claims(conn, settings, poll_id)
    limit = asyncio.Semaphore(settings.concurrency)
    loop = asyncio.get_running_loop()

    async def bounded(source: Source, poll_ends: float) -> _Outcome | None:
        async with limit:
            own_end = loop.time() + settings.source_deadline
            deadline = (
                _Deadline(poll_ends, "poll_deadline", settings.poll_deadline)
                if poll_ends < own_end
                else _Deadline(own_end, "source_deadline", settings.source_deadline)
            )
            return await _poll_source(
                conn, source, poll_id, started, settings, progress, claims, deadline=deadline
            )

    with _lease_keeper(conn, settings):
        found = [
            await _poll_source(conn, source, poll_id, started, settings, progress, claims)
            for source in local
        ]
        poll_ends = loop.time() + settings.poll_deadline
        found += await asyncio.gather(*(bounded(source, poll_ends) for source in remote))
    outcomes = [outcome for outcome in found if outcome is not None]
    with transaction(conn):
        # Replies whose outcome was unknown are settled by what the platforms now show.
        settle_pending_replies(conn, started)
        conn.execute("UPDATE polls SET finished_at = ? WHERE id = ?", (to_text(utc_now()), poll_id))
    report = _report(conn, poll_id, outcomes, claim_seconds=settings.lease_seconds)
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


class _Claims:
    """The sources this poll may poll (all of them, in SQLite), and those it left to others."""

    def __init__(self, conn: Connection, settings: PollSettings, poll_id: int) -> None:
        self.settings = settings
        # To the microsecond (utc_now() is to the second): polls may follow within a second.
        self.round_started = round_start(
            conn,
            settings.round_started or datetime.now(UTC),
            poll_id=poll_id,
            lease_seconds=settings.lease_seconds,
        )
        self.refused: list[str] = []

    def take(self, conn: Connection, name: str) -> SourceRow | None:
        """The source's row, claimed for this poll; None when it is left to another poller."""
        row = claim_source(
            conn,
            name,
            now=utc_now(),
            lease_seconds=self.settings.lease_seconds,
            not_attempted_since=self.round_started,
        )
        if row is None:
            self.refused.append(name)
        return row


@dataclass(frozen=True, slots=True)
class _Deadline:
    """When a network source must be done (event loop time), and which setting says so."""

    at: float
    setting: str
    seconds: float

    def message(self) -> str:
        if self.setting == "poll_deadline":
            return (
                f"stopped: the poll's deadline of {self.seconds:g} s passed "
                "([settings] poll_deadline)"
            )
        return (
            f"stopped after {self.seconds:g} s: the source's deadline passed "
            "([settings] source_deadline)"
        )


@dataclass(slots=True)
class _Outcome:
    report: SourceReport
    writes: WriteResult
    problems: list[RecordProblem]


_MARKS = {"announce": "announce_version", "rating": "rating_change_version"}


def to_tell(conn: Connection, *, claim_seconds: int = 300) -> dict[str, dict[int, int]]:
    """What no poll has told yet, by review id and the version that set the mark: flagged
    reviews (`announce`) and rating changes of flagged or formerly flagged ones (`rating`).

    The marks are written in the same transaction as the change, so they survive a poll that
    dies (killed, out of memory, a crash) before its alerts were queued or its report printed.
    On PostgreSQL the marked reviews are claimed for this poller in one statement (`FOR UPDATE
    SKIP LOCKED`) until `claim_seconds` from now, so that exactly one of several pollers tells
    each; a poller that dies first leaves them to a poll after that. In SQLite the poll lock
    already makes this poll the only one.
    """
    marked = "(announce_version IS NOT NULL OR rating_change_version IS NOT NULL)"
    if dialect.dialect_of(conn) == dialect.SQLITE:
        # A UNION, so that each half reads its partial index: with OR, SQLite scans every
        # review on every poll.
        columns = "SELECT id, announce_version, rating_change_version FROM reviews"
        rows = conn.execute(
            f"{columns} WHERE announce_version IS NOT NULL"
            f" UNION {columns} WHERE rating_change_version IS NOT NULL"
        ).fetchall()
    else:
        now = utc_now()
        rows = conn.execute(
            "UPDATE reviews SET announce_claimed_by = ?, announce_claimed_until = ?"
            f" WHERE id IN (SELECT id FROM reviews WHERE {marked} AND"
            " (announce_claimed_until IS NULL OR announce_claimed_until <= ?"
            " OR announce_claimed_by = ?)" + dialect.skip_locked(conn) + ")"
            " RETURNING id, announce_version, rating_change_version",
            (
                poller_name(),
                to_text(now + timedelta(seconds=claim_seconds)),
                to_text(now),
                poller_name(),
            ),
        ).fetchall()
    rows.sort()
    return {
        "announce": {int(row[0]): int(row[1]) for row in rows if row[1] is not None},
        "rating": {int(row[0]): int(row[2]) for row in rows if row[2] is not None},
    }


def mark_announced(conn: Connection, report: PollReport) -> None:
    """Clear the "to announce" and "to tell" marks of what this report told, and on
    PostgreSQL this poller's claims on those reviews (a version marked since stays marked)."""
    if not report.announce_versions and not report.rating_change_versions:
        return
    told = {"announce": report.announce_versions, "rating": report.rating_change_versions}
    with transaction(conn):
        for kind, versions in told.items():
            column = _MARKS[kind]
            conn.executemany(
                f"UPDATE reviews SET {column} = NULL WHERE id = ? AND {column} = ?",
                list(versions.items()),
            )
        if dialect.dialect_of(conn) != dialect.SQLITE:
            reviews = {*report.announce_versions, *report.rating_change_versions}
            conn.executemany(
                "UPDATE reviews SET announce_claimed_by = NULL, announce_claimed_until = NULL"
                " WHERE id = ? AND announce_claimed_by = ?",
                [(review_id, poller_name()) for review_id in sorted(reviews)],
            )


def _report(
    conn: Connection, poll_id: int, outcomes: Sequence[_Outcome], *, claim_seconds: int
) -> PollReport:
    new = [review_id for outcome in outcomes for review_id in outcome.writes.new]
    updated = [review_id for outcome in outcomes for review_id in outcome.writes.updated]
    # Read from the marks, not from this poll's writes: they include what an earlier poll
    # flagged but died before announcing.
    marks = to_tell(conn, claim_seconds=claim_seconds)
    announce, rating_changes = marks["announce"], marks["rating"]
    return PollReport(
        poll_id=poll_id,
        sources=tuple(outcome.report for outcome in outcomes),
        new=tuple(get_reviews(conn, new)),
        updated=tuple(get_reviews(conn, updated)),
        flagged=tuple(get_reviews(conn, list(announce))),
        announce_versions=announce,
        rating_changed=tuple(get_reviews(conn, list(rating_changes))),
        rating_change_versions=rating_changes,
        baseline=sum(outcome.writes.baseline for outcome in outcomes),
        problems=tuple(problem for outcome in outcomes for problem in outcome.problems),
    )


_MAPPING_OPTIONS = ("fields", "columns", "items", "rating_map", "encoding", "delimiter")


def mapping_fingerprint(config: SourceConfig) -> str | None:
    """A hash of how a generic source maps its data to review fields (None: nothing mapped)."""
    import hashlib
    import json

    chosen = {key: config.options[key] for key in _MAPPING_OPTIONS if key in config.options}
    if "fields" not in chosen and "columns" not in chosen:
        return None
    text = json.dumps(chosen, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _business_name(config: Config, source: SourceConfig) -> str | None:
    profile = config.business_named(source.business)
    return (profile.name or None) if profile is not None else source.business


@dataclass(frozen=True, slots=True)
class _SourceRow:
    id: int
    baseline: bool  # its next poll is a baseline
    remap: bool  # its field mapping changed since its last successful poll
    last_success: datetime | None


def _source_row(row: SourceRow, config: SourceConfig) -> _SourceRow:
    baseline = row.baseline_at is None
    remap = not baseline and row.mapping is not None and row.mapping != mapping_fingerprint(config)
    return _SourceRow(row.id, baseline, remap, from_text(row.last_success_at))


async def _poll_source(
    conn: Connection,
    source: Source,
    poll_id: int,
    now: datetime,
    settings: PollSettings,
    progress: ProgressCallback | None,
    claims: _Claims,
    *,
    deadline: _Deadline | None = None,
) -> _Outcome | None:
    claimed = claims.take(conn, source.name)
    if claimed is None:
        return None
    # The lease is given back in the statement that writes the outcome (or, if the poller
    # dies, it expires).
    row = _source_row(claimed, source.config)
    return await _poll_claimed(conn, source, row, poll_id, now, settings, progress, deadline)


async def _poll_claimed(
    conn: Connection,
    source: Source,
    row: _SourceRow,
    poll_id: int,
    now: datetime,
    settings: PollSettings,
    progress: ProgressCallback | None,
    deadline: _Deadline | None,
) -> _Outcome:
    source_id, baseline, remap = row.id, row.baseline, row.remap
    complete = (settings.full or source.complete_listing) and source.removal_detectable
    writer = SourceWriter(
        conn,
        source_id=source_id,
        poll_id=poll_id,
        now=now,
        flag_max_stars=source.config.flag_max_stars,
        sla_hours=settings.sla_of.get(source.name, settings.sla_hours),
        baseline=baseline,
        # A first poll has nothing stored that could have gone missing.
        track_seen=complete and not baseline,
        remap=remap,
    )
    walk = _Walk(source, writer, walk_all=settings.full or complete or baseline, progress=progress)
    try:
        if source.network:
            since = None if walk.walk_all else row.last_success
            if deadline is None:
                diffs = await walk.collect(since=since)
            else:
                try:
                    async with asyncio.timeout_at(deadline.at):
                        diffs = await walk.collect(since=since)
                except TimeoutError:
                    raise SourceError(deadline.message()) from None
            walk.write(diffs, complete, now, settings)
        else:
            # Committed in batches, so that other commands wait seconds, not minutes; a poll
            # that dies half-way leaves whole batches, and the next poll writes the rest.
            with _Batches(conn) as batches:
                writer.begin()
                await walk.stream(batches)
                walk.finish(complete, now, settings)
    except StoreError:
        raise  # the store itself failed (PostgreSQL gone, a missing privilege): not the source
    except ReviewwatchError as error:
        return walk.failed(conn, source_id, now, error)
    except sqlite3.Error:
        raise  # the store itself failed (disk full, busy): no source is to blame
    except Exception as error:
        # An adapter bug or an unexpected payload must not take the other sources down.
        failure = SourceError(f"{type(error).__name__}: {error}")
        return walk.failed(conn, source_id, now, failure)
    walk.notify(done=True)
    return walk.outcome(baseline)


def scrub_secrets(message: str, config: SourceConfig) -> str:
    """An error message with every secret of the source (in every form) blanked out: a
    platform may echo a credential back in an error body, and the message is stored and shown."""
    return scrub(message, option_secrets(config.options))


class _Batches:
    """The write transaction of a local file's poll, committed every `seconds` of work."""

    def __init__(self, conn: Connection, seconds: float = 1.0, pause: float = 0.1) -> None:
        self.conn = conn
        self.seconds = seconds
        # After a commit, long enough for a waiting command's busy handler to get its turn.
        self.pause = pause
        self.started = 0.0

    def __enter__(self) -> _Batches:
        self.conn.execute(dialect.begin_sql(self.conn))
        self.started = time.monotonic()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    async def maybe_commit(self) -> None:
        if time.monotonic() - self.started < self.seconds:
            return
        self.conn.execute("COMMIT")
        await asyncio.sleep(self.pause)
        self.conn.execute(dialect.begin_sql(self.conn))
        self.started = time.monotonic()


class _Walk:
    """The pages of one source's poll: fetched, diffed, counted."""

    def __init__(
        self,
        source: Source,
        writer: SourceWriter,
        *,
        walk_all: bool,
        progress: ProgressCallback | None,
    ) -> None:
        self.source = source
        self.writer = writer
        self.walk_all = walk_all
        self.progress = progress
        self.pages = 0
        self.fetched = 0
        self.problems: list[RecordProblem] = []
        self.warnings: list[str] = []

    async def collect(self, *, since: datetime | None) -> list[tuple[PageDiff, Reviews]]:
        diffs = []
        async with contextlib.aclosing(self.source.fetch(since=since)) as pages:
            async for page in pages:
                self.warnings += page.warnings
                diff = self._take(page.reviews, page.problems)
                diffs.append((diff, page.reviews))
                if diff.nothing_new and not self.walk_all:
                    break
        self._check_readable()
        return diffs

    def write(
        self,
        diffs: Sequence[tuple[PageDiff, Reviews]],
        complete: bool,
        now: datetime,
        settings: PollSettings,
    ) -> None:
        """A network source's pages, in one transaction with its outcome: on PostgreSQL
        its new ids first, then the transaction in one round trip."""
        conn = self.writer.conn
        self.writer.reserve_ids(sum(len(diff.inserts) for diff, _ in diffs))
        with dialect.pipeline(conn), transaction(conn):
            self.writer.begin()
            for diff, reviews in diffs:
                self.writer.apply(diff, reviews)
            self.finish(complete, now, settings)

    async def stream(self, batches: _Batches) -> None:
        async with contextlib.aclosing(self.source.fetch(since=None)) as pages:
            async for page in pages:
                self.warnings += page.warnings
                diff = self._take(page.reviews, page.problems)
                self.writer.apply(diff, page.reviews)
                await batches.maybe_commit()
        self._check_readable()

    def _take(self, reviews: Reviews, problems: Sequence[RecordProblem]) -> PageDiff:
        self.pages += 1
        self.fetched += len(reviews)
        self.problems += problems
        self.notify()
        return self.writer.diff(reviews)

    def _check_readable(self) -> None:
        if self.problems and not self.fetched:
            first = self.problems[0]
            raise SourceError(
                f"none of the {len(self.problems)} records could be read "
                f"(first, {first.position}: {first.reason}); check the field mapping"
            )

    def finish(self, complete: bool, now: datetime, settings: PollSettings) -> None:
        if complete and self.writer.track_seen:
            if not settings.accept_removals:
                self._refuse_mass_removal(settings.max_removed_share)
            self.writer.mark_removed()
        self.writer.conn.execute(
            "UPDATE sources SET last_attempt_at = ?, last_success_at = ?,"
            " baseline_at = coalesce(baseline_at, ?), last_error = NULL, last_error_at = NULL,"
            " last_problems = ?, last_requests = ?, mapping = ?, "
            + release_sql()
            + " WHERE id = ?",
            (
                to_text(now),
                to_text(now),
                to_text(now),
                len(self.problems),
                self.requests,
                mapping_fingerprint(self.source.config),
                *release_values(datetime.now(UTC)),
                self.writer.source_id,
            ),
        )

    def _refuse_mass_removal(self, share: float) -> None:
        """A listing that suddenly lost most of what is stored is more likely a half-written
        file than a wave of deletions: fail the source rather than mark them removed."""
        stored, missing = self.writer.removal_counts()
        advice = (
            "nothing was marked removed; if they really are gone, run "
            "`reviewwatch poll --full --accept-removals`"
        )
        if stored and not self.fetched:
            raise SourceError(
                f"the listing is empty (an empty or half-written file?) but {stored} reviews "
                f"are stored; {advice}"
            )
        if stored and missing > share * stored:
            raise SourceError(
                f"{missing} of the {stored} stored reviews are missing from the listing (more "
                f"than {share:.0%}; a half-written file?); {advice}"
            )

    @property
    def requests(self) -> int:
        return self.source.requests_made

    def notify(self, *, done: bool = False, error: str | None = None) -> None:
        if self.progress is not None:
            self.progress(Progress(self.source.name, self.pages, self.fetched, done, error))

    def outcome(self, baseline: bool) -> _Outcome:
        writes = self.writer.result
        if not self.source.network:
            # A file that lists an id twice is worth a word (platforms repeat themselves
            # across pages as a matter of course, so network sources are left alone).
            for external_id in dict.fromkeys(writes.duplicates):
                self.problems.append(
                    RecordProblem(
                        self.source.name,
                        f"id {external_id}",
                        "listed more than once: the first listing was stored, the others "
                        "were skipped",
                    )
                )
        report = SourceReport(
            name=self.source.name,
            kind=self.source.kind,
            ok=True,
            fetched=self.fetched,
            new=len(writes.new) + writes.baseline,
            updated=len(writes.updated),
            removed=writes.removed,
            requests=self.requests,
            baseline=baseline,
            remapped=writes.remapped,
            warnings=tuple(dict.fromkeys(self.warnings)),
        )
        return _Outcome(report, writes, self.problems)

    def failed(
        self, conn: Connection, source_id: int, now: datetime, error: ReviewwatchError
    ) -> _Outcome:
        # One line, without any credential: it is stored, shown and sent in alerts.
        message = " ".join(self.source.scrub(str(error)).split()) or type(error).__name__
        conn.execute(
            "UPDATE sources SET last_attempt_at = ?, last_error = ?, last_error_at = ?,"
            " last_requests = ?, " + release_sql() + " WHERE id = ?",
            (
                to_text(now),
                message,
                to_text(now),
                self.requests,
                *release_values(datetime.now(UTC)),
                source_id,
            ),
        )
        self.notify(done=True, error=message)
        report = SourceReport(
            name=self.source.name,
            kind=self.source.kind,
            ok=False,
            fetched=self.fetched,
            requests=self.requests,
            error=message,
        )
        return _Outcome(report, WriteResult(), self.problems)
