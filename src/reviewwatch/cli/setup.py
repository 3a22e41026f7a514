"""`init` and `paths`: getting started."""

from __future__ import annotations

from importlib.resources import files

import typer
from rich.text import Text

from reviewwatch.cli.context import ConfigOption, DbOption, reports_errors, state_of
from reviewwatch.cli.render import make_console, safe
from reviewwatch.errors import UserError
from reviewwatch.private_files import make_private_folders, open_private


def starter_config() -> str:
    """The commented starter config (the same text as config.example.toml)."""
    return files("reviewwatch").joinpath("config.example.toml").read_text(encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("paths")(paths)


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
def paths(ctx: typer.Context, config: ConfigOption = None, db: DbOption = None) -> None:
    """Print the config and database paths and where each came from."""
    state = state_of(ctx).override(config, db)
    config_path = state.config_path()
    db_path = state.db_path()
    console = make_console()
    exists = "" if config_path.path.exists() else " (not created yet: reviewwatch init)"
    console.print(safe(f"config    {config_path.path}  [{config_path.origin}]{exists}"))
    console.print(safe(f"database  {db_path.path}  [{db_path.origin}]"))
