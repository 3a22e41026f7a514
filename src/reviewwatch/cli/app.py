"""The `reviewwatch` command: global options, and one module per command group."""

from __future__ import annotations

import typer

from reviewwatch import __version__
from reviewwatch.cli import (
    browse,
    check,
    demo,
    export,
    poll,
    reply,
    setup,
    sources,
    stats,
    workflow,
)
from reviewwatch.cli.context import AppState, ConfigOption, DbOption

app = typer.Typer(
    name="reviewwatch",
    help="Catch 1-2 star reviews on every platform at once, and answer them within the rules.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reviewwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Catch 1-2 star reviews on every platform at once, and answer them within the rules."""
    ctx.obj = AppState(config_flag=config, db_flag=db)


for module in (setup, poll, browse, reply, workflow, stats, export, sources, check, demo):
    module.register(app)


def main() -> None:
    app()
