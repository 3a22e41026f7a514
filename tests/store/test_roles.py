"""The README's grants for the three roles, run on a real server: each role can do its part
and no more, with a one-line error for the rest."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from typer.testing import CliRunner

from tests.conftest import CliArgument, invoke, write_config
from tests.engines import postgres_database, server_url
from tests.filesources import FIELDS, review, write_jsonl

README = Path(__file__).resolve().parents[2] / "README.md"


def _grants(database: str, suffix: str) -> tuple[list[str], list[str]]:
    """The README's SQL for the roles, with this test's own role names and database."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Who may do what") :]
    block = section[section.index("```sql") + 6 : section.index("```", section.index("```sql") + 6)]
    block = re.sub(r"--[^\n]*", "", block).replace("DATABASE reviews", f'DATABASE "{database}"')
    roles = sorted(set(re.findall(r"CREATE ROLE (\w+)", block)), key=len, reverse=True)
    for role in roles:
        block = re.sub(rf"\b{role}\b", f"{role}_{suffix}", block)
    return [s.strip() for s in block.split(";") if s.strip()], [f"{r}_{suffix}" for r in roles]


def _as(url: str, user: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{user}@{parts.hostname}:{parts.port or 5432}"))


# A reply the checker lets through (a bare greeting, "Hi", says nothing: empty).
REPLY = "Sorry it broke; a replacement is on its way."


def test_the_readme_grants_let_each_role_do_its_part(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "r.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": "r.jsonl", "fields": FIELDS}]
    )
    cli = CliRunner()
    suffix = uuid.uuid4().hex[:8]
    roles: list[str] = []
    try:
        with postgres_database() as url:
            assert invoke(cli, "--db", url, "stats").exit_code == 0  # the owner migrates
            database = urlsplit(url).path.lstrip("/")
            statements, roles = _grants(database, suffix)
            with psycopg.connect(url, autocommit=True) as owner:
                for statement in statements:
                    owner.execute(statement)
            poller, agent, viewer = (
                _as(url, f"{name}_{suffix}") for name in ("cron_riga", "anna", "owner_view")
            )
            run: list[CliArgument] = ["--config", config]
            assert invoke(cli, *run, "--db", poller, "poll", "-q").exit_code == 0
            write_jsonl(tmp_path / "r.jsonl", [review("a", 5), review("b", 1, text="Broken")])
            polled = invoke(cli, *run, "--db", poller, "poll", "-q")
            assert polled.exit_code == 0, polled.output
            assert invoke(cli, *run, "--db", viewer, "list").exit_code == 0
            shown = invoke(cli, *run, "--db", viewer, "show", "2", "--json")
            assert shown.exit_code == 0 and '"suggested_reply"' in shown.output
            denied = invoke(cli, *run, "--db", viewer, "assign", "2", "anna")
            assert denied.exit_code == 2 and "permission denied" in denied.output
            assert len(denied.output.strip().splitlines()) == 1
            assert invoke(cli, *run, "--db", agent, "assign", "2", "anna").exit_code == 0
            status = invoke(cli, *run, "--db", agent, "status", "2", "resolved", "--note", "ok")
            assert status.exit_code == 0, status.output
            marked = invoke(
                cli, *run, "--db", agent, "reply", "2", "--mark-replied", "--text", REPLY
            )
            assert marked.exit_code == 0, marked.output
            assert invoke(cli, *run, "--db", agent, "poll", "-q").exit_code == 2
    finally:
        with psycopg.connect(server_url(), autocommit=True) as admin:
            for role in roles:
                admin.execute(f"DROP ROLE IF EXISTS {role}")
