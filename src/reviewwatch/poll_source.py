"""One source's poll: claim its row, fetch its pages, diff them against the store, write them.

Each source is committed on its own, so one failing source never loses or blocks the others.
Network sources stage their changes while they page, then write them in one short transaction;
local files are written page by page inside one transaction (they can be millions of rows).
Both ways, a source's writes happen with no `await` in between, so sources never interleave
inside a transaction on the shared connection. Every wait on the database holds up the whole
poll (the waits, unlike the answers, do not overlap), so a network source costs PostgreSQL few
round trips: one to claim and read its row, one per page to read what is stored, one for new
ids, and one for its whole write transaction (sent as a pipeline).

`reviewwatch.poll` runs these for every source of a poll, under the deadline it gives each.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reviewwatch.errors import ReviewwatchError, SourceError, StoreError
from reviewwatch.models import FetchedReview, RecordProblem, SourceReport, utc_now
from reviewwatch.poll_settings import PollSettings, Progress, ProgressCallback
from reviewwatch.sources.base import Source, SourceConfig
from reviewwatch.store import dialect, from_text, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.store.leases import (
    SourceRow,
    claim_source,
    release_sql,
    release_values,
    round_start,
)
from reviewwatch.store.writer import PageDiff, SourceWriter, WriteResult

Reviews = tuple[FetchedReview, ...]


class Claims:
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
class Deadline:
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
class Outcome:
    """What one source's poll did: its line of the report, what it wrote, and the records it
    could not read."""

    report: SourceReport
    writes: WriteResult
    problems: list[RecordProblem]


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


async def poll_source(
    conn: Connection,
    source: Source,
    poll_id: int,
    now: datetime,
    settings: PollSettings,
    progress: ProgressCallback | None,
    claims: Claims,
    *,
    deadline: Deadline | None = None,
) -> Outcome | None:
    """Poll one source and write what it lists; None when another poller has claimed it.

    A failure of the source (its host, its data, an adapter bug) is recorded on its row and
    returned as a failed outcome; a failure of the store itself is raised.
    """
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
    deadline: Deadline | None,
) -> Outcome:
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

    def outcome(self, baseline: bool) -> Outcome:
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
        return Outcome(report, writes, self.problems)

    def failed(
        self, conn: Connection, source_id: int, now: datetime, error: ReviewwatchError
    ) -> Outcome:
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
        return Outcome(report, WriteResult(), self.problems)
