"""CPU time of one first poll of N generated reviews, in this process.

Usage: python bench/ingest_cpu.py [--size N] [--no-second-opinion]

`reviewwatch.poll.run_poll` over a `json_file` source of N generated reviews (the same ones as
`ingest.py`) into an empty database; prints the CPU seconds per review (this process only:
on a shared machine the wall time of `ingest.py` also counts the wait for a core) and the
peak memory. `--no-second-opinion` detects languages as the default install does, without
the `langid` extra.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from _reviews import write_file_config, write_jsonl

from reviewwatch.config import load_config
from reviewwatch.poll import run_poll
from reviewwatch.triage import _langid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=50_000, help="reviews (default 50,000)")
    parser.add_argument("--no-second-opinion", action="store_true", help="without py3langid")
    args = parser.parse_args(argv)
    if args.no_second_opinion:
        _langid.enabled = False
    with tempfile.TemporaryDirectory(prefix="rw-ingest-cpu-") as scratch:
        folder = Path(scratch)
        data = write_jsonl(folder / "reviews.jsonl", args.size)
        config = write_file_config(folder, data, name="config.toml")
        start = time.process_time()
        report = run_poll(load_config(config), folder / "reviews.db")
        seconds = time.process_time() - start
    stored = report.baseline or len(report.new)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    opinion = "with" if _langid.available() else "without"
    print(
        f"{stored:,} reviews, second opinion {opinion}: {seconds / args.size * 1e6:.1f} us of CPU"
        f" per review ({args.size / seconds:,.0f} per CPU second), peak {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
