"""Plan what the seller should do next about one review, platform by platform.

The texts come from the policy packs (`data/policies/<platform>.toml`) and the per-category
remedies (`data/policies/_steps.toml`); this module only orders them and computes deadlines.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from reviewwatch.triage._data import load_toml
from reviewwatch.triage.models import Category, NextStep, RemovalGround, ReviewInput
from reviewwatch.triage.policies import Policy, category_names


def _utc(moment: datetime) -> datetime:
    """Aware UTC datetime; a naive one is taken to be UTC already."""
    if moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# Policies repeat the same few periods: make each timedelta once.
@functools.lru_cache(maxsize=256)
def _hours(hours: float) -> timedelta:
    return timedelta(hours=hours)


@functools.lru_cache(maxsize=256)
def _days(days: float) -> timedelta:
    return timedelta(days=days)


def _category_table(name: str, kind: str) -> dict[str, Any] | None:
    """The steps for complaint `name` where the business is of `kind`: the kind's own table
    (``[app.product_quality]``, ``[place.wrong_item]`` ...) when there is one, else the
    store's (``[categories.<name>]``)."""
    steps = load_toml("policies", "_steps")
    kinds_own: dict[str, dict[str, Any]] = steps.get(kind, {})
    table: dict[str, Any] | None = kinds_own.get(name) or steps["categories"].get(name)
    return table


_Remedy = tuple[str, str, str, str, timedelta, timedelta, str]


@functools.lru_cache(maxsize=1024)
def _category_plan(names: tuple[str, ...], kind: str) -> tuple[_Remedy, ...]:
    """(remedy, its why, root cause, its why, remedy due after, root cause due after, policy)
    per category, read from the data once per combination of categories."""
    cited = str(load_toml("policies", "_steps")["policy"])
    plan: list[_Remedy] = []
    # `other`'s steps are the general ones (ask what would put it right, log it): beside a
    # named complaint, whose own steps already fix it, they only add noise.
    named = tuple(name for name in names if name != "other")
    for name in named or names or ("other",):
        table = _category_table(name, kind)
        if table is None:
            continue
        remedy_after = timedelta(hours=table["remedy_hours"])
        cause_after = timedelta(days=table["root_cause_days"])
        remedy_why = table.get("remedy_why", table["why"])
        plan.append(
            (
                table["remedy"],
                remedy_why,
                table["root_cause"],
                table["why"],
                remedy_after,
                cause_after,
                cited,
            )
        )
    return tuple(plan)


def _reply_step(
    review: ReviewInput,
    policy: Policy,
    base: datetime,
    created: datetime | None,
    now: datetime,
    sla_hours: int,
) -> NextStep:
    rules = policy.reply
    if not rules.allowed:
        return NextStep(rules.action, rules.why, None, rules.policy)
    if review.reply:
        return NextStep(rules.existing_reply_action, rules.why, None, rules.policy)
    deadline = base + _hours(rules.deadline_hours or sla_hours)
    if rules.hard_deadline_days:
        written = created or base
        closes = written + _days(rules.hard_deadline_days)
        if closes < now:
            return NextStep(rules.window_closed_action, rules.why, None, rules.policy)
        deadline = min(deadline, closes)
    return NextStep(rules.action, rules.why, deadline, rules.policy)


def _channel_step(policy: Policy, base: datetime, sla_hours: int) -> NextStep:
    channel = policy.channel
    deadline = base + _hours(channel.response_hours or sla_hours) if channel.key else None
    return NextStep(channel.action, channel.why, deadline, channel.policy)


def _category_steps(names: tuple[str, ...], kind: str, base: datetime) -> list[NextStep]:
    steps: list[NextStep] = []
    plan = _category_plan(names, kind)
    for remedy, remedy_why, root_cause, why, remedy_after, cause_after, cited in plan:
        steps.append(NextStep(remedy, remedy_why, base + remedy_after, cited))
        steps.append(NextStep(root_cause, why, base + cause_after, cited))
    return steps


def _removal_steps(
    created: datetime | None, grounds: Sequence[RemovalGround], policy: Policy, base: datetime
) -> list[NextStep]:
    removal = policy.removal
    if not grounds:
        return []
    deadline = None
    if removal.window_days:
        start = base
        if removal.window_from == "created" and created:
            start = created
        deadline = start + _days(removal.window_days)
    steps: list[NextStep] = []
    for ground in grounds:
        rule = removal.rule_for(ground.ground)
        outcome = rule.outcome if rule else "removal"
        values = {"outcome": outcome, "ground": ground.ground, "how_to_file": ground.how_to_file}
        action = removal.action_template.format_map(values)
        why = removal.why_template.format_map(values)
        if ground.evidence:
            why = f"{why} Evidence: {'; '.join(ground.evidence)}"
        steps.append(NextStep(action, why, deadline, ground.policy))
    return steps


def _update_step(created: datetime | None, policy: Policy, base: datetime) -> NextStep:
    rules = policy.update_request
    deadline = None
    if rules.allowed and rules.window_days:
        start = created or base
        deadline = start + _days(rules.window_days)
    return NextStep(rules.action, rules.why, deadline, rules.policy)


def plan_next_steps(
    review: ReviewInput,
    *,
    categories: Iterable[Category | str],
    grounds: Sequence[RemovalGround],
    policy: Policy,
    now: datetime,
    sla_hours: int = 24,
    kind: str | None = None,
) -> tuple[NextStep, ...]:
    """The seller's next steps for `review`, in order, each with why, a deadline where one
    exists (UTC, counted from `review.first_seen_at`, else `now`) and the policy it rests on.

    Covers the public reply (with the platform's quirks), the private channel, the remedy and
    root-cause check per complaint category, a removal request for each accepted ground (and
    only then), whether an update may be asked for after the fix, and a follow-up date. The
    remedies follow `kind`, the business's own kind where the config gives one ("service":
    a bank on Trustpilot), else the platform's.
    """
    now = _utc(now)
    base = _utc(review.first_seen_at) if review.first_seen_at else now
    created = _utc(review.created_at) if review.created_at else None
    reply = _reply_step(review, policy, base, created, now, sla_hours)
    channel = _channel_step(policy, base, sla_hours)
    # Where a reply cannot be taken back (one shot, or it locks the buyer's edit), talk first.
    private_first = policy.reply.one_shot or policy.reply.locks_review_edit
    steps = [channel, reply] if private_first else [reply, channel]
    steps += _category_steps(category_names(categories), kind or policy.kind, base)
    steps += _removal_steps(created, grounds, policy, base)
    steps.append(_update_step(created, policy, base))
    follow_up = base + _days(policy.follow_up_days)
    steps.append(
        NextStep(policy.follow_up_action, policy.follow_up_why, follow_up, policy.follow_up_policy)
    )
    return tuple(steps)
