"""The filter options that `list` and `export` share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated

import typer

from reviewwatch.cli.context import LARGEST_STORED_INT, AppState, parse_when
from reviewwatch.errors import UserError
from reviewwatch.models import STATUSES, utc_now
from reviewwatch.store import ReviewFilter
from reviewwatch.store.connection import Connection
from reviewwatch.suggest import did_you_mean, unknown_name

SourceFilter = Annotated[
    list[str] | None,
    typer.Option("--source", help="Only this source (repeatable).", show_default=False),
]
BusinessFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--business", help="Only this business's sources (repeatable).", show_default=False
    ),
]
FlaggedFilter = Annotated[bool, typer.Option("--flagged", help="Only flagged reviews.")]
StatusFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        help=f"Only this status (repeatable: any of them): {', '.join(STATUSES)}.",
        show_default=False,
    ),
]
OpenFilter = Annotated[
    bool,
    typer.Option(
        "--open",
        help="Only reviews still waiting for the team: new, in_progress, escalated "
        "(the default of list --flagged without --status).",
    ),
]
CategoryFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        help="Only flagged reviews about this complaint category (repeatable: any of them).",
        show_default=False,
    ),
]
SubjectFilter = Annotated[
    str | None,
    typer.Option(
        "--subject", help="Only reviews whose product or subject contains TEXT.", show_default=False
    ),
]
AuthorFilter = Annotated[
    str | None,
    typer.Option("--author", help="Only reviews whose author contains TEXT.", show_default=False),
]
SearchFilter = Annotated[
    str | None,
    typer.Option(
        "--search",
        help="Full-text search of title, text, author and reply, best match first: words, "
        '"a phrase", prefix*, AND, OR, NOT.',
        show_default=False,
    ),
]
RemovedFilter = Annotated[
    bool, typer.Option("--removed", help="Only reviews the platform no longer shows.")
]
MaxStarsFilter = Annotated[
    int | None,
    typer.Option(
        "--max-stars", min=1, max=5, help="Only ratings at or below N.", show_default=False
    ),
]
MinStarsFilter = Annotated[
    int | None,
    typer.Option(
        "--min-stars", min=1, max=5, help="Only ratings at or above N.", show_default=False
    ),
]
SinceFilter = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only reviews written since WHEN: 7d, 24h or 2026-11-01.",
        show_default=False,
    ),
]
LangFilter = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Only reviews in this language (en, es, zh; zh-Hant or zh-Hans for one script).",
        show_default=False,
    ),
]


OPEN_STATUSES = ("new", "in_progress", "escalated")
NOTHING_STORED = "nothing is stored yet"
# Language names people type, for the suggestion of the code to use instead.
_LANGUAGE_NAMES = {
    "english": "en", "spanish": "es", "espanol": "es", "dutch": "nl", "nederlands": "nl",
    "chinese": "zh", "latvian": "lv", "german": "de", "deutsch": "de", "french": "fr",
    "francais": "fr", "italian": "it", "portuguese": "pt", "polish": "pl", "lithuanian": "lt",
    "estonian": "et", "russian": "ru", "japanese": "ja", "korean": "ko", "swedish": "sv",
    "danish": "da", "finnish": "fi", "norwegian": "no", "czech": "cs", "turkish": "tr",
    "ukrainian": "uk", "greek": "el", "hungarian": "hu", "romanian": "ro", "arabic": "ar",
}  # fmt: skip


def check_statuses(statuses: Sequence[str]) -> None:
    for status in statuses:
        if status not in STATUSES:
            raise UserError(unknown_name("status", status, STATUSES))


def connect_for(state: AppState, where: ReviewFilter) -> Connection:
    """A read-only connection (a database file that does not exist is a warning: a mistyped
    --db would read as empty), unless a search may have to add new reviews to SQLite's index
    (then a writable one, or a read-only one on read-only storage: the search then covers
    what is indexed). PostgreSQL keeps no index: always read-only."""
    from reviewwatch.errors import StoreError
    from reviewwatch.location import PostgresUrl

    if not where.search or isinstance(state.db_path().path, PostgresUrl):
        return state.connect(read_only=True, warn_missing=True)
    try:
        return state.connect(warn_missing=True)
    except StoreError:
        return state.connect(read_only=True)


def prepare_filter(conn: Connection, where: ReviewFilter) -> None:
    """Before a filter runs: unknown names are errors, and a search's index is brought up to
    date with what was stored since the last search."""
    check_stored_names(conn, where)
    if where.search:
        from reviewwatch.store.search import sync_index

        sync_index(conn)


def check_stored_names(conn: Connection, where: ReviewFilter) -> None:
    """Unknown source and business names and language codes are errors, not empty answers."""
    from reviewwatch.store import stored_values

    if where.sources:
        known = stored_values(conn, "source")
        for name in where.sources:
            if name not in known:
                raise UserError(unknown_name("source", name, known, empty=NOTHING_STORED))
    if where.businesses:
        known = stored_values(conn, "business")
        for name in where.businesses:
            if name not in known:
                raise UserError(unknown_name("business", name, known, empty=NOTHING_STORED))
    if where.language:
        check_language(where.language, stored_values(conn, "language"))


def check_language(language: str, stored: Sequence[str] = ()) -> None:
    """A UserError unless `language` is a language code (`en`, `zh-Hant`, `pt-BR`), naming the
    code meant: that of a language's name (`english`), else the closest of the `stored`
    languages and those with reply templates, else examples of codes."""
    code = language.lower()
    named = _LANGUAGE_NAMES.get(code)
    if named is not None:
        raise UserError(did_you_mean("language", language, named))
    if not _is_language_code(code, stored):
        from reviewwatch.triage.drafts import reply_languages

        raise UserError(
            unknown_name(
                "language",
                language,
                [*stored, *reply_languages()],
                otherwise="use a code such as en, es or zh",
            )
        )


def _is_language_code(code: str, stored: Sequence[str]) -> bool:
    """`en`, `zh`, `zh-Hant`: a language stored here or one the system knows, with an optional
    script or region. A code of the right shape that is no language (`xx`) would match
    nothing and read as "no reviews", so it is refused like a misspelt one."""
    import locale

    # A language ("zh"), perhaps with its script or region ("zh-Hant", "pt-BR", "pt_BR").
    match = re.fullmatch(r"([a-z]{2,3})(?:[-_](?:[a-z]{4}|[a-z]{2}))?", code)
    if match is None:
        return False
    primary = match.group(1)
    if any(value.lower().replace("_", "-").split("-")[0] == primary for value in stored):
        return True
    return any(alias.split("_")[0].split(".")[0] == primary for alias in locale.locale_alias)


def build_filter(
    *,
    source: list[str] | None,
    flagged: bool,
    business: list[str] | None = None,
    status: list[str] | None,
    max_stars: int | None,
    min_stars: int | None,
    since: str | None,
    lang: str | None,
    limit: int | None,
    overdue: bool = False,
    assignee: str | None = None,
    due_follow_up: bool = False,
    open_only: bool = False,
    category: list[str] | None = None,
    subject: str | None = None,
    author: str | None = None,
    removed: bool = False,
    open_by_default: bool = False,
    search: str | None = None,
) -> ReviewFilter:
    """The filter of these options; `open_by_default`: `--open` unless a status is given."""
    statuses = tuple(dict.fromkeys(status or ()))
    check_statuses(statuses)
    if open_only and statuses:
        raise UserError(
            "--open and --status do not go together: --open means any of "
            + ", ".join(OPEN_STATUSES)
        )
    if open_only or (open_by_default and flagged and not statuses):
        statuses = OPEN_STATUSES
    for name in category or ():
        from reviewwatch.triage.models import CATEGORIES  # only when asked: start-up

        if name not in CATEGORIES:
            raise UserError(unknown_name("category", name, CATEGORIES))
    return ReviewFilter(
        sources=tuple(source or ()),
        businesses=tuple(business or ()),
        flagged=flagged,
        statuses=statuses,
        categories=tuple(category or ()),
        subject=subject,
        author=author,
        removed=True if removed else None,
        search=search,
        max_stars=max_stars,
        min_stars=min_stars,
        since=parse_when(since),
        language=lang,
        # A --limit beyond what the database can count means them all (SQL cannot take it).
        limit=None if limit is None else min(limit, LARGEST_STORED_INT),
        overdue_at=utc_now() if overdue else None,
        assignee=assignee,
        follow_up_due_at=utc_now() if due_follow_up else None,
    )


OverdueFilter = Annotated[
    bool, typer.Option("--overdue", help="Only flagged reviews past their reply deadline.")
]
AssigneeFilter = Annotated[
    str | None, typer.Option("--assignee", help="Only reviews owned by NAME.", show_default=False)
]
FollowUpFilter = Annotated[
    bool, typer.Option("--due-follow-up", help="Only reviews whose follow-up date has come.")
]
