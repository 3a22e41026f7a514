"""E-mail alerts over SMTP: plain text, UTF-8, sent from a worker thread.

`security` is "starttls" (the default; port 587), "ssl" (port 465) or "none" (port 25). With
"starttls" a server that does not offer STARTTLS is an error, never a silent fall-back to plain
text. The subject is built from outside text, so it is cleaned to one line: no CR or LF can
reach the header and add headers of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import smtplib
import ssl
import threading
from collections.abc import Callable, Mapping, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING, Any

import httpx

from reviewwatch.notify.message import Alert, alert_from_payload, details_line, digest_title
from reviewwatch.notify.text import one_line
from reviewwatch.notify.webhook import DeliveryError

if TYPE_CHECKING:
    from reviewwatch.notify.outbox import Notifier

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
SMTP_TIMEOUT = 30.0
SUBJECT_WIDTH = 150
_RULE = "-" * 60


def build_message(
    notifier: Notifier, payloads: Sequence[Mapping[str, Any]], *, digest: bool
) -> EmailMessage:
    """The mail for one alert, or one digest mail for several."""
    alerts = [alert_from_payload(payload) for payload in payloads]
    if digest or len(alerts) != 1:
        subject = digest_title(alerts)
        body = f"{subject}\n\n" + f"\n{_RULE}\n\n".join(_alert_text(a) for a in alerts)
    else:
        subject = f"[reviewwatch] {alerts[0].summary}"
        body = _alert_text(alerts[0])
    sender = str(notifier.options.get("from") or "")
    message = EmailMessage()
    message["Subject"] = one_line(subject, SUBJECT_WIDTH)
    message["From"] = sender
    message["To"] = ", ".join(str(address) for address in notifier.options.get("to") or ())
    message["Date"] = formatdate(usegmt=True)
    # The domain of the sender, not this machine's name, which would say where it runs.
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "reviewwatch.invalid")
    # RFC 3834: an alert, so that vacation responders do not answer it.
    message["Auto-Submitted"] = "auto-generated"
    text = body + "\n-- \nreviewwatch\n"
    # base64 rather than raw 8-bit: not every relay accepts 8-bit bodies.
    message.set_content(text, charset="utf-8", cte="7bit" if text.isascii() else "base64")
    return message


def _alert_text(alert: Alert) -> str:
    lines = [alert.summary]
    if alert.review_id is not None:
        lines += ["", details_line(alert)]
        if alert.status:
            due = f", reply due {alert.due_at}" if alert.due_at else ""
            lines.append(f"Status: {alert.status}{due}")
        if alert.text:
            lines += ["", alert.text]
        if alert.translation:
            lines += ["", f"{alert.translation_label}:", alert.translation]
        lines.append("")
        if alert.url:
            lines.append(f"On the platform: {alert.url}")
        lines.append(f"In reviewwatch: {alert.command}")
    return "\n".join(lines)


async def send_email(
    notifier: Notifier,
    payloads: Sequence[Mapping[str, Any]],
    *,
    client: httpx.AsyncClient | None = None,
    digest: bool,
) -> None:
    """Send the mail; DeliveryError (naming no credential) when the server does not take it."""
    try:
        message = build_message(notifier, payloads, digest=digest)
    except (ValueError, TypeError) as error:
        raise DeliveryError(f"cannot build the mail: {error}", per_message=True) from None
    # A daemon thread, not the loop's executor: a server that never finishes (a mail server
    # answering a byte at a time) must not hold the process at exit once its deadline passed.
    await _in_daemon_thread(_send, notifier, message)


async def _in_daemon_thread(function: Callable[..., None], *args: Any) -> None:
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        if done.done():
            return  # the caller gave up waiting (its deadline passed)
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)

    def run() -> None:
        error: BaseException | None = None
        try:
            function(*args)
        except BaseException as failure:  # handed to the waiting coroutine
            error = failure
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
            loop.call_soon_threadsafe(settle, error)

    threading.Thread(target=run, daemon=True, name="reviewwatch-smtp").start()
    await done


def _send(notifier: Notifier, message: EmailMessage) -> None:
    host = str(notifier.options.get("smtp_host") or "")
    security = str(notifier.options.get("security") or "starttls")
    port = int(notifier.options.get("smtp_port") or DEFAULT_PORTS.get(security, 587))
    where = f"{host}:{port}"
    try:
        with _open(host, port, security) as smtp:
            username = notifier.secret("username")
            if username:
                smtp.login(username, notifier.secret("password"))
            smtp.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(
            f"the SMTP server {where} refused the login (code {error.smtp_code}); "
            "check username and password"
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise DeliveryError(
            f"the SMTP server {where} does not offer STARTTLS (or AUTH); the mail was not "
            'sent unencrypted: use security = "ssl" or "none" if that is really intended'
        ) from None
    except smtplib.SMTPRecipientsRefused:
        raise DeliveryError(f"the SMTP server {where} refused every recipient") from None
    except smtplib.SMTPResponseException as error:
        text = error.smtp_error
        reason = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        raise DeliveryError(
            f"SMTP {error.smtp_code} from {where}: {one_line(reason, 120)}"
        ) from None
    except smtplib.SMTPException as error:
        raise DeliveryError(f"SMTP error with {where} ({type(error).__name__})") from None
    except ssl.SSLError as error:
        raise DeliveryError(f"TLS failed with {where}: {error.reason or 'handshake'}") from None
    except TimeoutError:
        raise DeliveryError(f"timed out talking to {where}") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DeliveryError(f"could not connect to {where} ({reason})") from None


def _open(host: str, port: int, security: str) -> smtplib.SMTP:
    """A connected session, encrypted as configured (and verified against the system CAs)."""
    context = ssl.create_default_context()
    if security == "ssl":
        return smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT, context=context)
    smtp = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT)
    if security == "starttls":
        try:
            smtp.starttls(context=context)
        except BaseException:
            smtp.close()
            raise
    return smtp
