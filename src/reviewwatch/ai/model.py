"""Talking to the user's model through Simon Willison's `llm` library.

With `[ai] endpoint`, the model is `llm`'s own OpenAI chat model pointed at that base URL (the
chat completions API, as `llm openai --url` and `extra-openai-models.yaml` do it); without one,
`llm.get_model` finds the model among `llm`'s models and plug-ins, with the keys `llm keys set`
stored. Every failure becomes an `AiError` with a one-line reason: callers fall back to the
offline result and say why.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from typing import Any

from reviewwatch.ai.settings import AiSettings
from reviewwatch.errors import ReviewwatchError

# How long past `timeout` a call may run before it is given up: the HTTP client's own timeout
# normally ends it first, but a plug-in model may not honour one.
_GRACE_SECONDS = 2.0
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class AiError(ReviewwatchError):
    """The model could not give a usable answer; the message is one line, fit to show."""


class ModelClient:
    """One model, asked for JSON answers, each request counted against the monthly budget.

    `before_request` runs before every request that would leave the machine (the budget check);
    it raises AiError to stop it. After a timeout or an unreachable server, the client stops
    asking for the rest of its life (one poll, one command), so a dead model costs one timeout.
    """

    def __init__(
        self, settings: AiSettings, *, before_request: Callable[[], None] | None = None
    ) -> None:
        self.settings = settings
        self.before_request = before_request
        self._model: Any = None
        self._down: str | None = None

    @property
    def label(self) -> str:
        """The model as the cache and the user know it."""
        endpoint = self.settings.endpoint
        return f"{self.settings.model} at {endpoint}" if endpoint else self.settings.model

    def ask_json(self, system: str, prompt: str) -> dict[str, Any]:
        """The model's answer to `prompt`, which must be one JSON object."""
        return parse_json_object(self.ask(system, prompt))

    def ask(self, system: str, prompt: str) -> str:
        if self._down:
            raise AiError(f"{self._down} (not asked again in this run)")
        model = self._load()
        if self.before_request is not None:
            self.before_request()
        options: dict[str, Any] = {}
        if self.settings.temperature is not None:
            options["temperature"] = self.settings.temperature
        if _has_option(model, "json_object"):
            options["json_object"] = True
        try:
            text = self._run(lambda: model.prompt(prompt, system=system, stream=False, **options))
        except AiError as error:
            if error.args and _stops_the_run(str(error.args[0])):
                self._down = str(error.args[0])
            raise
        if not text.strip():
            raise AiError("the model gave an empty answer (a refusal?)")
        return text

    def _run(self, start: Callable[[], Any]) -> str:
        """Run the request in a worker thread, so that a hung model cannot hang reviewwatch."""
        outcome: list[tuple[bool, Any]] = []

        def work() -> None:
            try:
                outcome.append((True, start().text()))
            except BaseException as error:  # handed to the caller's thread
                outcome.append((False, error))

        worker = threading.Thread(target=work, name="reviewwatch-ai", daemon=True)
        worker.start()
        worker.join(self.settings.timeout + _GRACE_SECONDS)
        if not outcome:
            raise AiError(_timed_out(self.settings.timeout))
        ok, value = outcome[0]
        if ok:
            return str(value or "")
        raise AiError(describe_failure(value, self.settings)) from value

    def _load(self) -> Any:
        if self._model is None:
            self._model = load_model(self.settings)
        return self._model


def load_model(settings: AiSettings) -> Any:
    """The `llm` model object for these settings."""
    try:
        import llm
        from llm.default_plugins.openai_models import Chat
    except ImportError:
        raise AiError("the `llm` library is not installed: pip install 'reviewwatch[ai]'") from None
    if settings.endpoint is None:
        try:
            found: Any = llm.get_model(settings.model)
        except llm.UnknownModelError:
            raise AiError(
                f"llm knows no model {settings.model!r} (see `llm models`, or set [ai] endpoint)"
            ) from None
        except Exception as error:  # a broken plug-in or llm config file: not our traceback
            raise AiError(f"llm could not load its models ({type(error).__name__})") from error
        if settings.key is not None and getattr(found, "needs_key", None):
            found.key = settings.key.reveal()
        return found
    timeout = settings.timeout

    class EndpointChat(Chat):
        """llm's OpenAI chat model, with our timeout and without the client's silent retries."""

        def get_client(self, key: str | None, *, async_: bool = False) -> Any:
            client = super().get_client(key, async_=async_)  # type: ignore[no-untyped-call]
            return client.with_options(timeout=timeout, max_retries=0)

    model: Any = EndpointChat(  # type: ignore[no-untyped-call]
        model_id=f"reviewwatch-{settings.model}",
        model_name=settings.model,
        api_base=settings.endpoint,
    )
    # As for llm's own configured api_base: never the user's default OpenAI key; ours if given.
    model.needs_key = None
    if settings.key is not None:
        model.needs_key = "reviewwatch"
        model.key = settings.key.reveal()
    return model


def _has_option(model: Any, name: str) -> bool:
    fields = getattr(getattr(model, "Options", None), "model_fields", {})
    return name in fields


def parse_json_object(text: str) -> dict[str, Any]:
    """One JSON object from a model's answer (a code fence around it is tolerated)."""
    fenced = _FENCE.match(text)
    body = fenced.group(1) if fenced else text.strip()
    try:
        value = json.loads(body)
    except json.JSONDecodeError:
        start, end = body.find("{"), body.rfind("}")
        try:
            value = json.loads(body[start : end + 1]) if 0 <= start < end else None
        except json.JSONDecodeError:
            value = None
    if not isinstance(value, dict):
        raise AiError("the model's answer was not the JSON object asked for")
    return value


def _timed_out(timeout: float) -> str:
    return f"the model did not answer within {timeout:g} seconds"


def _stops_the_run(reason: str) -> bool:
    return reason.startswith(("the model did not answer", "cannot reach"))


def describe_failure(error: BaseException, settings: AiSettings) -> str:
    """A one-line reason for a failed request, without the request or any credential."""
    where = settings.endpoint or settings.model
    name = type(error).__name__
    status = getattr(error, "status_code", None)
    if "Timeout" in name:
        return _timed_out(settings.timeout)
    if "Connection" in name:
        return f"cannot reach the model at {where}"
    if isinstance(status, int):
        if status in (401, 403):
            return f"the model's server refused the key (HTTP {status})"
        if status == 404:
            return f"the model's server does not know {settings.model!r} (HTTP 404)"
        if status == 429:
            return "the model's server says too many requests (HTTP 429)"
        return f"the model's server answered HTTP {status}"
    if name == "NeedsKeyException":
        return f"{settings.model} needs a key: `llm keys set ...` or [ai] key"
    return f"the model failed ({name})"
