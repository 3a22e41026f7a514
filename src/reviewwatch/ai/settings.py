"""The `[ai]` table of the config: which model, where, and what may leave the machine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from reviewwatch.sources.base import Option, Secret
from reviewwatch.suggest import unknown_name

# What of a review may be sent to the model. Names and order ids only when listed.
SEND_FIELDS: tuple[str, ...] = ("text", "rating", "platform", "subject", "author", "order_id")
DEFAULT_SEND: tuple[str, ...] = ("text", "rating", "platform")
MAX_VOICE_EXAMPLES = 3

AI_KEYS: Mapping[str, Option] = {
    "model": Option(required=True),
    "endpoint": Option(),
    "key": Option(secret=True),
    "timeout": Option("float", default=30.0),
    "temperature": Option("float"),
    "max_reviews_per_poll": Option("int", default=10),
    "send": Option("str_list", default=list(DEFAULT_SEND)),
    "monthly_budget": Option("int"),
    "triage": Option("bool", default=False),
    "translate_alerts": Option("bool", default=False),
    "voice": Option("table"),
}
VOICE_KEYS = ("style", "examples")


class ProblemReader(Protocol):
    """The part of the config reader this module uses (it collects every problem at once)."""

    def problem(self, where: str, what: str) -> None: ...

    def table(self, values: Any, spec: Mapping[str, Option], where: str) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class AiSettings:
    """A validated `[ai]` table."""

    model: str
    endpoint: str | None = None
    key: Secret | None = None
    timeout: float = 30.0
    temperature: float | None = None
    max_reviews_per_poll: int = 10
    send: tuple[str, ...] = DEFAULT_SEND
    monthly_budget: int | None = None
    triage: bool = False
    translate_alerts: bool = False
    voice_style: str = ""
    voice_examples: tuple[str, ...] = ()

    def sends(self, field: str) -> bool:
        """True when `field` of a review may leave the machine."""
        return field in self.send


def read_ai_settings(reader: ProblemReader, table: Any) -> AiSettings | None:
    """The `[ai]` table checked, every problem recorded on `reader`; None when unusable."""
    values = reader.table(table, AI_KEYS, "ai")
    endpoint = values.get("endpoint")
    if endpoint is not None and not endpoint.startswith(("http://", "https://")):
        reader.problem("ai.endpoint", "must be an http:// or https:// URL (such as .../v1)")
    if values.get("timeout", 30.0) <= 0:
        reader.problem("ai.timeout", "must be a number of seconds above 0")
    temperature = values.get("temperature")
    if temperature is not None and not 0 <= temperature <= 2:
        reader.problem("ai.temperature", "must be from 0 to 2")
    if values.get("max_reviews_per_poll", 10) < 0:
        reader.problem("ai.max_reviews_per_poll", "must be 0 or more")
    budget = values.get("monthly_budget")
    if budget is not None and budget < 0:
        reader.problem("ai.monthly_budget", "must be 0 or more (requests a month)")
    send = values.get("send", list(DEFAULT_SEND))
    for field in send:
        if field not in SEND_FIELDS:
            reader.problem("ai.send", unknown_name("field", str(field), SEND_FIELDS))
    style, examples = _voice(reader, values.get("voice") or {})
    if "model" not in values:
        return None
    return AiSettings(
        model=values["model"],
        endpoint=endpoint.rstrip("/") if endpoint else None,
        key=values.get("key"),
        timeout=values.get("timeout", 30.0),
        temperature=temperature,
        max_reviews_per_poll=values.get("max_reviews_per_poll", 10),
        send=tuple(dict.fromkeys(field for field in send if field in SEND_FIELDS)),
        monthly_budget=budget,
        triage=values.get("triage", False),
        translate_alerts=values.get("translate_alerts", False),
        voice_style=style,
        voice_examples=examples,
    )


def _voice(reader: ProblemReader, voice: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    for key in voice:
        if key not in VOICE_KEYS:
            reader.problem("ai.voice", unknown_name("key", key, VOICE_KEYS))
    style = voice.get("style", "")
    if not isinstance(style, str):
        reader.problem("ai.voice.style", "expected a string")
        style = ""
    examples = voice.get("examples", [])
    if isinstance(examples, str):
        examples = [examples]
    if not isinstance(examples, list) or not all(isinstance(item, str) for item in examples):
        reader.problem("ai.voice.examples", "expected a list of strings")
        examples = []
    if len(examples) > MAX_VOICE_EXAMPLES:
        reader.problem("ai.voice.examples", f"at most {MAX_VOICE_EXAMPLES} example replies")
    return style.strip(), tuple(item.strip() for item in examples[:MAX_VOICE_EXAMPLES])
