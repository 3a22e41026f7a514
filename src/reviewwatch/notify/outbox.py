"""The notification outbox: every event once per notifier, kept until it is delivered.

A notifier is known in the database by a stable key made of its kind and a hash of its
destination (`slack:` + sha256 of the webhook URL, truncated), never by the destination itself:
webhook URLs and logins are credentials and stay out of the database. The payload stored for an
event is the channel-neutral JSON every channel renders its message from; it holds review data,
never a credential.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from reviewwatch.config import Config
from reviewwatch.errors import ConfigError
from reviewwatch.models import utc_now
from reviewwatch.notify.events import EVENT_KINDS, Event
from reviewwatch.notify.text import redact_destination
from reviewwatch.serialize import JSON_VERSION, review_to_dict
from reviewwatch.sources.base import Secret, SourceConfig
from reviewwatch.store import dialect, from_text, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.store.leases import poller_name
from reviewwatch.suggest import unknown_name

# The option that says where each kind delivers; its hash is the notifier's identity.
_DESTINATION = {
    "webhook": "url",
    "slack": "webhook_url",
    "discord": "webhook_url",
    "teams": "webhook_url",
}
# How long a poller may take to send the entries it claimed before others may send them.
CLAIM_SECONDS = 300
_FILTER_KEYS = frozenset(
    {"kind", "sources", "businesses", "max_stars", "languages", "events", "digest"}
)


@dataclass(frozen=True, slots=True)
class Notifier:
    """A validated `[[notify]]` table with its identity and filters.

    `options` keeps the config values as they are (credentials stay `Secret` objects until a
    sender reveals them at the moment of sending).
    """

    key: str
    kind: str
    label: str
    digest: bool = False
    sources: frozenset[str] = frozenset()
    max_stars: int | None = None
    languages: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset(EVENT_KINDS)
    options: Mapping[str, Any] = field(default_factory=dict, repr=False)
    # `businesses = [...]`: the sources of those businesses; None when not filtered.
    business_sources: frozenset[str] | None = None

    def secret(self, name: str) -> str:
        """The revealed value of a secret option, or '' when it is not set."""
        value = self.options.get(name)
        return value.reveal() if isinstance(value, Secret) else str(value or "")

    def secrets(self) -> list[str]:
        """Every credential of this notifier, so that errors can be scrubbed of them."""
        return [value.reveal() for value in self.options.values() if isinstance(value, Secret)]

    def accepts(self, event: Event) -> bool:
        """Whether the notifier's filters let `event` through.

        `max_stars` and `languages` speak of reviews: events without a review (a failing
        source) pass them. A review without stars passes `max_stars` only when its polarity is
        negative; a rating change passes when the old or the new rating is in range. A review of
        unknown language does not pass a `languages` filter.
        """
        if event.kind not in self.events or (self.sources and event.source not in self.sources):
            return False
        if self.business_sources is not None and event.source not in self.business_sources:
            return False
        review = event.review
        if review is None:
            return True
        if self.max_stars is not None:
            ratings = [r for r in (review.rating, event.previous_rating) if r is not None]
            in_range = any(rating <= self.max_stars for rating in ratings)
            if not in_range and not (review.rating is None and review.polarity == "negative"):
                return False
        return not self.languages or _language(review.language) in self.languages


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One event waiting for (or done with) one notifier."""

    id: int
    notifier: str
    event: str
    dedupe_key: str
    review_id: int | None
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    last_error: str | None


def notifiers_from_config(config: Config) -> list[Notifier]:
    """The configured notifiers; ConfigError lists every problem with their filters at once."""
    problems: list[str] = []
    notifiers: list[Notifier] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(config.notify, start=1):
        problems += _check_filters(table, f"notify[{index}]")
        problems += _check_businesses(config, table, f"notify[{index}]")
        notifier = _notifier(table)
        if table.get("businesses"):
            wanted = set(table["businesses"])
            in_them = {s.name for s in config.sources if _business_of(config, s) in wanted}
            notifier = replace(notifier, business_sources=frozenset(in_them))
        # The same destination configured twice gets its own outbox rows, not shared ones.
        seen[notifier.key] = seen.get(notifier.key, 0) + 1
        if seen[notifier.key] > 1:
            notifier = replace(notifier, key=f"{notifier.key}~{seen[notifier.key]}")
        notifiers.append(notifier)
    if problems:
        raise ConfigError(problems, str(config.path) if config.path else None)
    return notifiers


