"""AI assistance for stored reviews: drafts, a second opinion, translations, all cached.

Every answer is cached per review version, model and request (`ai.store`), every request is
counted against `[ai] monthly_budget`, and every failure is an `AiError` with a one-line reason,
so callers can show the offline result and say why. A draft is checked by the same policy
checker as any reply; a blocked draft is sent back once with the findings, and stays blocked if
the second answer is blocked too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewwatch.ai.model import AiError, ModelClient
from reviewwatch.ai.opinion import Opinion, validate_opinion
from reviewwatch.ai.prompts import (
    NAME_PLACEHOLDER,
    Redactor,
    draft_request,
    fix_request,
    opinion_request,
    translation_request,
)
from reviewwatch.ai.settings import AiSettings
from reviewwatch.ai.store import cached_result, keep_result, request_key, take_request
from reviewwatch.business import BusinessInfo
from reviewwatch.config import Config
from reviewwatch.models import Review
from reviewwatch.store.connection import Connection
from reviewwatch.triage.models import PLATFORMS, CheckResult

_PLACEHOLDER_GAP = re.compile(r"[ \t]*\[name\][ \t]*(?=[,!.:;\n]|$)|\[name\][ \t]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AiDraft:
    """A draft from the model, checked. `ok` False: blocked, never to be posted."""

    text: str
    language: str
    check: CheckResult
    fixed: bool  # the model was asked once to fix a blocked first draft
    model: str
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.check.ok


@dataclass(frozen=True, slots=True)
class Translation:
    text: str
    target: str
    source_language: str | None
    model: str


@dataclass(frozen=True, slots=True)
class _Request:
    system: str
    prompt: str
    key: str
    cached: Any


@dataclass(slots=True)
class OpinionRun:
    """What a poll's second opinions did: how many were asked, and why any stopped."""

    asked: int = 0
    cached: int = 0
    notes: list[str] = field(default_factory=list)


def base_code(language: str | None) -> str:
    return (language or "").split("-")[0].lower()


