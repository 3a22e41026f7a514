"""Export: N stored reviews to CSV, against the `sqlite3` shell's `-csv` on the same rows.

Usage: python bench/export.py [--size N] [--runs R] [--db DB] [--sqlite3 PATH]

Ours is `python bench/_run_export.py DB OUT`: `write_csv_export`, the path `reviewwatch export
--format csv` takes, without the triage columns the command adds. Theirs is
`sqlite3 -csv -header DB "SELECT ..."` with the same columns, join and order. Wall time around
each process, peak memory from the process's own ru_maxrss; medians of R runs. Without `--db`,
a database of N generated reviews is built first (not timed).
"""

from __future__ import annotations

import argparse
import shlex
import sqlite3
import sys
import tempfile
from pathlib import Path

from _common import PYTHON, find_tool, load, machine, median, peak_of
from _reviews import build_db

SQL = (
    "SELECT r.id, s.name, s.kind, r.external_id, r.rating, r.title, r.body, r.author,"
    " r.created_at, r.language, r.url, r.subject, r.status, r.assignee, r.due_at, r.flagged"
    " FROM reviews r JOIN sources s ON s.id = r.source_id ORDER BY r.sort_at DESC, r.id DESC"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="reviews (default 1e6)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--db", type=Path, help="an existing database to export")
    parser.add_argument("--sqlite3", dest="sqlite3", help="the sqlite3 shell")
    args = parser.parse_args()
    runs = max(1, min(args.runs, 20))
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="rw-export-") as scratch:
        folder = Path(scratch)
        db = args.db or build_db(folder, args.size)
        with sqlite3.connect(db) as conn:
            size = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        print(f"{size:,} reviews")
        out = folder / "out.csv"
        rows = [_measure("reviewwatch", [PYTHON, _runner(), db, out], size, runs, out)]
        shell = find_tool("sqlite3", args.sqlite3)
        if shell is None:
            print("sqlite3 shell not found: side by side skipped (apt-get install sqlite3)")
        else:
            command = [shell, "-csv", "-header", db, SQL]
            rows.append(_measure("sqlite3 -csv", command, size, runs, out, to_file=True))
    print()
    print("| tool | rows/s | wall s | peak MB | load |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row)
    return 0


def _runner() -> str:
    return str(Path(__file__).with_name("_run_export.py"))


def _measure(
    tool: str, command: list[object], size: int, runs: int, out: Path, *, to_file: bool = False
) -> str:
    shown = " ".join(map(str, command)).replace(PYTHON, "python").replace(str(out), "OUT")
    shown = shown.replace(str(Path(__file__).parent), "bench")
    print("$ " + shown + (" > OUT" if to_file else ""))
    figures = []
    for _ in range(runs):
        if to_file:
            # The shell writes to stdout: redirect it to the file inside a shell of our own.
            quoted = " ".join(_quote(str(part)) for part in command)
            seconds, peak, status = peak_of(["sh", "-c", f"{quoted} > {_quote(str(out))}"])
        else:
            seconds, peak, status = peak_of([str(part) for part in command])
        if status:
            raise SystemExit(f"{tool} failed with status {status}")
        figures.append((seconds, peak, load()))
        print(f"  {tool}: {seconds:.2f} s, peak {peak:.0f} MB, {out.stat().st_size / 1e6:.0f} MB")
    seconds = median([f[0] for f in figures])
    peak = median([f[1] for f in figures])
    loads = "/".join(f[2] for f in figures)
    return f"| {tool} | {size / seconds:,.0f} | {seconds:.2f} | {peak:.0f} | {loads} |"


def _quote(text: str) -> str:
    return shlex.quote(text)


if __name__ == "__main__":
    sys.exit(main())
