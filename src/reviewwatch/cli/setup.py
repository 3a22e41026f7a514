"""`init` and `paths`: getting started."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.text import Text

from reviewwatch.cli.context import AppState, ConfigOption, DbOption, reports_errors, state_of
from reviewwatch.cli.render import make_console, safe
from reviewwatch.errors import UserError
from reviewwatch.paths import ResolvedDb, resolve_db_path
from reviewwatch.private_files import make_private_folders, open_private
from reviewwatch.suggest import unknown_name

if TYPE_CHECKING:
    from reviewwatch.location import Location


def starter_config() -> str:
    """The commented starter config (the same text as config.example.toml)."""
    return files("reviewwatch").joinpath("config.example.toml").read_text(encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("paths")(paths)
    app.command("config")(config_command)
    app.command("cron")(cron)


@reports_errors
def init(
    ctx: typer.Context,
    force: bool = typer.Option(False, "--force", help="Overwrite an existing config file."),
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Write a commented starter config to the config path."""
    state = state_of(ctx).override(config, db)
    path = state.config_path().path
    if path.exists() and not force:
        raise UserError(f"{path} already exists; use --force to overwrite it")
    try:
        make_private_folders(path.parent)
        with open_private(path) as stream:  # it will hold credentials
            stream.write(starter_config())
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror or error}") from error
    console = make_console()
    console.print(safe(str(path)))
    if console.is_terminal:
        console.print(Text("Edit it, then run `reviewwatch poll`.", style="dim"))


@reports_errors
def paths(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    only_config: bool = typer.Option(False, "--only-config", hidden=True),
    only_db: bool = typer.Option(False, "--only-db", hidden=True),
) -> None:
    """Print the config and database paths and where each came from.

    `reviewwatch paths --config` (or `--db`) with no path after it prints that path alone,
    for scripts: "$EDITOR \"$(reviewwatch paths --config)\"".
    """
    state = state_of(ctx).override(config, db)
    config_path = state.config_path()
    db_path = _db_path_for_paths(state)
    if only_config or only_db:
        chosen: list[Location] = [config_path.path] if only_config else []
        chosen += [db_path.path] if only_db else []
        for path in chosen:
            typer.echo(str(path))
        return
    console = make_console()
    exists = "" if config_path.path.exists() else " (not created yet: reviewwatch init)"
    console.print(safe(f"config    {config_path.path}  [{config_path.origin}]{exists}"))
    console.print(safe(f"database  {db_path.path}  [{db_path.origin}]"))


def _db_path_for_paths(state: AppState) -> ResolvedDb:
    """`paths` shows where things are even when the named config is missing (it says so):
    the database is then chosen as if there were no config."""
    if not state.config_named_but_missing():
        return state.db_path()
    return resolve_db_path(
        state.db_flag, configured=None, config_path=state.config_path().path, env=state.env
    )


def paths_flags(args: list[str]) -> list[str]:
    """`paths --config` / `paths --db` with no path after them ask for that path alone.

    Everywhere else `--config PATH` and `--db PATH` choose the files, so the bare forms are
    recognised here, before parsing: after the `paths` command, a `--config` or `--db` that
    ends the line or is followed by another option.
    """
    if "paths" not in args:
        return args
    at = args.index("paths")
    rewritten = args[: at + 1]
    rest = args[at + 1 :]
    for index, arg in enumerate(rest):
        following = rest[index + 1] if index + 1 < len(rest) else None
        bare = following is None or following.startswith("-")
        if arg in ("--config", "--db") and bare:
            rewritten.append("--only-config" if arg == "--config" else "--only-db")
        else:
            rewritten.append(arg)
    return rewritten


@reports_errors
def config_command(
    ctx: typer.Context,
    action: str = typer.Argument(..., metavar="ACTION", help="edit: open the config in an editor."),
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Open the config in $VISUAL or $EDITOR (`config edit`), then check it."""
    import os
    import shlex
    import subprocess

    if action != "edit":
        raise UserError(unknown_name("action", action, ["edit"]))
    state = state_of(ctx).override(config, db)
    path = state.config_path().path
    if not path.exists():
        raise UserError(f"there is no config at {path} yet: run `reviewwatch init` first")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UserError(
            f"no editor is set: set one (export EDITOR=nano, or vi, or code --wait) and run this "
            f"again, or open {path} in any text editor"
        )
    try:
        result = subprocess.run([*shlex.split(editor), str(path)], check=False)
    except OSError as error:
        raise UserError(f"cannot start the editor {editor!r}: {error.strerror or error}") from None
    if result.returncode != 0:
        raise UserError(f"the editor ({editor}) exited with status {result.returncode}")
    from reviewwatch.config import load_config

    loaded = load_config(path, env=state.env)  # every problem at once, as a config error
    console = make_console()
    console.print(safe(f"{path}: OK, {len(loaded.sources)} sources configured"))
    if not loaded.sources:
        console.print(safe("Add a [[sources]] table (the file has examples), then poll."))


@reports_errors
def cron(
    ctx: typer.Context,
    every: int = typer.Option(
        15, "--every", min=1, max=59, help="Minutes between polls (default 15)."
    ),
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Print a crontab line that polls every 15 minutes, with this machine's full paths.

    Cron runs with almost no environment (no PATH to reviewwatch, no REVIEWWATCH_*), so the
    line names the script, the config and, when it was chosen by --db or $REVIEWWATCH_DB,
    the database by their full paths. Add it with `crontab -e`.
    """
    import shlex

    state = state_of(ctx).override(config, db)
    words = [_script_path(), "--config", str(state.config_file().resolve())]
    db_path = state.db_path()
    if db_path.origin in ("--db", "$REVIEWWATCH_DB"):
        if isinstance(db_path.path, Path):
            words += ["--db", str(db_path.path.resolve())]
        else:  # a PostgreSQL URL as it was given (str() would hide its password)
            given = state.db_flag if db_path.origin == "--db" else state.env["REVIEWWATCH_DB"]
            words += ["--db", str(given)]
    command = " ".join(shlex.quote(word) for word in [*words, "poll", "--quiet"])
    schedule = f"*/{every} * * * *" if every != 1 else "* * * * *"
    typer.echo(f"{schedule} {command}")
    console = make_console(__import__("sys").stderr)
    if console.is_terminal:
        console.print(
            Text(
                "Add this line with `crontab -e`; cron mails what a poll prints, so set MAILTO "
                "in the crontab if your mail does not reach you.",
                style="dim",
            )
        )


def _script_path() -> str:
    """The full path of the running `reviewwatch` script."""
    import shutil
    import sys
    from pathlib import Path

    launched = Path(sys.argv[0])
    if launched.name == "reviewwatch" and launched.exists():
        return str(launched.resolve())
    found = shutil.which("reviewwatch")
    if found:
        return str(Path(found).resolve())
    return f"{sys.executable} -m reviewwatch"