def notifier_key(kind: str, options: Mapping[str, Any]) -> str:
    """A stable identity for a notifier: its kind and a hash of where it delivers."""
    if kind == "email":
        to = ",".join(sorted(str(address).lower() for address in options.get("to") or ()))
        destination = (
            f"{options.get('smtp_host')}:{options.get('smtp_port') or ''}|"
            f"{str(options.get('from') or '').lower()}|{to}"
        )
    else:
        value = options.get(_DESTINATION.get(kind, "url"))
        destination = value.reveal() if isinstance(value, Secret) else str(value or "")
    digest = hashlib.sha256(destination.encode("utf-8")).hexdigest()[:16]
    return f"{kind}:{digest}"


def event_payload(event: Event) -> dict[str, Any]:
    """The JSON stored for an event; for a generic webhook it is the request body as is."""
    payload: dict[str, Any] = {
        "version": JSON_VERSION,
        "event": event.kind,
        "key": event.dedupe_key,
        "source": event.source,
        "summary": event.summary,
        "review": review_to_dict(event.review) if event.review else None,
        "timezone": event.timezone,
    }
    if event.kind == "rating_changed":
        payload["previous_rating"] = event.previous_rating
    if event.kind == "source_failing":
        payload["error"] = event.error
        payload["last_success_at"] = to_text(event.last_success_at)
    if event.translation:
        payload["machine_translation"] = dict(event.translation)
    return payload


def enqueue(
    conn: Connection,
    notifiers: Sequence[Notifier],
    events: Sequence[Event],
    *,
    now: datetime | None = None,
) -> int:
    """Queue each event for each notifier whose filters accept it; return how many were new.

    An event already queued for a notifier (sent or not) is ignored, which is what makes
    delivery exactly-once however often the same poll's events are offered. A `rating_changed`
    event is left out for a notifier that gets a `flagged` event for the same review in the
    same batch: one change, one alert.
    """
    created = to_text(now or utc_now())
    rows: list[tuple[object, ...]] = []
    for notifier in notifiers:
        accepted = [event for event in events if notifier.accepts(event)]
        flagged = {e.review.id for e in accepted if e.kind == "flagged" and e.review}
        for event in accepted:
            review_id = event.review.id if event.review else None
            if event.kind == "rating_changed" and review_id in flagged:
                continue
            payload = json.dumps(event_payload(event), ensure_ascii=False)
            rows.append((notifier.key, event.kind, event.dedupe_key, review_id, payload, created))
    if not rows:
        return 0
    with transaction(conn):
        cursor = conn.executemany(
            "INSERT INTO outbox (notifier, event, dedupe_key, review_id, payload,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            rows,
        )
        return max(0, cursor.rowcount)


def pending(
    conn: Connection, notifier_key: str, *, since: datetime | None = None
) -> list[OutboxEntry]:
    """The notifier's undelivered entries, oldest first; `since` leaves out older ones."""
    sql = (
        "SELECT id, notifier, event, dedupe_key, review_id, payload, created_at, attempts,"
        " last_error FROM outbox WHERE notifier = ? AND sent_at IS NULL"
    )
    params: list[object] = [notifier_key]
    if since is not None:
        sql += " AND created_at >= ?"
        params.append(to_text(since))
    entries = []
    for row in conn.execute(sql + " ORDER BY id", params):
        created = from_text(row[6])
        assert created is not None  # the column is NOT NULL
        entries.append(
            OutboxEntry(
                id=row[0],
                notifier=row[1],
                event=row[2],
                dedupe_key=row[3],
                review_id=row[4],
                payload=json.loads(row[5]),
                created_at=created,
                attempts=row[7],
                last_error=row[8],
            )
        )
    return entries


def claim_pending(
    conn: Connection, notifier_key: str, *, since: datetime, now: datetime
) -> list[OutboxEntry]:
    """`pending`, claimed for this process so that no other poller sends the same entries.

    In PostgreSQL the entries are taken with FOR UPDATE SKIP LOCKED and marked until
    CLAIM_SECONDS from now: a poller that dies while sending leaves them to the next one after
    that. In SQLite the poll lock already makes this process the only sender.
    """
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return pending(conn, notifier_key, since=since)
    with transaction(conn):
        claimed = conn.execute(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM"
            " outbox WHERE notifier = ? AND sent_at IS NULL AND created_at >= ?"
            " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id"
            + dialect.skip_locked(conn)
            + ") RETURNING id",
            (
                poller_name(),
                to_text(now + timedelta(seconds=CLAIM_SECONDS)),
                notifier_key,
                to_text(since),
                to_text(now),
            ),
        ).fetchall()
    # Read after the claim: the entries claimed are exactly the ones this process sends.
    taken = {row[0] for row in claimed}
    if not taken:
        return []
    return [entry for entry in pending(conn, notifier_key, since=since) if entry.id in taken]


