"""The interactive reply desk: the review, then the reply under a menu of one-letter actions.

The menu comes back after every action until the reply is posted, printed for pasting, marked
replied, or skipped. Editing opens $VISUAL or $EDITOR (or reads typed lines when neither is set)
and keeps the edited reply as the review's draft.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

import typer
from rich.text import Text

from reviewwatch.cli.check import print_findings
from reviewwatch.cli.context import triage_cache
from reviewwatch.cli.desk import Desk
from reviewwatch.cli.render import age, safe
from reviewwatch.errors import UserError
from reviewwatch.models import utc_now

LANGUAGE_PROMPT = "Language (en, de, es, fr, it, pt, pl, nl, lv, zh, zh-Hant, ja)"


def menu(*, postable: bool, with_ai: bool) -> str:
    """The desk's actions: [p]ost only where the review's source can post, [a]i draft only
    with [ai]."""
    actions = [
        "[e]dit",
        "[v]ariant",
        "[l]anguage",
        *(["[a]i draft"] if with_ai else []),
        "[c]heck",
        *(["[p]ost"] if postable else []),
        "p[r]int",
        "[m]ark replied",
        "[s]kip",
    ]
    return "  ".join(actions)


def run_menu(desk: Desk) -> None:
    """Show the review, then the reply and the menu until an action ends the desk."""
    from reviewwatch.replies import posting_refusal

    _show_review(desk)
    refusal = posting_refusal(desk.state.config(), desk.review)
    with_ai = desk.state.settings_config().ai is not None
    prompt = menu(postable=refusal is None, with_ai=with_ai)
    while True:
        _show_reply(desk)
        choice = typer.prompt(prompt, default="s").strip().lower()[:1]
        if _act(desk, choice, refusal=refusal, with_ai=with_ai):
            return


def _show_review(desk: Desk) -> None:
    """The review as `show` prints it, with the model's second opinion when [ai] triages."""
    from reviewwatch.cli.browse import print_review
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


def _show_reply(desk: Desk) -> None:
    desk.console.print()
    if desk.draft_saved is not None:
        heading = f"Your draft ({desk.language}, saved {age(desk.draft_saved)} ago):"
    else:
        heading = f"Your reply ({desk.language}, variant {desk.variant}):"
    desk.console.print(Text(heading, style="bold"))
    desk.console.print(safe(desk.text))


def _act(desk: Desk, choice: str, *, refusal: str | None, with_ai: bool) -> bool:
    """Carry out the menu choice; True when it ends the desk (posted, printed, marked, skipped).

    `refusal` says why the reply cannot be posted here (None when it can). An unknown letter
    does nothing: the menu comes back.
    """
    if choice == "e":
        _edit_reply(desk)
    elif choice == "v":
        desk.redraft(variant=desk.variant + 1)
        desk.draft_saved = None
    elif choice == "l":
        desk.redraft(language=typer.prompt(LANGUAGE_PROMPT).strip())
        desk.draft_saved = None
    elif choice == "a" and with_ai:
        desk.ai_redraft(scripted=False)
    elif choice == "c":
        ok, findings = desk.findings()
        print_findings(desk.console, desk.text, findings, ok=ok)
    elif choice == "p" and _confirm_post(desk, refusal):
        desk.post()
        return True
    elif choice == "r":
        return _print_if_allowed(desk)
    elif choice == "m":
        return _mark_if_allowed(desk)
    elif choice == "s":
        return True
    return False


def _edit_reply(desk: Desk) -> None:
    """The reply edited by hand and kept as the draft; a failed editor leaves it as it was."""
    try:
        edited = _edited_text(desk.text)
    except UserError as error:
        # A failed editor is no reason to leave the desk: back to the menu.
        desk.console.print(Text("error: ", style="bold red"), safe(str(error)), sep="")
        return
    if edited != desk.text:
        desk.text = edited
        desk.save()
        desk.draft_saved = utc_now()
        desk.console.print(Text("Saved as the draft of this review.", style="dim"))


def _confirm_post(desk: Desk, refusal: str | None) -> bool:
    if refusal is not None:
        desk.console.print(
            safe(
                f"Not posted: {refusal}. P[r]int the reply, paste it on the platform, "
                "then [m]ark replied."
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


def _print_if_allowed(desk: Desk) -> bool:
    """Print the reply for pasting when the checker allows it (True); else say why not."""
    ok, findings = desk.findings()
    if ok:
        desk.print_checked(ok, findings)
        return True
    print_findings(desk.console, desk.text, findings, ok=ok)
    desk.console.print(Text("Not printed: edit the reply first.", style="bold red"))
    return False


def _mark_if_allowed(desk: Desk) -> bool:
    """Mark the review replied when the checker allows the reply (True); else say why not."""
    ok, findings = desk.findings()
    if ok:
        desk.mark_replied()
        return True
    print_findings(desk.console, desk.text, findings, ok=ok)
    desk.console.print(Text("Not marked: fix the reply first.", style="bold red"))
    return False


def _edited_text(text: str) -> str:
    """The reply edited in $VISUAL / $EDITOR, or typed inline when neither is set."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        return _typed_text() or text
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


def _typed_text() -> str:
    """A reply typed at the prompt, up to a line holding a single dot (or Ctrl-D), stripped."""
    typer.echo("Type the reply; end with a line holding a single dot (or Ctrl-D).")
    lines: list[str] = []
    try:
        while (line := input()) != ".":
            lines.append(line)
    except EOFError:
        pass  # Ctrl-D ends the typing: what was typed is kept
    except KeyboardInterrupt:
        typer.echo("")  # Ctrl-C: what was typed so far is kept too
    return "\n".join(lines).strip()
