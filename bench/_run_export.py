"""Export every stored review to CSV through the core, without the CLI and its triage columns.

Usage: python bench/_run_export.py DB OUT [--reviews]

`write_csv_export` (newest first, streamed: the CSV cells made by SQLite), the path `reviewwatch
export --format csv` takes; with `--reviews`, the general path instead: `iter_reviews` into
`write_export(fmt="csv")`, a Review per row. Prints the row count.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reviewwatch.export import write_csv_export, write_export
from reviewwatch.store import ReviewFilter, connect, iter_reviews


def main() -> int:
    conn = connect(Path(sys.argv[1]))
    try:
        with Path(sys.argv[2]).open("w", encoding="utf-8", newline="") as stream:
            if "--reviews" in sys.argv[3:]:
                count = write_export(iter_reviews(conn, ReviewFilter()), stream, fmt="csv")
            else:
                count = write_csv_export(conn, ReviewFilter(), stream)
    finally:
        conn.close()
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
