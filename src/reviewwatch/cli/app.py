"""The `reviewwatch` command: global options, and one module per command group.

Command modules are imported only when their command runs (or its help is shown): start-up
stays the cost of typer and this file. `reviewwatch --help` lists the commands from
`COMMANDS`, whose one-line summaries are the first paragraph of each command's docstring
(a test keeps them equal).
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from reviewwatch import __version__
from reviewwatch.cli.context import AppState, ConfigOption, DbOption
from reviewwatch.cli.usage import UsageError, one_line_usage

# Command name -> (module in reviewwatch.cli whose `register` adds it, summary for --help),
# in the order `reviewwatch --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup", "Write a commented starter config to the config path."),
    "paths": ("setup", "Print the config and database paths and where each came from."),
    "config": (
        "setup",
        "Open the config in $VISUAL or $EDITOR (`config edit`), then check it.",
    ),
    "cron": (
        "setup",
        "Print a crontab line that polls every 15 minutes, with this machine's full paths.",
    ),
    "poll": (
        "poll",
        "Fetch every configured (or named) source, store, diff, flag; print what is new.",
    ),
    "list": ("browse", "List stored reviews, newest first."),
    "show": ("browse", "One review: its text, every version of it, and its workflow state."),
    "reply": ("reply", "Draft, edit, check and post or record the reply to review ID."),
    "status": (
        "workflow",
        "Set a review's status (new, in_progress, replied, resolved, escalated, ignored).",
    ),
    "assign": ("workflow", "Give a review an owner."),
    "note": ("workflow", "Add a note to a review (kept with who wrote it and when)."),
    "stats": (
        "stats",
        "Rating distribution, negative share, replies, time to reply, overdue, topics, effect.",
    ),
    "export": ("export", "Export reviews for spreadsheets and scripts, newest first."),
    "sources": (
        "sources",
        "The configured sources: kind, platform, what each cannot see, last success, last error.",
    ),
    "check": (
        "check",
        "Check a reply against a platform's rules (stdin when no --text/--file); 5 if blocked.",
    ),
    "triage": (
        "triage_model",
        "Correct triage categories and fine-tune the category model toward the corrections.",
    ),
    "db": ("db", "Move a whole store between SQLite and PostgreSQL."),
    "demo": (
        "demo",
        "Run the whole flow on built-in sample data, offline, into a database of its own.",
    ),
}


def load_commands(module_name: str) -> dict[str, Any]:
    """The click commands that `reviewwatch.cli.<module_name>` registers, by name."""
    module = importlib.import_module(f"reviewwatch.cli.{module_name}")
    holder = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
    module.register(holder)
    commands = {}
    for info in holder.registered_commands:
        command = typer.main.get_command_from_info(
            info, pretty_exceptions_short=holder.pretty_exceptions_short, rich_markup_mode=None
        )
        assert command.name is not None
        commands[command.name] = command
    for group_info in holder.registered_groups:
        group = typer.main.get_group_from_info(
            group_info,
            pretty_exceptions_short=holder.pretty_exceptions_short,
            suggest_commands=True,
            rich_markup_mode=None,
        )
        assert group.name is not None
        commands[group.name] = group
    return commands


class LazyGroup(TyperGroup):
    """The top-level group: a command's module is imported on first use of that command. A
    usage error anywhere below it (an unknown option or command, a missing argument) is one
    line on standard error, exit 2 (`cli.usage`)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as error:
            raise one_line_usage(error, info_name or "reviewwatch") from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            running = " ".join(filter(None, (ctx.command_path, ctx.invoked_subcommand)))
            raise one_line_usage(error, running) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            for name, loaded in load_commands(COMMANDS[cmd_name][0]).items():
                self.commands.setdefault(name, loaded)
            command = self.commands.get(cmd_name)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in COMMANDS and args[0] not in self.commands:
            # An unknown name: load every command so that typer can suggest the closest.
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list from the summaries above, without importing any command."""
        stubs = [TyperCommand(name=name, help=summary) for name, (_, summary) in COMMANDS.items()]
        TyperGroup(name=self.name, commands=stubs).format_commands(ctx, formatter)


app = typer.Typer(
    name="reviewwatch",
    help="Catch 1-2 star reviews on every platform at once, and answer them within the rules.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=LazyGroup,
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
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Catch 1-2 star reviews on every platform at once, and answer them within the rules."""
    ctx.obj = AppState(config_flag=config, db_flag=db)


def main() -> None:
    import sys

    from reviewwatch.cli.setup import paths_flags

    app(args=paths_flags(sys.argv[1:]))
