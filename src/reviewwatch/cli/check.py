"""`check`: a reply text against a platform's rules, before anyone posts it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from reviewwatch.cli.context import ConfigOption, DbOption, JsonOption, reports_errors, state_of
from reviewwatch.cli.render import clean, make_console, print_json, safe
from reviewwatch.errors import ExitStatus, UserError
from reviewwatch.suggest import unknown_name
from reviewwatch.triage.models import CheckResult

SURFACES = ("public_reply", "private_message")


def register(app: typer.Typer) -> None:
    app.command("check")(check)


@reports_errors
def check(
    ctx: typer.Context,
    platform: Annotated[
        str, typer.Option("--platform", help="Whose rules: amazon_feedback, google_play, yelp ...")
    ],
    surface: Annotated[
        str, typer.Option("--surface", help="public_reply or private_message.")
    ] = "public_reply",
    text: Annotated[
        str | None, typer.Option("--text", help="The reply text.", show_default=False)
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the reply from FILE.", show_default=False)
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The reply's language (default: every language's rules).",
            show_default=False,
        ),
    ] = None,
    business: Annotated[
        str | None,
        typer.Option(
            "--business",
            help="Whose support address may stand in the reply (a [[business]] name).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Check a reply against a platform's rules (stdin when no --text/--file); 5 if blocked.

    Where the platform allows a business's own support address (Google Play, your own store),
    the config's `[business] contact` says which one is yours; without it, only a desk's
    mailbox at a business's own domain (support@...) passes, and on your own store a number
    given as your line ("call us on ...").
    """
    from reviewwatch.triage.checker import check_reply
    from reviewwatch.triage.models import PLATFORMS

    if platform not in PLATFORMS:
        raise UserError(unknown_name("platform", platform, PLATFORMS))
    if surface not in SURFACES:
        raise UserError(unknown_name("surface", surface, SURFACES))
    if language is not None:
        from reviewwatch.cli.filters import check_language

        check_language(language)
    state_of(ctx).override(config, db)
    reply = read_reply_text(text, file)
    result = check_reply(
        reply,
        platform=platform,
        surface=surface,  # type: ignore[arg-type]
        language=language,
        own_contacts=_own_contacts(ctx, business),
    )
    findings = finding_dicts(result)
    if json_output:
        print_json({"version": 1, "ok": result.ok, "findings": findings})
    else:
        print_findings(make_console(), reply, findings, ok=result.ok)
    if not result.ok:
        raise typer.Exit(int(ExitStatus.BLOCKED))


def _own_contacts(ctx: typer.Context, business: str | None) -> frozenset[str]:
    """The business's own support address from the config, when there is a config."""
    state = state_of(ctx)
    if not state.config_file().exists():
        if business is not None:
            raise UserError("--business needs a config with that [[business]]")
        return frozenset()
    config = state.settings_config()
    if business is not None and config.business_named(business) is None:
        names = [profile.name for profile in config.businesses if profile.name]
        raise UserError(unknown_name("business", business, names, empty="the config names none"))
    return config.own_contacts(business)


def finding_dicts(result: CheckResult) -> list[dict[str, Any]]:
    """The checker's findings in the contract's JSON shape."""
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "policy": f.policy,
            "start": f.start,
            "end": f.end,
        }
        for f in result.findings
    ]


def read_reply_text(text: str | None, file: Path | None) -> str:
    if text is not None and file is not None:
        raise UserError("give --text or --file, not both")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as error:
            # The reason alone: the path is said once, as the user gave it.
            raise UserError(f"cannot read {file}: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise UserError(f"cannot read {file}: it is not UTF-8 text") from None
    if text is not None:
        return text
    if sys.stdin.isatty():
        raise UserError("give the reply with --text, --file or on standard input")
    return sys.stdin.read()


def print_findings(
    console: Console, reply: str, findings: list[dict[str, Any]], *, ok: bool
) -> None:
    for finding in findings:
        style = "bold red" if finding["severity"] == "block" else "yellow"
        label = "blocked" if finding["severity"] == "block" else "warning"
        quoted = reply[finding["start"] : finding["end"]]
        console.print(Text(f"{label}: ", style=style), safe(f"{finding['message']}"), sep="")
        if quoted:
            # As written, hidden characters and all: the quote shows what the check found.
            where = "past the limit: " if finding["rule"] == "length" else ""
            console.print(Text(clean(f'  {where}"{quoted}"')))
        console.print(safe(f"  rule: {finding['policy']}"), style="dim")
    if ok:
        console.print(Text("OK: the reply is within the platform's rules.", style="green"))
