"""Where the store lives: a SQLite file (a path) or a PostgreSQL database (a URL)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from reviewwatch.errors import UserError

_SCHEMES = ("postgresql://", "postgres://")
_ENV_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class PostgresUrl:
    """A PostgreSQL connection URL (`${NAME}` already expanded) and an optional password.

    Without a password in the URL or here, libpq reads `PGPASSWORD` or `~/.pgpass` as usual.
    `str()` never shows a password.
    """

    url: str
    password: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))

    def with_password(self, password: str | None) -> PostgresUrl:
        return PostgresUrl(self.url, password)


Location = Path | PostgresUrl


def is_postgres_url(text: str) -> bool:
    return text.strip().lower().startswith(_SCHEMES)


def expand_env(text: str, env: Mapping[str, str], where: str) -> str:
    """`${NAME}` replaced from the environment; an unset name is a one-line error."""
    missing = [name for name in _ENV_PATTERN.findall(text) if name not in env]
    if missing:
        raise UserError(f"{where}: environment variable {missing[0]} is not set")
    return _ENV_PATTERN.sub(lambda match: env[match.group(1)], text)


def parse_location(text: str, env: Mapping[str, str], where: str) -> Location:
    """A `--db` value or `$REVIEWWATCH_DB`: a PostgreSQL URL or a file path."""
    if is_postgres_url(text):
        return PostgresUrl(expand_env(text.strip(), env, where))
    return Path(text).expanduser()
