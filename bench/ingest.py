"""Ingest: N reviews from a .jsonl file polled into an empty database, then 1% edited.

Usage: python bench/ingest.py [--size N] [--runs R] [--sqlite-utils PATH] [--keep DIR]

Each poll is `python bench/_run_poll.py C D` (`reviewwatch.poll.run_poll`, the core of
`reviewwatch poll` without its report printing) in its own process;
its wall time is measured around the process and its peak memory is the process's own
ru_maxrss (read by a small wrapper process that waits for it). Side by side, `sqlite-utils
upsert D reviews FILE --nl --pk id` loads the same file into a plain table, first into an
empty database, then the edited file over it. Every figure is the median of R runs, each on a
fresh database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from _common import PYTHON, find_tool, load, machine, median, peak_of
from _reviews import write_file_config, write_jsonl


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="reviews (default 1e6)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--sqlite-utils", dest="sqlite_utils", help="the sqlite-utils script")
    parser.add_argument("--keep", type=Path, help="keep the files and last database here")
    args = parser.parse_args()
    runs = max(1, min(args.runs, 20))
    with tempfile.TemporaryDirectory(prefix="rw-ingest-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"machine: {machine()}")
        print(f"generating {args.size:,} reviews (1% edited in the second file) ...")
        first = write_jsonl(folder / "reviews.jsonl", args.size)
        edited = write_jsonl(folder / "reviews-edited.jsonl", args.size, edit_every=100)
        print(f"file: {first.stat().st_size / 1e6:.0f} MB")
        ours = _reviewwatch(folder, first, edited, args.size, runs)
        theirs = _sqlite_utils(folder, first, edited, args.size, runs, args.sqlite_utils)
    print()
    print("| tool | step | reviews/s | wall s | peak MB | load |")
    print("|---|---|---|---|---|---|")
    for row in ours + theirs:
        print(row)
    return 0


def _reviewwatch(folder: Path, first: Path, edited: Path, size: int, runs: int) -> list[str]:
    runner = Path(__file__).with_name("_run_poll.py")
    config_first = write_file_config(folder, first, name="first.toml")
    config_edited = write_file_config(folder, edited, name="edited.toml")
    results: dict[str, list[tuple[float, float, str]]] = {"first poll": [], "1% edited": []}
    for run in range(runs):
        db = folder / "reviews.db"
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        for step, config in (("first poll", config_first), ("1% edited", config_edited)):
            command: list[str | Path] = [PYTHON, runner, config, db]
            if run == 0:
                print(_shown(command, folder))
            seconds, peak, status = peak_of(command, timeout=3600)
            if status not in (0,):
                print(f"reviewwatch poll failed with status {status}", file=sys.stderr)
                raise SystemExit(1)
            results[step].append((seconds, peak, load()))
            print(f"  reviewwatch {step}: {seconds:.2f} s, peak {peak:.0f} MB")
    return [_row("reviewwatch", step, size, figures) for step, figures in results.items()]


def _sqlite_utils(
    folder: Path, first: Path, edited: Path, size: int, runs: int, given: str | None
) -> list[str]:
    tool = find_tool("sqlite-utils", given)
    if tool is None:
        print("sqlite-utils not found: side by side skipped (pip install sqlite-utils)")
        return []
    results: dict[str, list[tuple[float, float, str]]] = {"first poll": [], "1% edited": []}
    for run in range(runs):
        db = folder / "plain.db"
        db.unlink(missing_ok=True)
        for step, data in (("first poll", first), ("1% edited", edited)):
            command: list[str | Path] = [tool, "upsert", db, "reviews", data, "--nl", "--pk", "id"]
            if run == 0:
                print(_shown(command, folder))
            seconds, peak, status = peak_of(command, timeout=3600)
            if status:
                print(f"sqlite-utils failed with status {status}", file=sys.stderr)
                return []
            results[step].append((seconds, peak, load()))
            print(f"  sqlite-utils {step}: {seconds:.2f} s, peak {peak:.0f} MB")
    return [_row("sqlite-utils", step, size, figures) for step, figures in results.items()]


def _shown(command: Sequence[object], folder: Path) -> str:
    text = " ".join(map(str, command)).replace(str(folder), "$DIR").replace(PYTHON, "python")
    return "$ " + text.replace(str(Path(__file__).parent), "bench")


def _row(tool: str, step: str, size: int, figures: list[tuple[float, float, str]]) -> str:
    seconds = median([f[0] for f in figures])
    peak = median([f[1] for f in figures])
    loads = "/".join(f[2] for f in figures)
    return f"| {tool} | {step} | {size / seconds:,.0f} | {seconds:.2f} | {peak:.0f} | {loads} |"


if __name__ == "__main__":
    sys.exit(main())
