"""What every command shares: the resolved paths, the config, the database, error handling."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from reviewwatch.errors import ExitStatus, NotFoundError, ReviewwatchError
from reviewwatch.location import PostgresUrl
from reviewwatch.paths import ResolvedDb, ResolvedPath, resolve_config_path, resolve_db_path

if TYPE_CHECKING:
    from reviewwatch.config import Config
    from reviewwatch.store.connection import Connection
    from reviewwatch.triage.service import TriageCache

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (default: $REVIEWWATCH_CONFIG or the user config dir).",
        show_default=False,
    ),
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=(
            "Database file or postgresql:// URL (default: $REVIEWWATCH_DB, settings.database,"
            " or the user data dir)."
        ),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (contract version 1).")]

# The integers SQLite and PostgreSQL (bigint) store: 64 bits, signed. No review id lies beyond
# them, and a larger number cannot even be handed to a query.
LARGEST_STORED_INT = 2**63 - 1


def stored_id(review_id: int) -> int:
    """An id beyond the database's integer range names no review: the answer of a missing id,
    not the driver's overflow from deep inside the query."""
    if not -LARGEST_STORED_INT - 1 <= review_id <= LARGEST_STORED_INT:
        from reviewwatch.cli.render import print_error

        print_error(NotFoundError(f"no review with id {review_id}"))
        raise typer.Exit(int(ExitStatus.NOT_FOUND))
    return review_id


