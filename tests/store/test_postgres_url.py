"""PostgreSQL URLs wherever a database path goes, and their one-line errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reviewwatch.cli.context import AppState
from reviewwatch.location import PostgresUrl
from tests.conftest import invoke, run_script, write_config
from tests.engines import postgres_database


def test_a_url_without_psycopg_installed_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked" / "psycopg"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('not installed here')\n")
    result = run_script(
        "--db",
        "postgresql://postgres@127.0.0.1/none",
        "list",
        env={"PYTHONPATH": str(blocker.parent)},
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        'error: a PostgreSQL database needs psycopg: pip install "reviewwatch[postgres]"'
    )


def test_an_unreachable_server_is_a_one_line_error_that_hides_the_password() -> None:
    result = run_script("--db", "postgresql://anna:s3cret@127.0.0.1:1/reviews", "list")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "cannot connect to postgresql://anna:***@127.0.0.1:1/reviews" in result.stderr
    assert "s3cret" not in result.stderr


def test_the_password_comes_from_the_environment_or_a_file(tmp_path: Path) -> None:
    cli = CliRunner()
    shown = invoke(
        cli,
        "paths",
        env={"REVIEWWATCH_DB": "postgresql://anna:${PGPW}@db.example/reviews", "PGPW": "hunter2"},
    )
    assert shown.exit_code == 0
    assert "postgresql://anna:***@db.example/reviews  [$REVIEWWATCH_DB]" in shown.output
    assert "hunter2" not in shown.output
    unset = invoke(cli, "paths", env={"REVIEWWATCH_DB": "postgresql://anna:${NOPE}@db/r"})
    assert unset.exit_code == 2
    assert "environment variable NOPE is not set" in unset.output
    (tmp_path / "pgpass").write_text("from-a-file\n")
    config = write_config(
        tmp_path,
        [],
        settings={
            "database": "postgresql://anna@db.example/reviews",
            "database_password_file": "pgpass",
        },
    )
    state = AppState(config_flag=config, env={})
    resolved = state.db_path()
    assert resolved.path == PostgresUrl("postgresql://anna@db.example/reviews")
    assert isinstance(resolved.path, PostgresUrl) and resolved.path.password == "from-a-file"
    assert resolved.origin.startswith("settings.database in")
    assert "from-a-file" not in repr(resolved) + str(resolved.path)


def test_settings_database_url_serves_every_command(tmp_path: Path) -> None:
    from tests.filesources import FIELDS, review, write_jsonl

    write_jsonl(tmp_path / "reviews.jsonl", [review("a", 5), review("b", 1, text="Bad")])
    with postgres_database() as url:
        config = write_config(
            tmp_path,
            [{"name": "shop", "kind": "json_file", "path": "reviews.jsonl", "fields": FIELDS}],
            settings={"database": url},
        )
        cli = CliRunner()
        assert invoke(cli, "--config", config, "poll", "-q").exit_code == 0
        listed = invoke(cli, "--config", config, "list", "--json")
        assert listed.exit_code == 0 and '"external_id": "b"' in listed.output


def test_without_a_server_the_postgresql_tests_skip_but_fail_under_ci() -> None:
    import os
    import subprocess
    import sys

    target = "tests/store/test_postgres_url.py::test_settings_database_url_serves_every_command"
    root = Path(__file__).resolve().parents[2]
    base = {**os.environ, "REVIEWWATCH_TEST_POSTGRES": "postgresql://nobody@127.0.0.1:1/none"}
    outcomes = {}
    for ci in ("false", "true"):
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", target],
            cwd=root,
            env={**base, "CI": ci},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        outcomes[ci] = (result.returncode, result.stdout)
    skipped_code, skipped = outcomes["false"]
    assert skipped_code == 0 and "1 skipped" in skipped
    assert "no PostgreSQL server at postgresql://nobody@127.0.0.1:1/none" in skipped
    failed_code, failed = outcomes["true"]
    assert failed_code == 1 and "1 failed" in failed


def test_a_postgresql_database_with_other_tables_is_left_as_it_is() -> None:
    import psycopg

    with postgres_database() as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id integer)")
        result = run_script("--db", url, "list")
        assert result.returncode == 2
        assert "is not a reviewwatch database (its tables: invoices)" in result.stderr
        with psycopg.connect(url) as conn:
            tables = conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        assert tables == [("invoices",)]
