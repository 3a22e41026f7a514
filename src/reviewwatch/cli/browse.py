"""`list` and `show`: reading what is stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.text import Text

from reviewwatch.cli.context import (
    AppState,
    ConfigOption,
    DbOption,
    JsonOption,
    ReviewIdArgument,
    keep_triage,
    reports_errors,
    state_of,
    triage_cache,
)
from reviewwatch.cli.filters import (
    AssigneeFilter,
    AuthorFilter,
    BusinessFilter,
    CategoryFilter,
    FlaggedFilter,
    FollowUpFilter,
    LangFilter,
    MaxStarsFilter,
    MinStarsFilter,
    OpenFilter,
    OverdueFilter,
    RemovedFilter,
    SearchFilter,
    SinceFilter,
    SourceFilter,
    StatusFilter,
    SubjectFilter,
    build_filter,
    connect_for,
    prepare_filter,
)
from reviewwatch.cli.render import (
    key_values,
    local_time,
    make_console,
    print_json,
    print_shown,
    review_stars,
    review_table,
    safe,
    shortened,
    stars,
)
from reviewwatch.cli.triage_view import print_triage
from reviewwatch.models import Review, ReviewVersion, SentReply
from reviewwatch.store import from_text
from reviewwatch.workflow import WorkflowEvent, history

if TYPE_CHECKING:
    from reviewwatch.replies import Draft


def register(app: typer.Typer) -> None:
    app.command("list")(list_reviews)
    app.command("show")(show)


@reports_errors
def list_reviews(
    ctx: typer.Context,
    source: SourceFilter = None,
    business: BusinessFilter = None,
    flagged: FlaggedFilter = False,
    status: StatusFilter = None,
    max_stars: MaxStarsFilter = None,
    min_stars: MinStarsFilter = None,
    since: SinceFilter = None,
    lang: LangFilter = None,
    overdue: OverdueFilter = False,
    assignee: AssigneeFilter = None,
    due_follow_up: FollowUpFilter = False,
    open_only: OpenFilter = False,
    any_status: bool = typer.Option(
        False, "--any-status", help="With --flagged: every status, handled ones too."
    ),
    category: CategoryFilter = None,
    subject: SubjectFilter = None,
    author: AuthorFilter = None,
    removed: RemovedFilter = False,
    search: SearchFilter = None,
    limit: int = typer.Option(50, "--limit", min=1, help="At most N reviews."),
    show_all: bool = typer.Option(False, "--all", help="Every matching review (no --limit)."),
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """List stored reviews, newest first.

    `list --flagged` shows the flagged reviews still open (new, in_progress, escalated)
    unless --status or --any-status says otherwise.
    """
    from reviewwatch.serialize import JSON_VERSION, review_to_dict
    from reviewwatch.store import count_reviews, iter_reviews
    from reviewwatch.store.search import search_terms

    state = state_of(ctx).override(config, db)
    where = build_filter(
        source=source,
        business=business,
        flagged=flagged,
        status=status,
        max_stars=max_stars,
        min_stars=min_stars,
        since=since,
        lang=lang,
        limit=None if show_all else limit,
        overdue=overdue,
        assignee=assignee,
        due_follow_up=due_follow_up,
        open_only=open_only,
        category=category,
        subject=subject,
        author=author,
        removed=removed,
        search=search,
        open_by_default=not any_status,
    )
    conn = connect_for(state, where)
    cache = None
    try:
        prepare_filter(conn, where)
        reviews = list(iter_reviews(conn, where))
        total = len(reviews) if where.limit is None else count_reviews(conn, where)
        if json_output:
            cache = triage_cache(state, conn)
            documents = [review_to_dict(r, cache.fields(r, store=False)) for r in reviews]
            print_json({"version": JSON_VERSION, "total": total, "reviews": documents})
            return
    finally:
        conn.close()
        if cache is not None:
            keep_triage(state, cache)
    console = make_console()
    if not reviews and console.is_terminal:
        console.print(Text("No reviews match.", style="dim"))
        return
    terms = search_terms(search) if search else ()
    review_table(console, reviews, zone=_zone(state), highlight=terms)
    if total > len(reviews):
        print_shown(len(reviews), total)


@reports_errors
def show(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    translate: bool = typer.Option(
        False,
        "--translate",
        help="Add a machine translation of the review and of the reply draft into "
        "settings.language (needs [ai]).",
    ),
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """One review: its text, every version of it, and its workflow state."""
    from reviewwatch.replies import saved_draft
    from reviewwatch.serialize import JSON_VERSION, iso, review_to_dict
    from reviewwatch.store import get_review, review_versions

    state = state_of(ctx).override(config, db)
    settings = state.settings_config()
    extras = None
    # Read-only unless AI help may ask a model: its answers and monthly budget are stored.
    read_only = settings.ai is None and not translate
    conn = state.connect(read_only=read_only)
    cache = triage_cache(state, conn)
    try:
        review = get_review(conn, review_id)
        versions = review_versions(conn, review_id)
        draft = saved_draft(conn, review_id)
        triage = cache.fields(review, store=not read_only)
        review = get_review(conn, review_id)  # triage may have set the detected language
        events = history(conn, review_id)
        if settings.ai is not None or translate:
            from reviewwatch.cli.ai_view import show_extras  # only with AI help

            extras = show_extras(settings, conn, review, triage, translate=translate)
    finally:
        conn.close()
        keep_triage(state, cache)
    if json_output:
        document = review_to_dict(review, triage)
        if extras is not None:
            document.update(extras.document())
        document["versions"] = [
            {
                "version": v.version,
                "seen_at": iso(v.seen_at),
                "change": v.change,
                "rating": v.rating,
                "polarity": v.polarity,
                "title": v.title,
                "body": v.body,
                "reply": v.reply,
                "updated_at": iso(v.updated_at),
            }
            for v in versions
        ]
        document["draft"] = (
            None
            if draft is None
            else {"text": draft.text, "language": draft.language, "saved_at": iso(draft.saved_at)}
        )
        document["events"] = [
            {"at": iso(e.at), "by": e.actor, "kind": e.kind, "value": e.value, "note": e.note}
            for e in events
        ]
        print_json({"version": JSON_VERSION, "review": document})
        return
    print_review(
        review,
        versions,
        zone=_zone(state),
        triage=triage if review.sent_reply is None else replied_triage(review, triage),
        events=events,
        draft=draft,
    )
    if extras is not None:
        extras.print(make_console(), triage)


def _zone(state: AppState) -> str:
    return state.settings_config().settings.timezone


def print_review(
    review: Review,
    versions: list[ReviewVersion],
    *,
    zone: str,
    triage: Mapping[str, Any] | None = None,
    events: Sequence[WorkflowEvent] = (),
    draft: Draft | None = None,
) -> None:
    console = make_console()
    rating = Text(review_stars(review), style="red" if review.flagged else "")
    pairs: list[tuple[str, str | Text]] = [
        ("Review", f"#{review.id} on {review.source} ({review.platform}), id {review.external_id}"),
        ("Rating", rating),
        ("Author", review.author or "-"),
        (
            "Written",
            local_time(review.created_at, zone)
            if review.created_at
            else "unknown: the platform gives no date (dated by first sight)",
        ),
        ("First seen", local_time(review.first_seen_at, zone)),
        ("Status", review.status + (f", assigned to {review.assignee}" if review.assignee else "")),
    ]
    if review.due_at and review.flagged and review.status in ("new", "in_progress"):
        pairs.append(("Reply due", local_time(review.due_at, zone)))
    if review.replied_at:
        pairs.append(("Replied", local_time(review.replied_at, zone)))
    if review.follow_up_at:
        pairs.append(("Follow up", local_time(review.follow_up_at, zone)))
    if review.rose_after_flag:
        pairs.append(("Effect", f"the rating rose from {review.flagged_rating} to {review.rating}"))
    for label, value in (
        ("Subject", review.subject),
        ("Order", review.order_id),
        ("Language", review.language),
        ("Link", review.url),
    ):
        if value:
            pairs.append((label, value))
    if review.removed_at:
        pairs.append(("Removed", local_time(review.removed_at, zone)))
    key_values(console, pairs)
    console.print()
    if review.title:
        console.print(safe(review.title, "bold"))
    console.print(safe(review.body or "(no text)"))
    if review.translation:
        console.print(safe(f"Translation by the platform: {review.translation}", "dim"))
    if review.reply:
        console.print()
        console.print(Text("Public reply:", style="bold"))
        console.print(safe(review.reply))
    if review.sent_reply is not None:
        console.print()
        _print_sent(console, review.sent_reply, zone)
    if len(versions) > 1:
        console.print()
        _print_versions(console, versions, zone)
    if events:
        console.print()
        console.print(Text("Team", style="bold"))
        for event in events:
            console.print(safe(_event_line(event, zone)))
    if draft is not None:
        console.print()
        saved = local_time(draft.saved_at, zone)
        console.print(
            Text(f"Your draft reply (saved {saved}; reviewwatch reply {review.id}):", style="bold")
        )
        console.print(safe(draft.text))
    if triage and review.flagged:
        console.print()
        print_triage(console, triage, zone)


_HOW_SENT = {"posted": "posted through the platform's API", "marked": "marked replied by hand"}


def _print_sent(console: Console, sent: SentReply, zone: str) -> None:
    """The reply sent through reviewwatch: its text, when, by whom and how."""
    how = _HOW_SENT.get(sent.how, sent.how)
    when = f" {local_time(sent.at, zone)}" if sent.at else ""
    by = f" by {sent.actor}" if sent.actor else ""
    console.print(Text(f"Your reply ({how}{when}{by}):", style="bold"))
    console.print(safe(sent.text or "(no text recorded)"))


def replied_triage(review: Review, triage: Mapping[str, Any]) -> dict[str, Any]:
    """Triage as `show` gives it once a reply is sent: no new suggested reply, and no step that
    asks for one (`reviewwatch reply ID --print` still drafts one)."""
    from reviewwatch.triage.policies import load_policy

    rules = load_policy(review.platform).reply
    asks = {rules.action, rules.window_closed_action}
    steps = [step for step in triage.get("next_steps") or [] if step.get("action") not in asks]
    return {**triage, "suggested_reply": None, "next_steps": steps}


# How much of a version's text `show` prints: two lines of a table on a terminal.
VERSION_TEXT_WIDTH = 120


def _print_versions(console: Console, versions: list[ReviewVersion], zone: str) -> None:
    """Every version of the review, oldest first (the newest is the text printed above): when
    it was seen, what changed, its rating, and its text, shortened."""
    from rich.table import Table  # only `show` needs it: start-up of `list`

    rows = [
        (
            f"v{version.version}",
            local_time(version.seen_at, zone),
            version.change,
            version,
            _version_text(version, versions[index - 1] if index else None),
        )
        for index, version in enumerate(versions)
    ]
    if not console.is_terminal:
        for name, seen, change, version, text in rows:
            rating = version.rating or version.polarity or ""
            console.print(safe(f"{name}\t{seen}\t{change}\t{rating}\t{text}"))
        return
    table = Table(title="History (oldest first)", header_style="bold")
    for column in ("#", "Seen", "Change", "Stars", "Text"):
        table.add_column(column)
    for name, seen, change, version, text in rows:
        table.add_row(name, seen, change, stars(version.rating, version.polarity), safe(text))
    console.print(table)


def _version_text(version: ReviewVersion, previous: ReviewVersion | None) -> str:
    """What a version said, shortened: its text, or, when only the public reply changed, the
    reply."""
    text = " — ".join(part for part in (version.title, version.body) if part)
    if previous is None or (version.title, version.body) != (previous.title, previous.body):
        return shortened(text, VERSION_TEXT_WIDTH) or "(no text)"
    if version.reply != previous.reply:
        return "reply: " + (shortened(version.reply, VERSION_TEXT_WIDTH - 7) or "(removed)")
    return "(same text)"


_EVENT_WORDS = {"status": "status ->", "assign": "assigned to", "follow_up": "follow up on"}


def _event_line(event: WorkflowEvent, zone: str) -> str:
    head = f"  {local_time(event.at, zone)}  {event.actor or '?'}:"
    if event.kind == "note":
        return f"{head} {event.note}"
    value = event.value or "nobody"
    if event.kind == "follow_up" and event.value:
        value = local_time(from_text(event.value), zone)
    line = f"{head} {_EVENT_WORDS.get(event.kind, event.kind)} {value}"
    return line + (f" ({event.note})" if event.note else "")
