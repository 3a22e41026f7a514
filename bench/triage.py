"""Triage throughput: `triage_review` over generated low-star reviews, on one core.

Usage: python bench/triage.py [--size N] [--runs R] [--profile] [--db DB]

N generated reviews (1-2 stars, texts in English, Spanish, German, French, Dutch and Chinese,
spread over every platform), each text made unique by its order number so that no result comes
from a per-text cache. One warm-up pass of 50 reviews loads the word lists and templates; then
R timed passes over the N reviews in this one process (one core). Prints reviews/second, the
median of the passes. `--profile` runs one more pass under cProfile and prints the 15 functions
with the most time of their own.

With `--db DB`, the reviews are every flagged review of that database instead (a database
`bench/ingest.py --keep DIR` leaves, say), read ten thousand at a time; only `triage_review`
is timed, not the reading.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from _common import load, machine, median
from _reviews import LANGUAGES, TEXTS

from reviewwatch.triage.models import PLATFORMS, BusinessInfo, ReviewInput
from reviewwatch.triage.pipeline import triage_review
from reviewwatch.triage.service import review_input

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
BUSINESS = BusinessInfo(name="Acme Tea", signature="Anna, Acme care", contact="our support page")


def reviews(size: int) -> list[ReviewInput]:
    made = []
    for number in range(size):
        language = LANGUAGES[number % len(LANGUAGES)]
        texts = TEXTS[language]
        made.append(
            ReviewInput(
                platform=PLATFORMS[number % len(PLATFORMS)],
                rating=1 + number % 2,
                polarity=None,
                title=f"Order {number}",
                body=f"{texts[number % len(texts)]} #{number}",
                author=f"customer {number}",
                language_hint=None,
                first_seen_at=NOW,
                created_at=NOW,
            )
        )
    return made


def flagged_batches(db: Path, size: int = 10_000) -> Iterator[list[ReviewInput]]:
    """Every flagged review of the database, as triage input, `size` at a time."""
    from reviewwatch.store import ReviewFilter, connect, iter_reviews

    conn = connect(db)
    try:
        stored = iter_reviews(conn, ReviewFilter(flagged=True))
        while batch := [review_input(review) for review in islice(stored, size)]:
            yield batch
    finally:
        conn.close()


def run_db(db: Path) -> tuple[int, float]:
    """(reviews, seconds in triage) over every flagged review of the database."""
    count, seconds = 0, 0.0
    for batch in flagged_batches(db):
        count += len(batch)
        seconds += run(batch)
    return count, seconds


def run(batch: list[ReviewInput]) -> float:
    started = time.perf_counter()
    for review in batch:
        triage_review(review, business=BUSINESS, now=NOW)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="reviews per pass")
    parser.add_argument("--runs", type=int, default=5, help="timed passes (median)")
    parser.add_argument("--profile", action="store_true", help="profile one more pass")
    parser.add_argument("--db", type=Path, help="triage every flagged review of this database")
    args = parser.parse_args()
    size = max(1, min(args.size, 1_000_000))
    print(f"machine: {machine()}")
    if args.db:
        return bench_db(args.db, max(1, min(args.runs, 50)))
    print(f"$ python bench/triage.py --size {size} --runs {args.runs}")
    batch = reviews(size)
    run(reviews(50))
    passes = []
    for number in range(max(1, min(args.runs, 50))):
        seconds = run(batch)
        passes.append(seconds)
        print(f"  pass {number + 1}: {size / seconds:,.0f} reviews/s (load {load()})")
    seconds = median(passes)
    print()
    print("| reviews | reviews/s | µs/review | load |")
    print("|---|---|---|---|")
    print(f"| {size} | {size / seconds:,.0f} | {seconds / size * 1e6:,.0f} | {load()} |")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, batch)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())
    return 0


def bench_db(db: Path, runs: int) -> int:
    print(f"$ python bench/triage.py --db DB --runs {runs}")
    run(reviews(50))
    passes = []
    count = 0
    for number in range(runs):
        count, seconds = run_db(db)
        passes.append(seconds)
        print(f"  pass {number + 1}: {count:,} flagged reviews, {count / seconds:,.0f}/s")
    if not count:
        print("the database has no flagged review")
        return 1
    seconds = median(passes)
    print()
    print("| flagged reviews | reviews/s | µs/review | load |")
    print("|---|---|---|---|")
    print(f"| {count} | {count / seconds:,.0f} | {seconds / count * 1e6:,.0f} | {load()} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
