"""Measure the text half of triage on the labelled development reviews.

Usage: python bench/eval_triage.py [--data PATH] [--no-readme]

Prints language accuracy, per-category precision/recall/F1 with macro-F1, removal-ground
precision/recall and throughput, and records them in bench/README.md under
"## Triage quality". The data set is kept outside the repository; without it the script
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reviewwatch.triage.categories import classify
from reviewwatch.triage.grounds import detect_grounds
from reviewwatch.triage.language import detect_language
from reviewwatch.triage.models import CATEGORIES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HEADING = "## Triage quality"
# Grounds that only the Amazon platform rules apply: the first to seller feedback, the second
# to product reviews. Every Amazon row in the data is a product review.
FEEDBACK_ONLY = {"seller_feedback_is_product_review"}
REVIEW_ONLY = {"product_review_is_seller_feedback"}


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Read the JSONL file (a folder means its dev-reviews.jsonl)."""
    if path.is_dir():
        path = path / "dev-reviews.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_amazon(row: dict[str, Any]) -> bool:
    return "amazon" in str(row.get("platform", "")).lower()


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tally(pairs: Iterable[tuple[set[str], set[str]]]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    for gold, got in pairs:
        for label in gold | got:
            key = "tp" if label in gold and label in got else "fp" if label in got else "fn"
            counts[key][label] += 1
    return counts


def language_lines(rows: list[dict[str, Any]]) -> list[str]:
    total, right = Counter[str](), Counter[str]()
    for row in rows:
        total[row["lang"]] += 1
        right[row["lang"]] += detect_language(row["text"]).code == row["lang"]
    hits = sum(right.values())
    lines = [f"Language accuracy: {hits / len(rows):.3f} ({hits}/{len(rows)})"]
    lines += [
        f"  {lang}: {right[lang] / total[lang]:.3f} ({right[lang]}/{total[lang]})"
        for lang in sorted(total)
    ]
    return lines


def category_lines(rows: list[dict[str, Any]]) -> list[str]:
    pairs = [
        (set(row["categories"]), {c.name for c in classify(row["text"], row["lang"])})
        for row in rows
    ]
    counts = tally(pairs)
    lines = ["Categories (precision / recall / F1, support):"]
    f1s = []
    for name in CATEGORIES:
        tp, fp, fn = counts["tp"][name], counts["fp"][name], counts["fn"][name]
        precision, recall, f1 = prf(tp, fp, fn)
        f1s.append(f1)
        lines.append(f"  {name:20} {precision:.3f} / {recall:.3f} / {f1:.3f}  ({tp + fn})")
    lines.append(f"Category macro-F1: {sum(f1s) / len(f1s):.3f}")
    return lines


def ground_lines(rows: list[dict[str, Any]]) -> list[str]:
    pairs = []
    for row in rows:
        got = {g.ground for g in detect_grounds(row["text"], row["lang"])} - FEEDBACK_ONLY
        if not is_amazon(row):
            got -= REVIEW_ONLY
        pairs.append((set(row["removal_grounds"]), got))
    counts = tally(pairs)
    tp, fp, fn = (sum(counts[key].values()) for key in ("tp", "fp", "fn"))
    precision, recall, _ = prf(tp, fp, fn)
    lines = [
        f"Removal grounds (micro): precision {precision:.3f}, recall {recall:.3f}"
        f" (tp {tp}, fp {fp}, fn {fn})"
    ]
    labels = sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]))
    for label in labels:
        tp, fp, fn = counts["tp"][label], counts["fp"][label], counts["fn"][label]
        p, r, _ = prf(tp, fp, fn)
        lines.append(f"  {label:34} precision {p:.3f}, recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return lines


def throughput_line(rows: list[dict[str, Any]], rounds: int = 20) -> str:
    """Time language + categories + grounds, the way triage calls them, on one core."""
    texts = [row["text"] for row in rows]
    for text in texts:  # load the word lists once, outside the timing
        detect_grounds(text, detect_language(text).code)
    elapsed = 0.0
    for round_number in range(1, rounds + 1):
        # A different trailing space per round: no result is served from a cache.
        batch = [text + " " * round_number for text in texts]
        start = time.perf_counter()
        for text in batch:
            code = detect_language(text).code
            classify(text, code)
            detect_grounds(text, code)
        elapsed += time.perf_counter() - start
    count = rounds * len(texts)
    per_review = elapsed / count * 1e6
    speed = count / elapsed
    return f"Throughput: {speed:,.0f} reviews/second ({per_review:.0f} µs per review, one core)"


def write_readme(report: str, command: str) -> None:
    """Replace (or add) the "Triage quality" section of bench/README.md."""
    readme = REPO / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = f"{HEADING}\n\nCommand: `{command}`\n\n```\n{report}\n```\n"
    start = text.find(HEADING)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder or JSONL file")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args(argv)
    path = args.data / "dev-reviews.jsonl" if args.data.is_dir() else args.data
    if not path.exists():
        print(f"No labelled data at {path}; nothing to measure.")
        return 0
    rows = load_rows(path)
    report = "\n".join(
        [
            f"{len(rows)} reviews from {path.name}",
            *language_lines(rows),
            *category_lines(rows),
            *ground_lines(rows),
            throughput_line(rows),
        ]
    )
    print(report)
    if not args.no_readme:
        write_readme(report, "python bench/eval_triage.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
