"""What a poll is asked to do (`PollSettings`) and the steps it reports to a progress display
(`Progress`).

They have a module of their own because both halves of a poll use them: the orchestration in
`reviewwatch.poll` (which re-exports them) and one source's poll in `reviewwatch.poll_source`,
which `reviewwatch.poll` imports and so cannot import from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from reviewwatch.sources.http import DEFAULT_MAX_ANSWER_BYTES, RetryPolicy


@dataclass(frozen=True, slots=True)
class Progress:
    """A step of a source's poll, for a progress display."""

    source: str
    pages: int
    fetched: int
    done: bool = False
    error: str | None = None


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class PollSettings:
    """How to poll: what `run_poll` takes from the config and its options, for `poll_sources`."""

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
