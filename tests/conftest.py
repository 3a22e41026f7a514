"""Fixtures shared by every test: a loopback server, config files, the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner, Result

from reviewwatch.cli.app import app
from reviewwatch.location import PostgresUrl
from reviewwatch.sources.http import RetryPolicy
from tests.engines import ENGINES, store_location
from tests.loopback import LoopbackServer

# Fast retries: the behaviour is the same, the test suite just does not wait for seconds.
FAST_RETRY = RetryPolicy(attempts=3, backoff=0.01, max_backoff=0.05, max_retry_after=5)
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def llm_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `llm` library reads and writes its user folder here, never in the real home."""
    home = tmp_path_factory.mktemp("llm-home")
    monkeypatch.setenv("LLM_USER_PATH", str(home))
    return home


@pytest.fixture(autouse=True)
def encoder_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Triage answers the same whether or not the optional encoder extra is installed; the
    encoder's own tests switch it back on."""
    monkeypatch.setenv("REVIEWWATCH_ENCODER", "off")


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    loopback = LoopbackServer().start()
    try:
        yield loopback
    finally:
        loopback.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reviews.db"


@pytest.fixture(params=ENGINES)
def engine_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The store on each engine in turn: a SQLite file path, then a PostgreSQL URL."""
    with store_location(request.param, tmp_path) as location:
        yield location


def write_config(
    folder: Path,
    sources: Sequence[Mapping[str, Any]],
    *,
    settings: Mapping[str, Any] | None = None,
    business: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Path:
    """A config file with these sources; returns its path."""
    document: dict[str, Any] = {"settings": {"timezone": "UTC", **(settings or {})}}
    if business:
        document["business"] = dict(business)
    document["sources"] = [dict(source) for source in sources]
    document.update(extra or {})
    path = folder / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    path.chmod(0o600)  # as `init` writes it: a config with credentials is private
    return path


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


CliArgument = str | Path | PostgresUrl


def invoke(runner: CliRunner, *args: CliArgument, env: Mapping[str, str] | None = None) -> Result:
    """Run the CLI in-process; the environment is cleared of reviewwatch's own variables.

    A store location (`--db`) may be passed as it is: a path, or a PostgreSQL URL by its URL.
    """
    clean_env = {"REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": "", "COLUMNS": "200", **(env or {})}
    return runner.invoke(app, [_as_argument(arg) for arg in args], env=clean_env)


def _as_argument(arg: CliArgument) -> str:
    # str() of a PostgresUrl hides its password; the command line needs the URL itself.
    return arg.url if isinstance(arg, PostgresUrl) else str(arg)


def installed_script() -> str:
    """The `reviewwatch` console script of the environment running the tests."""
    beside = Path(sys.executable).with_name("reviewwatch")
    found = str(beside) if beside.exists() else shutil.which("reviewwatch")
    if not found:
        pytest.fail("the reviewwatch console script is not installed: pip install -e '.[test]'")
    return found


def run_script(
    *args: str | Path, env: Mapping[str, str] | None = None, timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run the installed script in a subprocess, as cron or a user would."""
    full_env = {
        key: value for key, value in os.environ.items() if not key.startswith("REVIEWWATCH_")
    }
    # The same answers whether or not the optional encoder is installed (its own tests ask).
    full_env["REVIEWWATCH_ENCODER"] = "off"
    full_env.update(env or {})
    return subprocess.run(
        [installed_script(), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
        check=False,
        **kwargs,
    )
