"""AI assistance on the terminal: notes, the second opinion, translations, blocked drafts.

Imported only when the config has an `[ai]` table (or a command was asked for AI help).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from reviewwatch.cli.check import finding_dicts, print_findings
from reviewwatch.cli.render import error_console, safe
from reviewwatch.errors import UserError

if TYPE_CHECKING:
    from reviewwatch.ai.opinion import Comparison
    from reviewwatch.ai.service import AiAssistant, AiDraft, Translation
    from reviewwatch.config import Config
    from reviewwatch.models import Review
    from reviewwatch.store.connection import Connection

NO_AI = "needs an [ai] table in the config (README: AI assistance)"


def assistant_for(config: Config, conn: Connection, *, asked_for: str = "") -> AiAssistant:
    """The AI assistant of this config; a usage error naming `asked_for` when there is no [ai]."""
    if config.ai is None:
        raise UserError(f"{asked_for or 'AI assistance'} {NO_AI}")
    from reviewwatch.ai.service import AiAssistant

    return AiAssistant(conn, config)


def note(message: str) -> None:
    """One line on stderr: what the AI could not do, and what is shown instead."""
    error_console().print(Text("ai: ", style="yellow"), safe(message), sep="")


def print_blocked_draft(draft: AiDraft) -> None:
    """A blocked AI draft on stderr, with the checker's findings: never on stdout."""
    console = error_console()
    console.print(
        Text("AI draft, blocked by the policy checker (not for posting):", style="bold red")
    )
    console.print(safe(draft.text))
    print_findings(console, draft.text, finding_dicts(draft.check), ok=False)


def print_opinion(
    console: Console, comparison: Comparison, model: str, offline: Mapping[str, Any]
) -> None:
    """The second opinion beside the offline triage, where they disagree."""
    console.print()
    head = Text(f"Second opinion ({model})", style="bold")
    if comparison.agrees:
        console.print(head, safe(": agrees with the triage above"), sep="")
        return
    console.print(head)
    if comparison.language is not None:
        console.print(
            safe(f"  language: {comparison.language} (triage: {offline.get('detected_language')})")
        )
    if comparison.categories is not None:
        ours = ", ".join(offline.get("categories") or []) or "nothing specific"
        theirs = ", ".join(comparison.categories) or "nothing specific"
        console.print(safe(f"  about: {theirs} (triage: {ours})"))
    for ground, words in comparison.confirmed_grounds:
        quoted = ", ".join(f'"{word}"' for word in words)
        console.print(safe(f"  may be reported: {ground}, its words are in the review: {quoted}"))
    for ground in comparison.unconfirmed_grounds:
        console.print(
            safe(f"  not confirmed: {ground} (neither the triage nor the review's words back it)"),
            style="dim",
        )


def print_translation(console: Console, label: str, translation: Translation) -> None:
    console.print()
    console.print(
        Text(
            f"{label} in {translation.target}, machine translation by {translation.model}", "bold"
        ),
        safe(" (may be inexact):"),
        sep="",
    )
    console.print(safe(translation.text))


def opinion_document(comparison: Comparison, model: str) -> dict[str, Any]:
    from reviewwatch.ai.opinion import comparison_json

    return {"model": model, **comparison_json(comparison)}


def second_opinion(
    assistant: AiAssistant, review: Review, offline: Mapping[str, Any]
) -> Comparison | None:
    """The second opinion on a flagged review (asked for where missing), or None with a note."""
    from reviewwatch.ai.model import AiError
    from reviewwatch.ai.opinion import compare

    try:
        opinion = assistant.opinion(review)
    except AiError as error:
        note(f"no second opinion: {error}; the offline triage stands")
        return None
    return compare(opinion, review, offline) if opinion else None


class ShowExtras:
    """What `show` adds with AI help: the second opinion and translations (each optional)."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.comparison: Comparison | None = None
        self.translation: Translation | None = None
        self.back_translation: Translation | None = None

    def print(self, console: Console, offline: Mapping[str, Any]) -> None:
        if self.comparison is not None:
            print_opinion(console, self.comparison, self.model, offline)
        if self.translation is not None:
            print_translation(console, "The review", self.translation)
        if self.back_translation is not None:
            print_translation(console, "The suggested reply", self.back_translation)

    def document(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if self.comparison is not None:
            result["second_opinion"] = opinion_document(self.comparison, self.model)
        for key, value in (
            ("translation", self.translation),
            ("reply_back_translation", self.back_translation),
        ):
            if value is not None:
                result[key] = {
                    "language": value.target,
                    "text": value.text,
                    "machine_translation": True,
                    "model": value.model,
                }
        return result


def show_extras(
    config: Config,
    conn: Connection,
    review: Review,
    triage: Mapping[str, Any],
    *,
    translate: bool,
) -> ShowExtras | None:
    """The AI parts of `show`: a second opinion (with `[ai] triage`), translations on request.

    Nothing is asked unless the config has `[ai]`; every failure is a note, never an error.
    """
    if config.ai is None and not translate:
        return None
    assistant = assistant_for(config, conn, asked_for="--translate")
    extras = ShowExtras(assistant.model)
    if assistant.settings.triage and review.flagged:
        extras.comparison = second_opinion(assistant, review, triage)
    if translate:
        _translate(assistant, review, triage, extras)
    return extras


def _translate(
    assistant: AiAssistant, review: Review, triage: Mapping[str, Any], extras: ShowExtras
) -> None:
    from reviewwatch.ai.model import AiError
    from reviewwatch.ai.service import base_code

    target = assistant.config.settings.language
    language = triage.get("detected_language") or review.language
    if base_code(language) == base_code(target):
        note(f"the review is already in {target}: nothing to translate")
    else:
        try:
            extras.translation = assistant.translate_review(review)
        except AiError as error:
            note(f"no translation: {error}")
    draft = assistant.cached_draft(review)
    if draft is None and triage.get("suggested_reply"):
        draft = (triage["suggested_reply"], triage.get("reply_language") or target)
    if draft is None or base_code(draft[1]) == base_code(target):
        return
    try:
        extras.back_translation = assistant.back_translate(review, draft[0])
    except AiError as error:
        note(f"no back-translation of the reply: {error}")
