"""The reply desk: one review's reply being written, and what can be done with it.

`Desk` holds the reply (text, language, variant, whether the model wrote it) and its actions,
shared by the scripted `reply` and the interactive menu: draft again (another variant or
language, or the model's draft), save the draft, check, print for pasting, post (or hand over
for approval), approve someone else's reply, and mark the review replied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from reviewwatch.cli.check import finding_dicts, print_findings
from reviewwatch.cli.context import AppState, triage_cache
from reviewwatch.cli.render import error_console, safe
from reviewwatch.errors import BlockedError, UserError
from reviewwatch.models import Review

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection


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
    force: bool = False
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

    def own_contacts(self) -> frozenset[str]:
        """The review's business's own support address, as the checker compares it."""
        return self.state.settings_config().own_contacts(self.review.business)

    def findings(self) -> tuple[bool, list[dict[str, Any]]]:
        from reviewwatch.replies import check_for

        result = check_for(self.review, self.text, self.language, own_contacts=self.own_contacts())
        return result.ok, finding_dicts(result)

    def print_checked(self, ok: bool, findings: list[dict[str, Any]]) -> None:
        """Print the reply to paste by hand, only when the checker allows it (BlockedError,
        exit 5, otherwise). The text goes to standard output alone; findings go to standard
        error."""
        if not ok:
            print_findings(error_console(), self.text, findings, ok=ok)
            raise BlockedError(
                f"the reply to #{self.review.id} breaks {self.review.platform}'s rules; not printed"
            )
        if findings:
            print_findings(error_console(), self.text, findings, ok=ok)
        self.console.print(safe(self.text))

    def post(self) -> None:
        """Post the reply, or, with settings.reply_approval, leave it waiting for approval."""
        from reviewwatch.replies import post_reply

        if self.state.settings_config().settings.reply_approval:
            from reviewwatch.approval import request_approval

            request_approval(
                self.conn, self.review, self.text, language=self.language, actor=self.by
            )
            self.console.print(
                safe(
                    f"#{self.review.id}: the reply waits for approval by someone else:"
                    f" reviewwatch reply {self.review.id} --approve"
                )
            )
            return
        post_reply(
            self.conn,
            self.state.config(),
            self.review,
            self.text,
            language=self.language,
            actor=self.by,
            replace=self.replace,
        )
        self.console.print(Text(f"Posted. #{self.review.id} is now replied.", style="green"))

    def approve(self) -> None:
        """Approve the waiting reply; post it, or print it for pasting where there is no API."""
        from reviewwatch import approval
        from reviewwatch.replies import post_reply, posting_refusal

        waiting = approval.approve(self.conn, self.review, self.by)
        self.text, self.language = waiting.text, waiting.language
        ok, findings = self.findings()
        if not ok:
            print_findings(self.console, self.text, findings, ok=ok)
            raise BlockedError(
                f"the reply to #{self.review.id} breaks {self.review.platform}'s rules; not posted"
            )
        refusal = posting_refusal(self.state.config(), self.review)
        if refusal is None:
            post_reply(
                self.conn,
                self.state.config(),
                self.review,
                self.text,
                language=self.language,
                actor=waiting.actor,
            )
            self.console.print(
                Text(f"Approved and posted. #{self.review.id} is now replied.", style="green")
            )
            return
        self.console.print(safe(self.text))
        error_console().print(
            safe(
                f"Approved, not posted ({refusal}): paste the reply above on the platform,"
                f" then run `reviewwatch reply {self.review.id} --mark-replied`."
            )
        )

    def mark_replied(self) -> None:
        """Record that the reply was posted by hand on the platform, and mark the review replied."""
        from reviewwatch import replies

        status = replies.mark_replied(
            self.conn,
            self.review,
            self.text or None,
            actor=self.by,
            own_contacts=self.own_contacts(),
            force=self.force,
        )
        message = f"#{self.review.id} marked as replied."
        if self.force:
            message += " This reply is recorded in place of any earlier one."
        if status != "replied":
            message += f" It stays {status}: a status never moves backwards."
        self.console.print(safe(message))


def _same_draft_language(asked: str, drafted: str) -> bool:
    """Whether a draft in `drafted` is in the language `--lang asked` asked for (its script,
    for Chinese, follows the tag or the review: "zh-TW" gives "zh-Hant")."""
    from reviewwatch.triage._text import base_language

    return base_language(asked) == base_language(drafted)
