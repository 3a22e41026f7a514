"""Start-up: `reviewwatch --help` and `reviewwatch list --limit 50` on a big database.

Usage: python bench/startup.py [--size N] [--runs R] [--db DB]

Wall time of the installed `reviewwatch` script, each command run R times (median), after one
untimed run that warms the page cache. Without `--db`, a database of N generated reviews is
built first (not timed).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

from _common import find_tool, load, machine, median, peak_of
from _reviews import build_db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="reviews (default 1e6)")
    parser.add_argument("--runs", type=int, default=10, help="runs per figure (median)")
    parser.add_argument("--db", type=Path, help="an existing database")
    args = parser.parse_args()
    runs = max(1, min(args.runs, 50))
    script = find_tool("reviewwatch")
    if script is None:
        print("the reviewwatch script is not installed in this environment")
        return 1
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="rw-startup-") as scratch:
        db = args.db or build_db(Path(scratch), args.size)
        with sqlite3.connect(db) as conn:
            size = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        print(f"{size:,} reviews")
        env_free = ["env", "REVIEWWATCH_CONFIG=", "REVIEWWATCH_DB="]
        commands: dict[str, list[str | Path]] = {
            "reviewwatch --help": [*env_free, script, "--help"],
            "reviewwatch list --limit 50": [*env_free, script, "--db", db, "list", "--limit", "50"],
        }
        rows = []
        for name, command in commands.items():
            print(f"$ {name}" + (" --db DB" if "list" in name else ""))
            peak_of(command)
            times = []
            for _ in range(runs):
                seconds, _peak, status = peak_of(command, timeout=120)
                if status:
                    print(f"{name} failed with status {status}")
                    return 1
                times.append(seconds)
            figure = median(times)
            print(f"  median {figure * 1000:.0f} ms of {runs} (min {min(times) * 1000:.0f} ms)")
            rows.append(f"| `{name}` | {figure * 1000:.0f} | {min(times) * 1000:.0f} | {load()} |")
    print()
    print("| command | median ms | min ms | load |")
    print("|---|---|---|---|")
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
