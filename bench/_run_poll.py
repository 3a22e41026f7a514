"""Run one poll through the core (`reviewwatch.poll.run_poll`), without the CLI.

Usage: python bench/_run_poll.py CONFIG DB

Prints one line: sources, fetched, new, updated, baseline. Exits 1 if a source failed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reviewwatch.config import load_config
from reviewwatch.poll import run_poll


def main() -> int:
    config_path, db_path = Path(sys.argv[1]), Path(sys.argv[2])
    report = run_poll(load_config(config_path), db_path)
    fetched = sum(source.fetched for source in report.sources)
    failed = [source for source in report.sources if not source.ok]
    print(
        f"sources {len(report.sources)} fetched {fetched} new {len(report.new)}"
        f" updated {len(report.updated)} baseline {report.baseline} failed {len(failed)}"
    )
    for source in failed[:5]:
        print(f"{source.name}: {source.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
