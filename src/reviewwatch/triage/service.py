"""Triage for stored reviews: run the pipeline, cache the result per review version, and give
it back in the contract's shape (`categories`, `removal_grounds`, `suggested_reply`,
`next_steps`).

The cache makes a review's suggestions stable: `show` twice gives the same draft. It is keyed
on the review's version and on the business details that go into a draft, so an edited review
or a new signature gets fresh suggestions; asking for another variant or language never
touches the cached default.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any

from reviewwatch.errors import StoreError
from reviewwatch.models import Review, utc_now
from reviewwatch.store import to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.triage._data import knowledge_identity
from reviewwatch.triage.model import model_identity
from reviewwatch.triage.model.encoder import encoder_identity
from reviewwatch.triage.models import BusinessInfo, LabelCorrection, ReviewInput, Triage
from reviewwatch.triage.pipeline import triage_review

EMPTY_FIELDS: Mapping[str, Any] = {
    "detected_language": None,
    "language_confidence": None,
    "categories": [],
    "category_evidence": {},
    "removal_grounds": [],
    "suggested_reply": None,
    "reply_language": None,
    "reply_variant": None,
    "next_steps": [],
}


def review_input(review: Review) -> ReviewInput:
    return ReviewInput(
        platform=review.platform,
        rating=review.rating,
        polarity=review.polarity,
        title=review.title,
        body=review.body,
        author=review.author,
        subject=review.subject,
        language_hint=review.language_hint or review.language,
        first_seen_at=review.first_seen_at,
        created_at=review.created_at,
        reply=review.reply,
        key=f"{review.source}:{review.external_id}",
    )


def run_triage(
    review: Review,
    *,
    business: BusinessInfo,
    fallback_language: str = "en",
    sla_hours: int = 24,
    variant: int = 0,
    language: str | None = None,
    now: datetime | None = None,
    corrected: LabelCorrection | None = None,
) -> Triage:
    """The pipeline on one stored review (no cache); `corrected` are a user's labels."""
    return triage_review(
        review_input(review),
        business=business,
        fallback_language=fallback_language,
        now=now or review.first_seen_at or utc_now(),
        sla_hours=sla_hours,
        variant=variant,
        language=language,
        corrected=corrected,
    )


def triage_fields(triage: Triage) -> dict[str, Any]:
    """The contract's JSON fields, plus the detected language and the draft's language."""
    draft = triage.suggested_reply
    return {
        "detected_language": triage.language.tag,
        "language_confidence": round(triage.language.confidence, 3),
        "categories": [category.name for category in triage.categories],
        "category_evidence": {c.name: list(c.evidence) for c in triage.categories},
        "removal_grounds": [
            {
                "ground": g.ground,
                "policy": g.policy,
                "how_to_file": g.how_to_file,
                "evidence": list(g.evidence),
            }
            for g in triage.removal_grounds
        ],
        "suggested_reply": draft.text if draft else None,
        "reply_language": draft.language if draft else None,
        "reply_variant": draft.variant if draft else None,
        "next_steps": [
            {"action": s.action, "why": s.why, "deadline": to_text(s.deadline), "policy": s.policy}
            for s in triage.next_steps
        ],
    }


def _fingerprint(business: BusinessInfo, fallback_language: str, sla_hours: int) -> str:
    # A retrained (or reset) category model gives fresh suggestions.
    model = f"{model_identity()}+{encoder_identity()}"
    material = json.dumps(
        [
            asdict(business),
            fallback_language,
            sla_hours,
            _PIPELINE_VERSION,
            model,
            knowledge_identity(),
        ]
    )
    return hashlib.sha256(material.encode()).hexdigest()[:16]


# Bump when the pipeline's code changes what it gives (the knowledge files are hashed on their
# own, `knowledge_identity`), so cached suggestions are recomputed.
_PIPELINE_VERSION = 5


