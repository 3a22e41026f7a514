"""E-mail alerts delivered to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reviewwatch.notify import run_notifications
from tests.filesources import review
from tests.notify.conftest import (
    SMTP_PASSWORD,
    SMTP_USER,
    Mailbox,
    Polled,
    database_bytes,
    email_table,
    notify_config,
    poll_new,
)


def _parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _run(
    polled: Polled,
    table: dict[str, Any],
    env: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
) -> Any:
    config = notify_config(polled.shop, [table], env=env, settings=settings)
    return run_notifications(polled.conn, config, polled.report)


def test_one_mail_per_flagged_review_in_utf8(polled: Polled, mailbox: Mailbox) -> None:
    result = _run(polled, email_table(mailbox))
    assert result.sent == 2 and not result.failed
    assert [(sender, rcpt) for sender, rcpt, _ in mailbox.messages] == [
        ("reviewwatch@acme.example", ["care@acme.example", "anna@acme.example"])
    ] * 2
    latvian, chinese = (_parse(raw) for _, _, raw in mailbox.messages)
    assert latvian["From"] == "reviewwatch@acme.example"
    assert latvian["To"] == "care@acme.example, anna@acme.example"
    assert latvian["Subject"] == "[reviewwatch] New 1★ review on shop: Ļoti slikti"
    assert latvian["Auto-Submitted"] == "auto-generated"
    assert latvian.get_content_type() == "text/plain"
    assert latvian.get_content_charset() == "utf-8"
    assert latvian["Content-Transfer-Encoding"] == "base64"
    text = latvian.get_content().replace("\r\n", "\n")
    assert "Ļoti slikti\n\nPrece salūza pēc nedēļas." in text
    assert "Review #" in text and "1★" in text and "In reviewwatch: reviewwatch show " in text
    assert chinese["Subject"] == "[reviewwatch] New 2★ review on shop: 质量很差"
    assert "用了一周就坏了。" in chinese.get_content()


def test_a_hostile_title_cannot_add_headers(tmp_path: Path, mailbox: Mailbox) -> None:
    title = "Awful\r\nBcc: victim@example.com\r\n\r\nInjected body\nX-Evil: 1\x1b[2J"
    polled = poll_new(tmp_path, [review("x", 1, title=title, text="Body")])
    _run(polled, email_table(mailbox))
    ((_, recipients, raw),) = mailbox.messages
    assert recipients == ["care@acme.example", "anna@acme.example"]
    message = _parse(raw)
    assert message["Bcc"] is None and message["X-Evil"] is None
    subject = message["Subject"]
    assert "\r" not in subject and "\n" not in subject and "\x1b" not in subject
    assert subject == (
        "[reviewwatch] New 1★ review on shop: Awful Bcc: victim@example.com Injected body X-Evil: 1"
    )


def test_login_and_no_password_anywhere(polled: Polled, mailbox: Mailbox) -> None:
    table = email_table(mailbox, username="${SMTP_USER}", password="${SMTP_PASSWORD}")
    env = {"SMTP_USER": SMTP_USER, "SMTP_PASSWORD": SMTP_PASSWORD}
    result = _run(polled, table, env)
    assert result.sent == 2
    assert mailbox.logins == [(SMTP_USER, SMTP_PASSWORD)] * 2
    assert all(SMTP_PASSWORD.encode() not in raw for _, _, raw in mailbox.messages)
    polled.conn.close()
    assert SMTP_PASSWORD.encode() not in database_bytes(polled.shop.db)


def test_a_refused_login_is_a_failure_that_names_no_credential(
    polled: Polled, mailbox: Mailbox
) -> None:
    table = email_table(mailbox, username="wrong-user", password="wrong-password-123")
    result = _run(polled, table)
    (failed,) = result.failed
    assert (failed.sent, failed.failed, failed.deferred) == (0, 1, 1)
    assert failed.error == (
        f"the SMTP server 127.0.0.1:{mailbox.port} refused the login (code 535); "
        "check username and password"
    )
    assert mailbox.messages == []
    stored = polled.conn.execute("SELECT last_error FROM outbox").fetchall()
    assert all("wrong-password-123" not in str(row) for row in stored)


def test_starttls_is_required_when_configured(polled: Polled, mailbox: Mailbox) -> None:
    table = email_table(mailbox, security="starttls", username=SMTP_USER, password=SMTP_PASSWORD)
    result = _run(polled, table)
    (failed,) = result.failed
    assert "does not offer STARTTLS" in failed.error and "not sent unencrypted" in failed.error
    assert mailbox.messages == [] and mailbox.logins == []


def test_an_unreachable_server_is_retried_on_the_next_run(polled: Polled, mailbox: Mailbox) -> None:
    table = email_table(mailbox, smtp_port=1)
    (failed,) = _run(polled, table).failed
    assert failed.error.startswith("could not connect to 127.0.0.1:1")
    retry = _run(polled, email_table(mailbox))
    assert retry.sent == 2
    # A new port is a new destination: a new notifier identity, so its own rows.
    assert polled.conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone() == (
        2,
    )


def test_a_digest_is_one_mail(polled: Polled, mailbox: Mailbox) -> None:
    _run(polled, email_table(mailbox, digest=True))
    ((_, _, raw),) = mailbox.messages
    message = _parse(raw)
    assert message["Subject"] == "reviewwatch: 2 alerts (2 new flagged reviews)"
    text = message.get_content().replace("\r\n", "\n")
    assert "Prece salūza pēc nedēļas." in text and "用了一周就坏了。" in text


def test_the_mail_gives_times_in_the_configured_time_zone(polled: Polled, mailbox: Mailbox) -> None:
    result = _run(polled, email_table(mailbox), settings={"timezone": "Asia/Tokyo"})
    assert result.sent == 2
    text = _parse(mailbox.messages[0][2]).get_content()
    created = polled.report.flagged[0].created_at
    assert created is not None
    tokyo = created.astimezone(ZoneInfo("Asia/Tokyo"))
    assert f"written {tokyo:%Y-%m-%d %H:%M} JST" in text, text
    assert " UTC" not in text
