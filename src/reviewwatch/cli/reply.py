"""`reply`: the desk where a flagged review gets its answer.

Interactive on a terminal (read, edit, another variant or language, check, post, print, mark
replied, skip); for scripts, `--print`, `--text`/`--file`, `--lang`, `--variant`, `--post --yes`
and `--mark-replied`. The checker runs before every post: a blocking finding stops it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from reviewwatch.cli.check import finding_dicts, print_findings, read_reply_text
from reviewwatch.cli.context import (
    AppState,
    ConfigOption,
    DbOption,
    reports_errors,
    state_of,
    triage_cache,
)
from reviewwatch.cli.render import error_console, make_console, safe
from reviewwatch.cli.workflow import ActorOption, actor
from reviewwatch.errors import BlockedError, UserError
from reviewwatch.models import Review, utc_now

if TYPE_CHECKING:
    from reviewwatch.replies import Draft
    from reviewwatch.store.connection import Connection

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection

MENU = "[e]dit  [v]ariant  [l]anguage  [c]heck  [p]ost  p[r]int  [m]ark replied  [s]kip"
AI_MENU = (
    "[e]dit  [v]ariant  [l]anguage  [a]i draft  [c]heck  [p]ost  p[r]int  [m]ark replied  [s]kip"
)


def register(app: typer.Typer) -> None:
    app.command("reply")(reply)


@dataclass(slots=True)
class Desk:
    """The state of one reply being written."""

    state: AppState
    conn: Connection
    review: Review
    text: str
    language: str | None
    variant: int
    console: Console
    by: str
    language_asked: str | None = None
    from_ai: bool = False
    replace: bool = False
    draft_saved: datetime | None = None

    def redraft(self, *, variant: int | None = None, language: str | None = None) -> None:
        from reviewwatch.triage.service import TriageCache

        cache: TriageCache = triage_cache(self.state, self.conn)
        self.variant = self.variant if variant is None else variant
        self.language = language or self.language
        triage = cache.compute(self.review, variant=self.variant, language=self.language)
        if triage.suggested_reply is None:
            raise UserError(
                f"{self.review.platform} has no public reply: use the next steps instead"
            )
        self.text = triage.suggested_reply.text
        asked = language or self.language
        drafted = triage.suggested_reply.language
        if language and not _same_draft_language(asked or "", drafted):
            from reviewwatch.triage.drafts import reply_languages

            error_console().print(
                safe(
                    f"note: there are no drafts in {asked!r}; drafted in {drafted!r} instead "
                    f"(draft languages: {', '.join(reply_languages())})"
                ),
                style="yellow",
            )
        self.language = drafted
        self.from_ai = False

    def ai_redraft(self, *, scripted: bool) -> None:
        """The reply drafted by the model, when it passes the checker.

        A blocked AI draft is shown on stderr with its findings and never becomes the reply:
        scripts get exit 5, the desk keeps the reply it had. When the model fails, the
        offline draft stays, with a one-line note.
        """
        from reviewwatch.ai.model import AiError
        from reviewwatch.cli.ai_view import assistant_for, note, print_blocked_draft

        assistant = assistant_for(self.state.settings_config(), self.conn, asked_for="--ai")
        triage = triage_cache(self.state, self.conn).fields(self.review)
        try:
            draft = assistant.draft(
                self.review, triage, language=self.language_asked, variant=self.variant
            )
        except AiError as error:
            note(f"{error}; the offline draft instead")
            return
        if draft.note:
            note(draft.note)
        if not draft.ok:
            print_blocked_draft(draft)
            message = (
                f"the AI draft for #{self.review.id} breaks {self.review.platform}'s rules"
                + (" even after one fix" if draft.fixed else "")
                + "; not offered for posting"
            )
            if scripted:
                raise BlockedError(message)
            note(message + ": the reply below is unchanged")
            return
        if draft.fixed:
            note("the model's first draft broke a rule; this is its fixed draft")
        self.text, self.language, self.from_ai = draft.text, draft.language, True
        self.draft_saved = None

    def save(self) -> None:
        from reviewwatch.replies import save_draft

        save_draft(self.conn, self.review.id, self.text, language=self.language, actor=self.by)

    def findings(self) -> tuple[bool, list[dict[str, Any]]]:
        from reviewwatch.replies import check_for

        own = self.state.settings_config().own_contacts(self.review.business)
        result = check_for(self.review, self.text, self.language, own_contacts=own)
        return result.ok, finding_dicts(result)


def _same_draft_language(asked: str, drafted: str) -> bool:
    """Whether a draft in `drafted` is in the language `--lang asked` asked for (its script,
    for Chinese, follows the tag or the review: "zh-TW" gives "zh-Hant")."""
    from reviewwatch.triage._text import base_language

    return base_language(asked) == base_language(drafted)


@reports_errors
def reply(
    ctx: typer.Context,
    review_id: Annotated[int, typer.Argument(metavar="ID", help="The review's id.")],
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
            help="Draft in this language (en, de, es, fr, it, pt, pl, nl, lv, zh, zh-Hant).",
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

    state = state_of(ctx).override(config, db)
    conn = state.connect()
    try:
        review = get_review(conn, review_id)
        if abandon:
            from reviewwatch.replies import abandon_reply

            abandon_reply(conn, review, actor=actor(by))
            make_console().print(safe(f"The pending reply to #{review.id} is abandoned."))
            return
        desk = Desk(state, conn, review, "", lang, variant, make_console(), actor(by), lang)
        desk.replace = replace
        if approve:
            _approve(desk)
            return
        given = text is not None or file is not None
        if ai and (given or mark_replied):
            raise UserError(
                "--ai drafts a reply: it does not go with --text, --file or --mark-replied"
            )
        draft = _saved_draft(conn, review_id)
        if given:
            desk.text = read_reply_text(text, file).strip()
        elif draft is not None and lang is None and variant == 0:
            # The work kept from last time, rather than the stock suggestion.
            desk.text, desk.language = draft.text, draft.language
            desk.draft_saved = draft.saved_at
        elif not mark_replied:
            desk.redraft(language=lang)
        scripted = print_only or post or mark_replied or given
        scripted = scripted or not (interactive or sys.stdin.isatty())
        if ai:
            desk.ai_redraft(scripted=scripted)
        if scripted:
            _run_scripted(
                desk, print_only=print_only, post=post, yes=yes, mark=mark_replied, given=given
            )
        else:
            _run_interactive(desk)
    finally:
        conn.close()


def _run_scripted(
    desk: Desk, *, print_only: bool, post: bool, yes: bool, mark: bool, given: bool
) -> None:
    if mark:
        _mark(desk)
        return
    ok, findings = desk.findings()
    if print_only or not (post or given):
        _print_checked(desk, ok, findings)
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
        _post(desk)


def _run_interactive(desk: Desk) -> None:
    from reviewwatch.cli.browse import print_review
    from reviewwatch.replies import can_post
    from reviewwatch.store import review_versions

    triage = triage_cache(desk.state, desk.conn).fields(desk.review)
    zone = desk.state.config().settings.timezone
    print_review(desk.review, review_versions(desk.conn, desk.review.id), zone=zone, triage=triage)
    config = desk.state.settings_config()
    if config.ai is not None and config.ai.triage:
        from reviewwatch.cli.ai_view import show_extras  # the second opinion, as in `show`

        extras = show_extras(config, desk.conn, desk.review, triage, translate=False)
        if extras is not None:
            extras.print(desk.console, triage)
    postable = can_post(desk.state.config(), desk.review)
    with_ai = desk.state.settings_config().ai is not None
    while True:
        desk.console.print()
        if desk.draft_saved is not None:
            heading = f"Your draft ({desk.language}, saved {_ago(desk.draft_saved)} ago):"
        else:
            heading = f"Your reply ({desk.language}, variant {desk.variant}):"
        desk.console.print(Text(heading, style="bold"))
        desk.console.print(safe(desk.text))
        choice = typer.prompt(AI_MENU if with_ai else MENU, default="s").strip().lower()[:1]
        if choice == "e":
            try:
                edited = _edit(desk.text)
            except UserError as error:
                # A failed editor is no reason to leave the desk: back to the menu.
                desk.console.print(Text("error: ", style="bold red"), safe(str(error)), sep="")
                continue
            if edited != desk.text:
                desk.text = edited
                desk.save()
                desk.draft_saved = utc_now()
                desk.console.print(Text("Saved as the draft of this review.", style="dim"))
        elif choice == "v":
            desk.redraft(variant=desk.variant + 1)
            desk.draft_saved = None
        elif choice == "l":
            desk.redraft(
                language=typer.prompt(
                    "Language (en, de, es, fr, it, pt, pl, nl, lv, zh, zh-Hant)"
                ).strip()
            )
            desk.draft_saved = None
        elif choice == "a" and with_ai:
            desk.ai_redraft(scripted=False)
        elif choice == "c":
            ok, findings = desk.findings()
            print_findings(desk.console, desk.text, findings, ok=ok)
        elif choice == "p" and _confirm_post(desk, postable):
            _post(desk)
            return
        elif choice == "r":
            ok, findings = desk.findings()
            if ok:
                _print_checked(desk, ok, findings)
                return
            print_findings(desk.console, desk.text, findings, ok=ok)
            desk.console.print(Text("Not printed: edit the reply first.", style="bold red"))
        elif choice == "m":
            ok, findings = desk.findings()
            if ok:
                _mark(desk)
                return
            print_findings(desk.console, desk.text, findings, ok=ok)
            desk.console.print(Text("Not marked: fix the reply first.", style="bold red"))
        elif choice == "s":
            return


def _confirm_post(desk: Desk, postable: bool) -> bool:
    if not postable:
        desk.console.print(
            safe(
                "This source cannot post replies: print the reply, post it on the platform, "
                "then mark it replied."
            )
        )
        return False
    ok, findings = desk.findings()
    print_findings(desk.console, desk.text, findings, ok=ok)
    if not ok:
        desk.console.print(Text("Not posted: edit the reply first.", style="bold red"))
        return False
    question = "Post despite the warnings?" if findings else "Post this reply now?"
    return typer.confirm(question, default=False)


def _print_checked(desk: Desk, ok: bool, findings: list[dict[str, Any]]) -> None:
    """Print the reply to paste by hand, only when the checker allows it (BlockedError, exit 5,
    otherwise). The text goes to standard output alone; findings go to standard error."""
    if not ok:
        print_findings(error_console(), desk.text, findings, ok=ok)
        raise BlockedError(
            f"the reply to #{desk.review.id} breaks {desk.review.platform}'s rules; not printed"
        )
    if findings:
        print_findings(error_console(), desk.text, findings, ok=ok)
    desk.console.print(safe(desk.text))


def _post(desk: Desk) -> None:
    from reviewwatch.replies import post_reply

    if desk.state.settings_config().settings.reply_approval:
        from reviewwatch.approval import request_approval

        request_approval(desk.conn, desk.review, desk.text, language=desk.language, actor=desk.by)
        desk.console.print(
            safe(
                f"#{desk.review.id}: the reply waits for approval by someone else:"
                f" reviewwatch reply {desk.review.id} --approve"
            )
        )
        return
    post_reply(
        desk.conn,
        desk.state.config(),
        desk.review,
        desk.text,
        language=desk.language,
        actor=desk.by,
        replace=desk.replace,
    )
    desk.console.print(Text(f"Posted. #{desk.review.id} is now replied.", style="green"))


def _approve(desk: Desk) -> None:
    """Approve the waiting reply; post it, or print it for pasting where there is no API."""
    from reviewwatch.approval import approve
    from reviewwatch.replies import can_post, post_reply

    waiting = approve(desk.conn, desk.review, desk.by)
    desk.text, desk.language = waiting.text, waiting.language
    ok, findings = desk.findings()
    if not ok:
        print_findings(desk.console, desk.text, findings, ok=ok)
        raise BlockedError(
            f"the reply to #{desk.review.id} breaks {desk.review.platform}'s rules; not posted"
        )
    if can_post(desk.state.config(), desk.review):
        post_reply(
            desk.conn,
            desk.state.config(),
            desk.review,
            desk.text,
            language=desk.language,
            actor=waiting.actor,
        )
        desk.console.print(
            Text(f"Approved and posted. #{desk.review.id} is now replied.", style="green")
        )
        return
    desk.console.print(safe(desk.text))
    error_console().print(
        safe(
            f"Approved. {desk.review.source} has no reply API: paste the reply above on the"
            f" platform, then run `reviewwatch reply {desk.review.id} --mark-replied`."
        )
    )


def _mark(desk: Desk) -> None:
    from reviewwatch.replies import mark_replied

    own = desk.state.settings_config().own_contacts(desk.review.business)
    status = mark_replied(
        desk.conn, desk.review, desk.text or None, actor=desk.by, own_contacts=own
    )
    message = f"#{desk.review.id} marked as replied."
    if status != "replied":
        message += f" It stays {status}: a status never moves backwards."
    desk.console.print(safe(message))


def _saved_draft(conn: Connection, review_id: int) -> Draft | None:
    from reviewwatch.replies import saved_draft

    return saved_draft(conn, review_id)


def _ago(moment: datetime) -> str:
    from reviewwatch.cli.render import age

    return age(moment)


def _edit(text: str) -> str:
    """The reply edited in $VISUAL / $EDITOR, or typed inline when neither is set."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        typer.echo("Type the reply; end with a line holding a single dot (or Ctrl-D).")
        lines: list[str] = []
        try:
            while (line := input()) != ".":
                lines.append(line)
        except EOFError:
            pass  # Ctrl-D ends the typing: what was typed is kept
        except KeyboardInterrupt:
            typer.echo("")  # Ctrl-C: what was typed so far is kept too
        return "\n".join(lines).strip() or text
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as draft:
        draft.write(text + "\n")
    path = Path(draft.name)
    try:
        try:
            result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (OSError, ValueError) as error:  # not installed, not runnable, bad quoting
            raise UserError(
                f"cannot run the editor {editor!r} ($VISUAL or $EDITOR): "
                f"{getattr(error, 'strerror', None) or error}; set it to an installed editor"
            ) from None
        if result.returncode != 0:
            raise UserError(
                f"the editor ({editor}) exited with status {result.returncode}; reply unchanged"
            )
        return path.read_text(encoding="utf-8").strip() or text
    finally:
        path.unlink(missing_ok=True)