class TriageCache:
    """Cached default triage of stored reviews (variant 0, the review's own language)."""

    def __init__(
        self,
        conn: Connection,
        *,
        business: BusinessInfo,
        fallback_language: str = "en",
        sla_hours: int = 24,
        businesses: Mapping[str, tuple[BusinessInfo, int]] | None = None,
    ) -> None:
        """`businesses`: by name, each business's details and reply deadline, for the reviews
        of sources that name one; the others get `business` and `sla_hours`."""
        self.conn = conn
        self.business = business
        self.fallback_language = fallback_language
        self.sla_hours = sla_hours
        self.fingerprint = _fingerprint(business, fallback_language, sla_hours)
        self._businesses = dict(businesses or {})
        self._fingerprints = {
            name: _fingerprint(info, fallback_language, hours)
            for name, (info, hours) in self._businesses.items()
        }
        # Computed but not stored yet (a read-only connection, or one busy streaming rows):
        # `keep` stores them later, on a connection that may write.
        # With each, when the review's labels were last corrected as it was computed: a
        # correction made since then drops it.
        self.unsaved: dict[int, tuple[Review, dict[str, Any], datetime | None]] = {}

    def _business_of(self, review: Review) -> tuple[BusinessInfo, int, str]:
        """The business details, reply deadline and cache fingerprint for a review."""
        found = self._businesses.get(review.business or "")
        if found is None:
            return self.business, self.sla_hours, self.fingerprint
        return found[0], found[1], self._fingerprints[review.business or ""]

    def fields(self, review: Review, *, store: bool = True) -> dict[str, Any]:
        """The triage fields of a review: cached if fresh, computed (and kept) if not.

        Reviews that are not flagged get empty fields: triage is for reviews that need an answer.
        """
        if not review.flagged:
            return self._unflagged(review)
        cached = self._cached(review)
        if cached is not None:
            return cached
        fields = triage_fields(self.compute(review))
        stored = False
        if store:
            # Only a cache: a read-only or busy database (or a read-only PostgreSQL role) keeps
            # what it has.
            with contextlib.suppress(sqlite3.OperationalError, StoreError), transaction(self.conn):
                self._store(review, fields)
                stored = True
        if not stored:
            self.unsaved[review.id] = (review, fields, self._corrected_at(self.conn, review.id))
        return fields

    @staticmethod
    def _corrected_at(conn: Connection, review_id: int) -> datetime | None:
        from reviewwatch.corrections import correction_of

        record = correction_of(conn, review_id)
        return record.corrected_at if record is not None else None

    def keep(self, conn: Connection) -> int:
        """Store what was computed but not stored, in one short transaction on `conn` (which
        may write); returns how many were stored. Only a cache: a database that is busy (a poll
        writing) or cannot be written keeps what it has, and the results are simply computed
        again."""
        if not self.unsaved:
            return 0
        with contextlib.suppress(sqlite3.Error, StoreError), transaction(conn):
            kept = 0
            for review, fields, corrected_at in self.unsaved.values():
                # Corrected meanwhile: the correction cleared the cache, and this result
                # follows the old labels.
                if self._corrected_at(conn, review.id) == corrected_at:
                    self._store(review, fields, conn=conn)
                    kept += 1
            self.unsaved.clear()
            return kept
        return 0

    def _unflagged(self, review: Review) -> dict[str, Any]:
        """No triage, but the categories a user set, if any."""
        from reviewwatch.corrections import correction_of

        record = correction_of(self.conn, review.id)
        if record is None:
            return {**EMPTY_FIELDS, "category_evidence": {}}
        shown = (f"set by {record.actor}" if record.actor else "set by a user",)
        return {
            **EMPTY_FIELDS,
            "categories": list(record.categories),
            "category_evidence": {name: list(shown) for name in record.categories},
        }

    def compute(self, review: Review, *, variant: int = 0, language: str | None = None) -> Triage:
        """The pipeline on a review, following the user's correction of its labels if any."""
        from reviewwatch.corrections import correction_of

        record = correction_of(self.conn, review.id)
        corrected = (
            None
            if record is None
            else LabelCorrection(record.categories, record.removal_grounds, record.actor)
        )
        business, sla_hours, _fingerprint_of = self._business_of(review)
        return run_triage(
            review,
            business=business,
            fallback_language=self.fallback_language,
            sla_hours=sla_hours,
            variant=variant,
            language=language,
            corrected=corrected,
        )

    def refresh(self, reviews: Iterable[Review]) -> dict[int, dict[str, Any]]:
        """Triage several reviews (a poll's newly flagged ones) in one transaction."""
        results = {}
        with transaction(self.conn):
            for review in reviews:
                fields = self._cached(review) or triage_fields(self.compute(review))
                self._store(review, fields)
                results[review.id] = fields
        return results

    def _cached(self, review: Review) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT language, language_confidence, categories, removal_grounds, next_steps,"
            " suggested_reply, reply_language FROM triage"
            " WHERE review_id = ? AND version = ? AND fingerprint = ?",
            (review.id, review.version, self._business_of(review)[2]),
        ).fetchone()
        if row is None:
            return None
        categories = json.loads(row[2])
        return {
            "detected_language": row[0],
            "language_confidence": row[1],
            "categories": list(categories),
            "category_evidence": categories,
            "removal_grounds": json.loads(row[3]),
            "suggested_reply": row[5],
            "reply_language": row[6],
            "reply_variant": 0 if row[5] is not None else None,
            "next_steps": json.loads(row[4]),
        }

    def _store(
        self, review: Review, fields: Mapping[str, Any], *, conn: Connection | None = None
    ) -> None:
        # A newer version's row (a poll that triaged an edit meanwhile) is never replaced by
        # an older one's.
        (conn or self.conn).execute(
            "INSERT INTO triage (review_id, version, fingerprint, variant,"
            " reply_language, language, language_confidence, categories, removal_grounds,"
            " next_steps, suggested_reply) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (review_id) DO UPDATE SET version = excluded.version,"
            " fingerprint = excluded.fingerprint, variant = excluded.variant,"
            " reply_language = excluded.reply_language, language = excluded.language,"
            " language_confidence = excluded.language_confidence,"
            " categories = excluded.categories, removal_grounds = excluded.removal_grounds,"
            " next_steps = excluded.next_steps, suggested_reply = excluded.suggested_reply"
            " WHERE triage.version <= excluded.version",
            (
                review.id,
                review.version,
                self._business_of(review)[2],
                0,
                fields["reply_language"],
                fields["detected_language"],
                fields["language_confidence"],
                json.dumps(fields["category_evidence"], ensure_ascii=False),
                json.dumps(fields["removal_grounds"], ensure_ascii=False),
                json.dumps(fields["next_steps"], ensure_ascii=False),
                fields["suggested_reply"],
            ),
        )
