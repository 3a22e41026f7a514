"""Errors and exit codes: both are part of the user-facing interface."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    PARTIAL = 1
    USAGE = 2
    LOCKED = 3
    NOT_FOUND = 4
    BLOCKED = 5
    BUSY = 6


class ReviewwatchError(Exception):
    """Base of every error reviewwatch raises on purpose."""

    exit_status: ExitStatus = ExitStatus.USAGE


class UserError(ReviewwatchError):
    """Something the user can fix; printed without a traceback."""


class ConfigError(UserError):
    """The config file has problems; every one of them is listed (one alone on one line:
    `config.toml: settings: unknown key 'x'; did you mean 'y'?`)."""

    def __init__(self, problems: list[str], path: str | None = None) -> None:
        self.problems = problems
        self.path = path
        if len(problems) == 1:
            super().__init__(f"{path}: {problems[0]}" if path else problems[0])
            return
        where = f" in {path}" if path else ""
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s){where}:\n{lines}")


class NotFoundError(UserError):
    exit_status = ExitStatus.NOT_FOUND


class LockedError(UserError):
    exit_status = ExitStatus.LOCKED


class BusyError(UserError):
    """Another command kept the database busy for longer than the busy timeout."""

    exit_status = ExitStatus.BUSY


class BlockedError(UserError):
    """A reply breaks the platform's rules (or its length limit) and was not sent."""

    exit_status = ExitStatus.BLOCKED


class StoreError(UserError):
    """The database cannot be used as it is (newer than this code, not a reviewwatch file ...)."""


class SourceError(ReviewwatchError):
    """A source could not be fetched; the poll records it and goes on with the others.

    `status` and `body` keep the platform's HTTP answer, when there was one, so that adapters
    can turn a platform's own error codes into advice. The body is never printed whole.
    """

    exit_status = ExitStatus.PARTIAL

    def __init__(self, message: str, *, status: int | None = None, body: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class AuthError(SourceError):
    """The platform refused the credentials."""


class RateLimitError(SourceError):
    """The platform's quota is spent for now."""


class BadResponseError(SourceError):
    """The platform answered with something that is not what its API documents."""
