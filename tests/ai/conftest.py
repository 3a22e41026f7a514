"""An OpenAI-compatible model host on 127.0.0.1 and a small shop polled into a database.

The model host is the only thing played: reviewwatch, the `llm` library and the OpenAI client
run for real, over HTTP, against it.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from reviewwatch.location import Location, parse_location
from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer, Request, Response

CHAT_PATH = "/v1/chat/completions"
GOOD_DRAFT = (
    "Hello [name], we are sorry the teapot arrived cracked. We are sending a new one today; "
    "write to us through our help page if anything else is wrong. Anna, Leaf & Cup"
)
AUTHOR = "Jane Doe"
ORDER_ID = "114-3941689-8772232"
BROKEN_TEXT = "The teapot arrived cracked and the lid was broken. Very disappointed."
SPANISH_TEXT = "La tetera llegó rota y nadie contesta mis correos. Muy decepcionada."


def completion(content: str, model: str = "test-model") -> dict[str, Any]:
    """A chat completion as OpenAI-compatible servers (Ollama, vLLM, llama.cpp) send it."""
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1764950400,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160},
    }


class FakeModel:
    """Answers chat completions from a queue; with nothing queued, a sensible default per task."""

    def __init__(self, server: LoopbackServer) -> None:
        self.server = server
        self.queue: deque[Response] = deque()
        server.route("POST", CHAT_PATH, self._answer)

    @property
    def url(self) -> str:
        return self.server.url("/v1")

    def answer(self, content: str | Mapping[str, Any], *, delay: float = 0.0) -> None:
        text = content if isinstance(content, str) else json.dumps(content)
        self.queue.append(Response(200, completion(text), delay=delay))

    def refuse(self, refusal: str = "I can't help with that.") -> None:
        """A refusal as the OpenAI API sends it: no content, a `refusal` message."""
        body = completion("")
        body["choices"][0]["message"] = {"role": "assistant", "content": None, "refusal": refusal}
        self.queue.append(Response(200, body))

    def fail(self, status: int, body: Any = None) -> None:
        self.queue.append(Response(status, body or {"error": {"message": "model failed"}}))

    @property
    def requests(self) -> list[Request]:
        return self.server.requests_to(CHAT_PATH, "POST")

    def bodies(self) -> list[dict[str, Any]]:
        return [request.json() for request in self.requests]

    def _answer(self, request: Request) -> Response:
        if self.queue:
            return self.queue.popleft()
        system = request.json()["messages"][0]["content"]
        if "public reply" in system:
            return Response(200, completion(json.dumps({"reply": GOOD_DRAFT})))
        if "translate" in system:
            return Response(
                200,
                completion(json.dumps({"translation": "(translated)", "source_language": "es"})),
            )
        opinion = {"language": "en", "categories": ["damaged_in_transit"], "removal_grounds": []}
        return Response(200, completion(json.dumps(opinion)))


@pytest.fixture
def model(server: LoopbackServer) -> FakeModel:
    return FakeModel(server)


class Shop:
    """A json_file shop with an [ai] table, polled twice: a baseline, then flagged reviews."""

    def __init__(
        self,
        folder: Path,
        ai: Mapping[str, Any] | None,
        *,
        platform: str = "generic",
        notify: list[dict[str, Any]] | None = None,
        db: str | None = None,
    ) -> None:
        """`db`: a file path or a PostgreSQL URL (`engine_db`); a file in `folder` if None."""
        self.folder = folder
        self.data = folder / "reviews.jsonl"
        self.db: Location = parse_location(db, {}, "db") if db else folder / "reviews.db"
        self.platform = platform
        self.notify = notify
        self.configure(ai)

    def configure(self, ai: Mapping[str, Any] | None, **settings: Any) -> None:
        fields = {**FIELDS, "order_id": "order"}
        source = {
            "name": "shop",
            "kind": "json_file",
            "path": self.data.name,
            "fields": fields,
            "platform": self.platform,
        }
        self.config = write_config(
            self.folder,
            [source],
            settings={"language": "en", **settings},
            business={
                "name": "Leaf & Cup",
                "signature": "Anna, Leaf & Cup",
                "contact": "our help page",
            },
            extra={
                **({"ai": dict(ai)} if ai is not None else {}),
                **({"notify": self.notify} if self.notify else {}),
            },
        )

    def poll(self, records: list[dict[str, Any]]) -> Result:
        write_jsonl(self.data, records)
        return self.run("poll")

    def run(self, *args: str) -> Result:
        return invoke(CliRunner(), "--config", self.config, "--db", self.db, *args)


BASELINE = [review("r1", 5, text="Lovely tea, fast delivery.")]
FLAGGED = [
    *BASELINE,
    review("r2", 1, text=BROKEN_TEXT, author=AUTHOR, order=ORDER_ID),
    review("r3", 2, text=SPANISH_TEXT, author="Lucía Gómez", order="114-0000000-1111111"),
]


def ai_table(fake: FakeModel, /, **changes: Any) -> dict[str, Any]:
    return {"model": "test-model", "endpoint": fake.url, "timeout": 5, **changes}


def polled_shop(folder: Path, ai: Mapping[str, Any] | None, **kwargs: Any) -> Shop:
    """A shop after its baseline poll and a poll that flags #2 and #3 (AI kept out of both)."""
    shop = Shop(folder, ai, **kwargs)
    with_ai = shop.config.read_text(encoding="utf-8")
    shop.configure(None)
    assert shop.poll(BASELINE).exit_code == 0
    assert shop.poll(FLAGGED).exit_code == 0
    shop.config.write_text(with_ai, encoding="utf-8")
    return shop
