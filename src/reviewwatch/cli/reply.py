"""`reply`: the desk where a flagged review gets its answer.

Interactive on a terminal (read, edit, another variant or language, check, post, print, mark
replied, skip); for scripts, `--print`, `--text`/`--file`, `--lang`, `--variant`, `--post --yes`
and `--mark-replied`. The checker runs before every post: a blocking finding stops it.

This module reads the options and runs the scripted path; the reply being written and its
actions are `desk.Desk`, the interactive menu is `desk_menu`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reviewwatch.cli.check import print_findings, read_reply_text
from reviewwatch.cli.context import (
    ConfigOption,
    DbOption,
    ReviewIdArgument,
    reports_errors,
    state_of,
)
from reviewwatch.cli.desk import Desk
from reviewwatch.cli.desk_menu import run_menu
from reviewwatch.cli.render import make_console, safe
from reviewwatch.cli.workflow import ActorOption, actor
from reviewwatch.errors import BlockedError, UserError
from reviewwatch.models import Review

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection


def register(app: typer.Typer) -> None:
    app.command("reply")(reply)


@reports_errors
def reply(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    print_only: Annotated[bool, typer.Option("--print", help="Print the draft and exit.")] = False,
    text: Annotated[
        str | None, typer.Option("--text", help="Use this reply text.", show_default=False)
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the reply from FILE.", show_default=False)
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Draft in this language (en, de, es, fr, it, pt, pl, nl, lv, zh, zh-Hant, ja).",
            show_default=False,
        ),
    ] = None,
    variant: Annotated[
        int, typer.Option("--variant", min=0, help="Another wording of the draft.")
    ] = 0,
    post: Annotated[
        bool, typer.Option("--post", help="Check, then post through the platform's API.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Post without asking (scripts).")] = False,
    mark_replied: Annotated[
        bool,
        typer.Option(
            "--mark-replied",
            help="Record that you replied on the platform yourself (or confirm a pending post).",
        ),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="With --post: replace the reply posted earlier (where allowed)."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --mark-replied: record this reply in place of one recorded earlier.",
        ),
    ] = False,
    abandon: Annotated[
        bool,
        typer.Option("--abandon", help="Give up on a pending post the platform does not show."),
    ] = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Ask at prompts even when input is not a terminal."
        ),
    ] = False,
    approve: Annotated[
        bool,
        typer.Option(
            "--approve",
            help="Approve the reply someone else wrote (settings.reply_approval), then post it"
            " or print it for pasting.",
        ),
    ] = False,
    ai: Annotated[
        bool,
        typer.Option(
            "--ai", help="Draft with the model of [ai], in your voice; checked like any reply."
        ),
    ] = False,
    by: ActorOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Draft, edit, check and post or record the reply to review ID."""
    from reviewwatch.store import get_review

    if lang is not None:
        from reviewwatch.cli.filters import check_language

        check_language(lang)
    state = state_of(ctx).override(config, db)
    conn = state.connect()
    try:
        review = get_review(conn, review_id)
        if abandon:
            _abandon(conn, review, by=actor(by))
            return
        desk = Desk(
            state,
            conn,
            review,
            text="",
            language=lang,
            variant=variant,
            console=make_console(),
            by=actor(by),
            language_asked=lang,
            replace=replace,
            force=force,
        )
        if approve:
            desk.approve()
            return
        given = text is not None or file is not None
        if ai and (given or mark_replied):
            raise UserError(
                "--ai drafts a reply: it does not go with --text, --file or --mark-replied"
            )
        _open_reply(desk, text, file, mark=mark_replied)
        scripted = print_only or post or mark_replied or given
        scripted = scripted or not (interactive or sys.stdin.isatty())
        if ai:
            desk.ai_redraft(scripted=scripted)
        if scripted:
            _run_scripted(
                desk, print_only=print_only, post=post, yes=yes, mark=mark_replied, given=given
            )
        else:
            run_menu(desk)
    finally:
        conn.close()


def _abandon(conn: Connection, review: Review, *, by: str) -> None:
    from reviewwatch.replies import abandon_reply

    abandon_reply(conn, review, actor=by)
    make_console().print(safe(f"The pending reply to #{review.id} is abandoned."))


def _open_reply(desk: Desk, text: str | None, file: Path | None, *, mark: bool) -> None:
    """The reply the desk starts from: the text given (--text, --file); else the draft kept
    from last time, unless --lang or --variant asks for another; else the stock suggestion
    (no draft at all when only marking replied)."""
    from reviewwatch.replies import saved_draft

    if text is not None or file is not None:
        desk.text = read_reply_text(text, file).strip()
        return
    draft = saved_draft(desk.conn, desk.review.id)
    if draft is not None and desk.language_asked is None and desk.variant == 0:
        # The work kept from last time, rather than the stock suggestion.
        desk.text, desk.language = draft.text, draft.language
        desk.draft_saved = draft.saved_at
    elif not mark:
        desk.redraft(language=desk.language_asked)


def _run_scripted(
    desk: Desk, *, print_only: bool, post: bool, yes: bool, mark: bool, given: bool
) -> None:
    if mark:
        desk.mark_replied()
        return
    ok, findings = desk.findings()
    if print_only or not (post or given):
        desk.print_checked(ok, findings)
        return
    print_findings(desk.console, desk.text, findings, ok=ok)
    if not ok:
        raise BlockedError(
            f"the reply to #{desk.review.id} breaks {desk.review.platform}'s rules; not posted"
        )
    if post:
        if not yes:
            raise UserError(
                "posting from a script needs --yes (the checker found nothing that blocks)"
            )
        desk.post()