def release_claims(conn: Connection, entry_ids: Iterable[int]) -> None:
    """Entries claimed but not tried: any poller may send them now."""
    ids = list(entry_ids)
    if ids and dialect.dialect_of(conn) != dialect.SQLITE:
        conn.executemany("UPDATE outbox SET claimed_until = NULL WHERE id = ?", [(i,) for i in ids])


def mark_sent(conn: Connection, entry_ids: Iterable[int], *, now: datetime | None = None) -> None:
    """Record that these entries were delivered: they are never sent again."""
    _update_entries(
        conn, "sent_at = ?, attempts = attempts + 1", (to_text(now or utc_now()),), entry_ids
    )


def mark_failed(conn: Connection, entry_ids: Iterable[int], error: str) -> None:
    """Record a failed attempt; the entries stay pending for the next run.

    `error` must already be free of credentials (the senders redact their errors).
    """
    _update_entries(
        conn, "attempts = attempts + 1, last_error = ?, claimed_until = NULL", (error,), entry_ids
    )


_IDS_PER_STATEMENT = 500


def _update_entries(
    conn: Connection, assignments: str, values: tuple[object, ...], entry_ids: Iterable[int]
) -> None:
    """One UPDATE of the entries (a statement is a transaction of its own, on both engines:
    one round trip per delivered message); a transaction when they take several."""
    ids = list(entry_ids)
    chunks = [
        ids[start : start + _IDS_PER_STATEMENT] for start in range(0, len(ids), _IDS_PER_STATEMENT)
    ]
    scope = transaction(conn) if len(chunks) > 1 else contextlib.nullcontext()
    with scope:
        for chunk in chunks:
            conn.execute(
                f"UPDATE outbox SET {assignments} WHERE id IN ({','.join('?' * len(chunk))})",
                (*values, *chunk),
            )


def _notifier(table: Mapping[str, Any]) -> Notifier:
    kind = str(table["kind"])
    options = {key: value for key, value in table.items() if key not in _FILTER_KEYS}
    max_stars = table.get("max_stars")
    languages = {_language(code) for code in table.get("languages") or ()}
    return Notifier(
        key=notifier_key(kind, options),
        kind=kind,
        label=_label(kind, options),
        digest=bool(table.get("digest", False)),
        sources=frozenset(table.get("sources") or ()),
        max_stars=max_stars if isinstance(max_stars, int) else None,
        languages=frozenset(code for code in languages if code),
        events=frozenset(table.get("events") or EVENT_KINDS),
        options=options,
    )


def _label(kind: str, options: Mapping[str, Any]) -> str:
    """How reports name a notifier: the kind and where it goes, without any credential."""
    if kind == "email":
        to = ", ".join(str(address) for address in options.get("to") or ())
        return f"email to {to} via {options.get('smtp_host')}"
    value = options.get(_DESTINATION.get(kind, "url"))
    url = value.reveal() if isinstance(value, Secret) else str(value or "")
    return f"{kind} ({redact_destination(url)})"


def _business_of(config: Config, source: SourceConfig) -> str | None:
    profile = config.business_named(source.business)
    return profile.name if profile is not None else source.business


def _check_businesses(config: Config, table: Mapping[str, Any], where: str) -> list[str]:
    known = [business.name for business in config.businesses if business.name]
    return [
        f"{where}.businesses: {unknown_name('business', name, known, empty='none is named')}"
        for name in table.get("businesses") or ()
        if name not in known
    ]


def _check_filters(table: Mapping[str, Any], where: str) -> list[str]:
    """What the generic config reader cannot know about a notifier; never echoes a secret."""
    problems = []
    key = _DESTINATION.get(str(table.get("kind")))
    url = table.get(key) if key else None
    if isinstance(url, Secret) and not _is_web_url(url.reveal()):
        problems.append(f"{where}.{key}: must be an http:// or https:// URL")
    problems += [
        f"{where}.events: {unknown_name('event', name, EVENT_KINDS)}"
        for name in table.get("events") or ()
        if name not in EVENT_KINDS
    ]
    max_stars = table.get("max_stars")
    if max_stars is not None and not 1 <= max_stars <= 5:
        problems.append(f"{where}.max_stars: must be from 1 to 5")
    if table.get("kind") == "email":
        if not table.get("to"):
            problems.append(f"{where}.to: give at least one address")
        if table.get("username") is not None and table.get("password") is None:
            problems.append(f"{where}.password: is required with username (or password_file)")
    return problems


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _language(code: str | None) -> str | None:
    if not code:
        return None
    return code.replace("_", "-").split("-")[0].lower() or None
