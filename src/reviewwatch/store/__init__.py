"""The local SQLite store: every version of every review, per-source state, workflow fields."""

from __future__ import annotations

from reviewwatch.store.connection import PollLock, connect, from_text, to_text, transaction
from reviewwatch.store.queries import (
    ReviewFilter,
    SourceState,
    count_reviews,
    get_review,
    get_reviews,
    iter_reviews,
    iter_selected,
    review_versions,
    source_states,
    stored_values,
)

__all__ = [
    "PollLock",
    "ReviewFilter",
    "SourceState",
    "connect",
    "count_reviews",
    "from_text",
    "get_review",
    "get_reviews",
    "iter_reviews",
    "iter_selected",
    "review_versions",
    "source_states",
    "stored_values",
    "to_text",
    "transaction",
]
