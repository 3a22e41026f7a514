"""Search: `reviewwatch list --search` on a big database, first (indexing) and later runs.

Usage: python bench/search.py [--size N] [--runs R] [--db DB]

Wall time of the installed `reviewwatch` script (its start-up included), output piped, and
the search alone in process (the total and the best 50, as `list` asks the store). The
first search indexes every review (the
index is filled lazily, so that polls stay as fast as before); later searches only look the
words up. Beside them, the same question as a `LIKE '%word%'` scan in SQLite, the way to
answer it without an index. Without `--db`, a database of N generated reviews is built first
(not timed); with `--db`, a copy is searched, so the original stays as it was.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import find_tool, load, machine, median, peak_of
from _reviews import build_db

QUERIES = {
    "refund": "refund",
    "late AND box": "late AND box",
    '"never answered"': '"never answered"',
    "colo*": "colo*",
}
# The same questions as substring scans (title, body, author), without an index.
SCANS = {
    "refund": "body LIKE '%refund%' OR title LIKE '%refund%' OR author LIKE '%refund%'",
    "late AND box": "(body LIKE '%late%' OR title LIKE '%late%')"
    " AND (body LIKE '%box%' OR title LIKE '%box%')",
    '"never answered"': "body LIKE '%never answered%' OR title LIKE '%never answered%'",
    "colo*": "body LIKE '%colo%' OR title LIKE '%colo%'",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="reviews (default 1e6)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--db", type=Path, help="an existing database (a copy is searched)")
    args = parser.parse_args()
    runs = max(1, min(args.runs, 50))
    script = find_tool("reviewwatch")
    if script is None:
        print("the reviewwatch script is not installed in this environment")
        return 1
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="rw-search-") as scratch:
        folder = Path(scratch)
        if args.db is not None:
            db = folder / "copy.db"
            shutil.copyfile(args.db, db)
        else:
            db = build_db(folder, args.size)
        with sqlite3.connect(db) as conn:
            size = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        before = db.stat().st_size
        print(f"{size:,} reviews, database {before / 1e6:.0f} MB")
        base: list[str | Path] = ["env", "REVIEWWATCH_CONFIG=", "REVIEWWATCH_DB=", script]
        # Piped table output: `--json` adds each flagged review's triage, which is not search.
        base += ["--db", db, "list", "--limit", "50", "--search"]
        rows = []
        print("$ reviewwatch --db DB list --limit 50 --search refund   (first: indexes)")
        seconds, peak, status = peak_of([*base, "refund"], timeout=3600)
        if status:
            print(f"the first search failed with status {status}")
            return 1
        grown = db.stat().st_size + _wal(db)
        rows.append(
            f"| first search (indexes {size:,}) | `refund` | {seconds * 1000:.0f} | "
            f"{peak:.0f} | {load()} |"
        )
        print(f"  {seconds:.2f} s, peak {peak:.0f} MB; index adds {(grown - before) / 1e6:.0f} MB")
        for label, query in QUERIES.items():
            times = []
            for _ in range(runs):
                seconds, peak, status = peak_of([*base, query], timeout=600)
                if status:
                    print(f"search {query!r} failed with status {status}")
                    return 1
                times.append(seconds)
            figure = median(times)
            print(f"  {label}: median {figure * 1000:.0f} ms of {runs}")
            rows.append(
                f"| later search | `{label}` | {figure * 1000:.0f} | {peak:.0f} | {load()} |"
            )
        for label, query in QUERIES.items():
            figure = median([_in_process(db, query) for _ in range(runs)])
            print(f"  {label}: the search alone, in process: median {figure * 1000:.1f} ms")
            rows.append(
                f"| search alone, in process (count + best 50) | `{label}` | "
                f"{figure * 1000:.1f} | - | {load()} |"
            )
        for label, condition in SCANS.items():
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                with sqlite3.connect(db) as conn:
                    conn.execute(f"SELECT count(*) FROM reviews WHERE {condition}").fetchone()
                times.append(time.perf_counter() - started)
            figure = median(times)
            print(f"  LIKE scan {label}: median {figure * 1000:.0f} ms of {runs}")
            rows.append(
                f"| LIKE scan, count only | `{label}` | {figure * 1000:.0f} | - | {load()} |"
            )
    print()
    print("| run | query | median ms | peak MB | load |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row)
    return 0


def _in_process(db: Path, query: str) -> float:
    """Seconds for what `list --search` asks the store: the total, then the best 50."""
    from reviewwatch.store import ReviewFilter, connect, count_reviews, iter_reviews

    conn = connect(db)
    try:
        where = ReviewFilter(search=query, limit=50)
        started = time.perf_counter()
        count_reviews(conn, where)
        list(iter_reviews(conn, where))
        return time.perf_counter() - started
    finally:
        conn.close()


def _wal(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