class AiAssistant:
    """AI help for the reviews of one database, with one config's `[ai]`, business and rules."""

    def __init__(self, conn: Connection, config: Config) -> None:
        if config.ai is None:
            raise AiError("no [ai] table in the config")
        self.conn = conn
        self.config = config
        self.settings: AiSettings = config.ai
        self.client = ModelClient(self.settings, before_request=self._count_request)

    @property
    def model(self) -> str:
        return self.client.label

    def _count_request(self) -> None:
        take_request(self.conn, self.settings.monthly_budget)

    def _prepare(self, review: Review, kind: str, system: str, prompt: str) -> _Request:
        """The request made safe to send (see `Redactor`), its cache key and cached answer."""
        redact = Redactor(review, self.settings)
        system, prompt = redact(system), redact(prompt)
        key = request_key(kind, system, prompt, str(self.settings.temperature))
        cached = cached_result(self.conn, review, model=self.model, kind=kind, request=key)
        return _Request(system, prompt, key, cached)

    def _needs_text(self, what: str) -> None:
        if not self.settings.sends("text"):
            raise AiError(f"[ai] send does not list text, so the review is not sent for {what}")

    # Drafts -------------------------------------------------------------------------------

    def draft(
        self,
        review: Review,
        triage: Mapping[str, Any],
        *,
        language: str | None = None,
        variant: int = 0,
    ) -> AiDraft:
        """A reply in the business's voice, checked (and fixed once when blocked)."""
        from reviewwatch.triage.policies import load_policy

        platform = review.platform if review.platform in PLATFORMS else "generic"
        policy = load_policy(platform)
        if not policy.reply.allowed:
            raise AiError(f"{review.platform} has no public reply: use the next steps instead")
        language = language or triage.get("detected_language") or self.config.settings.language
        asked = self._prepare(
            review,
            "draft",
            *draft_request(
                review,
                triage=triage,
                business=self._business_of(review),
                policy=policy,
                settings=self.settings,
                language=language,
                variant=variant,
            ),
        )
        cached = asked.cached
        if isinstance(cached, Mapping) and isinstance(cached.get("text"), str):
            return self._checked(review, cached["text"], language, fixed=bool(cached.get("fixed")))
        first = self._reply_text(review, self.client.ask_json(asked.system, asked.prompt))
        drafted = self._checked(review, first, language, fixed=False)
        if not drafted.ok:
            redact = Redactor(review, self.settings)
            system, prompt = fix_request(
                asked.system, asked.prompt, first, _blocking(drafted.check)
            )
            try:
                fixed = self._reply_text(
                    review, self.client.ask_json(redact(system), redact(prompt))
                )
            except AiError as error:  # the blocked draft stays blocked; nothing is cached
                note = f"the fix was not made: {error}"
                return AiDraft(first, language, drafted.check, False, self.model, note=note)
            drafted = self._checked(review, fixed, language, fixed=True)
        keep_result(
            self.conn,
            review,
            model=self.model,
            kind="draft",
            request=asked.key,
            result={"text": drafted.text, "fixed": drafted.fixed, "language": language},
        )
        return drafted

    def _business_of(self, review: Review) -> BusinessInfo:
        """The review's own business (its source names one), else the config's only one."""
        profile = self.config.business_named(review.business)
        return profile.info if profile is not None else self.config.business

    def _reply_text(self, review: Review, answer: Mapping[str, Any]) -> str:
        reply = answer.get("reply")
        if not isinstance(reply, str) or not reply.strip():
            raise AiError("the model's answer held no reply (a refusal?)")
        return fill_name(reply.strip(), review)

    def _checked(self, review: Review, text: str, language: str, *, fixed: bool) -> AiDraft:
        from reviewwatch.replies import check_for

        own = self.config.own_contacts(review.business)
        result = check_for(review, text, language, own_contacts=own)
        return AiDraft(text, language, result, fixed, self.model)

    def cached_draft(self, review: Review) -> tuple[str, str] | None:
        """(text, language) of the newest AI draft of this review version that passes the
        checker, without asking the model."""
        from reviewwatch.ai.store import latest_result

        cached = latest_result(self.conn, review, model=self.model, kind="draft")
        if not isinstance(cached, Mapping) or not isinstance(cached.get("text"), str):
            return None
        language = str(cached.get("language") or self.config.settings.language)
        if not self._checked(review, cached["text"], language, fixed=False).ok:
            return None
        return cached["text"], language

    # Second opinion -------------------------------------------------------------------------

    def opinion(self, review: Review, *, ask: bool = True) -> Opinion | None:
        """The model's triage of the review: cached, or asked for when `ask`."""
        self._needs_text("a second opinion")
        asked = self._prepare(review, "opinion", *opinion_request(review, self.settings))
        if isinstance(asked.cached, Mapping):
            return validate_opinion(asked.cached)
        if not ask:
            return None
        opinion = validate_opinion(self.client.ask_json(asked.system, asked.prompt))
        keep_result(
            self.conn,
            review,
            model=self.model,
            kind="opinion",
            request=asked.key,
            result=opinion.to_json(),
        )
        return opinion

    def opinion_labels(
        self, review: Review, offline: Mapping[str, Any]
    ) -> Mapping[str, Sequence[str]] | None:
        """The cached second opinion as a correction would record it (its categories and its
        confirmed removal grounds), without asking the model: the hook for `triage correct`
        to take the model's labels. None when there is no second opinion yet."""
        from reviewwatch.ai.opinion import compare, labels_for_correction

        opinion = self.opinion(review, ask=False)
        if opinion is None:
            return None
        return labels_for_correction(opinion, compare(opinion, review, offline))

    def second_opinions(self, reviews: Iterable[Review]) -> OpinionRun:
        """Second opinions for newly flagged reviews, at most `max_reviews_per_poll` asked.

        The first failure stops the run (a dead model costs one timeout, not one per review).
        """
        run = OpinionRun()
        for review in reviews:
            if not review.flagged:
                continue
            try:
                if self.opinion(review, ask=False) is not None:
                    run.cached += 1
                    continue
                if run.asked >= self.settings.max_reviews_per_poll:
                    break
                run.asked += 1
                self.opinion(review)
            except AiError as error:
                run.notes.append(f"second opinion on #{review.id}: {error}")
                break
        return run

    def alert_translations(
        self, reviews: Iterable[Review]
    ) -> tuple[dict[int, dict[str, str]], list[str]]:
        """Machine translations for the alerts of newly flagged reviews not written in
        `settings.language` (at most `max_reviews_per_poll` asked), and notes on failures."""
        target = base_code(self.config.settings.language)
        translations: dict[int, dict[str, str]] = {}
        asked = 0
        for review in reviews:
            if not review.flagged or base_code(review.language) in ("", target):
                continue
            if asked >= self.settings.max_reviews_per_poll:
                break
            asked += 1
            try:
                translation = self.translate_review(review)
            except AiError as error:
                return translations, [f"no translation for #{review.id}'s alert: {error}"]
            translations[review.id] = {
                "language": translation.target,
                "text": translation.text,
                "model": translation.model,
            }
        return translations, []

    # Translation ----------------------------------------------------------------------------

    def translate_review(self, review: Review) -> Translation:
        """The review (title and text) in `settings.language`, by machine translation."""
        self._needs_text("translation")
        redact = Redactor(review, self.settings)
        text = "\n".join(redact(part) for part in (review.title, review.body) if part)
        return self._translate(review, "translation", text)

    def back_translate(self, review: Review, reply: str) -> Translation:
        """A reply draft in `settings.language`, so the seller can check what it says."""
        redact = Redactor(review, self.settings)
        translation = self._translate(review, "back_translation", redact(reply))
        return Translation(
            fill_name(translation.text, review),
            translation.target,
            translation.source_language,
            translation.model,
        )

    def _translate(self, review: Review, kind: str, text: str) -> Translation:
        target = self.config.settings.language
        asked = self._prepare(review, kind, *translation_request(text, target))
        answer = asked.cached if isinstance(asked.cached, Mapping) else None
        if answer is None:
            answer = self.client.ask_json(asked.system, asked.prompt)
            if not isinstance(answer.get("translation"), str) or not answer["translation"].strip():
                raise AiError("the model's answer held no translation")
            keep_result(
                self.conn, review, model=self.model, kind=kind, request=asked.key, result=answer
            )
        source = answer.get("source_language")
        return Translation(
            str(answer["translation"]).strip(),
            target,
            source if isinstance(source, str) else None,
            self.model,
        )


def _blocking(check: CheckResult) -> list[dict[str, Any]]:
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "start": f.start,
            "end": f.end,
        }
        for f in check.findings
        if f.severity == "block"
    ]


def fill_name(text: str, review: Review) -> str:
    """`[name]` in a model's text becomes the reviewer's first name, here, on this machine."""
    if NAME_PLACEHOLDER not in text.lower():
        return text
    from reviewwatch.triage.drafts import first_name

    name = first_name(review.author)
    if name:
        return re.sub(re.escape(NAME_PLACEHOLDER), name, text, flags=re.IGNORECASE)
    return _PLACEHOLDER_GAP.sub("", text)
