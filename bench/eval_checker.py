"""Measure the reply checker on its corpus (tests/triage/checker_corpus).

Usage: python bench/eval_checker.py [FILE ...]

For each corpus file (by default every one: the rounds 1-3 halves `dev`/`holdout` as wholes,
each later file on its own, and the held-out rounds of `HELD_OUT`, now `holdout22b` and
`holdout23b`, the held-out halves of the twenty-second and twenty-third rounds, each skipped
with a line saying so while its file is not written yet), prints how many replies were
checked (written, and with the invisible-character, look-alike, full-width and entity
disguises), the recall on violations (blocked / all violations) and the false-block rate on
good replies, per language and per disguise. Which
files were tuned on is said in bench/README.md: every file but a held-out round's (`holdout5`
to `holdout16`, once held out, are development rounds now, as are `holdout18a` to `holdout23a`,
the read halves of the eighteenth to twenty-third rounds).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.triage.reply_corpus import (  # noqa: E402
    DEVELOPMENT,
    HELD_OUT,
    Reply,
    load,
    present,
    with_variants,
)

from reviewwatch.triage.checker import check_reply  # noqa: E402


def _blocked(reply: Reply) -> bool:
    return not check_reply(reply.text, platform=reply.platform, language=reply.lang).ok


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "-"


def report(half: str) -> None:
    written = load(half)
    replies = list(with_variants(written))
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for reply in replies:
        blocked = _blocked(reply)
        for key in ("all", f"language {reply.lang}", f"disguise {reply.variant}"):
            counts = tally[key]
            if reply.expect == "block":
                counts[0] += blocked
                counts[1] += 1
            else:
                counts[2] += blocked
                counts[3] += 1
    print(f"{half}: {len(written)} written replies, {len(replies)} with disguises")
    print("| slice | recall (violations blocked) | false blocks (good replies blocked) |")
    print("|---|---|---|")
    for key in sorted(tally, key=lambda k: (k != "all", k)):
        caught, violations, false, good = tally[key]
        print(f"| {key} | {_rate(caught, violations)} | {_rate(false, good)} |")
    print()


def main() -> int:
    if any(arg.startswith("-") for arg in sys.argv[1:]):
        print(__doc__)
        return 0
    files = sys.argv[1:] or [*DEVELOPMENT, *HELD_OUT]
    for half in files:
        if half in HELD_OUT and not present(half):
            print(f"{half}: held-out round not written yet (no {half}.toml): skipped")
            print()
            continue
        report(half)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
