"""The generic JSON webhook, and the HTTP POST every webhook-based channel shares.

Body: `{"version": 1, "event": "...", "review": {review object}, ...}` for one event, or
`{"version": 1, "events": [...]}` for a digest. With a `secret`, the header
`X-Reviewwatch-Signature` carries the hex HMAC-SHA256 of the raw body, so that the receiver
can check that the request is ours and unaltered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from reviewwatch.notify.text import one_line, redact_destination
from reviewwatch.serialize import JSON_VERSION
from reviewwatch.sources.http import USER_AGENT, snippet

if TYPE_CHECKING:
    from reviewwatch.notify.outbox import Notifier

SIGNATURE_HEADER = "X-Reviewwatch-Signature"
# Answers that say "this message is wrong", not "the endpoint is unavailable": the next
# message to the same endpoint may well go through.
_MESSAGE_ERRORS = frozenset({400, 413, 422})


class DeliveryError(Exception):
    """A message could not be delivered; the text names no credential.

    `per_message` is True when the failure concerns this message only (the endpoint rejected
    its content); otherwise the endpoint is unavailable and the rest can wait for the next run.
    """

    def __init__(self, message: str, *, per_message: bool = False) -> None:
        super().__init__(message)
        self.per_message = per_message


def encode_json(document: Any) -> bytes:
    """The exact bytes sent (and signed): compact UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def webhook_body(payloads: Sequence[Mapping[str, Any]], *, digest: bool) -> dict[str, Any]:
    """The generic webhook document for one event, or a digest of several."""
    if not digest and len(payloads) == 1:
        return {"version": JSON_VERSION, **payloads[0]}
    events = [{k: v for k, v in payload.items() if k != "version"} for payload in payloads]
    return {"version": JSON_VERSION, "events": events}


def sign(secret: str, body: bytes) -> str:
    """Hex HMAC-SHA256 of the raw body."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


async def send_webhook(
    notifier: Notifier,
    payloads: Sequence[Mapping[str, Any]],
    *,
    client: httpx.AsyncClient,
    digest: bool,
) -> None:
    """POST the events to the notifier's URL; DeliveryError when it is not accepted."""
    body = encode_json(webhook_body(payloads, digest=digest))
    headers = {}
    secret = notifier.secret("secret")
    if secret:
        headers[SIGNATURE_HEADER] = sign(secret, body)
    await post_json(client, notifier.secret("url"), body, headers=headers)


async def post_json(
    client: httpx.AsyncClient,
    url: str,
    body: bytes,
    *,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """POST raw JSON bytes; a 2xx answer or a DeliveryError that names only the host.

    Redirects are not followed: a client that follows one turns the POST into a GET and the
    message would be lost while the answer looked fine.
    """
    where = redact_destination(url)
    try:
        response = await client.post(
            url,
            content=body,
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": USER_AGENT,
                **(headers or {}),
            },
            follow_redirects=False,
        )
    except httpx.TimeoutException:
        raise DeliveryError(f"timed out waiting for {where}") from None
    except httpx.TransportError as error:
        raise DeliveryError(f"could not connect to {where} ({type(error).__name__})") from None
    except httpx.InvalidURL:
        raise DeliveryError(f"the webhook URL for {where} is not valid") from None
    if response.is_success:
        return response
    raise DeliveryError(
        describe_refusal(response, where), per_message=response.status_code in _MESSAGE_ERRORS
    )


def describe_refusal(response: httpx.Response, where: str) -> str:
    """Why an endpoint refused a message, naming the host only."""
    status = response.status_code
    if status == 429:
        wait = response.headers.get("Retry-After")
        after = f"; it asks to wait {one_line(wait, 20)} s" if wait else ""
        return f"rate limited (HTTP 429) by {where}{after}; will retry on the next poll"
    if 300 <= status < 400:
        return f"HTTP {status} from {where}: the webhook URL redirects; configure the final URL"
    reason = snippet(response)
    return f"HTTP {status} from {where}" + (f": {reason}" if reason else "")
