"""Per-platform policy packs: what a seller may do about a review on each platform.

The rules live in `data/policies/<platform>.toml`, each laid over `_defaults.toml` (the universal
safe rules), and every rule carries the source it comes from.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

from reviewwatch.triage._data import load_toml, merge
from reviewwatch.triage.models import PLATFORMS, Category, GroundMatch, RemovalGround

_FBA_GROUND = "fba_delivery_only"
# Grounds that only make sense on one of Amazon's two systems, whatever a pack says.
_GROUND_PLATFORM = {
    "seller_feedback_is_product_review": "amazon_feedback",
    "product_review_is_seller_feedback": "amazon_review",
    _FBA_GROUND: "amazon_feedback",
}


@dataclass(frozen=True, slots=True)
class ReplyRules:
    """The public reply: whether it is allowed, its limits and quirks."""

    allowed: bool
    max_chars: int
    max_chars_note: str
    links: bool
    emails: bool
    phones: bool
    # The kinds of the business's own contact data ("email", "phone", written in
    # `[business] contact`) that may stand in a reply where other contact data may not.
    own_contact_kinds: tuple[str, ...]
    one_shot: bool
    editable: bool
    moderated: bool
    replaces: bool
    locks_review_edit: bool
    deadline_hours: int
    hard_deadline_days: int
    action: str
    existing_reply_action: str
    window_closed_action: str
    why: str
    policy: str


@dataclass(frozen=True, slots=True)
class ChannelRules:
    """The platform's private channel to the reviewer (`key` is empty when there is none)."""

    key: str
    name: str
    response_hours: int
    links: bool
    emails: bool
    phones: bool
    action: str
    why: str
    policy: str

    @property
    def exists(self) -> bool:
        """True when the platform has its own private channel."""
        return bool(self.key)


@dataclass(frozen=True, slots=True)
class UpdateRules:
    """Whether (and how) the seller may ask for an updated review after fixing the problem."""

    mode: str
    surfaces: tuple[str, ...]
    window_days: int
    action: str
    why: str
    policy: str

    @property
    def allowed(self) -> bool:
        """True when some form of update request is allowed."""
        return self.mode != "never"


@dataclass(frozen=True, slots=True)
class GroundRule:
    """One removal ground the platform accepts, and how to file it."""

    ground: str
    outcome: str
    how_to_file: str
    policy: str
    requires_fba: bool = False
    delivery_only_categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovalRules:
    """How removal requests work on the platform."""

    max_rating: int
    window_days: int
    window_from: str
    action_template: str
    why_template: str
    policy: str
    grounds: tuple[GroundRule, ...]

    def rule_for(self, ground: str) -> GroundRule | None:
        """The rule for `ground`, or None when the platform does not accept it."""
        return next((rule for rule in self.grounds if rule.ground == ground), None)


@dataclass(frozen=True, slots=True)
class Policy:
    """Everything triage needs to know about one platform's rules."""

    platform: str
    name: str
    kind: str
    reply: ReplyRules
    channel: ChannelRules
    update_request: UpdateRules
    removal: RemovalRules
    solicit_allowed: bool
    solicit_policy: str
    follow_up_days: int
    follow_up_action: str
    follow_up_why: str
    follow_up_policy: str
    checks: Mapping[str, str]
    unclear: tuple[str, ...]

    def citation(self, rule: str) -> str:
        """The policy text to cite for a checker rule on this platform."""
        return self.checks.get(rule, "")


_T = TypeVar("_T")


def _build(cls: type[_T], table: Mapping[str, Any], **extra: Any) -> _T:
    """Make a rules dataclass from a TOML table; unknown keys are typos and fail loudly."""
    names = {field.name for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = set(table) - names
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown keys {sorted(unknown)}")
    values = {key: tuple(v) if isinstance(v, list) else v for key, v in table.items()}
    return cls(**values, **extra)


@functools.cache
def load_policy(platform: str) -> Policy:
    """Load the policy pack for `platform` (one of models.PLATFORMS); ValueError otherwise."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; expected one of {', '.join(PLATFORMS)}")
    data = merge(load_toml("policies", "_defaults"), load_toml("policies", platform))
    channel = dict(data["private_channel"])
    removal = dict(data["removal"])
    grounds = tuple(_build(GroundRule, rule) for rule in removal.pop("grounds"))
    return Policy(
        platform=platform,
        name=data["name"],
        kind=data["kind"],
        reply=_build(ReplyRules, data["reply"]),
        channel=_build(ChannelRules, {"key": channel.pop("id"), **channel}),
        update_request=_build(UpdateRules, data["update_request"]),
        removal=_build(RemovalRules, removal, grounds=grounds),
        solicit_allowed=data["solicit"]["allowed"],
        solicit_policy=data["solicit"]["policy"],
        follow_up_days=data["follow_up"]["days"],
        follow_up_action=data["follow_up"]["action"],
        follow_up_why=data["follow_up"]["why"],
        follow_up_policy=data["follow_up"]["policy"],
        checks=MappingProxyType(dict(data["checks"])),
        unclear=tuple(data["unclear"]),
    )


def category_names(categories: Iterable[Category | str]) -> tuple[str, ...]:
    """Category names from Category values or plain names, in order, without repeats."""
    names = [item if isinstance(item, str) else item.name for item in categories]
    return tuple(dict.fromkeys(names))


def accepted_grounds(
    platform: str,
    matches: Sequence[GroundMatch],
    *,
    rating: int | None,
    categories: Iterable[Category | str],
    fulfilled_by_amazon: bool = False,
) -> tuple[RemovalGround, ...]:
    """Keep the removal grounds `platform` accepts, each with its rule and how to file it.

    `fba_delivery_only` is added for Amazon seller feedback when the seller fulfils through
    Amazon (`fulfilled_by_amazon`) and the review is only about the delivery.
    """
    policy = load_policy(platform)
    if rating is not None and rating > policy.removal.max_rating:
        return ()
    evidence: dict[str, tuple[str, ...]] = {}
    for match in matches:
        evidence[match.ground] = evidence.get(match.ground, ()) + match.evidence
    if fulfilled_by_amazon and _delivery_only(policy, category_names(categories), evidence):
        evidence.setdefault(_FBA_GROUND, ())
    elif not fulfilled_by_amazon:
        evidence.pop(_FBA_GROUND, None)
    kept: list[RemovalGround] = []
    for rule in policy.removal.grounds:
        if rule.ground not in evidence:
            continue
        if _GROUND_PLATFORM.get(rule.ground, platform) != platform:
            continue
        kept.append(
            RemovalGround(
                ground=rule.ground,
                policy=rule.policy,
                how_to_file=rule.how_to_file,
                evidence=tuple(dict.fromkeys(evidence[rule.ground])),
            )
        )
    return tuple(kept)


def _delivery_only(
    policy: Policy, categories: tuple[str, ...], evidence: Mapping[str, tuple[str, ...]]
) -> bool:
    """True when the FBA strike-through rule applies: every category is a delivery one."""
    rule = policy.removal.rule_for(_FBA_GROUND)
    if rule is None or not categories or "seller_feedback_is_product_review" in evidence:
        return False
    return set(categories) <= set(rule.delivery_only_categories)