ReviewIdArgument = Annotated[
    int,
    typer.Argument(
        metavar="ID", help="The review's id (from `list`).", callback=stored_id, show_default=False
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(slots=True)
class AppState:
    """Paths from the global options, resolved on first use."""

    config_flag: Path | None = None
    db_flag: str | None = None
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    _config: Config | None = None
    _settings_only: Config | None = None
    # Whether the starter-values note was shown (once per command).
    starter_noted: bool = False

    def override(self, config: Path | None, db: str | None) -> AppState:
        """Options given after the command win over those given before it."""
        if config is not None:
            self.config_flag, self._config, self._settings_only = config, None, None
        if db is not None:
            self.db_flag = db
        return self

    def command(self) -> str:
        """`reviewwatch` with the --config and --db this run was given, for hints to copy."""
        import shlex

        words = ["reviewwatch"]
        if self.config_flag is not None:
            words += ["--config", shlex.quote(str(self.config_flag))]
        if self.db_flag is not None:
            words += ["--db", shlex.quote(str(self.db_flag))]
        return " ".join(words)

    def config_path(self) -> ResolvedPath:
        return resolve_config_path(self.config_flag, self.env)

    def config_named_but_missing(self) -> bool:
        """Whether --config or $REVIEWWATCH_CONFIG names a file that does not exist."""
        resolved = self.config_path()
        return resolved.origin != "default" and not resolved.path.exists()

    def config_file(self) -> Path:
        """The config file to read. Only the default location may be absent (a first run); a
        file named on purpose that is not there is an error, or every stored source would
        read as unconfigured and a mistyped path would poll nothing and say nothing."""
        path = self.config_path().path
        if self.config_named_but_missing():
            from reviewwatch.errors import UserError

            raise UserError(f"config file {path} does not exist")
        return path

    def config(self) -> Config:
        """The whole config, every source and notifier checked (for commands that use them)."""
        if self._config is None:
            from reviewwatch.config import load_config  # imported on use: start-up

            self._config = load_config(self.config_file(), env=self.env)
            _say_warnings(self._config)
        return self._config

    def settings_config(self) -> Config:
        """`[settings]` and `[business]` only: for commands that read and annotate the database."""
        if self._config is not None:
            return self._config
        if self._settings_only is None:
            from reviewwatch.config import load_config  # imported on use: start-up

            path = self.config_file()
            self._settings_only = load_config(path, env=self.env, with_sources=False)
        return self._settings_only

    def db_path(self) -> ResolvedDb:
        config_path = self.config_path().path
        configured = None
        if self.db_flag is None and not self.env.get("REVIEWWATCH_DB"):
            configured = self.settings_config().settings.database
        resolved = resolve_db_path(
            self.db_flag, configured=configured, config_path=config_path, env=self.env
        )
        if isinstance(resolved.path, PostgresUrl) and resolved.path.password is None:
            # settings.database_password (or _file) serves a URL from anywhere; else libpq's own
            # PGPASSWORD and ~/.pgpass.
            password = self.settings_config().settings.database_password
            if password is not None:
                return ResolvedDb(resolved.path.with_password(password.reveal()), resolved.origin)
        return resolved

    def connect(
        self, *, create: bool = False, read_only: bool = False, warn_missing: bool = False
    ) -> Connection:
        """The database; a missing one reads as empty (it is not created unless `create`).

        `read_only`: for commands that only read; they never write (nor wait for a writer),
        and work on read-only storage.
        """
        from reviewwatch.store import connect

        resolved = self.db_path()
        path = resolved.path
        if isinstance(path, Path) and not create and not path.exists():
            from reviewwatch.cli.render import print_warning

            if not warn_missing:
                return connect(Path(":memory:"))
            print_warning(
                f"the database {path} does not exist (from {resolved.origin}): nothing is stored "
                "there yet; check --db, or run `reviewwatch poll` first"
            )
            return connect(Path(":memory:"))
        return connect(path, read_only=read_only)


def _say_warnings(config: Config) -> None:
    if config.warnings:
        from rich.text import Text

        from reviewwatch.cli.render import error_console, safe

        for warning in config.warnings:
            error_console().print(Text("warning: ", style="yellow"), safe(warning), sep="")


STARTER_NOTE = (
    "note: [business] in the config still holds the starter values ({values}); reply drafts "
    "are signed with them. Put your own name, signature and contact there (per language: "
    'contact.de = "..."), then check the drafts again.'
)


def triage_cache(state: AppState, conn: Connection, *, shows_drafts: bool = True) -> Any:
    """The triage cache for this config's business details (imported lazily: start-up).

    A command that shows drafts (`shows_drafts`) says once, on standard error, when
    `[business]` still holds the starter config's example values.
    """
    from reviewwatch.business import STARTER_BUSINESS
    from reviewwatch.cli.render import error_console, safe
    from reviewwatch.triage.service import TriageCache

    config = state.settings_config()
    if shows_drafts and config.business.is_starter and not state.starter_noted:
        values = ", ".join(f'{key} "{value}"' for key, value in STARTER_BUSINESS.items())
        error_console().print(safe(STARTER_NOTE.format(values=values)), style="yellow")
        state.starter_noted = True
    return TriageCache(
        conn,
        business=config.business,
        businesses={
            profile.name: (profile.info, config.sla_hours(profile.name))
            for profile in config.businesses
            if profile.name
        },
        fallback_language=config.settings.language,
        sla_hours=config.settings.response_sla_hours,
    )


# How long a read command waits to store its triage results while another command writes:
# briefly, since they are only a cache (the next read computes them again).
KEEP_WAIT_MS = 250


def keep_triage(state: AppState, cache: TriageCache) -> None:
    """Store the triage results a read command computed, so that the next command reuses them.

    On a connection of its own, opened after the command's reads and closed at once; a
    database that is busy, read-only or missing keeps what it has, and the command goes on.
    """
    if not cache.unsaved:
        return
    from reviewwatch.errors import ReviewwatchError
    from reviewwatch.store import connect
    from reviewwatch.store.dialect import wait_at_most

    with contextlib.suppress(ReviewwatchError, sqlite3.Error, OSError):
        path = state.db_path().path
        if isinstance(path, Path) and not path.exists():
            return
        conn = connect(path)
        try:
            wait_at_most(conn, KEEP_WAIT_MS)
            cache.keep(conn)
        finally:
            conn.close()


def state_of(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def reports_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Turn a ReviewwatchError into a one-line message and its exit status, no traceback."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from reviewwatch.cli.render import print_error

        try:
            return function(*args, **kwargs)
        except ReviewwatchError as error:
            print_error(error)
            raise typer.Exit(int(error.exit_status)) from None
        except (sqlite3.Error, OSError, UnicodeDecodeError) as error:
            # The storage failed under us (busy, full, read-only, damaged): one line, no trace.
            contexts = [a for a in (*args, *kwargs.values()) if hasattr(a, "find_root")]
            mapped = _storage_error(error, contexts[0] if contexts else None)
            print_error(mapped)
            raise typer.Exit(int(mapped.exit_status)) from None

    return wrapper


def _storage_error(error: BaseException, ctx: Any) -> ReviewwatchError:
    from reviewwatch.errors import StoreError, UserError
    from reviewwatch.store.connection import store_error

    path: Path | str = "the database"
    if ctx is not None:
        with contextlib.suppress(Exception):
            path = str(state_of(ctx).db_path().path)
    if isinstance(error, UnicodeDecodeError):
        return StoreError(
            f"{path} holds text that is not UTF-8 ({error.reason}): it looks damaged; check it "
            f"with `sqlite3 {path} 'PRAGMA integrity_check'` and restore a backup"
        )
    if isinstance(error, OSError):
        where = error.filename or "a file"
        reason = error.strerror or str(error)
        if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EROFS):
            return store_error(error, Path(str(where)))
        return UserError(f"cannot use {where}: {reason}")
    return store_error(error, Path(str(path)))


def parse_when(text: str | None) -> Any:
    """`7d`, `24h`, `30m`, `2w` or a date / ISO time, as a UTC datetime (None for None)."""
    import re
    from datetime import timedelta

    from reviewwatch.errors import UserError
    from reviewwatch.models import utc_now
    from reviewwatch.sources.normalise import RecordError, parse_time

    if text is None:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        hours = {"m": 1 / 60, "h": 1, "d": 24, "w": 168}[unit]
        return utc_now() - timedelta(hours=amount * hours)
    try:
        return parse_time(text)
    except RecordError:
        raise UserError(f"cannot read the time {text!r}: use 7d, 24h, 30m or 2026-11-01") from None


def check_time_zone(zone: str) -> None:
    """A UserError naming the closest zone unless `zone` is a time zone (`Europe/Riga`)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from reviewwatch.errors import UserError
    from reviewwatch.suggest import unknown_time_zone

    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(unknown_time_zone(zone)) from None
