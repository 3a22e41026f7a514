"""A usage error (an unknown option or command, a missing argument, a bad value) as one line on
standard error, exit status 2, in the shape of every other error:

`error: no such option '--foo'; did you mean '--format'? (see reviewwatch export --help)`
"""

from __future__ import annotations

import re
from typing import IO, Any

# typer (0.26 and later, as pinned) carries its own copy of click: its errors are these.
from typer._click import exceptions as click

from reviewwatch.errors import ExitStatus
from reviewwatch.suggest import closest_name

UsageError = click.UsageError


class UsageLine(click.ClickException):
    """A click usage error, shown as one line instead of click's usage block."""

    exit_code = int(ExitStatus.USAGE)

    def __init__(self, error: click.UsageError, command: str) -> None:
        super().__init__(usage_line(error, command))

    def show(self, file: IO[Any] | None = None) -> None:
        from reviewwatch.cli.render import print_error

        print_error(self.message)


def one_line_usage(error: click.UsageError, command: str) -> click.ClickException:
    """The error to raise for `error`: one line, except where click shows help on purpose (a
    group or command given no arguments at all). `command`: the command being run, for an
    error that does not say which (an option given without its value)."""
    if isinstance(error, click.NoArgsIsHelpError):
        return error
    return UsageLine(error, command)


def usage_line(error: click.UsageError, command: str = "reviewwatch") -> str:
    """What went wrong, the name meant where one is close, and where to read the usage."""
    path = error.ctx.command_path if error.ctx is not None else command
    return f"{_problem(error)} (see {path} --help)"


def _problem(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        problem = f"no such option {error.option_name!r}"
        meant = closest_name(error.option_name, error.possibilities or ())
        return f"{problem}; did you mean {meant!r}?" if meant else problem
    message = " ".join(error.format_message().split()).rstrip(".")
    # click and typer word a suggestion as a sentence of its own ("No such command 'lst'. Did
    # you mean 'list'?") or in brackets ("(Did you mean one of: ...?)").
    message = re.sub(r"\s+\(Did you mean (.*)\)$", r"; did you mean \1", message)
    message = re.sub(r"\.\s+Did you mean", "; did you mean", message)
    return message[:1].lower() + message[1:]
